import { type AclOutput, type Grant, type Grantee, grantElement, type Permission } from '../../codecs/acl.js'
import { GetBucketAcl } from '../../commands/GetBucketAcl.js'
import { GetObjectAcl } from '../../commands/GetObjectAcl.js'
import { PutBucketAcl } from '../../commands/PutBucketAcl.js'
import { PutObjectAcl } from '../../commands/PutObjectAcl.js'
import type { Client } from '../core/client.js'
import type { Command } from '../core/command.js'
import { InputError } from '../core/errors.js'
import { type SendOptions, send } from '../core/send.js'
import { explainAclError } from './explain-error.js'

/** A bucket, or an object (with `Key`, and optionally one of its versions). */
export interface GrantTarget {
  readonly Bucket: string
  readonly Key?: string
  readonly VersionId?: string
}

/**
 * Adds one grant to a bucket's or object's ACL and keeps every other grant: reads the ACL,
 * appends the grant unless it is already there, writes the ACL back, and returns the ACL now in
 * force. The read and the write are two requests, so a change made by someone else in between is
 * overwritten; S3 has no conditional ACL write. Failures come back explained (`explainAclError`),
 * e.g. ACLs disabled on the bucket.
 *
 * @example
 * await addGrant(
 *   client,
 *   { Bucket: 'my-bucket', Key: 'mykeytoshare' },
 *   { Type: 'AmazonCustomerByEmail', EmailAddress: 'foo@bar.com' },
 *   'READ',
 * )
 * await addGrant(client, { Bucket: 'my-bucket' }, { Type: 'CanonicalUser', ID: '79a59df9…' }, Permission.READ)
 */
export function addGrant(
  client: Client,
  target: GrantTarget,
  grantee: Grantee,
  permission: Permission,
  options: SendOptions = {},
): Promise<AclOutput> {
  const grant: Grant = { Grantee: grantee, Permission: permission }
  return rewrite(client, target, grant, options, (grants) =>
    grants.some((existing) => existing.Permission === permission && sameGrantee(existing.Grantee, grantee))
      ? undefined
      : [...grants, grant],
  )
}

/**
 * Removes the grants a grantee holds on a bucket or object (only those with `permission`, when
 * given) and keeps every other grant; returns the ACL now in force. Removing a grant that is not
 * there changes nothing. S3 stores e-mail grants as the canonical user the address resolved to, so
 * an e-mail grantee that matches nothing is an `InputError`: remove such grants by `CanonicalUser`
 * ID, as GetObjectAcl shows them. Like `addGrant`, this is a read followed by a write.
 *
 * @example
 * await removeGrant(client, { Bucket: 'my-bucket', Key: 'mykeytoshare' }, { Type: 'CanonicalUser', ID: '79a59df9…' })
 */
export function removeGrant(
  client: Client,
  target: GrantTarget,
  grantee: Grantee,
  permission?: Permission,
  options: SendOptions = {},
): Promise<AclOutput> {
  return rewrite(client, target, { Grantee: grantee, Permission: permission ?? 'READ' }, options, (grants) => {
    const kept = grants.filter(
      (grant) =>
        !(sameGrantee(grant.Grantee, grantee) && (permission === undefined || grant.Permission === permission)),
    )
    if (kept.length < grants.length) return kept
    // S3 stores an e-mail grant as the canonical user the address resolved to.
    if (grantee.Type === 'AmazonCustomerByEmail') {
      throw new InputError(
        'grantee',
        `no grant names ${grantee.EmailAddress}: remove e-mail grants by the canonical user ID S3 shows.`,
      )
    }
    return undefined
  })
}

/**
 * Reads the ACL, lets `change` compute the new grants (undefined: nothing to write), writes them
 * with the owner read, and returns the ACL now in force. Input is checked before any request.
 */
async function rewrite(
  client: Client,
  target: GrantTarget,
  grant: Grant,
  options: SendOptions,
  change: (grants: readonly Grant[]) => Grant[] | undefined,
): Promise<AclOutput> {
  const read = getAcl(target)
  grantElement(grant, 'grant')
  try {
    const current = await send(client, read, options)
    const Grants = change(current.Grants)
    if (!Grants) return current
    await send(client, putAcl(target, current, Grants), options)
    // E-mail grantees are stored as the canonical user they resolve to: read what S3 now holds.
    return grant.Grantee.Type === 'AmazonCustomerByEmail' ? await send(client, read, options) : { ...current, Grants }
  } catch (error) {
    throw explainAclError(error)
  }
}

function getAcl(target: GrantTarget): Command<AclOutput> {
  return target.Key === undefined
    ? GetBucketAcl({ Bucket: target.Bucket })
    : GetObjectAcl({
        Bucket: target.Bucket,
        Key: target.Key,
        ...(target.VersionId === undefined ? {} : { VersionId: target.VersionId }),
      })
}

function putAcl(target: GrantTarget, current: AclOutput, grants: readonly Grant[]): Command<unknown> {
  const AccessControlPolicy = { Owner: current.Owner, Grants: grants }
  return target.Key === undefined
    ? PutBucketAcl({ Bucket: target.Bucket, AccessControlPolicy })
    : PutObjectAcl({
        Bucket: target.Bucket,
        Key: target.Key,
        AccessControlPolicy,
        ...(target.VersionId === undefined ? {} : { VersionId: target.VersionId }),
      })
}

function sameGrantee(a: Grantee, b: Grantee): boolean {
  const key = (g: Grantee) =>
    g.Type === 'CanonicalUser' ? g.ID : g.Type === 'Group' ? g.URI : g.EmailAddress.toLowerCase()
  return a.Type === b.Type && key(a) === key(b)
}
