import { policyStatusDocument } from '../codecs/public-access-block.js'
import { readSubresource } from '../codecs/subresource.js'
import type { Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetBucketPolicyStatus`: the bucket whose policy status to read. */
export interface GetBucketPolicyStatusInput {
  readonly Bucket: string
}

/**
 * What `GetBucketPolicyStatus` returns: whether the bucket's policy makes it public, always as a
 * boolean.
 */
export interface GetBucketPolicyStatusOutput {
  readonly PolicyStatus: {
    /** Whether the bucket's policy makes it public (by S3's meaning of "public"). */
    readonly IsPublic: boolean
  }
}

/**
 * Says whether a bucket's policy makes it public.
 *
 * @example
 * const { PolicyStatus } = await send(client, GetBucketPolicyStatus({ Bucket: 'my-bucket' }))
 * if (PolicyStatus.IsPublic) console.warn('my-bucket is public')
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketPolicyStatus(input: GetBucketPolicyStatusInput): Command<GetBucketPolicyStatusOutput> {
  return {
    operation: 'GetBucketPolicyStatus',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { policyStatus: '' },
    parse: async (response, context) => ({
      PolicyStatus: (await readSubresource(response, policyStatusDocument, context)).PolicyStatus,
    }),
  }
}
