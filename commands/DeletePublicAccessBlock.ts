import { writeHeaders } from '../codecs/headers.js'
import { BUCKET_OWNER_HEADERS, type BucketOwnerFields } from '../codecs/request-headers.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `DeletePublicAccessBlock`: the bucket whose Block Public Access settings to remove. */
export interface DeletePublicAccessBlockInput extends BucketOwnerFields {
  readonly Bucket: string
}

/**
 * Removes a bucket's Block Public Access settings (account-level settings still apply on AWS).
 *
 * @example
 * await send(client, DeletePublicAccessBlock({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeletePublicAccessBlock(input: DeletePublicAccessBlockInput): Command<EmptyOutput> {
  return {
    operation: 'DeletePublicAccessBlock',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    query: { publicAccessBlock: '' },
    headers: writeHeaders(input, BUCKET_OWNER_HEADERS),
    parse: emptyOutput,
  }
}
