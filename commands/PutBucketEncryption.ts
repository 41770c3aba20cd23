import { encryptionRequest, type ServerSideEncryptionConfiguration } from '../codecs/encryption.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `PutBucketEncryption`: the bucket and its default-encryption rule. */
export interface PutBucketEncryptionInput {
  readonly Bucket: string
  /**
   * One rule: the default algorithm (`AES256`, `aws:kms`, `aws:kms:dsse`), a KMS key for the KMS ones, and
   * `BucketKeyEnabled`.
   */
  readonly ServerSideEncryptionConfiguration: ServerSideEncryptionConfiguration
}

/**
 * Sets how a bucket encrypts objects uploaded without their own encryption setting. Checked
 * before sending: one rule, a known algorithm, a `KMSMasterKeyID` only with a KMS algorithm. The
 * document carries the `Content-MD5` S3 requires. Ceph RGW 16 does not implement it (400
 * `InvalidArgument`).
 *
 * @example
 * await send(
 *   client,
 *   PutBucketEncryption({
 *     Bucket: 'my-bucket',
 *     ServerSideEncryptionConfiguration: {
 *       Rules: [
 *         {
 *           ApplyServerSideEncryptionByDefault: {
 *             SSEAlgorithm: 'aws:kms',
 *             KMSMasterKeyID: 'arn:aws:kms:us-east-1:111122223333:key/example',
 *           },
 *           BucketKeyEnabled: true,
 *         },
 *       ],
 *     },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutBucketEncryption(input: PutBucketEncryptionInput): Command<EmptyOutput> {
  const bucket = checkBucket(input.Bucket)
  const { headers, body } = encryptionRequest(input.ServerSideEncryptionConfiguration)
  return {
    operation: 'PutBucketEncryption',
    method: 'PUT',
    bucket,
    query: { encryption: '' },
    headers,
    body,
    parse: emptyOutput,
  }
}
