import { writeQuery } from '../codecs/headers.js'
import { legalHoldRequest, type ObjectLockLegalHold } from '../codecs/object-lock.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `PutObjectLegalHold`: the object, and optionally the version, and the legal hold
 * status to set.
 */
export interface PutObjectLegalHoldInput {
  readonly Bucket: string
  readonly Key: string
  /** The version to hold; the current one when left out. */
  readonly VersionId?: string
  /** `{ Status: 'ON' }` to hold, `{ Status: 'OFF' }` to release. */
  readonly LegalHold: ObjectLockLegalHold
}

/**
 * Puts an object version under a legal hold, or releases it: while `ON`, the version cannot be
 * deleted or overwritten, whatever its retention. The document carries the `Content-MD5` S3
 * requires. The bucket must have Object Lock.
 *
 * @example
 * await send(client, PutObjectLegalHold({ Bucket: 'my-bucket', Key: 'evidence.eml', LegalHold: { Status: 'ON' } }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutObjectLegalHold(input: PutObjectLegalHoldInput): Command<EmptyOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  const query = { 'legal-hold': '', ...writeQuery(input, { VersionId: 'versionId' }) }
  const { headers, body } = legalHoldRequest(input.LegalHold)
  return { operation: 'PutObjectLegalHold', method: 'PUT', bucket, key, query, headers, body, parse: emptyOutput }
}
