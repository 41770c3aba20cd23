import type { Command } from '../core/command.js'
import type { RequestOption } from '../core/extend-command.js'

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
