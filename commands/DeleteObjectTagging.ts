import { readHeaders, writeQuery } from '../codecs/headers.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/** The input of `DeleteObjectTagging`: the object, and optionally the version, whose tags to remove. */
export interface DeleteObjectTaggingInput {
  readonly Bucket: string
  readonly Key: string
  /** The version whose tags to remove; the current one when left out. */
  readonly VersionId?: string
}

/** What `DeleteObjectTagging` returns: the version whose tags were removed, in a versioned bucket. */
export interface DeleteObjectTaggingOutput {
  /** The version whose tags were removed, in a versioned bucket. */
  readonly VersionId?: string
}

/**
 * Removes all of an object's tags (of its current version, or of `VersionId`); the object itself
 * is untouched.
 *
 * @example
 * await send(client, DeleteObjectTagging({ Bucket: 'my-bucket', Key: 'report.pdf' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteObjectTagging(input: DeleteObjectTaggingInput): Command<DeleteObjectTaggingOutput> {
  return {
    operation: 'DeleteObjectTagging',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: { tagging: '', ...writeQuery(input, { VersionId: 'versionId' }) },
    parse: (response, context) =>
      readHeaders<DeleteObjectTaggingOutput>(response, context, { VersionId: 'x-amz-version-id' }),
  }
}
