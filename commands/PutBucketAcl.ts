import { type AclFields, aclRequest } from '../codecs/acl.js'
import { BUCKET_CANNED_ACLS, type BucketCannedACL } from '../src/core/canned-acl.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/**
 * The input of `PutBucketAcl`: the bucket and its new ACL in exactly one of the three forms
 * (`AclFields`): a canned ACL, a whole `AccessControlPolicy`, or grant headers.
 */
export interface PutBucketAclInput extends AclFields<BucketCannedACL> {
  readonly Bucket: string
}

/**
 * Sets a bucket's ACL: a canned ACL, the whole `AccessControlPolicy`, or grant headers — exactly
 * one of them. A new AWS bucket has ACLs disabled (Object Ownership "bucket owner enforced") and
 * answers `AccessControlListNotSupported`; see docs/access-control.md.
 *
 * @example
 * await send(client, PutBucketAcl({ Bucket: 'my-bucket', ACL: 'public-read' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutBucketAcl(input: PutBucketAclInput): Command<EmptyOutput> {
  return {
    operation: 'PutBucketAcl',
    method: 'PUT',
    bucket: checkBucket(input.Bucket),
    query: { acl: '' },
    ...aclRequest(input, BUCKET_CANNED_ACLS),
    parse: emptyOutput,
  }
}
