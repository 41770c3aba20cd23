import { writeHeaders } from '../codecs/headers.js'
import { type VersioningConfiguration, versioningRequest } from '../codecs/versioning.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/**
 * The input of `PutBucketVersioning`: the bucket, the versioning state to set and, to change MFA
 * delete, the MFA device and its current code.
 */
export interface PutBucketVersioningInput {
  readonly Bucket: string
  readonly VersioningConfiguration: VersioningConfiguration
  /** The MFA device's serial number, a space and its current code (`x-amz-mfa`); required to change `MFADelete`. */
  readonly MFA?: string
}

/**
 * Turns versioning on (`Enabled`) or pauses it (`Suspended`) for a bucket. Once enabled, a bucket
 * can never return to unversioned; suspending keeps existing versions and gives new writes the
 * version ID `null`. The document carries the `Content-MD5` S3 requires.
 *
 * @example
 * await send(client, PutBucketVersioning({ Bucket: 'my-bucket', VersioningConfiguration: { Status: 'Enabled' } }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutBucketVersioning(input: PutBucketVersioningInput): Command<EmptyOutput> {
  const bucket = checkBucket(input.Bucket)
  const mfa = writeHeaders(input, { MFA: 'x-amz-mfa' })
  const { headers, body } = versioningRequest(input.VersioningConfiguration, mfa['x-amz-mfa'])
  return {
    operation: 'PutBucketVersioning',
    method: 'PUT',
    bucket,
    query: { versioning: '' },
    headers: { ...headers, ...mfa },
    body,
    parse: emptyOutput,
  }
}
