import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseRestore } from '../../codecs/restore.js'
import { GetObject } from '../../commands/GetObject.js'
import { HeadObject } from '../../commands/HeadObject.js'
import { RestoreObject, type RestoreTier } from '../../commands/RestoreObject.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { explainS3Error, RestoreErrorCode } from '../../src/helpers/explain-error.js'
import { fakeClient, parseWith } from '../support/fake-client.js'

describe('x-amz-restore', () => {
  // Every value the S3 API reference gives for the header (HeadObject and GetObject, "Restore";
  // the RestoreObject page), plus its absence.
  it('restore in progress: ongoing-request="true"', () => {
    expect(parseRestore('ongoing-request="true"')).toEqual({ ongoingRequest: true })
  })

  it(
    'restored copy: ongoing-request="false", expiry-date="Fri, ' + '21 Dec 2012 00:00:00 GMT" (the date holds a comma)',
    () => {
      expect(parseRestore('ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"')).toEqual({
        ongoingRequest: false,
        expiryDate: new Date(Date.UTC(2012, 11, 21)),
      })
    },
  )

  it('the older pages’ example date, "Fri, 23 Dec 2012 00:00:00 GMT"', () => {
    expect(parseRestore('ongoing-request="false", expiry-date="Fri, 23 Dec 2012 00:00:00 GMT"')?.expiryDate).toEqual(
      new Date(Date.UTC(2012, 11, 23)),
    )
  })

  it('no header: no restore was requested', () => {
    expect(parseRestore(null)).toBeUndefined()
  })

  it(
    'a finished restore without expiry (Intelligent-Tiering archive tiers move the object back, ' + 'no copy expires)',
    () => {
      expect(parseRestore('ongoing-request="false"')).toEqual({ ongoingRequest: false })
    },
  )

  it('fields matched by name, whatever their order and spacing; garbage is no status rather than a crash', () => {
    expect(parseRestore('expiry-date="Fri, 21 Dec 2012 00:00:00 GMT",ongoing-request="false"')).toEqual({
      ongoingRequest: false,
      expiryDate: new Date(Date.UTC(2012, 11, 21)),
    })
    expect(parseRestore('ongoing-request = "false" , expiry-date = "not a date"')).toEqual({ ongoingRequest: false })
    expect(parseRestore('restoring')).toBeUndefined()
  })

  // Response headers as the HeadObject API reference shows them for an archived object.
  const archived = (restore?: string) =>
    new Response(null, {
      status: 200,
      headers: {
        etag: '"3858f62230ac3c915f300c664312c11f-9"',
        'last-modified': 'Wed, 01 Mar 2006 12:00:00 GMT',
        'content-length': '434234',
        'x-amz-storage-class': 'GLACIER',
        ...(restore === undefined ? {} : { 'x-amz-restore': restore }),
      },
    })

  it('HeadObject and GetObject give it as Restore', async () => {
    const head = await parseWith(
      HeadObject({ Bucket: 'bkt', Key: 'k' }),
      archived('ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"'),
    )
    expect(head).toMatchObject({
      StorageClass: 'GLACIER',
      Restore: { ongoingRequest: false, expiryDate: new Date(Date.UTC(2012, 11, 21)) },
    })
    const get = await parseWith(GetObject({ Bucket: 'bkt', Key: 'k' }), archived('ongoing-request="true"'))
    expect(get.Restore).toEqual({ ongoingRequest: true })
    expect('Restore' in (await parseWith(HeadObject({ Bucket: 'bkt', Key: 'k' }), archived()))).toBe(false)
  })
})

describe('RestoreObject', () => {
  it('POSTs the documented RestoreRequest to ?restore, with Content-MD5 and an XML content type', () => {
    const command = RestoreObject({
      Bucket: 'bkt',
      Key: 'logs/testlog1.log',
      VersionId: 'v1',
      RestoreRequest: { Days: 2, GlacierJobParameters: { Tier: 'Bulk' } },
    })
    expect(command).toMatchObject({
      operation: 'RestoreObject',
      method: 'POST',
      bucket: 'bkt',
      key: 'logs/testlog1.log',
      query: { restore: '', versionId: 'v1' },
    })
    const body = command.body as string
    // The sample request of the RestoreObject API reference: Days 2, GlacierJobParameters/Tier.
    expect(body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><RestoreRequest ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Days>2</Days><GlacierJobParameters>' +
        '<Tier>Bulk</Tier></GlacierJobParameters></RestoreRequest>',
    )
    // Never multipart/form-data: Ceph RGW would take that for a browser upload and store an object.
    expect(command.headers).toEqual({
      'content-type': 'application/xml',
      'content-md5': createHash('md5').update(body).digest('base64'),
    })
  })

  it('writes Tier and Description, and an empty request for Intelligent-Tiering', () => {
    expect(
      RestoreObject({ Bucket: 'bkt', Key: 'k', RestoreRequest: { Days: 5, Tier: 'Expedited', Description: 'a & b' } })
        .body,
    ).toContain('<Days>5</Days><Tier>Expedited</Tier><Description>a &amp; b</Description></RestoreRequest>')
    expect(RestoreObject({ Bucket: 'bkt', Key: 'k' }).body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><RestoreRequest ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></RestoreRequest>',
    )
  })

  it('refuses bad input before any request', () => {
    expect(() => RestoreObject({ Bucket: 'bkt', Key: 'k', RestoreRequest: { Days: 0 } })).toThrow(InputError)
    expect(() => RestoreObject({ Bucket: 'bkt', Key: 'k', RestoreRequest: { Days: 1.5 } })).toThrow(
      /RestoreRequest.Days/,
    )
    expect(() =>
      RestoreObject({
        Bucket: 'bkt',
        Key: 'k',
        RestoreRequest: { GlacierJobParameters: { Tier: 'Fast' as RestoreTier } },
      }),
    ).toThrow(/GlacierJobParameters.Tier/)
    expect(() => RestoreObject({ Bucket: 'bkt', Key: '' })).toThrow(InputError)
  })

  it('tells a started restore (202) from an existing copy whose expiry moved (200)', async () => {
    expect(await parseWith(RestoreObject({ Bucket: 'bkt', Key: 'k' }), new Response(null, { status: 202 }))).toEqual({
      AlreadyRestored: false,
    })
    expect(
      await parseWith(
        RestoreObject({ Bucket: 'bkt', Key: 'k' }),
        new Response(null, { status: 200, headers: { 'x-amz-restore-output-path': 'out/' } }),
      ),
    ).toEqual({
      AlreadyRestored: true,
      RestoreOutputPath: 'out/',
    })
  })
})

