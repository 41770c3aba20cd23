import { optionalString } from '../codecs/headers.js'
import { compact, type Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

export interface DeleteObjectInput {
  readonly Bucket: string
  readonly Key: string
  readonly VersionId?: string
}

export interface DeleteObjectOutput {
  /** True when the delete left a delete marker (versioned buckets). */
  readonly DeleteMarker?: boolean
  readonly VersionId?: string
}

/** Deletes one object. Deleting a key that does not exist succeeds, as in S3. */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteObject(input: DeleteObjectInput): Command<DeleteObjectOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  return {
    operation: 'DeleteObject',
    method: 'DELETE',
    bucket,
    key,
    query: { versionId: input.VersionId },
    parse: ({ headers }) =>
      compact<DeleteObjectOutput>({
        DeleteMarker: headers.has('x-amz-delete-marker') ? headers.get('x-amz-delete-marker') === 'true' : undefined,
        VersionId: optionalString(headers, 'x-amz-version-id'),
      }),
  }
}
