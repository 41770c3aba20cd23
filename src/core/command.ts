import type { RequestBody } from './body.js'

/** The HTTP methods S3 operations use: a command's `method` is one of them. */
export type HttpMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE'

/** Where a response came from, as `send` knows it: what errors about the response name. */
export interface ResponseContext {
  readonly operation: string
  readonly bucket?: string | undefined
  readonly key?: string | undefined
  /**
   * Sends the same request again, signed afresh and through the client's retry policy, with
   * `headers` and `query` laid over the command's own (an undefined parameter is dropped); a non-2xx answer is
   * an `S3Error`. What a body needs to ask for the rest of itself; absent when resuming is off.
   */
  readonly again?:
    | ((
        headers: Readonly<Record<string, string>>,
        query: Readonly<Record<string, string | undefined>>,
      ) => Promise<Response>)
    | undefined
  /** Attempts a body may make in a row without receiving a byte (the client's `retry.maxAttempts`). */
  readonly attempts?: number | undefined
  /** The caller's signal (with the call's deadline): it also stops a body being read. */
  readonly signal?: AbortSignal | undefined
  /** Milliseconds a body may go without a byte before it counts as cut; 0 or absent: no limit. */
  readonly idleMs?: number | undefined
}

/**
 * What a command is: plain data describing one S3 request, plus the function that reads its
 * response. Commands are built by pure functions (`PutObject(input)`), validated when built, and
 * never perform I/O; `send` does that.
 */
export interface Command<Output> {
  /** The S3 operation's name, e.g. `PutObject`; used in errors. */
  readonly operation: string
  readonly method: HttpMethod
  readonly bucket?: string | undefined
  readonly key?: string | undefined
  /** Query parameters; a sub-resource such as `?uploads` has the value ''. */
  readonly query?: Readonly<Record<string, string | undefined>> | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly body?: RequestBody | undefined
  /** Required for stream bodies; known for all others. */
  readonly contentLength?: number | undefined
  /**
   * Turns a 2xx response into the output; `context` is the command's own operation, bucket and
   * key, for the errors it raises. Throws `S3Error` (`InvalidResponse`) on a malformed response.
   */
  readonly parse: (response: Response, context: ResponseContext) => Output | Promise<Output>
}

/** The output type of a command. */
export type OutputOf<C> = C extends Command<infer O> ? O : never

/**
 * Drops undefined values: absent inputs send no header, and outputs leave absent fields out
 * rather than holding `undefined` (so `'VersionId' in output` means S3 sent one).
 */
export function compact<T extends object>(fields: { [K in keyof T]: T[K] | undefined }): T {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = value
  return out as T
}

/** Output of operations whose response carries nothing (DeleteBucket, …). */
export type EmptyOutput = Readonly<Record<string, never>>

export const emptyOutput = (): EmptyOutput => ({})

/**
 * A command whose output is one page of a longer list (ListObjectsV2, ListParts, …). It knows how
 * to ask for the following page, so `paginate` needs nothing operation-specific.
 */
export interface PaginatedCommand<Output, Item> extends Command<Output> {
  readonly pagination: Pagination<Output, Item>
}

/**
 * How a list command pages (its `pagination`): the command for the page after a given one (none
 * after the last), the same request with another page size, and the items of a page. `paginate` and
 * `paginateItems` follow it, so they work alike for every list command.
 */
export interface Pagination<Output, Item> {
  /** The command for the page after `output`, or undefined when `output` was the last page. */
  readonly next: (output: Output) => PaginatedCommand<Output, Item> | undefined
  /** The same request asking for at most `size` items a page. */
  readonly withPageSize: (size: number) => PaginatedCommand<Output, Item>
  /** The items of one page, in order (e.g. `Contents`). */
  readonly items: (output: Output) => readonly Item[]
}
