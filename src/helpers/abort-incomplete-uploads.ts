import { AbortMultipartUpload } from '../../commands/AbortMultipartUpload.js'
import { ListMultipartUploads } from '../../commands/ListMultipartUploads.js'
import type { Client } from '../core/client.js'
import { compact } from '../core/command.js'
import { S3Error } from '../core/errors.js'
import { send } from '../core/send.js'
import { checkDate } from '../core/validate.js'
import { paginateItems } from './paginate.js'

/**
 * Options of `abortIncompleteUploads`: which unfinished uploads to abort (started before a date,
 * keys under a prefix) and a signal to stop.
 */
export interface AbortIncompleteUploadsOptions {
  /** Abort only uploads initiated before this date (leave recent, maybe still running, uploads alone). */
  readonly olderThan?: Date
  /** Abort only uploads whose key starts with this. */
  readonly prefix?: string
  readonly signal?: AbortSignal
}

/**
 * Aborts the multipart uploads of a bucket that were started and never completed or aborted, and
 * returns how many it aborted: such uploads keep their parts (and their cost) forever. Without
 * `olderThan` every unfinished upload is aborted, including ones still running elsewhere; an upload
 * that finishes or is aborted by someone else meanwhile is skipped. A lifecycle rule with
 * `AbortIncompleteMultipartUpload` does the same on the server side.
 *
 * @example
 * const aborted = await abortIncompleteUploads(client, 'my-bucket', { olderThan: new Date(Date.now() - 86_400_000) })
 */
export async function abortIncompleteUploads(
  client: Client,
  Bucket: string,
  options: AbortIncompleteUploadsOptions = {},
): Promise<number> {
  const { olderThan, prefix, signal } = options
  if (olderThan !== undefined) checkDate(olderThan, 'olderThan')
  const list = ListMultipartUploads(compact({ Bucket, Prefix: prefix }))
  let aborted = 0
  for await (const { Key, UploadId, Initiated } of paginateItems(client, list, compact({ signal }))) {
    if (olderThan && Initiated >= olderThan) continue
    try {
      await send(client, AbortMultipartUpload({ Bucket, Key, UploadId }), { signal })
      aborted++
    } catch (error) {
      if (!isGone(error)) throw error
    }
  }
  return aborted
}

/** Completed or aborted meanwhile: `NoSuchUpload` on AWS, `NoSuchKey` on Ceph RGW. */
function isGone(error: unknown): boolean {
  return (
    error instanceof S3Error && error.status === 404 && (error.code === 'NoSuchUpload' || error.code === 'NoSuchKey')
  )
}
