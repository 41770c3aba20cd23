import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { type AccessControlPolicy, GroupUri, Permission } from '../../codecs/acl.js'
import { GetBucketAcl } from '../../commands/GetBucketAcl.js'
import { GetObjectAcl } from '../../commands/GetObjectAcl.js'
import { PutBucketAcl } from '../../commands/PutBucketAcl.js'
import { PutObjectAcl } from '../../commands/PutObjectAcl.js'
import { BUCKET_CANNED_ACLS, BucketCannedACL, OBJECT_CANNED_ACLS, ObjectCannedACL } from '../../src/core/canned-acl.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { AclErrorCode, explainS3Error } from '../../src/helpers/explain-error.js'
import { addGrant, removeGrant } from '../../src/helpers/grants.js'
import { fakeClient, parseWith } from '../support/fake-client.js'
import { fixture } from '../support/fixtures.js'

const md5 = (text: string) => createHash('md5').update(text).digest('base64')
const bodyText = (body: unknown) => body as string

describe('canned ACL constants', () => {
  it('list every value of the AWS canned ACL table, objects and buckets apart', () => {
    // S3 user guide, ACL overview, "Canned ACL" table: which canned ACL applies to what.
    expect([...OBJECT_CANNED_ACLS].sort()).toEqual(Object.values(ObjectCannedACL).sort())
    expect([...BUCKET_CANNED_ACLS].sort()).toEqual(Object.values(BucketCannedACL).sort())
    expect(OBJECT_CANNED_ACLS).toEqual(
      expect.arrayContaining([
        'private',
        'public-read',
        'public-read-write',
        'aws-exec-read',
        'authenticated-read',
        'bucket-owner-read',
        'bucket-owner-full-control',
      ]),
    )
    expect(BUCKET_CANNED_ACLS).toEqual(
      expect.arrayContaining([
        'private',
        'public-read',
        'public-read-write',
        'aws-exec-read',
        'authenticated-read',
        'log-delivery-write',
      ]),
    )
    expect(BUCKET_CANNED_ACLS).not.toContain('bucket-owner-read')
    expect(OBJECT_CANNED_ACLS).not.toContain('log-delivery-write')
  })

  it('name the three predefined groups by their documented URIs', () => {
    expect(GroupUri).toEqual({
      AllUsers: 'http://acs.amazonaws.com/groups/global/AllUsers',
      AuthenticatedUsers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
      LogDelivery: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
    })
  })
})

