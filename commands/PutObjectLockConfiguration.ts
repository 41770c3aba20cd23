import { writeHeaders } from '../codecs/headers.js'
import { type ObjectLockConfiguration, objectLockConfigurationRequest } from '../codecs/object-lock.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/**
 * The input of `PutObjectLockConfiguration`: the bucket and its Object Lock configuration, with the
 * default retention of new object versions.
 */
export interface PutObjectLockConfigurationInput {
  readonly Bucket: string
  /**
   * `ObjectLockEnabled: 'Enabled'`, and optionally the default retention of new versions (`Mode` with `Days` or
   * `Years`).
   */
  readonly ObjectLockConfiguration: ObjectLockConfiguration
  /** The token AWS Support gives to enable Object Lock on an existing bucket (`x-amz-bucket-object-lock-token`). */
  readonly Token?: string
}

/**
 * Sets a bucket's Object Lock configuration, usually the default retention every new object
 * version gets. Checked before sending: `ObjectLockEnabled: 'Enabled'`, a mode of `GOVERNANCE` or
 * `COMPLIANCE`, and exactly one of `Days` or `Years` (whole numbers from 1). The document carries
 * the `Content-MD5` S3 requires. The bucket must have been created with Object Lock.
 *
 * @example
 * await send(
 *   client,
 *   PutObjectLockConfiguration({
 *     Bucket: 'my-bucket',
 *     ObjectLockConfiguration: {
 *       ObjectLockEnabled: 'Enabled',
 *       Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } },
 *     },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutObjectLockConfiguration(input: PutObjectLockConfigurationInput): Command<EmptyOutput> {
  const bucket = checkBucket(input.Bucket)
  const { headers, body } = objectLockConfigurationRequest(input.ObjectLockConfiguration)
  return {
    operation: 'PutObjectLockConfiguration',
    method: 'PUT',
    bucket,
    query: { 'object-lock': '' },
    headers: { ...headers, ...writeHeaders(input, { Token: 'x-amz-bucket-object-lock-token' }) },
    body,
    parse: emptyOutput,
  }
}
