import type { ObjectSummary } from '../../codecs/list.js'
import { ListObjectsV2 } from '../../commands/ListObjectsV2.js'
import type { Client } from '../core/index.js'
import { paginateItems } from '../helpers/index.js'

export interface RemoteObject extends ObjectSummary {
  /** The key below the listed prefix: the relative path of the file it is copied to. */
  readonly name: string
}

/**
 * Every object under `prefix` (a "directory": '' or ending in '/'), page by page. Keys ending in
 * '/' are the empty "folder" markers some consoles create: they hold no file, so they are skipped.
 */
export async function* listUnder(
  client: Client,
  bucket: string,
  prefix: string,
  signal: AbortSignal,
): AsyncGenerator<RemoteObject> {
  for await (const object of paginateItems(
    client,
    ListObjectsV2({ Bucket: bucket, ...(prefix ? { Prefix: prefix } : {}) }),
    { signal },
  )) {
    if (object.Key.endsWith('/')) continue
    yield { ...object, name: object.Key.slice(prefix.length) }
  }
}
