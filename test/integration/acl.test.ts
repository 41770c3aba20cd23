import { describe, expect, it } from 'vitest'
import {
  addGrant,
  BucketCannedACL,
  type Client,
  CreateBucket,
  DeleteBucket,
  DeleteObject,
  GetBucketAcl,
  GetObject,
  GetObjectAcl,
  type Grant,
  GroupUri,
  InputError,
  ObjectCannedACL,
  PutBucketAcl,
  PutObject,
  PutObjectAcl,
  removeGrant,
  S3Error,
  send,
} from '../../src/index.js'
import { secondClient, server, testClient, uniqueBucket } from './env.js'

const client = testClient()
const other = secondClient()
const { userId = 'test', userId2 = 'test2', userEmail2 = 'test2@example.com', endpoint } = server()

/** Grants as comparable strings, order-free: S3 does not promise an order. */
const grants = (list: readonly Grant[]) =>
  list
    .map(
      ({ Grantee: g, Permission }) =>
        `${g.Type}:${g.Type === 'Group' ? g.URI : g.Type === 'CanonicalUser' ? g.ID : g.EmailAddress}:${Permission}`,
    )
    .sort()
const user = (id: string, permission: string) => `CanonicalUser:${id}:${permission}`
const group = (uri: string, permission: string) => `Group:${uri}:${permission}`

async function failure(promise: Promise<unknown>): Promise<S3Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(S3Error)
  return error as S3Error
}

/** A fresh bucket for one test; the keys it lists (any owner's) are removed afterwards, even on failure. */
async function withBucket(label: string, run: (Bucket: string, keys: Set<string>) => Promise<void>): Promise<void> {
  const Bucket = uniqueBucket(label)
  const keys = new Set<string>()
  await send(client, CreateBucket({ Bucket }))
  try {
    await run(Bucket, keys)
  } finally {
    for (const Key of keys) await send(client, DeleteObject({ Bucket, Key }))
    await send(client, DeleteBucket({ Bucket }))
  }
}

const readAs = (who: Client, Bucket: string, Key: string) =>
  send(who, GetObject({ Bucket, Key })).then((o) => o.Body.text())

// What each canned ACL grants, from the canned ACL table of the S3 ACL overview.
const owner = user(userId, 'FULL_CONTROL')
const ownerAnd = (...more: string[]) => [owner, ...more].sort()
const defined: Record<string, string[]> = {
  private: [owner],
  'public-read': ownerAnd(group(GroupUri.AllUsers, 'READ')),
  'public-read-write': ownerAnd(group(GroupUri.AllUsers, 'READ'), group(GroupUri.AllUsers, 'WRITE')),
  'authenticated-read': ownerAnd(group(GroupUri.AuthenticatedUsers, 'READ')),
}
// Ceph RGW 16 knows neither of these and answers InvalidArgument (S3: EC2's account gets READ;
// the LogDelivery group gets WRITE and READ_ACP).
const unknownToRgw = new Set(['aws-exec-read', 'log-delivery-write'])

describe('canned ACLs against a real server', () => {
  it('every bucket canned ACL reads back as the grants S3 defines for it', async () => {
    await withBucket('acl-bucket', async (Bucket) => {
      for (const ACL of Object.values(BucketCannedACL)) {
        if (unknownToRgw.has(ACL)) {
          expect(await failure(send(client, PutBucketAcl({ Bucket, ACL }))), ACL).toMatchObject({
            code: 'InvalidArgument',
            status: 400,
            operation: 'PutBucketAcl',
          })
          continue
        }
        await send(client, PutBucketAcl({ Bucket, ACL }))
        const acl = await send(client, GetBucketAcl({ Bucket }))
        expect(acl.Owner.ID, ACL).toBe(userId)
        expect(grants(acl.Grants), ACL).toEqual(defined[ACL])
      }
    })
  })

  it('every object canned ACL reads back as S3 defines it, and public-read really lets anyone read', async () => {
    await withBucket('acl-object', async (Bucket, keys) => {
      const Key = 'canned.txt'
      keys.add(Key)
      await send(client, PutObject({ Bucket, Key, Body: 'canned' }))
      const anonymous = () => fetch(`${endpoint}/${Bucket}/${Key}`)
      for (const ACL of Object.values(ObjectCannedACL)) {
        if (ACL.startsWith('bucket-owner-')) continue // below, with an object another user owns
        if (unknownToRgw.has(ACL)) {
          expect(await failure(send(client, PutObjectAcl({ Bucket, Key, ACL }))), ACL).toMatchObject({
            code: 'InvalidArgument',
            status: 400,
          })
          continue
        }
        await send(client, PutObjectAcl({ Bucket, Key, ACL }))
        const acl = await send(client, GetObjectAcl({ Bucket, Key }))
        expect(grants(acl.Grants), ACL).toEqual(defined[ACL])
        const status = (await anonymous()).status
        expect(status, `anonymous GET under ${ACL}`).toBe(ACL.startsWith('public-') ? 200 : 403)
      }
    })
  })

  it(
    'bucket-owner-read and bucket-owner-full-control give the bucket owner READ / FULL_CONTROL over another ' +
      'user’s object',
    async () => {
      await withBucket('acl-owner', async (Bucket, keys) => {
        await addGrant(client, { Bucket }, { Type: 'CanonicalUser', ID: userId2 }, 'WRITE')
        const Key = 'from-the-other-user.txt'
        keys.add(Key)
        await send(other, PutObject({ Bucket, Key, Body: 'theirs', ACL: 'bucket-owner-read' }))
        const read = await send(other, GetObjectAcl({ Bucket, Key }))
        expect(read.Owner.ID).toBe(userId2)
        expect(grants(read.Grants)).toEqual([user(userId, 'READ'), user(userId2, 'FULL_CONTROL')].sort())
        expect(await readAs(client, Bucket, Key)).toBe('theirs')

        await send(other, PutObjectAcl({ Bucket, Key, ACL: 'bucket-owner-full-control' }))
        const full = await send(client, GetObjectAcl({ Bucket, Key }))
        expect(grants(full.Grants)).toEqual([user(userId, 'FULL_CONTROL'), user(userId2, 'FULL_CONTROL')].sort())
      })
    },
  )
})

