import { type AclOutput, readAcl } from '../codecs/acl.js'
import { writeQuery } from '../codecs/headers.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/** The input of `GetObjectAcl`: the object, and optionally the version, whose ACL to read. */
export interface GetObjectAclInput {
  readonly Bucket: string
  readonly Key: string
  readonly VersionId?: string
}

/**
 * What `GetObjectAcl` returns: the object's owner and every grant, each grantee typed by its kind
 * (see `AclOutput`).
 */
export type GetObjectAclOutput = AclOutput

/**
 * Reads an object's ACL: its owner and every grant. Grants made by e-mail address come back as
 * the `CanonicalUser` the address resolved to.
 *
 * @example
 * const { Grants } = await send(client, GetObjectAcl({ Bucket: 'my-bucket', Key: 'foobar' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetObjectAcl(input: GetObjectAclInput): Command<GetObjectAclOutput> {
  return {
    operation: 'GetObjectAcl',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: { acl: '', ...writeQuery(input, { VersionId: 'versionId' }) },
    parse: readAcl,
  }
}
