import { writeHeaders } from '../codecs/headers.js'
import { BUCKET_OWNER_HEADERS, type BucketOwnerFields } from '../codecs/request-headers.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `DeleteBucketPolicy`: the bucket whose policy to remove. */
export interface DeleteBucketPolicyInput extends BucketOwnerFields {
  readonly Bucket: string
}

/**
 * Removes a bucket's policy; afterwards GetBucketPolicy fails with `NoSuchBucketPolicy`.
 *
 * @example
 * await send(client, DeleteBucketPolicy({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteBucketPolicy(input: DeleteBucketPolicyInput): Command<EmptyOutput> {
  return {
    operation: 'DeleteBucketPolicy',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    query: { policy: '' },
    headers: writeHeaders(input, BUCKET_OWNER_HEADERS),
    parse: emptyOutput,
  }
}
