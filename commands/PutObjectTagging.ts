import { readHeaders, writeQuery } from '../codecs/headers.js'
import { MAX_OBJECT_TAGS, type Tagging, taggingRequest } from '../codecs/tagging.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `PutObjectTagging`: the object, and optionally the version, and the tags that
 * replace all of its current ones.
 */
export interface PutObjectTaggingInput {
  readonly Bucket: string
  readonly Key: string
  /** The version to tag; the current one when left out. */
  readonly VersionId?: string
  /** Replaces all of the object's tags: at most 10, unique keys. */
  readonly Tagging: Tagging
}

/** What `PutObjectTagging` returns: the version that was tagged, in a versioned bucket. */
export interface PutObjectTaggingOutput {
  /** The version that was tagged, in a versioned bucket. */
  readonly VersionId?: string
}

/**
 * Replaces an object's tags (of its current version, or of `VersionId`). Checked before sending:
 * at most 10 tags, keys of 1–128 and values of at most 256 Unicode characters, no key twice, no
 * `aws:` prefix. The document carries the `Content-MD5` S3 requires.
 *
 * @example
 * await send(
 *   client,
 *   PutObjectTagging({
 *     Bucket: 'my-bucket',
 *     Key: 'report.pdf',
 *     Tagging: { TagSet: [{ Key: 'project', Value: 'blue' }] },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutObjectTagging(input: PutObjectTaggingInput): Command<PutObjectTaggingOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  const query = { tagging: '', ...writeQuery(input, { VersionId: 'versionId' }) }
  const { headers, body } = taggingRequest(input.Tagging, MAX_OBJECT_TAGS)
  return {
    operation: 'PutObjectTagging',
    method: 'PUT',
    bucket,
    key,
    query,
    headers,
    body,
    parse: (response, context) =>
      readHeaders<PutObjectTaggingOutput>(response, context, { VersionId: 'x-amz-version-id' }),
  }
}
