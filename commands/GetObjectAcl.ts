import { readAcl, type AclOutput } from '../codecs/acl.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

export interface GetObjectAclInput {
  readonly Bucket: string
  readonly Key: string
  readonly VersionId?: string
}

export type GetObjectAclOutput = AclOutput

/**
 * Reads an object's ACL (boto's `key.get_acl`): its owner and every grant. Grants made by e-mail
 * address come back as the `CanonicalUser` the address resolved to.
 *
 * @example
 * const { Grants } = await send(client, GetObjectAcl({ Bucket: 'my-bucket', Key: 'foobar' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetObjectAcl(input: GetObjectAclInput): Command<GetObjectAclOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  return {
    operation: 'GetObjectAcl',
    method: 'GET',
    bucket,
    key,
    query: { acl: '', versionId: input.VersionId },
    parse: (response) => readAcl(response, { operation: 'GetObjectAcl', bucket, key }),
  }
}
