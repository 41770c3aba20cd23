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
   * or undefined when `output` was the last page. A field left undefined here is a malformed page;
   * `null` is for a second marker the page may lack (NextVersionIdMarker): the next request omits it.
   */
  readonly next: (output: Output) => { [F in keyof Input]?: Input[F] | null | undefined } | undefined
}

/**
 * Makes `command` (built by `build` from `input`) paginated by `rules`. Every list command goes
 * through here, so each gets the same guard: a page that claims to be truncated but names no next
 * position, or names the position it was asked for, would make a paginator stop early or loop
 * forever against a misbehaving server; both are an `InvalidResponse` error instead.
 *
 * @example
 * return paginated(ListParts, input, command, { pageSize: 'MaxParts', items: (o) => o.Parts, next: (o) => (o.IsTruncated ? { PartNumberMarker: o.NextPartNumberMarker } : undefined) })
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
        for (const [field, value] of fields) {
          if (value === undefined || value === '') throw invalidResponse(context, 200, `the page is truncated but names no ${field} to continue from.`)
        }
        // null: a marker the page may lack, which the next request then leaves out.
        const next: Record<string, unknown> = Object.fromEntries(fields.map(([field, value]) => [field, value ?? undefined]))
        if (fields.every(([field]) => (input as Record<string, unknown>)[field] === next[field])) {
          throw invalidResponse(context, 200, `the page is truncated but its ${fields.map(([field]) => field).join(' and ')} does not move past the page asked for (${JSON.stringify(position)}).`)
        }
        return build({ ...input, ...next })
      },
      withPageSize: (size) => build({ ...input, [rules.pageSize]: size }),
      items: rules.items,
    },
  }
}
