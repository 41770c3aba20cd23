import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `DeleteBucketEncryption`: the bucket whose default encryption to reset. */
export interface DeleteBucketEncryptionInput {
  readonly Bucket: string
}

/**
 * Resets a bucket's default encryption (on AWS, back to SSE-S3).
 *
 * **Not on Ceph RGW 16:** it does not know `?encryption` and takes the request for DeleteBucket,
 * so an *empty bucket is deleted* (204) and a non-empty one fails with `BucketNotEmpty` (409).
 * Send it only to servers that implement it.
 *
 * @example
 * await send(client, DeleteBucketEncryption({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteBucketEncryption(input: DeleteBucketEncryptionInput): Command<EmptyOutput> {
  return {
    operation: 'DeleteBucketEncryption',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    query: { encryption: '' },
    parse: emptyOutput,
  }
}
