import { flag, writeHeaders, writeQuery } from '../codecs/headers.js'
import { type ObjectLockRetention, retentionRequest } from '../codecs/object-lock.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `PutObjectRetention`: the object version and its new retention, or none to remove a
 * GOVERNANCE retention.
 */
export interface PutObjectRetentionInput {
  readonly Bucket: string
  readonly Key: string
  /** The version to protect; the current one when left out. */
  readonly VersionId?: string
  /**
   * The mode and the date until which the version is kept. Left out, the retention is removed (GOVERNANCE only, with
   * `BypassGovernanceRetention`).
   */
  readonly Retention?: ObjectLockRetention
  /** Shorten or remove a GOVERNANCE retention (needs `s3:BypassGovernanceRetention`). */
  readonly BypassGovernanceRetention?: boolean
}

/**
 * Sets an object version's retention. It can always be lengthened; shortening or removing a
 * GOVERNANCE retention needs `BypassGovernanceRetention`, and a COMPLIANCE retention cannot be
 * shortened at all (both are an `S3Error` with code `AccessDenied`). The document carries the
 * `Content-MD5` S3 requires.
 *
 * @example
 * await send(
 *   client,
 *   PutObjectRetention({
 *     Bucket: 'my-bucket',
 *     Key: 'invoice.pdf',
 *     Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date('2030-01-01T00:00:00Z') },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutObjectRetention(input: PutObjectRetentionInput): Command<EmptyOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  const query = { retention: '', ...writeQuery(input, { VersionId: 'versionId' }) }
  const { headers, body } = retentionRequest(input.Retention)
  return {
    operation: 'PutObjectRetention',
    method: 'PUT',
    bucket,
    key,
    query,
    headers: {
      ...headers,
      ...writeHeaders(input, { BypassGovernanceRetention: ['x-amz-bypass-governance-retention', flag] }),
    },
    body,
    parse: emptyOutput,
  }
}
