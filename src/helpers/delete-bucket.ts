import { DeleteBucket } from '../../commands/DeleteBucket.js'
import type { Client } from '../core/client.js'
import { InputError } from '../core/errors.js'
import { send } from '../core/send.js'
import { type EmptyBucketResult, emptyBucket } from './empty-bucket.js'

/**
 * Options of `deleteBucket`: `force` to empty the bucket first (objects, versions and incomplete
 * uploads), and a signal to stop.
 */
export interface DeleteBucketOptions {
  /**
   * Delete every object, version and incomplete upload first. This cannot be undone. Without it,
   * a bucket that is not empty is refused with `BucketNotEmpty`, as S3 does.
   */
  readonly force?: true
  readonly signal?: AbortSignal
}

/**
 * Deletes a bucket; with `{ force: true }`, empties it first with `emptyBucket` and returns what
 * that deleted. Without `force` it is `DeleteBucket` itself.
 *
 * @example
 * const { deletedObjects } = await deleteBucket(client, 'scratch-bucket', { force: true })
 */
export async function deleteBucket(
  client: Client,
  Bucket: string,
  options: DeleteBucketOptions = {},
): Promise<EmptyBucketResult> {
  const { force, signal } = options
  if (force !== undefined && force !== true) throw new InputError('force', 'must be true or left out.')
  const command = DeleteBucket({ Bucket })
  const emptied = force
    ? await emptyBucket(client, Bucket, signal ? { signal } : {})
    : { deletedObjects: 0, deletedVersions: 0, abortedUploads: 0 }
  await send(client, command, signal ? { signal } : {})
  return emptied
}
