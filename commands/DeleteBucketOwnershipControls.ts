import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/**
 * The input of `DeleteBucketOwnershipControls`: the bucket whose Object Ownership setting to
 * remove.
 */
export interface DeleteBucketOwnershipControlsInput {
  readonly Bucket: string
}

/**
 * Removes a bucket's Object Ownership setting.
 *
 * **Not on Ceph RGW 16:** it does not know `?ownershipControls` and takes the request for
 * DeleteBucket, so an *empty bucket is deleted* (204) and a non-empty one fails with
 * `BucketNotEmpty` (409). Send it only to servers that implement it.
 *
 * @example
 * await send(client, DeleteBucketOwnershipControls({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteBucketOwnershipControls(input: DeleteBucketOwnershipControlsInput): Command<EmptyOutput> {
  return {
    operation: 'DeleteBucketOwnershipControls',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    query: { ownershipControls: '' },
    parse: emptyOutput,
  }
}
