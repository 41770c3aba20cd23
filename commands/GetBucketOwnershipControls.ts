import { type ObjectOwnership, ownershipControlsDocument } from '../codecs/ownership.js'
import { readSubresource } from '../codecs/subresource.js'
import type { Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetBucketOwnershipControls`: the bucket whose Object Ownership setting to read. */
export interface GetBucketOwnershipControlsInput {
  readonly Bucket: string
}

/**
 * What `GetBucketOwnershipControls` returns: the bucket's Object Ownership rule, under
 * `OwnershipControls.Rules` as S3 nests it.
 */
export interface GetBucketOwnershipControlsOutput {
  readonly OwnershipControls: { readonly Rules: { readonly ObjectOwnership: ObjectOwnership }[] }
}

/**
 * Reads a bucket's Object Ownership setting. A bucket without one is an `S3Error` with code
 * `OwnershipControlsNotFoundError`. Ceph RGW 16 does not implement it and answers with a bucket
 * listing, which is an `S3Error` with code `InvalidResponse` that says so.
 *
 * @example
 * const { OwnershipControls } = await send(client, GetBucketOwnershipControls({ Bucket: 'my-bucket' }))
 * console.log(OwnershipControls.Rules[0]?.ObjectOwnership)
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketOwnershipControls(
  input: GetBucketOwnershipControlsInput,
): Command<GetBucketOwnershipControlsOutput> {
  return {
    operation: 'GetBucketOwnershipControls',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { ownershipControls: '' },
    parse: async (response, context) => ({
      OwnershipControls: {
        Rules: (await readSubresource(response, ownershipControlsDocument, context)).OwnershipControls.Rule,
      },
    }),
  }
}
