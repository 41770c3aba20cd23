import { flag, writeHeaders } from '../codecs/headers.js'
import { type PolicyDocument, policyRequest } from '../codecs/policy.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/**
 * The input of `PutBucketPolicy`: the bucket and its policy, as an object or as JSON text, which
 * replaces any policy it had.
 */
export interface PutBucketPolicyInput {
  readonly Bucket: string
  /** The policy: an object (sent as JSON) or JSON text (sent as it is, once checked to parse). */
  readonly Policy: PolicyDocument | string
  /** Allow a policy that denies the caller itself further changes to the policy. */
  readonly ConfirmRemoveSelfBucketAccess?: boolean
}

/**
 * Sets a bucket's policy, replacing any it had. The policy is checked before sending to be a JSON
 * object with a `Statement`, of at most 20 KB, and goes with the `Content-MD5` S3 requires.
 *
 * @example
 * await send(
 *   client,
 *   PutBucketPolicy({
 *     Bucket: 'my-bucket',
 *     Policy: {
 *       Version: '2012-10-17',
 *       Statement: [
 *         {
 *           Sid: 'PublicRead',
 *           Effect: 'Allow',
 *           Principal: '*',
 *           Action: 's3:GetObject',
 *           Resource: 'arn:aws:s3:::my-bucket/*',
 *         },
 *       ],
 *     },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutBucketPolicy(input: PutBucketPolicyInput): Command<EmptyOutput> {
  const bucket = checkBucket(input.Bucket)
  const { headers, body } = policyRequest(input.Policy)
  return {
    operation: 'PutBucketPolicy',
    method: 'PUT',
    bucket,
    query: { policy: '' },
    headers: {
      ...headers,
      ...writeHeaders(input, { ConfirmRemoveSelfBucketAccess: ['x-amz-confirm-remove-self-bucket-access', flag] }),
    },
    body,
    parse: emptyOutput,
  }
}
