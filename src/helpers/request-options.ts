import type { Command, ResponseContext } from '../core/command.js'
import { InputError } from '../core/errors.js'
import { extendCommand, type RequestOption } from '../core/extend-command.js'

/**
 * `command` with every option applied, in order: how a helper (upload, copy, download) gives each
 * request it makes the options its caller passed once (`requestOptions: [sseCustomerKey(key)]`).
 * An option leaves alone the operations that do not take it, so one list serves every request.
 */
export function applyOptions<Output>(
  command: Command<Output>,
  options: readonly RequestOption[] = [],
): Command<Output> {
  return options.reduce<Command<Output>>((built, option) => option(built), command)
}

/**
 * The request option that gives `headers` (and the output fields `read` finds) to the commands
 * whose operation `takes`, and returns every other command unchanged. The fields `read` returns
 * must all be optional: a command left alone has none of them.
 */
/* @__NO_SIDE_EFFECTS__ */
export function requestOption<Extra extends object = object>(
  takes: (operation: string) => boolean,
  headers: Readonly<Record<string, string>>,
  read?: (response: Response, context: ResponseContext) => Extra,
): RequestOption<Extra> {
  return ((command: Command<unknown>) =>
    takes(command.operation) ? extendCommand(command, headers, read) : command) as RequestOption<Extra>
}

/** A `takes` for `requestOption`: the operations named. */
/* @__NO_SIDE_EFFECTS__ */
export function operations(...names: string[]): (operation: string) => boolean {
  return (operation) => names.includes(operation)
}

/** The options a helper was given as `field`, checked: an array of request options (functions). */
export function checkOptions(options: unknown, field: string): readonly RequestOption[] {
  if (options === undefined) return []
  if (!Array.isArray(options) || !options.every((option) => typeof option === 'function')) {
    throw new InputError(
      field,
      'must be an array of request options, e.g. [sseCustomerKey(key), expectedBucketOwner(accountId)].',
    )
  }
  return options
}
