import { writeHeaders } from '../codecs/headers.js'
import { BUCKET_OWNER_HEADERS, type BucketOwnerFields } from '../codecs/request-headers.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `DeleteBucketCors`: the bucket whose CORS configuration to remove. */
export interface DeleteBucketCorsInput extends BucketOwnerFields {
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
    headers: writeHeaders(input, BUCKET_OWNER_HEADERS),
    parse: emptyOutput,
  }
}
