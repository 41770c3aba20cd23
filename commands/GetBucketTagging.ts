import { readSubresource } from '../codecs/subresource.js'
import { type Tag, taggingDocument } from '../codecs/tagging.js'
import type { Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetBucketTagging`: the bucket whose tags to read. */
export interface GetBucketTaggingInput {
  readonly Bucket: string
}

/** What `GetBucketTagging` returns: the bucket's tags, always as an array. */
export interface GetBucketTaggingOutput {
  readonly TagSet: Tag[]
}

/**
 * Reads a bucket's tags (used for cost allocation). A bucket without tags is an `S3Error` with
 * code `NoSuchTagSet` (HTTP 404).
 *
 * @example
 * const { TagSet } = await send(client, GetBucketTagging({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketTagging(input: GetBucketTaggingInput): Command<GetBucketTaggingOutput> {
  return {
    operation: 'GetBucketTagging',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { tagging: '' },
    parse: async (response, context) => ({
      TagSet: (await readSubresource(response, taggingDocument, context)).Tagging.TagSet,
    }),
  }
}
