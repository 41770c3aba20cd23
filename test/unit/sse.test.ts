import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CopyObject } from '../../commands/CopyObject.js'
import { CreateMultipartUpload } from '../../commands/CreateMultipartUpload.js'
import { DeleteObject } from '../../commands/DeleteObject.js'
import { GetBucketTagging } from '../../commands/GetBucketTagging.js'
import { GetObject } from '../../commands/GetObject.js'
import { HeadObject } from '../../commands/HeadObject.js'
import { ListParts } from '../../commands/ListParts.js'
import { PutObject } from '../../commands/PutObject.js'
import { UploadPartCopy } from '../../commands/UploadPartCopy.js'
import type { Command } from '../../src/core/command.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { copy } from '../../src/helpers/copy.js'
import { presign } from '../../src/helpers/presign.js'
import { copySourceSSECustomerKey, sseCustomerKey } from '../../src/helpers/sse-customer-key.js'
import { fakeClient, xml } from '../support/fake-client.js'

// A key no test shares with another: its bytes, their base64 (what S3 wants) and MD5 by node:crypto,
// an implementation independent of the one s3kit uses.
const keyBytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff)
const keyBase64 = Buffer.from(keyBytes).toString('base64')
const keyMD5 = createHash('md5').update(keyBytes).digest('base64')
const otherKey = new Uint8Array(32).fill(7)

const SSE_C_HEADERS = {
  'x-amz-server-side-encryption-customer-algorithm': 'AES256',
  'x-amz-server-side-encryption-customer-key': keyBase64,
  'x-amz-server-side-encryption-customer-key-md5': keyMD5,
}
const COPY_SOURCE_SSE_C_HEADERS = {
  'x-amz-copy-source-server-side-encryption-customer-algorithm': 'AES256',
  'x-amz-copy-source-server-side-encryption-customer-key': keyBase64,
  'x-amz-copy-source-server-side-encryption-customer-key-md5': keyMD5,
}

