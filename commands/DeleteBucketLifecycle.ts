import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `DeleteBucketLifecycle`: the bucket whose lifecycle rules to remove. */
export interface DeleteBucketLifecycleInput {
  readonly Bucket: string
}

/**
 * Removes every lifecycle rule of a bucket; objects stay where they are. Deleting a configuration
 * that does not exist succeeds.
 *
 * @example
 * await send(client, DeleteBucketLifecycle({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteBucketLifecycle(input: DeleteBucketLifecycleInput): Command<EmptyOutput> {
  return {
    operation: 'DeleteBucketLifecycle',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    query: { lifecycle: '' },
    parse: emptyOutput,
  }
}
