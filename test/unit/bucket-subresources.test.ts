import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DeleteObjectTagging } from '../../commands/DeleteObjectTagging.js'
import { GetBucketEncryption } from '../../commands/GetBucketEncryption.js'
import { GetBucketLocation } from '../../commands/GetBucketLocation.js'
import { GetBucketOwnershipControls } from '../../commands/GetBucketOwnershipControls.js'
import { GetBucketPolicy } from '../../commands/GetBucketPolicy.js'
import { GetBucketVersioning } from '../../commands/GetBucketVersioning.js'
import { GetObjectLockConfiguration } from '../../commands/GetObjectLockConfiguration.js'
import { GetObjectRetention } from '../../commands/GetObjectRetention.js'
import { GetObjectTagging } from '../../commands/GetObjectTagging.js'
import { GetPublicAccessBlock } from '../../commands/GetPublicAccessBlock.js'
import { PutBucketPolicy } from '../../commands/PutBucketPolicy.js'
import { PutBucketTagging } from '../../commands/PutBucketTagging.js'
import { PutBucketVersioning } from '../../commands/PutBucketVersioning.js'
import { PutObjectLegalHold } from '../../commands/PutObjectLegalHold.js'
import { PutObjectLockConfiguration } from '../../commands/PutObjectLockConfiguration.js'
import { PutObjectRetention } from '../../commands/PutObjectRetention.js'
import { PutObjectTagging } from '../../commands/PutObjectTagging.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { fakeClient, parseWith, xml } from '../support/fake-client.js'

// Responses are either from the S3 API reference (said so) or captured from Ceph RGW 16.2.15 on
// this project's test server (scripts/s3-server.sh), as marked.
const md5 = (body: string) => createHash('md5').update(body).digest('base64')

/** Sends `command` to a fake server answering `response`, and returns the request it got. */
async function requestOf(command: Parameters<typeof send>[1], response = () => new Response(null, { status: 200 })) {
  const { client, calls } = fakeClient([response])
  await send(client, command)
  const request = calls[0]!
  return { request, url: new URL(request.url), body: await request.text() }
}

