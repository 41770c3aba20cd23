import { readHeaders } from '../codecs/headers.js'
import type { Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `HeadBucket`: the bucket to check. */
export interface HeadBucketInput {
  readonly Bucket: string
}

/** What `HeadBucket` returns: the bucket's region, when the server names it (`x-amz-bucket-region`). */
export interface HeadBucketOutput {
  /** The bucket's region (`x-amz-bucket-region`), when the server names it. */
  readonly BucketRegion?: string
}

/**
 * Checks that a bucket exists and is yours to use. A missing bucket is an `S3Error` with code
 * `NotFound` (HEAD responses have no body); `lookupBucket` turns that into `null`.
 *
 * @example
 * const { BucketRegion } = await send(client, HeadBucket({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function HeadBucket(input: HeadBucketInput): Command<HeadBucketOutput> {
  return {
    operation: 'HeadBucket',
    method: 'HEAD',
    bucket: checkBucket(input.Bucket),
    parse: (response, context) =>
      readHeaders<HeadBucketOutput>(response, context, { BucketRegion: 'x-amz-bucket-region' }),
  }
}
