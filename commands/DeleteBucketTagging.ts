import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `DeleteBucketTagging`: the bucket whose tags to remove. */
export interface DeleteBucketTaggingInput {
  readonly Bucket: string
}

/**
 * Removes all of a bucket's tags; afterwards GetBucketTagging fails with `NoSuchTagSet`.
 *
 * @example
 * await send(client, DeleteBucketTagging({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteBucketTagging(input: DeleteBucketTaggingInput): Command<EmptyOutput> {
  return {
    operation: 'DeleteBucketTagging',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    query: { tagging: '' },
    parse: emptyOutput,
  }
}