describe('requests', () => {
  it(
    'PutBucketVersioning writes <VersioningConfiguration> with MfaDelete and the x-amz-mfa header, ' +
      'with Content-MD5',
    async () => {
      const { request, url, body } = await requestOf(
        PutBucketVersioning({
          Bucket: 'bucket',
          VersioningConfiguration: { Status: 'Enabled', MFADelete: 'Disabled' },
          MFA: '20899872 301749',
        }),
      )
      expect(request.method).toBe('PUT')
      expect(url.search).toBe('?versioning')
      expect(body).toBe(
        '<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration ' +
          'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status>' +
          '<MfaDelete>Disabled</MfaDelete></VersioningConfiguration>',
      )
      expect(request.headers.get('x-amz-mfa')).toBe('20899872 301749')
      expect(request.headers.get('content-md5')).toBe(md5(body))
    },
  )

  it('PutObjectTagging writes the tag set to the version asked for, escaped, with Content-MD5', async () => {
    const { url, body, request } = await requestOf(
      PutObjectTagging({
        Bucket: 'bucket',
        Key: 'a b.txt',
        VersionId: 'v1',
        Tagging: {
          TagSet: [
            { Key: 'a&b', Value: '<x>' },
            { Key: 'empty', Value: '' },
          ],
        },
      }),
    )
    expect(url.pathname).toBe('/bucket/a%20b.txt')
    expect(url.searchParams.get('versionId')).toBe('v1')
    expect(url.searchParams.has('tagging')).toBe(true)
    expect(body).toContain(
      '<TagSet><Tag><Key>a&amp;b</Key><Value>&lt;x&gt;</Value></Tag><Tag><Key>empty</Key>' +
        '<Value></Value></Tag></TagSet>',
    )
    expect(request.headers.get('content-md5')).toBe(md5(body))
  })

  it('counts tag lengths in Unicode characters, as S3 does, not UTF-16 units', () => {
    const emoji = '😀'.repeat(128) // 128 characters, 256 UTF-16 units
    expect(() =>
      PutBucketTagging({ Bucket: 'bucket', Tagging: { TagSet: [{ Key: emoji, Value: '😀'.repeat(256) }] } }),
    ).not.toThrow()
    expect(() =>
      PutBucketTagging({ Bucket: 'bucket', Tagging: { TagSet: [{ Key: `${emoji}x`, Value: '' }] } }),
    ).toThrow(InputError)
    // Up to 50 on a bucket, 10 on an object.
    const tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: '' }))
    expect(() => PutBucketTagging({ Bucket: 'bucket', Tagging: { TagSet: tags } })).not.toThrow()
    expect(() => PutObjectTagging({ Bucket: 'bucket', Key: 'k', Tagging: { TagSet: tags.slice(0, 11) } })).toThrow(
      /at most 10/,
    )
  })

  it('PutBucketPolicy sends JSON text as it is, and an object as JSON, both with Content-MD5', async () => {
    const text =
      '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", ' +
      '"Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::bucket" } ] }'
    const asText = await requestOf(
      PutBucketPolicy({ Bucket: 'bucket', Policy: text, ConfirmRemoveSelfBucketAccess: true }),
    )
    expect(asText.body).toBe(text)
    expect(asText.request.headers.get('content-type')).toBe('application/json')
    expect(asText.request.headers.get('content-md5')).toBe(md5(text))
    expect(asText.request.headers.get('x-amz-confirm-remove-self-bucket-access')).toBe('true')
    const asObject = await requestOf(PutBucketPolicy({ Bucket: 'bucket', Policy: JSON.parse(text) }))
    expect(JSON.parse(asObject.body)).toEqual(JSON.parse(text))
    expect(asObject.request.headers.get('content-md5')).toBe(md5(asObject.body))
  })

  it(
    'PutObjectLockConfiguration, PutObjectRetention and PutObjectLegalHold send their documents with ' + 'Content-MD5',
    async () => {
      const lock = await requestOf(
        PutObjectLockConfiguration({
          Bucket: 'bucket',
          ObjectLockConfiguration: {
            ObjectLockEnabled: 'Enabled',
            Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } },
          },
          Token: 'tok',
        }),
      )
      expect(lock.url.search).toBe('?object-lock')
      expect(lock.body).toContain(
        '<ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode>' +
          '<Days>30</Days></DefaultRetention></Rule>',
      )
      expect(lock.request.headers.get('x-amz-bucket-object-lock-token')).toBe('tok')
      expect(lock.request.headers.get('content-md5')).toBe(md5(lock.body))

      const retention = await requestOf(
        PutObjectRetention({
          Bucket: 'bucket',
          Key: 'k',
          Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date(Date.UTC(2030, 0, 1)) },
          BypassGovernanceRetention: true,
        }),
      )
      expect(retention.body).toContain(
        '<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>COMPLIANCE</Mode>' +
          '<RetainUntilDate>2030-01-01T00:00:00.000Z</RetainUntilDate></Retention>',
      )
      expect(retention.request.headers.get('x-amz-bypass-governance-retention')).toBe('true')
      expect(retention.request.headers.get('content-md5')).toBe(md5(retention.body))

      const removal = await requestOf(
        PutObjectRetention({ Bucket: 'bucket', Key: 'k', BypassGovernanceRetention: true }),
      )
      expect(removal.body).toContain('<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></Retention>')

      const hold = await requestOf(
        PutObjectLegalHold({ Bucket: 'bucket', Key: 'k', VersionId: 'v2', LegalHold: { Status: 'ON' } }),
      )
      expect(hold.url.searchParams.get('versionId')).toBe('v2')
      expect(hold.url.searchParams.has('legal-hold')).toBe(true)
      expect(hold.body).toContain(
        '<LegalHold xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>ON</Status></LegalHold>',
      )
      expect(hold.request.headers.get('content-md5')).toBe(md5(hold.body))
    },
  )

  it('DeleteObjectTagging names the version in the query', async () => {
    const { request, url } = await requestOf(
      DeleteObjectTagging({ Bucket: 'bucket', Key: 'k', VersionId: 'v3' }),
      () => new Response(null, { status: 204 }),
    )
    expect(request.method).toBe('DELETE')
    expect(url.searchParams.get('versionId')).toBe('v3')
    expect(url.searchParams.has('tagging')).toBe(true)
  })
})

