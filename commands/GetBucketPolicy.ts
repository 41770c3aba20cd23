import { type PolicyDocument, readPolicy } from '../codecs/policy.js'
import type { Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetBucketPolicy`: the bucket whose policy to read. */
export interface GetBucketPolicyInput {
  readonly Bucket: string
}

/**
 * What `GetBucketPolicy` returns: the bucket policy, parsed from JSON into a `PolicyDocument`
 * (`@aws-sdk/client-s3` gives the JSON text).
 */
export interface GetBucketPolicyOutput {
  /** The policy, parsed from the JSON S3 returns. */
  readonly Policy: PolicyDocument
}

/**
 * Reads a bucket's policy, parsed from JSON. A bucket without one is an `S3Error` with code
 * `NoSuchBucketPolicy` (HTTP 404).
 *
 * @example
 * const { Policy } = await send(client, GetBucketPolicy({ Bucket: 'my-bucket' }))
 * console.log(Policy.Statement)
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketPolicy(input: GetBucketPolicyInput): Command<GetBucketPolicyOutput> {
  return {
    operation: 'GetBucketPolicy',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { policy: '' },
    parse: async (response, context) => ({ Policy: await readPolicy(response, context) }),
  }
}
