import { type AclOutput, readAcl } from '../codecs/acl.js'
import type { Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetBucketAcl`: the bucket whose ACL to read. */
export interface GetBucketAclInput {
  readonly Bucket: string
}

/**
 * What `GetBucketAcl` returns: the bucket's owner and every grant, each grantee typed by its kind
 * (see `AclOutput`).
 */
export type GetBucketAclOutput = AclOutput

/**
 * Reads a bucket's ACL: its owner and every grant, with typed grantees (`CanonicalUser`,
 * `AmazonCustomerByEmail`, `Group`). Works even where ACLs are disabled.
 *
 * @example
 * const { Owner, Grants } = await send(client, GetBucketAcl({ Bucket: 'my-bucket' }))
 * for (const { Grantee, Permission } of Grants) console.log(Permission, Grantee)
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketAcl(input: GetBucketAclInput): Command<GetBucketAclOutput> {
  return {
    operation: 'GetBucketAcl',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { acl: '' },
    parse: readAcl,
  }
}
