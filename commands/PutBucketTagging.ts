import { MAX_BUCKET_TAGS, type Tagging, taggingRequest } from '../codecs/tagging.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `PutBucketTagging`: the bucket and the tags that replace all of its current ones. */
export interface PutBucketTaggingInput {
  readonly Bucket: string
  /** Replaces all of the bucket's tags: at most 50, unique keys. */
  readonly Tagging: Tagging
}

/**
 * Replaces a bucket's tags. Checked before sending: at most 50 tags, keys of 1–128 and values of
 * at most 256 Unicode characters, no key twice, no `aws:` prefix. The document carries the
 * `Content-MD5` S3 requires.
 *
 * @example
 * await send(
 *   client,
 *   PutBucketTagging({
 *     Bucket: 'my-bucket',
 *     Tagging: {
 *       TagSet: [
 *         { Key: 'Project', Value: 'Project One' },
 *         { Key: 'User', Value: 'jsmith' },
 *       ],
 *     },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutBucketTagging(input: PutBucketTaggingInput): Command<EmptyOutput> {
  const bucket = checkBucket(input.Bucket)
  const { headers, body } = taggingRequest(input.Tagging, MAX_BUCKET_TAGS)
  return {
    operation: 'PutBucketTagging',
    method: 'PUT',
    bucket,
    query: { tagging: '' },
    headers,
    body,
    parse: emptyOutput,
  }
}
