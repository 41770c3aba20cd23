import { type AclFields, aclRequest } from '../codecs/acl.js'
import { writeQuery } from '../codecs/headers.js'
import { OBJECT_CANNED_ACLS, type ObjectCannedACL } from '../src/core/canned-acl.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `PutObjectAcl`: the object, and optionally the version, and its new ACL in exactly
 * one of the three forms (`AclFields`): a canned ACL, a whole `AccessControlPolicy`, or grant
 * headers.
 */
export interface PutObjectAclInput extends AclFields<ObjectCannedACL> {
  readonly Bucket: string
  readonly Key: string
  /** Set the ACL of this version rather than the current one. */
  readonly VersionId?: string
}

/**
 * Sets an object's ACL: a canned ACL, the whole `AccessControlPolicy`, or grant headers — exactly
 * one of them. To add one grant and keep the others, use `addGrant`.
 *
 * @example
 * await send(client, PutObjectAcl({ Bucket: 'my-bucket', Key: 'foobar', ACL: 'public-read' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutObjectAcl(input: PutObjectAclInput): Command<EmptyOutput> {
  return {
    operation: 'PutObjectAcl',
    method: 'PUT',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: { acl: '', ...writeQuery(input, { VersionId: 'versionId' }) },
    ...aclRequest(input, OBJECT_CANNED_ACLS),
    parse: emptyOutput,
  }
}