describe('grants to another user against a real server', () => {
  it('a grant by canonical ID appears in the ACL, lets that user read, and removeGrant takes it back', async () => {
    await withBucket('acl-id', async (Bucket, keys) => {
      const Key = 'mykeytoshare'
      keys.add(Key)
      await send(client, PutObject({ Bucket, Key, Body: 'shared by id' }))
      expect(await failure(readAs(other, Bucket, Key))).toMatchObject({ code: 'AccessDenied', status: 403 })

      const after = await addGrant(client, { Bucket, Key }, { Type: 'CanonicalUser', ID: userId2 }, 'READ')
      expect(grants(after.Grants)).toEqual([owner, user(userId2, 'READ')].sort())
      expect(grants((await send(client, GetObjectAcl({ Bucket, Key }))).Grants)).toEqual(
        [owner, user(userId2, 'READ')].sort(),
      )
      expect(await readAs(other, Bucket, Key)).toBe('shared by id')

      const removed = await removeGrant(client, { Bucket, Key }, { Type: 'CanonicalUser', ID: userId2 })
      expect(grants(removed.Grants)).toEqual([owner])
      expect(await failure(readAs(other, Bucket, Key))).toMatchObject({ code: 'AccessDenied', status: 403 })
    })
  })

  it(
    'a grant by e-mail appears as the canonical user it resolves to, lets that user read, ' +
      'and is removed by that ID',
    async () => {
      await withBucket('acl-email', async (Bucket, keys) => {
        const Key = 'mykeytoshare'
        keys.add(Key)
        await send(client, PutObject({ Bucket, Key, Body: 'shared by e-mail' }))
        await send(client, PutObjectAcl({ Bucket, Key, ACL: 'public-read' }))

        const after = await addGrant(
          client,
          { Bucket, Key },
          { Type: 'AmazonCustomerByEmail', EmailAddress: userEmail2 },
          'READ',
        )
        // The existing grants are kept; the address comes back as the account's canonical user.
        expect(grants(after.Grants)).toEqual([owner, group(GroupUri.AllUsers, 'READ'), user(userId2, 'READ')].sort())
        await send(
          client,
          PutObjectAcl({
            Bucket,
            Key,
            AccessControlPolicy: { Owner: after.Owner, Grants: after.Grants.filter((g) => g.Grantee.Type !== 'Group') },
          }),
        )
        expect(await readAs(other, Bucket, Key)).toBe('shared by e-mail')

        const byEmail = await removeGrant(
          client,
          { Bucket, Key },
          { Type: 'AmazonCustomerByEmail', EmailAddress: userEmail2 },
        ).catch((e: unknown) => e)
        expect(byEmail).toBeInstanceOf(InputError)
        expect(await readAs(other, Bucket, Key)).toBe('shared by e-mail')

        await removeGrant(client, { Bucket, Key }, { Type: 'CanonicalUser', ID: userId2 }, 'READ')
        expect(grants((await send(client, GetObjectAcl({ Bucket, Key }))).Grants)).toEqual([owner])
        expect(await failure(readAs(other, Bucket, Key))).toMatchObject({ code: 'AccessDenied', status: 403 })
      })
    },
  )

  it('grant headers set the ACL, and an unknown e-mail address is UnresolvableGrantByEmailAddress', async () => {
    await withBucket('acl-headers', async (Bucket, keys) => {
      const Key = 'headers.txt'
      keys.add(Key)
      await send(client, PutObject({ Bucket, Key, Body: 'x' }))
      await send(
        client,
        PutObjectAcl({
          Bucket,
          Key,
          GrantFullControl: `id="${userId}"`,
          GrantRead: `emailAddress="${userEmail2}", uri="${GroupUri.AuthenticatedUsers}"`,
        }),
      )
      expect(grants((await send(client, GetObjectAcl({ Bucket, Key }))).Grants)).toEqual(
        [owner, user(userId2, 'READ'), group(GroupUri.AuthenticatedUsers, 'READ')].sort(),
      )

      const unknown = await failure(
        addGrant(
          client,
          { Bucket, Key },
          { Type: 'AmazonCustomerByEmail', EmailAddress: 'nobody@example.invalid' },
          'READ',
        ),
      )
      expect(unknown).toMatchObject({
        code: 'UnresolvableGrantByEmailAddress',
        status: 400,
        operation: 'PutObjectAcl',
        bucket: Bucket,
        key: Key,
      })
      // Nothing changed.
      expect(grants((await send(client, GetObjectAcl({ Bucket, Key }))).Grants)).toHaveLength(3)
    })
  })
})