describe('GetBucketAcl / GetObjectAcl', () => {
  it('parse the sample ACL of the S3 user guide into typed grantees', async () => {
    const output = await parseWith(GetBucketAcl({ Bucket: 'bkt' }), new Response(fixture('acl/aws-sample-acl.xml')))
    expect(output).toEqual({
      Owner: { ID: 'Owner-canonical-user-ID', DisplayName: 'display-name' },
      Grants: [
        {
          Grantee: { Type: 'CanonicalUser', ID: 'Owner-canonical-user-ID', DisplayName: 'display-name' },
          Permission: 'FULL_CONTROL',
        },
        {
          Grantee: { Type: 'CanonicalUser', ID: 'user1-canonical-user-ID', DisplayName: 'display-name' },
          Permission: 'WRITE',
        },
        {
          Grantee: { Type: 'CanonicalUser', ID: 'user2-canonical-user-ID', DisplayName: 'display-name' },
          Permission: 'READ',
        },
        // The sample's URI element has a trailing space after it, outside the text: not part of the URI.
        { Grantee: { Type: 'Group', URI: GroupUri.AllUsers }, Permission: 'READ' },
        { Grantee: { Type: 'Group', URI: GroupUri.LogDelivery }, Permission: 'WRITE' },
      ],
    })
  })

  it('parse what Ceph RGW returns, including an e-mail grant resolved to its canonical user', async () => {
    const publicReadWrite = await parseWith(
      GetObjectAcl({ Bucket: 'bkt', Key: 'k' }),
      new Response(fixture('acl/rgw-public-read-write.xml')),
    )
    expect(publicReadWrite.Grants.map((g) => [g.Grantee.Type, g.Permission])).toEqual([
      ['Group', 'READ'],
      ['Group', 'WRITE'],
      ['CanonicalUser', 'FULL_CONTROL'],
    ])
    const email = await parseWith(
      GetObjectAcl({ Bucket: 'bkt', Key: 'k' }),
      new Response(fixture('acl/rgw-email-grant.xml')),
    )
    expect(email.Grants[1]).toEqual({
      Grantee: { Type: 'CanonicalUser', ID: 'test2', DisplayName: 'Second User' },
      Permission: 'READ',
    })
  })

  it('read an AmazonCustomerByEmail grantee in the form the S3 API reference documents', async () => {
    // PutObjectAcl, "Grantee Values":
    // <Grantee … xsi:type="AmazonCustomerByEmail"><EmailAddress>…</EmailAddress></Grantee>
    const xml =
      `<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList><Grant><Grantee ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
      `xsi:type="AmazonCustomerByEmail"><EmailAddress>Grantees@email.com</EmailAddress></Grantee>` +
      `<Permission>READ_ACP</Permission></Grant></AccessControlList></AccessControlPolicy>`
    const { Owner, Grants } = await parseWith(GetObjectAcl({ Bucket: 'bkt', Key: 'k' }), new Response(xml))
    expect(Owner).toEqual({ ID: 'o' })
    expect(Grants).toEqual([
      { Grantee: { Type: 'AmazonCustomerByEmail', EmailAddress: 'Grantees@email.com' }, Permission: 'READ_ACP' },
    ])
  })

  it('read an empty ACL as no grants, and refuse unknown grantee types and permissions', async () => {
    const empty = await parseWith(
      GetBucketAcl({ Bucket: 'bkt' }),
      new Response('<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList/></AccessControlPolicy>'),
    )
    expect(empty.Grants).toEqual([])
    const odd = (type: string, permission: string) =>
      parseWith(
        GetBucketAcl({ Bucket: 'bkt' }),
        new Response(
          `<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList><Grant><Grantee ` +
            `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
            `xsi:type="${type}"><ID>x</ID></Grantee>` +
            `<Permission>${permission}</Permission></Grant></AccessControlList></AccessControlPolicy>`,
        ),
      )
    // The user guide's first example spells the type "Canonical User": not a type S3 defines.
    await expect(odd('Canonical User', 'READ')).rejects.toMatchObject({
      name: 'S3Error',
      code: 'InvalidResponse',
      operation: 'GetBucketAcl',
    })
    await expect(odd('CanonicalUser', 'EVERYTHING')).rejects.toMatchObject({ code: 'InvalidResponse' })
  })
})

