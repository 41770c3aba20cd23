import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `DeleteBucketPolicy`: the bucket whose policy to remove. */
export interface DeleteBucketPolicyInput {
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
    parse: emptyOutput,
  }
}
