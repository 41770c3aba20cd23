import { readHeaders, writeQuery } from '../codecs/headers.js'
import { readSubresource } from '../codecs/subresource.js'
import { type Tag, taggingDocument } from '../codecs/tagging.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/** The input of `GetObjectTagging`: the object, and optionally the version, whose tags to read. */
export interface GetObjectTaggingInput {
  readonly Bucket: string
  readonly Key: string
  /** The version whose tags to read; the current one when left out. */
  readonly VersionId?: string
}

/**
 * What `GetObjectTagging` returns: the version's tags, always as an array, and that version's ID in
 * a versioned bucket.
 */
export interface GetObjectTaggingOutput {
  /** The tags, in the order S3 keeps them; empty when the object has none. */
  readonly TagSet: Tag[]
  /** The version the tags belong to, in a versioned bucket. */
  readonly VersionId?: string
}

/**
 * Reads an object's tags (up to 10 key–value pairs), of its current version or of `VersionId`.
 *
 * @example
 * const { TagSet } = await send(client, GetObjectTagging({ Bucket: 'my-bucket', Key: 'report.pdf' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetObjectTagging(input: GetObjectTaggingInput): Command<GetObjectTaggingOutput> {
  return {
    operation: 'GetObjectTagging',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: { tagging: '', ...writeQuery(input, { VersionId: 'versionId' }) },
    parse: async (response, context) => ({
      ...readHeaders<GetObjectTaggingOutput>(response, context, { VersionId: 'x-amz-version-id' }),
      TagSet: (await readSubresource(response, taggingDocument, context)).Tagging.TagSet,
    }),
  }
}