describe('PutBucketAcl / PutObjectAcl', () => {
  const policy: AccessControlPolicy = {
    Owner: { ID: 'owner-id', DisplayName: 'ignored' },
    Grants: [
      {
        Grantee: { Type: 'CanonicalUser', ID: 'owner-id', DisplayName: 'ignored' },
        Permission: Permission.FULL_CONTROL,
      },
      { Grantee: { Type: 'AmazonCustomerByEmail', EmailAddress: 'a&b@example.com' }, Permission: Permission.READ },
      { Grantee: { Type: 'Group', URI: GroupUri.AuthenticatedUsers }, Permission: Permission.READ_ACP },
    ],
  }

  it('send a canned ACL as x-amz-acl on the acl sub-resource', () => {
    const command = PutObjectAcl({ Bucket: 'bkt', Key: 'k', VersionId: 'v1', ACL: 'bucket-owner-full-control' })
    expect(command).toMatchObject({
      operation: 'PutObjectAcl',
      method: 'PUT',
      bucket: 'bkt',
      key: 'k',
      query: { acl: '', versionId: 'v1' },
      headers: { 'x-amz-acl': 'bucket-owner-full-control' },
    })
    expect(command.body).toBeUndefined()
    expect(PutBucketAcl({ Bucket: 'bkt', ACL: 'log-delivery-write' }).headers).toEqual({
      'x-amz-acl': 'log-delivery-write',
    })
    // bucket-owner-* are object ACLs; log-delivery-write is a bucket ACL.
    expect(() => PutBucketAcl({ Bucket: 'bkt', ACL: 'bucket-owner-read' as BucketCannedACL })).toThrow(InputError)
    expect(() => PutObjectAcl({ Bucket: 'bkt', Key: 'k', ACL: 'log-delivery-write' as ObjectCannedACL })).toThrow(
      InputError,
    )
  })

  it('write the whole policy with the grantee forms the S3 API reference documents, and its Content-MD5', () => {
    const { body, headers } = PutObjectAcl({ Bucket: 'bkt', Key: 'k', AccessControlPolicy: policy })
    const xml = bodyText(body)
    const xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    // PutObjectAcl "Grantee Values": by ID, by e-mail address, by URI.
    expect(xml).toContain(
      `<Grantee ${xsi} xsi:type="CanonicalUser"><ID>owner-id</ID></Grantee><Permission>FULL_CONTROL</Permission>`,
    )
    expect(xml).toContain(
      `<Grantee ${xsi} xsi:type="AmazonCustomerByEmail">` +
        `<EmailAddress>a&amp;b@example.com</EmailAddress></Grantee><Permission>READ</Permission>`,
    )
    expect(xml).toContain(
      `<Grantee ${xsi} xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AuthenticatedUsers` +
        `</URI></Grantee><Permission>READ_ACP</Permission>`,
    )
    expect(xml).toMatch(
      new RegExp(
        String.raw`^<\?xml version="1.0" encoding="UTF-8"\?><AccessControlPolicy ` +
          String.raw`xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/">` +
          String.raw`<Owner><ID>owner-id<\/ID><\/Owner><AccessControlList>`,
      ),
    )
    // DisplayName "is optional and ignored in the request": not sent.
    expect(xml).not.toContain('ignored')
    expect(headers).toEqual({ 'content-type': 'application/xml', 'content-md5': md5(xml) })
  })

  it('reads back what it writes', async () => {
    const { body } = PutBucketAcl({ Bucket: 'bkt', AccessControlPolicy: policy })
    const read = await parseWith(GetBucketAcl({ Bucket: 'bkt' }), new Response(bodyText(body)))
    expect(read).toEqual({
      Owner: { ID: 'owner-id' },
      Grants: policy.Grants.map((g) => ({
        ...g,
        Grantee: g.Grantee.Type === 'CanonicalUser' ? { Type: 'CanonicalUser', ID: g.Grantee.ID } : g.Grantee,
      })),
    })
  })

  it('send grant headers as given', () => {
    const { headers, body } = PutBucketAcl({
      Bucket: 'bkt',
      GrantRead: 'emailAddress="xyz@amazon.com", emailAddress="abc@amazon.com"',
      GrantWriteACP: 'id="owner-id"',
    })
    expect(headers).toEqual({
      'x-amz-grant-read': 'emailAddress="xyz@amazon.com", emailAddress="abc@amazon.com"',
      'x-amz-grant-write-acp': 'id="owner-id"',
    })
    expect(body).toBeUndefined()
  })

  it('refuse, before any request, what S3 would refuse', () => {
    const field = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        expect(error).toBeInstanceOf(InputError)
        return (error as InputError).field
      }
      throw new Error('no InputError')
    }
    expect(field(() => PutObjectAcl({ Bucket: 'bkt', Key: 'k' }))).toBe('ACL')
    expect(field(() => PutObjectAcl({ Bucket: 'bkt', Key: 'k', ACL: 'private', GrantRead: 'id="x"' }))).toBe('ACL')
    expect(field(() => PutObjectAcl({ Bucket: 'bkt', Key: 'k', ACL: 'private', AccessControlPolicy: policy }))).toBe(
      'ACL',
    )
    expect(
      field(() =>
        PutObjectAcl({ Bucket: 'bkt', Key: 'k', AccessControlPolicy: { ...policy, Owner: undefined as never } }),
      ),
    ).toBe('AccessControlPolicy.Owner')
    expect(
      field(() =>
        PutObjectAcl({
          Bucket: 'bkt',
          Key: 'k',
          AccessControlPolicy: {
            ...policy,
            Grants: [{ Grantee: { Type: 'Group', URI: GroupUri.AllUsers }, Permission: 'ALL' as Permission }],
          },
        }),
      ),
    ).toBe('AccessControlPolicy.Grants[0].Permission')
    expect(
      field(() =>
        PutObjectAcl({
          Bucket: 'bkt',
          Key: 'k',
          AccessControlPolicy: {
            ...policy,
            Grants: [{ Grantee: { Type: 'User', ID: 'x' } as never, Permission: 'READ' }],
          },
        }),
      ),
    ).toBe('AccessControlPolicy.Grants[0].Grantee.Type')
    expect(
      field(() =>
        PutObjectAcl({
          Bucket: 'bkt',
          Key: 'k',
          AccessControlPolicy: {
            ...policy,
            Grants: [{ Grantee: { Type: 'CanonicalUser', ID: '' }, Permission: 'READ' }],
          },
        }),
      ),
    ).toBe('AccessControlPolicy.Grants[0].Grantee.ID')
    // "An ACL can have up to 100 grants" (S3 ACL overview).
    const many = Array.from({ length: 101 }, (_, i) => ({
      Grantee: { Type: 'CanonicalUser' as const, ID: `u${i}` },
      Permission: Permission.READ,
    }))
    expect(field(() => PutBucketAcl({ Bucket: 'bkt', AccessControlPolicy: { ...policy, Grants: many } }))).toBe(
      'AccessControlPolicy.Grants',
    )
    expect(field(() => PutBucketAcl({ Bucket: 'bkt', GrantRead: 'id="x"\n' }))).toBe('GrantRead')
  })
})

