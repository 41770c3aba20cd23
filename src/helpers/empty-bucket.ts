import { DeleteObject } from '../../commands/DeleteObject.js'
import { type DeleteError, DeleteObjects, type ObjectIdentifier } from '../../commands/DeleteObjects.js'
import { ListObjectsV2 } from '../../commands/ListObjectsV2.js'
import { ListObjectVersions } from '../../commands/ListObjectVersions.js'
import type { Client } from '../core/client.js'
import { compact, type PaginatedCommand } from '../core/command.js'
import { S3Error } from '../core/errors.js'
import { send } from '../core/send.js'
import { checkBucket, checkInteger, checkText } from '../core/validate.js'
import { abortIncompleteUploads } from './abort-incomplete-uploads.js'
import { paginate } from './paginate.js'
import { pool } from './pool.js'

/** Options of `emptyBucket`: how many DeleteObjects requests run at once, and a signal to stop. */
export interface EmptyBucketOptions {
  /** Stops listing and deleting; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal
  /** DeleteObjects requests (of up to 1,000 keys each) in flight at once; 4 unless set (1–16). */
  readonly concurrency?: number
}

/**
 * What `emptyBucket` (and `deleteBucket` with `force`) did: how many current objects and how many
 * older versions and delete markers it deleted, and how many incomplete multipart uploads it
 * aborted.
 */
export interface EmptyBucketResult {
  /** Current objects deleted. */
  readonly deletedObjects: number
  /** Older versions and delete markers deleted (versioned buckets). */
  readonly deletedVersions: number
  /** Incomplete multipart uploads aborted. */
  readonly abortedUploads: number
}

/**
 * Deletes everything in a bucket, so that `DeleteBucket` can then succeed: every object (listed
 * with ListObjectsV2 and deleted with DeleteObjects, 1,000 keys a request, a few requests in
 * flight), every older version and delete marker where the server keeps versions, and every
 * incomplete multipart upload. Keys XML cannot carry are deleted one by one. Keys that S3 refuses
 * to delete (a bucket policy, an object lock) do not stop the rest: once everything else is
 * gone, an `S3Error` with the first refusal's code names how many keys remain.
 *
 * @example
 * const { deletedObjects, abortedUploads } = await emptyBucket(client, 'old-logs')
 * await send(client, DeleteBucket({ Bucket: 'old-logs' }))
 */
export async function emptyBucket(
  client: Client,
  Bucket: string,
  options: EmptyBucketOptions = {},
): Promise<EmptyBucketResult> {
  checkBucket(Bucket)
  const concurrency = checkInteger(options.concurrency, 'concurrency', 1, 16) ?? 4
  const { signal } = options
  const refused: DeleteError[] = []
  const deletedObjects = await deleteListed(
    client,
    Bucket,
    ListObjectsV2({ Bucket }),
    (page) => page.Contents,
    concurrency,
    refused,
    signal,
  )
  // Versions (and, on an unversioned bucket, objects as version "null") are listed again: deleting
  // by version is another permission (s3:DeleteObjectVersion), so what was refused above may go now.
  const refusedVersions: DeleteError[] = []
  const deletedVersions = await deleteListed(
    client,
    Bucket,
    ListObjectVersions({ Bucket }),
    (page) => [...page.Versions, ...page.DeleteMarkers],
    concurrency,
    refusedVersions,
    signal,
  ).then(
    (count) => {
      refused.splice(0, refused.length, ...refusedVersions)
      return count
    },
    (error: unknown) => {
      // A server without versioning (Cloudflare R2, some gateways) has nothing more to delete.
      if (error instanceof S3Error && error.status === 501) return 0
      throw error
    },
  )
  const abortedUploads = await abortIncompleteUploads(client, Bucket, compact({ signal }))
  if (refused.length > 0) throw refusal(Bucket, refused)
  return { deletedObjects, deletedVersions, abortedUploads }
}

/** Lists with `command`'s pages and deletes each page's entries; returns how many were deleted. */
async function deleteListed<Output>(
  client: Client,
  Bucket: string,
  command: PaginatedCommand<Output, unknown>,
  entriesOf: (page: Output) => readonly ObjectIdentifier[],
  concurrency: number,
  errors: DeleteError[],
  signal: AbortSignal | undefined,
): Promise<number> {
  const deletes = pool(concurrency)
  let deleted = 0
  const run = async (entries: readonly ObjectIdentifier[]): Promise<void> => {
    const batch: ObjectIdentifier[] = []
    for (const { Key, VersionId } of entries) {
      const entry = compact<ObjectIdentifier>({ Key, VersionId })
      if (fitsInXml(Key)) batch.push(entry)
      else {
        // DeleteObjects cannot name it; the key can still travel in a URL.
        try {
          await send(client, DeleteObject({ Bucket, ...entry }), { signal })
          deleted++
        } catch (error) {
          if (!(error instanceof S3Error && error.status === 403)) throw error
          errors.push(compact<DeleteError>({ ...entry, Code: error.code, Message: error.message }))
        }
      }
    }
    if (batch.length === 0) return
    const result = await send(client, DeleteObjects({ Bucket, Delete: { Objects: batch, Quiet: true } }), { signal })
    deleted += batch.length - result.Errors.length
    errors.push(...result.Errors)
  }
  try {
    for await (const page of paginate(client, command, compact({ signal }))) {
      const entries = entriesOf(page)
      if (entries.length > 0) await deletes.run(() => run(entries))
    }
    await deletes.drain()
  } finally {
    // Whatever ended the listing, no delete is left running behind the caller's back.
    await deletes.settle()
  }
  return deleted
}

function fitsInXml(key: string): boolean {
  try {
    checkText(key, 'Key')
    return true
  } catch {
    return false
  }
}

function refusal(Bucket: string, errors: readonly DeleteError[]): S3Error {
  const [first] = errors as [DeleteError]
  const listed = errors
    .slice(0, 5)
    .map((e) => `"${e.Key}"${e.VersionId ? ` (version ${e.VersionId})` : ''}: ${e.Code}`)
    .join(', ')
  return new S3Error({
    code: first.Code,
    status: 200,
    operation: 'DeleteObjects',
    bucket: Bucket,
    key: first.Key,
    message:
      `the bucket is not empty: ${errors.length} key${errors.length === 1 ? '' : 's'} could not be deleted ` +
      `(${listed}${errors.length > 5 ? ', …' : ''}).`,
  })
}
