import type { Client } from '../core/client.js'
import type { PaginatedCommand } from '../core/command.js'
import { send } from '../core/send.js'
import { checkInteger } from '../core/validate.js'

/** Options of `paginate` and `paginateItems`: the page size to ask for, and a signal to stop. */
export interface PaginateOptions {
  /** Ask for pages of at most this many items (the command's own page-size field, e.g. `MaxKeys`). */
  readonly pageSize?: number
  /** Aborts the request in flight; the iteration then rejects with the signal's reason. */
  readonly signal?: AbortSignal
}

/**
 * Sends `command` and then each following page's command, yielding every page's output in order.
 * Works for any paginated command (ListObjectsV2, ListObjects, ListObjectVersions, ListBuckets,
 * ListParts, ListMultipartUploads): each knows how to ask for its next page. One request is in
 * flight at a time, and none is made before the first iteration or after you stop iterating.
 *
 * @example
 * for await (const page of paginate(client, ListObjectsV2({ Bucket: 'photos', Delimiter: '/' }))) {
 *   console.log(page.CommonPrefixes.map((p) => p.Prefix))
 * }
 */
export async function* paginate<Output, Item>(
  client: Client,
  command: PaginatedCommand<Output, Item>,
  options: PaginateOptions = {},
): AsyncGenerator<Output, void, undefined> {
  const size = checkInteger(options.pageSize, 'pageSize', 1)
  let next: PaginatedCommand<Output, Item> | undefined =
    size === undefined ? command : command.pagination.withPageSize(size)
  while (next) {
    const output: Output = await send(client, next, { signal: options.signal })
    yield output
    next = next.pagination.next(output)
  }
}

/**
 * Like `paginate`, but yields the items of each page one by one: the objects of a listing, the
 * buckets of ListBuckets, the uploads or parts of the multipart listings.
 *
 * @example
 * for await (const object of paginateItems(client, ListObjectsV2({ Bucket: 'photos' }))) {
 *   console.log(object.Key, object.Size, object.StorageClass)
 * }
 */
export async function* paginateItems<Output, Item>(
  client: Client,
  command: PaginatedCommand<Output, Item>,
  options: PaginateOptions = {},
): AsyncGenerator<Item, void, undefined> {
  for await (const page of paginate(client, command, options)) yield* command.pagination.items(page)
}
