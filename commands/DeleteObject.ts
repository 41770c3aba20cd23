import {
  type FieldTable,
  flagHeader,
  httpDate,
  readHeaders,
  wholeNumber,
  writeHeaders,
  writeQuery,
} from '../codecs/headers.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `DeleteObject`: the key to delete and, in a versioned bucket, the `VersionId` to
 * delete for good; without it a versioned bucket only gets a delete marker. Conditions make the
 * delete fail with `PreconditionFailed` (412) when the object does not match; Ceph RGW 16 ignores
 * them and deletes anyway (see docs/versioning-tagging-policies.md).
 */
export interface DeleteObjectInput {
  readonly Bucket: string
  readonly Key: string
  readonly VersionId?: string
  /** Delete only when the object's ETag is this one (`*`: any object). */
  readonly IfMatch?: string
  /** Delete only when the object was last modified at this time (S3: directory buckets only). */
  readonly IfMatchLastModifiedTime?: Date
  /** Delete only when the object has this size in bytes (S3: directory buckets only). */
  readonly IfMatchSize?: number
}

const HEADERS: FieldTable<DeleteObjectInput> = {
  IfMatch: 'if-match',
  IfMatchLastModifiedTime: ['x-amz-if-match-last-modified-time', httpDate],
  IfMatchSize: ['x-amz-if-match-size', /* @__PURE__ */ wholeNumber(0)],
}

/**
 * What `DeleteObject` returns: in a versioned bucket, whether the delete created (or removed) a
 * delete marker and the version ID concerned; nothing in an unversioned one.
 */
export interface DeleteObjectOutput {
  /** True when the delete left a delete marker (versioned buckets). */
  readonly DeleteMarker?: boolean
  readonly VersionId?: string
}

/**
 * Deletes one object. Deleting a key that does not exist succeeds, as in S3. In a versioned bucket
 * it adds a delete marker, unless `VersionId` names a version to delete for good.
 *
 * @example
 * await send(client, DeleteObject({ Bucket: 'my-bucket', Key: 'notes/old.txt' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteObject(input: DeleteObjectInput): Command<DeleteObjectOutput> {
  return {
    operation: 'DeleteObject',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: { ...writeQuery(input, { VersionId: 'versionId' }) },
    headers: writeHeaders(input, HEADERS),
    parse: (response, context) =>
      readHeaders<DeleteObjectOutput>(response, context, {
        DeleteMarker: ['x-amz-delete-marker', flagHeader],
        VersionId: 'x-amz-version-id',
      }),
  }
}