// Canned responses shaped like Ceph RGW's (captured above) for the read-modify-write helpers:
// a PUT stores the document that the next GET returns.
function aclServer(initial: string) {
  let document = initial
  const requests: { method: string; url: string; body: string }[] = []
  const { client, fetch } = fakeClient([
    async (request) => {
      const body = await request.text()
      requests.push({ method: request.method, url: request.url, body })
      if (request.method === 'PUT') {
        document = body
        return new Response('', { status: 200 })
      }
      return new Response(document, { status: 200, headers: { 'content-type': 'application/xml' } })
    },
  ])
  return { client, requests, fetch }
}

describe('addGrant / removeGrant', () => {
  const target = { Bucket: 'bkt', Key: 'k' }

  it('add a grant and keep every existing one', async () => {
    const { client, requests } = aclServer(fixture('acl/rgw-public-read-write.xml'))
    const acl = await addGrant(client, target, { Type: 'CanonicalUser', ID: 'test2' }, 'READ')
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT'])
    expect(requests[1]!.url).toBe('http://127.0.0.1:7480/bkt/k?acl')
    expect(acl.Grants).toHaveLength(4)
    const written = await parseWith(GetObjectAcl(target), new Response(requests[1]!.body))
    expect(written.Owner).toEqual({ ID: 'test' })
    expect(written.Grants.map((g) => [g.Grantee, g.Permission])).toEqual([
      [{ Type: 'Group', URI: GroupUri.AllUsers }, 'READ'],
      [{ Type: 'Group', URI: GroupUri.AllUsers }, 'WRITE'],
      [{ Type: 'CanonicalUser', ID: 'test' }, 'FULL_CONTROL'],
      [{ Type: 'CanonicalUser', ID: 'test2' }, 'READ'],
    ])
  })

  it('write nothing when the grant is already there', async () => {
    const { client, requests } = aclServer(fixture('acl/rgw-email-grant.xml'))
    await addGrant(client, target, { Type: 'CanonicalUser', ID: 'test2' }, 'READ')
    expect(requests.map((r) => r.method)).toEqual(['GET'])
  })

  it('read the ACL back after an e-mail grant, which S3 resolves to a canonical user', async () => {
    const { client, requests } = aclServer(fixture('acl/rgw-public-read-write.xml'))
    await addGrant(
      client,
      { Bucket: 'bkt' },
      { Type: 'AmazonCustomerByEmail', EmailAddress: 'test2@example.com' },
      'READ',
    )
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://127.0.0.1:7480/bkt?acl',
      'PUT http://127.0.0.1:7480/bkt?acl',
      'GET http://127.0.0.1:7480/bkt?acl',
    ])
    expect(requests[1]!.body).toContain('<EmailAddress>test2@example.com</EmailAddress>')
  })

  it('remove only the matching grants', async () => {
    const { client, requests } = aclServer(fixture('acl/rgw-public-read-write.xml'))
    const acl = await removeGrant(client, target, { Type: 'Group', URI: GroupUri.AllUsers }, 'WRITE')
    expect(acl.Grants.map((g) => g.Permission)).toEqual(['READ', 'FULL_CONTROL'])
    const all = await removeGrant(client, target, { Type: 'Group', URI: GroupUri.AllUsers })
    // The stub now holds the document the first call wrote, which leaves DisplayName out.
    expect(all.Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ID: 'test' }, Permission: 'FULL_CONTROL' }])
    const nothing = await removeGrant(client, target, { Type: 'CanonicalUser', ID: 'nobody' })
    expect(nothing.Grants).toHaveLength(1)
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT', 'GET', 'PUT', 'GET'])
  })

  it('refuse to pretend an e-mail grant was removed when S3 shows it by canonical ID', async () => {
    const { client, requests } = aclServer(fixture('acl/rgw-email-grant.xml'))
    await expect(
      removeGrant(client, target, { Type: 'AmazonCustomerByEmail', EmailAddress: 'test2@example.com' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      field: 'grantee',
    })
    expect(requests.map((r) => r.method)).toEqual(['GET'])
  })

  it('check their input before sending anything', async () => {
    const { client, fetch } = aclServer('')
    await expect(
      addGrant(client, target, { Type: 'Group', URI: GroupUri.AllUsers }, 'ALL' as Permission),
    ).rejects.toBeInstanceOf(InputError)
    await expect(
      addGrant(client, { Bucket: 'bkt', Key: '' }, { Type: 'Group', URI: GroupUri.AllUsers }, 'READ'),
    ).rejects.toBeInstanceOf(InputError)
    await expect(removeGrant(client, target, { Type: 'CanonicalUser', ID: '' })).rejects.toBeInstanceOf(InputError)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('explain AccessControlListNotSupported (ACLs disabled by Object Ownership)', async () => {
    // Error code and message as the S3 docs name them for buckets with "bucket owner enforced".
    const { client } = fakeClient(
      [
        () => new Response(fixture('acl/rgw-email-grant.xml')),
        () =>
          new Response(
            '<Error><Code>AccessControlListNotSupported</Code><Message>The bucket does not allow ' +
              'ACLs</Message><RequestId>R</RequestId></Error>',
            { status: 400 },
          ),
      ],
      { endpoint: 'https://s3.us-east-1.amazonaws.com' },
    )
    const error = await addGrant(client, target, { Type: 'CanonicalUser', ID: 'other' }, 'READ').catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      code: AclErrorCode.AccessControlListNotSupported,
      status: 400,
      operation: 'PutObjectAcl',
    })
    expect((error as S3Error).message).toMatch(/ACLs are disabled.*Object Ownership.*bucket policy/)
    expect((error as S3Error).cause).toBeInstanceOf(S3Error)
  })
})