/** The InputError `build` throws, checked to show no form of the key. */
function refusal(build: () => unknown): InputError {
  let error: unknown
  try {
    build()
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(InputError)
  const text = `${(error as Error).message} ${JSON.stringify(error)}`
  expect(text).not.toContain(keyBase64)
  expect(text).not.toContain(keyBase64.slice(0, 20))
  return error as InputError
}

describe('sseCustomerKey', () => {
  it('gives the three SSE-C fields of a key given as bytes or as base64, with its MD5', () => {
    const fields = { SSECustomerAlgorithm: 'AES256', SSECustomerKey: keyBase64, SSECustomerKeyMD5: keyMD5 }
    expect(sseCustomerKey(keyBytes)).toEqual(fields)
    expect(sseCustomerKey(keyBase64)).toEqual(fields)
    expect(copySourceSSECustomerKey(keyBytes)).toEqual({
      CopySourceSSECustomerAlgorithm: 'AES256',
      CopySourceSSECustomerKey: keyBase64,
      CopySourceSSECustomerKeyMD5: keyMD5,
    })
  })

  it.each([
    ['16 bytes', new Uint8Array(16)],
    ['33 bytes', new Uint8Array(33)],
    ['base64 of 31 bytes', Buffer.alloc(31, 1).toString('base64')],
    ['32 characters of text', 'k'.repeat(32)],
    ['URL-safe base64', keyBase64.replace(/\+/g, '-').replace(/\//g, '_')],
    ['a number', 42],
  ])('refuses %s without showing it', (_, key) => {
    const error = refusal(() => sseCustomerKey(key as string))
    expect(error.field).toBe('SSECustomerKey')
    expect(refusal(() => copySourceSSECustomerKey(key as string)).field).toBe('CopySourceSSECustomerKey')
  })
})

describe('SSE-C on the commands', () => {
  const object = { Bucket: 'vault', Key: 'secret.txt' }

  it.each<[string, (fields: object) => Command<unknown>]>([
    ['PutObject', (fields) => PutObject({ ...object, Body: 'hush', ...fields })],
    ['GetObject', (fields) => GetObject({ ...object, ...fields })],
    ['HeadObject', (fields) => HeadObject({ ...object, ...fields })],
    ['CreateMultipartUpload', (fields) => CreateMultipartUpload({ ...object, ...fields })],
    ['ListParts', (fields) => ListParts({ ...object, UploadId: 'u', ...fields })],
    [
      'UploadPartCopy',
      (fields) => UploadPartCopy({ ...object, UploadId: 'u', PartNumber: 1, CopySource: object, ...fields }),
    ],
    ['CopyObject', (fields) => CopyObject({ ...object, CopySource: { ...object, Key: 'a' }, ...fields })],
  ])('%s sends the key as S3 documents it, from bytes or from base64', (_, build) => {
    expect(build(sseCustomerKey(keyBytes)).headers).toMatchObject(SSE_C_HEADERS)
    const fromBytes = { SSECustomerAlgorithm: 'AES256', SSECustomerKey: keyBytes, SSECustomerKeyMD5: keyMD5 }
    expect(build(fromBytes).headers).toMatchObject(SSE_C_HEADERS)
  })

  it('refuses a key without its MD5, naming the field and pointing to sseCustomerKey(), before any request', async () => {
    const { client, fetch } = fakeClient([() => new Response(null, { status: 200 })])
    for (const build of [
      () => PutObject({ ...object, Body: 'x', SSECustomerAlgorithm: 'AES256', SSECustomerKey: keyBytes }),
      () => GetObject({ ...object, SSECustomerAlgorithm: 'AES256', SSECustomerKey: keyBase64 }),
      () => HeadObject({ ...object, SSECustomerAlgorithm: 'AES256', SSECustomerKey: keyBase64 }),
    ]) {
      const error = refusal(build)
      expect(error.field).toBe('SSECustomerKeyMD5')
      expect(error.message).toContain('sseCustomerKey(')
      await expect(Promise.resolve().then(() => send(client, build()))).rejects.toBeInstanceOf(InputError)
    }
    expect(fetch).not.toHaveBeenCalled()
  })

  it('refuses a key without its algorithm, and an algorithm or MD5 without the key', () => {
    const { SSECustomerAlgorithm, SSECustomerKey, SSECustomerKeyMD5 } = sseCustomerKey(keyBytes)
    expect(refusal(() => GetObject({ ...object, SSECustomerKey, SSECustomerKeyMD5 })).field).toBe(
      'SSECustomerAlgorithm',
    )
    expect(refusal(() => GetObject({ ...object, SSECustomerAlgorithm })).field).toBe('SSECustomerKey')
    expect(refusal(() => GetObject({ ...object, SSECustomerKeyMD5 })).field).toBe('SSECustomerKey')
    expect(
      refusal(() =>
        GetObject({ ...object, SSECustomerAlgorithm: 'AES128' as 'AES256', SSECustomerKey, SSECustomerKeyMD5 }),
      ).field,
    ).toBe('SSECustomerAlgorithm')
  })

  it('refuses a key that is not 256 bits without showing it', () => {
    const { SSECustomerAlgorithm, SSECustomerKeyMD5 } = sseCustomerKey(keyBytes)
    for (const SSECustomerKey of [keyBytes.subarray(1), keyBase64.slice(4), `${keyBase64.slice(0, -1)}A`]) {
      const error = refusal(() => PutObject({ ...object, SSECustomerAlgorithm, SSECustomerKey, SSECustomerKeyMD5 }))
      expect(error.field).toBe('SSECustomerKey')
    }
    const md5 = refusal(() => PutObject({ ...object, ...sseCustomerKey(keyBytes), SSECustomerKeyMD5: 'abc' }))
    expect(md5.field).toBe('SSECustomerKeyMD5')
  })

  it("sends a copy's source key and its own, each under its own headers", () => {
    const command = CopyObject({
      ...object,
      CopySource: { Bucket: 'vault', Key: 'old.txt' },
      ...copySourceSSECustomerKey(keyBytes),
      ...sseCustomerKey(otherKey),
      ExpectedSourceBucketOwner: '111122223333',
    })
    expect(command.headers).toMatchObject({
      ...COPY_SOURCE_SSE_C_HEADERS,
      'x-amz-server-side-encryption-customer-key': Buffer.from(otherKey).toString('base64'),
      'x-amz-source-expected-bucket-owner': '111122223333',
    })
    const part = UploadPartCopy({
      ...object,
      UploadId: 'u',
      PartNumber: 2,
      CopySource: { Bucket: 'vault', Key: 'old.txt' },
      ...copySourceSSECustomerKey(keyBytes),
    })
    expect(part.headers).toMatchObject(COPY_SOURCE_SSE_C_HEADERS)
    expect(part.headers).not.toHaveProperty('x-amz-server-side-encryption-customer-key')
    const error = refusal(() =>
      UploadPartCopy({
        ...object,
        UploadId: 'u',
        PartNumber: 2,
        CopySource: object,
        CopySourceSSECustomerAlgorithm: 'AES256',
        CopySourceSSECustomerKey: keyBytes,
      }),
    )
    expect(error.field).toBe('CopySourceSSECustomerKeyMD5')
  })

  it('reads the SSE-C headers back (captured from Ceph RGW 16: GET of an SSE-C object)', async () => {
    const { client } = fakeClient([
      () =>
        new Response('hello', {
          headers: {
            'accept-ranges': 'bytes',
            'content-length': '5',
            'content-type': 'binary/octet-stream',
            date: 'Wed, 02 Dec 2026 00:44:59 GMT',
            etag: '"5d41402abc4b2a76b9719d911017c592"',
            'last-modified': 'Wed, 02 Dec 2026 00:44:59 GMT',
            'x-amz-request-id': 'tx00000be81680cc9a98b5b-006b0f6a0b-1040-default',
            'x-amz-server-side-encryption-customer-algorithm': 'AES256',
            'x-amz-server-side-encryption-customer-key-md5': '4Funlf7OsLF0HL+vKU+fkg==',
            'x-rgw-object-type': 'Normal',
          },
        }),
    ])
    const output = await send(client, GetObject({ ...object, ...sseCustomerKey(new Uint8Array(32).fill(1)) }))
    expect(output).toMatchObject({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: '4Funlf7OsLF0HL+vKU+fkg==' })
    expect(await output.Body.text()).toBe('hello')
    // The MD5 RGW answered is that of the key sent: 32 bytes of 0x01.
    expect(sseCustomerKey(new Uint8Array(32).fill(1)).SSECustomerKeyMD5).toBe('4Funlf7OsLF0HL+vKU+fkg==')
  })

  it('a wrong key is an S3Error that shows no key (body captured from Ceph RGW 16)', async () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidArgument</Code><Message>The calculated MD5 hash ' +
      'of the key did not match the hash that was provided.</Message><BucketName>vault</BucketName>' +
      '<RequestId>tx000007ea8b45b7110bf1c-006b0f6a0b-1040-default</RequestId><HostId>1040-default-default</HostId>' +
      '</Error>'
    const { client, calls } = fakeClient([() => xml(body, 400)])
    const error = await send(client, GetObject({ ...object, ...sseCustomerKey(keyBytes) })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({ code: 'InvalidArgument', status: 400, operation: 'GetObject' })
    const text = `${(error as Error).message} ${JSON.stringify(error)} ${String(error)}`
    expect(text).not.toContain(keyBase64)
    expect(calls[0]!.headers.get('x-amz-server-side-encryption-customer-key')).toBe(keyBase64)
  })
})

describe('presign', () => {
  it('signs the SSE-C headers and keeps the key out of the URL', async () => {
    const { client, fetch } = fakeClient([() => new Response(null, { status: 500 })])
    const signed = await presign(client, GetObject({ Bucket: 'vault', Key: 'secret.txt', ...sseCustomerKey(keyBytes) }))
    expect(signed.headers).toMatchObject(SSE_C_HEADERS)
    expect(signed.url).not.toContain(encodeURIComponent(keyBase64))
    expect(signed.url).not.toContain(keyBase64)
    expect(new URL(signed.url).searchParams.get('X-Amz-SignedHeaders')).toContain(
      'x-amz-server-side-encryption-customer-key',
    )
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('SSE-KMS', () => {
  it('sends the key ID, the encryption context (an object is encoded as S3 wants) and the Bucket Key flag', () => {
    const command = PutObject({
      Bucket: 'bucket',
      Key: 'k',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 's3kit-test-key-1',
      SSEKMSEncryptionContext: { project: 'alpha' },
      BucketKeyEnabled: true,
    })
    expect(command.headers).toMatchObject({
      'x-amz-server-side-encryption': 'aws:kms',
      'x-amz-server-side-encryption-aws-kms-key-id': 's3kit-test-key-1',
      'x-amz-server-side-encryption-context': Buffer.from('{"project":"alpha"}').toString('base64'),
      'x-amz-server-side-encryption-bucket-key-enabled': 'true',
    })
    const given = Buffer.from('{"a":"b"}').toString('base64')
    expect(
      CopyObject({
        Bucket: 'bucket',
        Key: 'k',
        CopySource: { Bucket: 'bucket', Key: 'j' },
        SSEKMSEncryptionContext: given,
      }).headers,
    ).toMatchObject({ 'x-amz-server-side-encryption-context': given })
  })

  it('reads the KMS key back (headers captured from Ceph RGW 16: HEAD of an SSE-KMS object)', async () => {
    const { client } = fakeClient([
      () =>
        new Response(null, {
          headers: {
            'accept-ranges': 'bytes',
            'content-length': '3',
            'content-type': 'binary/octet-stream',
            etag: '"4951a865fa68d758b42a9cef50ae168a"',
            'last-modified': 'Wed, 02 Dec 2026 00:44:59 GMT',
            'x-amz-server-side-encryption': 'aws:kms',
            'x-amz-server-side-encryption-aws-kms-key-id': 's3kit-test-key-1',
          },
        }),
    ])
    expect(await send(client, HeadObject({ Bucket: 'bucket', Key: 'k' }))).toMatchObject({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 's3kit-test-key-1',
    })
  })
})

describe('encryption results of a copy', () => {
  it('CopyObject reads every encryption header of the Response Syntax (S3 API reference, CopyObject)', async () => {
    const { client } = fakeClient([
      () => {
        const response = xml(
          '<?xml version="1.0" encoding="UTF-8"?>\n<CopyObjectResult>\n   ' +
            '<LastModified>2009-10-28T22:32:00.000Z</LastModified>\n   ' +
            '<ETag>"9b2cf535f27731c974343645a3985328"</ETag>\n</CopyObjectResult>',
        )
        for (const [name, value] of [
          ['x-amz-server-side-encryption', 'aws:kms'],
          ['x-amz-server-side-encryption-aws-kms-key-id', 'arn:aws:kms:us-east-1:111122223333:key/example'],
          ['x-amz-server-side-encryption-context', 'eyJwcm9qZWN0IjoiYWxwaGEifQ=='],
          ['x-amz-server-side-encryption-bucket-key-enabled', 'true'],
          ['x-amz-request-charged', 'requester'],
        ])
          response.headers.set(name!, value!)
        return response
      },
    ])
    const output = await send(
      client,
      CopyObject({ Bucket: 'bucket', Key: 'copy', CopySource: { Bucket: 'bucket', Key: 'source' } }),
    )
    expect(output).toMatchObject({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:aws:kms:us-east-1:111122223333:key/example',
      SSEKMSEncryptionContext: 'eyJwcm9qZWN0IjoiYWxwaGEifQ==',
      BucketKeyEnabled: true,
      RequestCharged: 'requester',
    })
  })
})

describe('bucket owner, Requester Pays, conditional delete', () => {
  it('sends ExpectedBucketOwner and RequestPayer as headers, and checks RequestPayer', () => {
    expect(GetBucketTagging({ Bucket: 'bucket', ExpectedBucketOwner: '111122223333' }).headers).toEqual({
      'x-amz-expected-bucket-owner': '111122223333',
    })
    expect(GetObject({ Bucket: 'bucket', Key: 'k', RequestPayer: 'requester' }).headers).toEqual({
      'x-amz-request-payer': 'requester',
    })
    expect(refusal(() => GetObject({ Bucket: 'bucket', Key: 'k', RequestPayer: 'owner' as 'requester' })).field).toBe(
      'RequestPayer',
    )
    expect(refusal(() => HeadObject({ Bucket: 'bucket', Key: 'k', ExpectedBucketOwner: '1\r\nx: y' })).field).toBe(
      'ExpectedBucketOwner',
    )
  })

  it('reads RequestCharged (header as the S3 API reference names it)', async () => {
    const { client } = fakeClient([
      () => new Response(null, { status: 204, headers: { 'x-amz-request-charged': 'requester' } }),
    ])
    expect(await send(client, DeleteObject({ Bucket: 'bucket', Key: 'k', RequestPayer: 'requester' }))).toEqual({
      RequestCharged: 'requester',
    })
  })

  it("sends DeleteObject's conditions", () => {
    expect(
      DeleteObject({
        Bucket: 'bucket',
        Key: 'k',
        IfMatch: '"e"',
        IfMatchLastModifiedTime: new Date('2024-01-02T03:04:05Z'),
        IfMatchSize: 0,
      }).headers,
    ).toEqual({
      'if-match': '"e"',
      'x-amz-if-match-last-modified-time': 'Tue, 02 Jan 2024 03:04:05 GMT',
      'x-amz-if-match-size': '0',
    })
    expect(refusal(() => DeleteObject({ Bucket: 'bucket', Key: 'k', IfMatchSize: -1 })).field).toBe('IfMatchSize')
  })
})

describe('copy', () => {
  it('sends each key where it belongs in every request of a copy in parts', async () => {
    // HEAD of the source (S3 API reference, HeadObject), then CreateMultipartUpload, UploadPartCopy,
    // HeadObject again and CompleteMultipartUpload as the API reference's samples answer them.
    const head = () =>
      new Response(null, {
        headers: { 'content-length': '6291456', etag: '"e1"', 'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT' },
      })
    const tagging = () => xml('<Tagging><TagSet></TagSet></Tagging>')
    const create = () =>
      xml(
        '<InitiateMultipartUploadResult><Bucket>vault</Bucket><Key>copy.bin</Key><UploadId>u1</UploadId>' +
          '</InitiateMultipartUploadResult>',
      )
    const part = () =>
      xml('<CopyPartResult><LastModified>2009-10-28T22:32:00.000Z</LastModified><ETag>"p"</ETag></CopyPartResult>')
    const complete = () =>
      xml(
        '<CompleteMultipartUploadResult><Location>x</Location><Bucket>vault</Bucket><Key>copy.bin</Key>' +
          '<ETag>"c-2"</ETag></CompleteMultipartUploadResult>',
      )
    const { client, calls } = fakeClient([head, tagging, create, part, part, head, complete])
    const output = await copy(
      client,
      {
        Bucket: 'vault',
        Key: 'copy.bin',
        CopySource: { Bucket: 'vault', Key: 'source.bin' },
        ...copySourceSSECustomerKey(keyBytes),
        ...sseCustomerKey(otherKey),
      },
      { multipart: true, partSize: 5 * 1024 * 1024 },
    )
    expect(output.ETag).toBe('"c-2"')
    const otherBase64 = Buffer.from(otherKey).toString('base64')
    const otherMD5 = createHash('md5').update(otherKey).digest('base64')
    const [sourceHead, , created, first, second, recheck, completed] = calls
    // The source is read with its own key, under the plain SSE-C headers of a HEAD.
    for (const request of [sourceHead!, recheck!]) {
      expect(request.method).toBe('HEAD')
      expect(request.headers.get('x-amz-server-side-encryption-customer-key')).toBe(keyBase64)
      expect(request.headers.get('x-amz-server-side-encryption-customer-key-md5')).toBe(keyMD5)
    }
    expect(created!.headers.get('x-amz-server-side-encryption-customer-key')).toBe(otherBase64)
    expect(created!.headers.get('x-amz-server-side-encryption-customer-key-md5')).toBe(otherMD5)
    // The completion repeats the copy's key (S3 wants it there when parts carry checksums).
    expect(completed!.method).toBe('POST')
    expect(completed!.headers.get('x-amz-server-side-encryption-customer-key')).toBe(otherBase64)
    for (const request of [first!, second!]) {
      expect(request.headers.get('x-amz-copy-source-server-side-encryption-customer-key')).toBe(keyBase64)
      expect(request.headers.get('x-amz-copy-source-server-side-encryption-customer-key-md5')).toBe(keyMD5)
      expect(request.headers.get('x-amz-server-side-encryption-customer-key')).toBe(otherBase64)
      expect(request.headers.get('x-amz-server-side-encryption-customer-algorithm')).toBe('AES256')
    }
  })

  it('refuses a bad key, or a key without its MD5, before any request and without showing it', async () => {
    const { client, fetch } = fakeClient([() => new Response(null, { status: 500 })])
    const input = { Bucket: 'vault', Key: 'copy.bin', CopySource: { Bucket: 'vault', Key: 'source.bin' } }
    const { SSECustomerAlgorithm, SSECustomerKeyMD5 } = sseCustomerKey(keyBytes)
    const bad = await copy(client, {
      ...input,
      SSECustomerAlgorithm,
      SSECustomerKey: keyBase64.slice(2),
      SSECustomerKeyMD5,
    }).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(InputError)
    expect(bad).toMatchObject({ field: 'SSECustomerKey' })
    expect((bad as Error).message).not.toContain(keyBase64.slice(2, 20))
    const alone = await copy(client, {
      ...input,
      CopySourceSSECustomerAlgorithm: 'AES256',
      CopySourceSSECustomerKey: keyBytes,
    }).catch((e: unknown) => e)
    expect(alone).toBeInstanceOf(InputError)
    expect(alone).toMatchObject({ field: 'CopySourceSSECustomerKeyMD5' })
    expect((alone as Error).message).toContain('copySourceSSECustomerKey(key)')
    expect(fetch).not.toHaveBeenCalled()
  })
})
