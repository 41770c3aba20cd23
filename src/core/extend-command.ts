import type { Command, PaginatedCommand, ResponseContext } from './command.js'

/**
 * A request option: something S3 takes on many operations (a bucket owner to expect, an encryption
 * key, a checksum), applied to a built command. Options are functions of their own modules, so a
 * command carries none of their code and an app pays only for the options it imports:
 * `send(client, sseCustomerKey(key)(GetObject({ Bucket, Key })))`. An option leaves alone a command
 * whose operation does not take it, so that helpers can apply one option to every request they make.
 */
export interface RequestOption<Extra extends object = object> {
  <Output, Item>(command: PaginatedCommand<Output, Item>): PaginatedCommand<Output & Extra, Item>
  <Output>(command: Command<Output>): Command<Output & Extra>
}

/**
 * `command` with more request headers, and the output fields `read` finds in the response (merged
 * over the command's own output: `read` may replace a field, e.g. a `Body` it checks). A paginated
 * command keeps the headers on every page it leads to.
 */
export function extendCommand<Output, Item, Extra extends object = object>(
  command: PaginatedCommand<Output, Item>,
  headers: Readonly<Record<string, string>>,
  read?: (response: Response, context: ResponseContext, output: Output) => Extra | Promise<Extra>,
): PaginatedCommand<Output & Extra, Item>
export function extendCommand<Output, Extra extends object = object>(
  command: Command<Output>,
  headers: Readonly<Record<string, string>>,
  read?: (response: Response, context: ResponseContext, output: Output) => Extra | Promise<Extra>,
): Command<Output & Extra>
/* @__NO_SIDE_EFFECTS__ */
export function extendCommand<Output, Extra extends object = object>(
  command: Command<Output>,
  headers: Readonly<Record<string, string>>,
  read?: (response: Response, context: ResponseContext, output: Output) => Extra | Promise<Extra>,
): Command<Output & Extra> {
  const pagination = (command as Partial<PaginatedCommand<Output, unknown>>).pagination
  const again = (next: Command<Output>) => extendCommand(next, headers, read)
  return {
    ...command,
    headers: { ...command.headers, ...headers },
    parse: async (response, context) => {
      const output = await command.parse(response, context)
      return { ...output, ...(await read?.(response, context, output)) } as Output & Extra
    },
    ...(pagination && {
      pagination: {
        ...pagination,
        next: (output: Output) => {
          const next = pagination.next(output)
          return next && again(next)
        },
        withPageSize: (size: number) => again(pagination.withPageSize(size)),
      },
    }),
  }
}