describe('responses', () => {
  it('reads an empty <VersioningConfiguration> (never versioned; captured from RGW) as no Status', async () => {
    const response = xml(
      '<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></VersioningConfiguration>',
    )
    expect(await parseWith(GetBucketVersioning({ Bucket: 'bucket' }), response)).toEqual({})
  })

  it('reads RGW versioning with MfaDelete as MFADelete (captured from RGW)', async () => {
    const response = xml(
      '<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Suspended</Status>' +
        '<MfaDelete>Disabled</MfaDelete></VersioningConfiguration>',
    )
    expect(await parseWith(GetBucketVersioning({ Bucket: 'bucket' }), response)).toEqual({
      Status: 'Suspended',
      MFADelete: 'Disabled',
    })
  })

  it('reads an empty <TagSet></TagSet> (after DeleteObjectTagging; captured from RGW) as no tags', async () => {
    const response = xml(
      '<?xml version="1.0" encoding="UTF-8"?><Tagging ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet></TagSet></Tagging>',
    )
    expect(await parseWith(GetObjectTagging({ Bucket: 'bucket', Key: 'k' }), response)).toEqual({ TagSet: [] })
  })

  it("reads RGW's <BlockPublicAccessBlockConfiguration> root (captured from RGW) like S3's", async () => {
    const response = xml(
      '<?xml version="1.0" encoding="UTF-8"?><BlockPublicAccessBlockConfiguration>' +
        '<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls>' +
        '<BlockPublicPolicy>false</BlockPublicPolicy>' +
        '<RestrictPublicBuckets>false</RestrictPublicBuckets></BlockPublicAccessBlockConfiguration>',
    )
    expect(await parseWith(GetPublicAccessBlock({ Bucket: 'bucket' }), response)).toEqual({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: false,
        BlockPublicPolicy: false,
        RestrictPublicBuckets: false,
      },
    })
  })

  it('reads a setting S3 leaves out as off', async () => {
    const response = xml(
      '<PublicAccessBlockConfiguration><BlockPublicPolicy>TRUE</BlockPublicPolicy></PublicAccessBlockConfiguration>',
    )
    expect(await parseWith(GetPublicAccessBlock({ Bucket: 'bucket' }), response)).toEqual({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: false,
        IgnorePublicAcls: false,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: false,
      },
    })
  })

  it(
    'turns a bucket listing given for ?ownershipControls or ?encryption (captured from RGW) into an ' +
      'InvalidResponse that says so',
    async () => {
      const listing =
        '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>probe</Name><Prefix></Prefix>' +
        '<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Marker></Marker></ListBucketResult>'
      for (const command of [
        GetBucketOwnershipControls({ Bucket: 'probe' }),
        GetBucketEncryption({ Bucket: 'probe' }),
      ]) {
        const error = await parseWith<unknown>(command, xml(listing)).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(S3Error)
        expect(error).toMatchObject({ code: 'InvalidResponse', operation: command.operation, bucket: 'probe' })
        expect((error as S3Error).message).toContain(`does not implement ${command.operation}`)
      }
    },
  )

  it('reads an object lock configuration without a rule (captured from RGW)', async () => {
    const response = xml(
      '<?xml version="1.0" encoding="UTF-8"?><ObjectLockConfiguration>' +
        '<ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>',
    )
    expect(await parseWith(GetObjectLockConfiguration({ Bucket: 'bucket' }), response)).toEqual({
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' },
    })
  })

  it('reads a retain-until date with nine fractional digits (captured from RGW)', async () => {
    const response = xml(
      '<?xml version="1.0" encoding="UTF-8"?><Retention><Mode>GOVERNANCE</Mode>' +
        '<RetainUntilDate>2026-12-02T22:21:28.539000359Z</RetainUntilDate></Retention>',
    )
    expect(await parseWith(GetObjectRetention({ Bucket: 'bucket', Key: 'k' }), response)).toEqual({
      Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date('2026-12-02T22:21:28.539Z') },
    })
  })

  it('leaves LocationConstraint out for the empty us-east-1 answer (API reference: "null" for us-east-1)', async () => {
    const response = xml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>',
    )
    expect(await parseWith(GetBucketLocation({ Bucket: 'bucket' }), response)).toEqual({})
  })

  it('refuses a policy that is not a JSON object as an InvalidResponse', async () => {
    for (const body of ['<Policy/>', '[1, 2]', '']) {
      const error = await parseWith(GetBucketPolicy({ Bucket: 'bucket' }), new Response(body)).catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'InvalidResponse', operation: 'GetBucketPolicy' })
    }
  })

  it('refuses a versioning status S3 does not have', async () => {
    const response = xml('<VersioningConfiguration><Status>On</Status></VersioningConfiguration>')
    await expect(parseWith(GetBucketVersioning({ Bucket: 'bucket' }), response)).rejects.toMatchObject({
      code: 'InvalidResponse',
    })
  })
})
