import { type OwnershipControls, ownershipControlsRequest } from '../codecs/ownership.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `PutBucketOwnershipControls`: the bucket and its Object Ownership rule. */
export interface PutBucketOwnershipControlsInput {
  readonly Bucket: string
  /** One rule: `BucketOwnerEnforced`, `BucketOwnerPreferred` or `ObjectWriter`. */
  readonly OwnershipControls: OwnershipControls
}

/**
 * Sets a bucket's Object Ownership: `BucketOwnerEnforced` turns ACLs off, the others turn them
 * back on. The document carries the `Content-MD5` S3 requires. Ceph RGW 16 does not implement it
 * (400 `InvalidArgument`).
 *
 * @example
 * await send(
 *   client,
 *   PutBucketOwnershipControls({
 *     Bucket: 'my-bucket',
 *     OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutBucketOwnershipControls(input: PutBucketOwnershipControlsInput): Command<EmptyOutput> {
  const bucket = checkBucket(input.Bucket)
  const { headers, body } = ownershipControlsRequest(input.OwnershipControls)
  return {
    operation: 'PutBucketOwnershipControls',
    method: 'PUT',
    bucket,
    query: { ownershipControls: '' },
    headers,
    body,
    parse: emptyOutput,
  }
}