describe('explainS3Error for ACLs', () => {
  const error = (code: string, status: number, operation: string, message = '') =>
    new S3Error({ code, status, operation, bucket: 'bkt', message })

  it('says why AWS answers 405 to a grant by e-mail address', () => {
    const explained = explainS3Error(error('MethodNotAllowed', 405, 'PutObjectAcl')) as S3Error
    expect(explained).toMatchObject({ code: 'MethodNotAllowed', status: 405, bucket: 'bkt' })
    expect(explained.message).toContain('1 October 2025')
    expect(explained.message).toContain('canonical user ID')
  })

  it('leaves other errors, and things that are not S3 errors, as they are', () => {
    const other = error('NoSuchBucket', 404, 'PutObjectAcl')
    expect(explainS3Error(other)).toBe(other)
    const notS3 = new TypeError('x')
    expect(explainS3Error(notS3)).toBe(notS3)
    expect(explainS3Error(error('MethodNotAllowed', 405, 'GetObject')).message).not.toContain('e-mail')
  })
})

// A request through send, to be sure the command's query and body survive the whole path.
it('PutObjectAcl goes out as PUT /bucket/key?acl with the document and its MD5', async () => {
  const { client, calls: seen } = fakeClient([() => new Response('', { status: 200 })])
  await send(
    client,
    PutObjectAcl({ Bucket: 'bkt', Key: 'a key', AccessControlPolicy: { Owner: { ID: 'o' }, Grants: [] } }),
  )
  const [request] = seen
  expect(request!.method).toBe('PUT')
  expect(request!.url).toBe('http://127.0.0.1:7480/bkt/a%20key?acl')
  const body = await request!.text()
  expect(request!.headers.get('content-md5')).toBe(md5(body))
  expect(request!.headers.get('authorization')).toContain('content-md5')
})
