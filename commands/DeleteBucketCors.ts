import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `DeleteBucketCors`: the bucket whose CORS configuration to remove. */
export interface DeleteBucketCorsInput {
  readonly Bucket: string
}

/**
 * Removes a bucket's CORS configuration; afterwards cross-origin requests are refused and
 * GetBucketCors fails with `NoSuchCORSConfiguration`.
 *
 * @example
 * await send(client, DeleteBucketCors({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteBucketCors(input: DeleteBucketCorsInput): Command<EmptyOutput> {
  return {
    operation: 'DeleteBucketCors',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    query: { cors: '' },
    parse: emptyOutput,
  }
}
