import type { Command, PaginatedCommand } from './command.js'
import { invalidResponse } from './errors.js'

/** What makes a list command paginated: its page-size field, its items, and where the next page starts. */
export interface PageRules<Input, Output, Item> {
  /** The input field that sets the page size, e.g. `MaxKeys`. */
  readonly pageSize: keyof Input & string
  /** A page's items, in order (e.g. `Contents`). */
  readonly items: (output: Output) => readonly Item[]
  /**
   * The input fields that ask for the page after `output` (e.g. `{ ContinuationToken: output.NextContinuationToken }`),
   * or undefined when `output` was the last page. The first field is the position itself: a page
   * that leaves it undefined, empty or 0 is malformed. Later fields refine it and may be absent (a
   * page ending on a common prefix names no NextVersionIdMarker): the next request leaves them out.
   */
  readonly next: (output: Output) => { [F in keyof Input]?: Input[F] | undefined } | undefined
}

/**
 * Makes `command` (built by `build` from `input`) paginated by `rules`. Every list command goes
 * through here, so each gets the same guard: a page that claims to be truncated but names no next
 * position, or names the position it was asked for, would make a paginator stop early or loop
 * forever against a misbehaving server; both are an `InvalidResponse` error instead.
 *
 * @example
 * return paginated(ListParts, input, command, {
 *   pageSize: 'MaxParts',
 *   items: (o) => o.Parts,
 *   next: (o) => (o.IsTruncated ? { PartNumberMarker: o.NextPartNumberMarker } : undefined),
 * })
 */
/* @__NO_SIDE_EFFECTS__ */
export function paginated<Input extends object, Output, Item>(
  build: (input: Input) => PaginatedCommand<Output, Item>,
  input: Input,
  command: Command<Output>,
  rules: PageRules<Input, Output, Item>,
): PaginatedCommand<Output, Item> {
  return {
    ...command,
    pagination: {
      next: (output) => {
        const position = rules.next(output)
        if (position === undefined) return undefined
        const fields = Object.entries(position)
        const context = { operation: command.operation, bucket: command.bucket, key: command.key }
        const [first, start] = fields[0]!
        if (!start) throw invalidResponse(context, 200, `the page is truncated but names no ${first} to continue from.`)
        if (fields.every(([field, value]) => (input as Record<string, unknown>)[field] === value)) {
          throw invalidResponse(
            context,
            200,
            `the page is truncated but its ${fields.map(([field]) => field).join(' and ')} does not move ` +
              `past the page asked for (${JSON.stringify(position)}).`,
          )
        }
        return build({ ...input, ...position })
      },
      withPageSize: (size) => build({ ...input, [rules.pageSize]: size }),
      items: rules.items,
    },
  }
}
