import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/**
 * The input of `DeleteBucket`: the bucket to delete, which must be empty (the `deleteBucket` helper
 * can empty it first).
 */
export interface DeleteBucketInput {
  readonly Bucket: string
}

/**
 * Deletes an empty bucket; a bucket with objects fails with `BucketNotEmpty` (the `deleteBucket`
 * helper with `force: true` empties it first).
 *
 * @example
 * await send(client, DeleteBucket({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteBucket(input: DeleteBucketInput): Command<EmptyOutput> {
  return { operation: 'DeleteBucket', method: 'DELETE', bucket: checkBucket(input.Bucket), parse: emptyOutput }
}