function server(status: number, body: string) {
  return fakeClient([() => new Response(body, { status, headers: { 'content-type': 'application/xml' } })], {
    retry: { maxAttempts: 1 },
  }).client
}
const failure = (client: ReturnType<typeof server>) =>
  send(client, RestoreObject({ Bucket: 'bkt', Key: 'k', RestoreRequest: { Days: 1 } })).then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error as S3Error,
  )

describe('RestoreObject errors', () => {
  it('a server without the operation (HTTP 501) is S3Error NotImplemented, explained', async () => {
    // S3's NotImplemented error as the "Error responses" table words it.
    const error = await failure(
      server(
        501,
        '<Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is ' +
          'not implemented.</Message><RequestId>R</RequestId></Error>',
      ),
    )
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      code: RestoreErrorCode.NotImplemented,
      status: 501,
      operation: 'RestoreObject',
      bucket: 'bkt',
      key: 'k',
    })
    const explained = explainS3Error(error)
    expect(explained).toMatchObject({ code: 'NotImplemented', status: 501 })
    expect(explained.message).toBe(
      'RestoreObject failed with NotImplemented (HTTP 501) (bucket "bkt", ' +
        'key "k"): this server does not implement RestoreObject.',
    )
  })

  it('Ceph RGW 16’s misleading InvalidArgument becomes NotImplemented', async () => {
    // The body RGW 16.2.15 sent to a POST /bucket/key?restore whose body came chunked, without
    // Content-Length (captured from the test server; with Content-Length it answers 501).
    const rgw =
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidArgument</Code><Message>Request ' +
      'Content-Type is not multipart/form-data</Message><BucketName>bkt</BucketName>' +
      '<RequestId>tx000002cf1ed53ca610608-006b074c0b-103d-default</RequestId>' +
      '<HostId>103d-default-default</HostId></Error>'
    const error = await failure(server(400, rgw))
    expect(error).toMatchObject({ code: 'InvalidArgument', status: 400 })
    const explained = explainS3Error(error)
    expect(explained).toMatchObject({
      code: 'NotImplemented',
      status: 400,
      requestId: 'tx000002cf1ed53ca610608-006b074c0b-103d-default',
    })
    expect(explained.message).toMatch(/does not implement RestoreObject.*multipart\/form-data/)
    expect(explained.cause).toBe(error)
  })

  it('RestoreAlreadyInProgress and InvalidObjectState keep their codes and say what to do', async () => {
    // Codes, statuses and messages from S3's "Error responses" table.
    const busy = await failure(
      server(
        409,
        '<Error><Code>RestoreAlreadyInProgress</Code><Message>Object restore is already in progress.</Message></Error>',
      ),
    )
    expect(busy).toMatchObject({ code: RestoreErrorCode.RestoreAlreadyInProgress, status: 409 })
    expect(explainS3Error(busy).message).toContain('poll HeadObject')
    const state = await failure(
      server(
        403,
        '<Error><Code>InvalidObjectState</Code><Message>The operation is not valid for the current state ' +
          'of the object.</Message></Error>',
      ),
    )
    expect(state).toMatchObject({ code: RestoreErrorCode.InvalidObjectState, status: 403 })
    expect(explainS3Error(state).message).toContain('not archived')
    // On GetObject the same code means the opposite: the object is archived.
    const get = new S3Error({
      code: 'InvalidObjectState',
      status: 403,
      operation: 'GetObject',
      bucket: 'bkt',
      key: 'k',
    })
    expect(explainS3Error(get).message).toContain('start a restore with RestoreObject')
  })
})
