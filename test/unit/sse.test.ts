import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CompleteMultipartUpload } from '../../commands/CompleteMultipartUpload.js'
import { CopyObject } from '../../commands/CopyObject.js'
import { CreateBucket } from '../../commands/CreateBucket.js'
import { CreateMultipartUpload } from '../../commands/CreateMultipartUpload.js'
import { DeleteObject } from '../../commands/DeleteObject.js'
import { DeleteObjects } from '../../commands/DeleteObjects.js'
import { GetBucketTagging } from '../../commands/GetBucketTagging.js'
import { GetObject } from '../../commands/GetObject.js'
import { HeadObject } from '../../commands/HeadObject.js'
import { ListBuckets } from '../../commands/ListBuckets.js'
import { ListObjectsV2 } from '../../commands/ListObjectsV2.js'
import { ListParts } from '../../commands/ListParts.js'
import { PutObject } from '../../commands/PutObject.js'
import { PutObjectTagging } from '../../commands/PutObjectTagging.js'
import { UploadPart } from '../../commands/UploadPart.js'
import { UploadPartCopy } from '../../commands/UploadPartCopy.js'
import type { Command } from '../../src/core/command.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import type { RequestOption } from '../../src/core/extend-command.js'
import { send } from '../../src/core/send.js'
import { copy } from '../../src/helpers/copy.js'
import { encryptionDetails } from '../../src/helpers/encryption-details.js'
import { expectedBucketOwner, expectedSourceBucketOwner } from '../../src/helpers/expected-bucket-owner.js'
import { paginateItems } from '../../src/helpers/paginate.js'
import { presign } from '../../src/helpers/presign.js'
import { applyOptions } from '../../src/helpers/request-options.js'
import { requesterPays } from '../../src/helpers/requester-pays.js'
import { copySourceSSECustomerKey, sseCustomerKey } from '../../src/helpers/sse-customer-key.js'
import { sseKms } from '../../src/helpers/sse-kms.js'
import { fakeClient, parseWith, xml } from '../support/fake-client.js'

// A key no test shares with another: its bytes, their base64 (what S3 wants) and MD5 by node:crypto,
// an implementation independent of the one s3kit uses.
const keyBytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff)
const keyBase64 = Buffer.from(keyBytes).toString('base64')
const keyMD5 = createHash('md5').update(keyBytes).digest('base64')
const otherKey = new Uint8Array(32).fill(7)
const otherBase64 = Buffer.from(otherKey).toString('base64')
const otherMD5 = createHash('md5').update(otherKey).digest('base64')

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

const object = { Bucket: 'vault', Key: 'secret.txt' }
const upload = { ...object, UploadId: 'u' }
/** One command of each kind the options meet: object reads and writes, multipart, copies, lists, bucket operations. */
const COMMANDS: Record<string, () => Command<unknown>> = {
  PutObject: () => PutObject({ ...object, Body: 'hush' }),
  GetObject: () => GetObject(object),
  HeadObject: () => HeadObject(object),
  CopyObject: () => CopyObject({ ...object, CopySource: { ...object, Key: 'a' } }),
  CreateMultipartUpload: () => CreateMultipartUpload(object),
  UploadPart: () => UploadPart({ ...upload, PartNumber: 1, Body: 'part' }),
  UploadPartCopy: () => UploadPartCopy({ ...upload, PartNumber: 1, CopySource: { ...object, Key: 'a' } }),
  CompleteMultipartUpload: () =>
    CompleteMultipartUpload({ ...upload, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"p"' }] } }),
  ListParts: () => ListParts(upload),
  DeleteObject: () => DeleteObject(object),
  DeleteObjects: () => DeleteObjects({ Bucket: 'vault', Delete: { Objects: [{ Key: 'a' }] } }),
  PutObjectTagging: () => PutObjectTagging({ ...object, Tagging: { TagSet: [] } }),
  ListObjectsV2: () => ListObjectsV2({ Bucket: 'vault' }),
  GetBucketTagging: () => GetBucketTagging({ Bucket: 'vault' }),
  CreateBucket: () => CreateBucket({ Bucket: 'vault' }),
  ListBuckets: () => ListBuckets(),
}

/**
 * Applies `option` to every command of COMMANDS: those of `takers` must gain exactly `headers`, the
 * others must come back as the very command given, untouched.
 */
function expectAppliedTo(option: RequestOption, takers: readonly string[], headers: Record<string, string>): void {
  for (const [operation, build] of Object.entries(COMMANDS)) {
    const command = build()
    const extended = option(command)
    if (takers.includes(operation)) {
      expect(extended.headers, operation).toEqual({ ...command.headers, ...headers })
    } else {
      expect(extended, operation).toBe(command)
    }
  }
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
  it('sends the three SSE-C headers, as S3 documents them, on the nine operations that take them and no other', () => {
    const takers = [
      'PutObject',
      'GetObject',
      'HeadObject',
      'CopyObject',
      'CreateMultipartUpload',
      'UploadPart',
      'UploadPartCopy',
      'CompleteMultipartUpload',
      'ListParts',
    ]
    expectAppliedTo(sseCustomerKey(keyBytes), takers, SSE_C_HEADERS)
    expectAppliedTo(sseCustomerKey(keyBase64), takers, SSE_C_HEADERS)
    // An MD5 given is sent as given (S3 refuses one that does not match the key).
    expectAppliedTo(sseCustomerKey(keyBytes, otherMD5), takers, {
      ...SSE_C_HEADERS,
      'x-amz-server-side-encryption-customer-key-md5': otherMD5,
    })
  })

  it("copySourceSSECustomerKey sends the source's key on CopyObject and UploadPartCopy only", () => {
    expectAppliedTo(copySourceSSECustomerKey(keyBytes), ['CopyObject', 'UploadPartCopy'], COPY_SOURCE_SSE_C_HEADERS)
    // With the copy's own key, each under its own headers.
    const both = copySourceSSECustomerKey(keyBytes)(sseCustomerKey(otherKey)(COMMANDS.CopyObject!()))
    expect(both.headers).toMatchObject({
      ...COPY_SOURCE_SSE_C_HEADERS,
      'x-amz-server-side-encryption-customer-key': otherBase64,
      'x-amz-server-side-encryption-customer-key-md5': otherMD5,
    })
  })

  it.each([
    ['16 bytes', new Uint8Array(16)],
    ['33 bytes', new Uint8Array(33)],
    ['base64 of 31 bytes', Buffer.alloc(31, 1).toString('base64')],
    ['32 characters of text', 'k'.repeat(32)],
    ['URL-safe base64', keyBase64.replace(/\+/g, '-').replace(/\//g, '_')],
    ['the base64 cut short', keyBase64.slice(4)],
    ['a number', 42],
  ])('refuses %s when the option is made, without showing it', (_, key) => {
    expect(refusal(() => sseCustomerKey(key as string)).field).toBe('SSECustomerKey')
    expect(refusal(() => copySourceSSECustomerKey(key as string)).field).toBe('CopySourceSSECustomerKey')
  })

  it('refuses an MD5 that is not 16 bytes of base64, naming the field', () => {
    expect(refusal(() => sseCustomerKey(keyBytes, 'abc')).field).toBe('SSECustomerKeyMD5')
    expect(refusal(() => copySourceSSECustomerKey(keyBase64, keyBase64)).field).toBe('CopySourceSSECustomerKeyMD5')
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
    const key = new Uint8Array(32).fill(1)
    const output = await send(client, sseCustomerKey(key)(GetObject(object)))
    expect(output).toMatchObject({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: '4Funlf7OsLF0HL+vKU+fkg==' })
    expect(await output.Body.text()).toBe('hello')
    // The MD5 RGW answered is that of the key sent: 32 bytes of 0x01.
    expect(sseCustomerKey(key)(GetObject(object)).headers).toMatchObject({
      'x-amz-server-side-encryption-customer-key-md5': '4Funlf7OsLF0HL+vKU+fkg==',
    })
    // The command without the option reads neither field.
    const { client: plain } = fakeClient([
      () =>
        new Response(null, {
          headers: {
            'content-length': '5',
            etag: '"5d41402abc4b2a76b9719d911017c592"',
            'last-modified': 'Wed, 02 Dec 2026 00:44:59 GMT',
            'x-amz-server-side-encryption-customer-algorithm': 'AES256',
            'x-amz-server-side-encryption-customer-key-md5': '4Funlf7OsLF0HL+vKU+fkg==',
          },
        }),
    ])
    expect(await send(plain, HeadObject(object))).not.toHaveProperty('SSECustomerKeyMD5')
  })

  it('a wrong key is an S3Error that shows no key (body captured from Ceph RGW 16)', async () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidArgument</Code><Message>The calculated MD5 hash ' +
      'of the key did not match the hash that was provided.</Message><BucketName>vault</BucketName>' +
      '<RequestId>tx000007ea8b45b7110bf1c-006b0f6a0b-1040-default</RequestId><HostId>1040-default-default</HostId>' +
      '</Error>'
    const { client, calls } = fakeClient([() => xml(body, 400)])
    const error = await send(client, sseCustomerKey(keyBytes)(GetObject(object))).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({ code: 'InvalidArgument', status: 400, operation: 'GetObject' })
    const text = `${(error as Error).message} ${JSON.stringify(error)} ${String(error)}`
    expect(text).not.toContain(keyBase64)
    expect(calls[0]!.headers.get('x-amz-server-side-encryption-customer-key')).toBe(keyBase64)
  })

  it('presign signs the SSE-C headers of an extended command and keeps the key out of the URL', async () => {
    const { client, fetch } = fakeClient([() => new Response(null, { status: 500 })])
    const signed = await presign(client, sseCustomerKey(keyBytes)(GetObject(object)))
    expect(signed.headers).toMatchObject(SSE_C_HEADERS)
    expect(signed.url).not.toContain(encodeURIComponent(keyBase64))
    expect(signed.url).not.toContain(keyBase64)
    const signedHeaders = new URL(signed.url).searchParams.get('X-Amz-SignedHeaders')!.split(';')
    expect(signedHeaders).toEqual(expect.arrayContaining(Object.keys(SSE_C_HEADERS)))
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('sseKms', () => {
  const KMS_WRITES = ['PutObject', 'CopyObject', 'CreateMultipartUpload']

  it('sends aws:kms with the key ID, the encryption context (an object encoded as S3 wants) and the Bucket Key flag', () => {
    expectAppliedTo(
      sseKms({
        SSEKMSKeyId: 's3kit-test-key-1',
        SSEKMSEncryptionContext: { project: 'alpha' },
        BucketKeyEnabled: true,
      }),
      KMS_WRITES,
      {
        'x-amz-server-side-encryption': 'aws:kms',
        'x-amz-server-side-encryption-aws-kms-key-id': 's3kit-test-key-1',
        'x-amz-server-side-encryption-context': Buffer.from('{"project":"alpha"}').toString('base64'),
        'x-amz-server-side-encryption-bucket-key-enabled': 'true',
      },
    )
    expectAppliedTo(sseKms(), KMS_WRITES, { 'x-amz-server-side-encryption': 'aws:kms' })
    const given = Buffer.from('{"a":"b"}').toString('base64')
    expectAppliedTo(sseKms({ ServerSideEncryption: 'aws:kms:dsse', SSEKMSEncryptionContext: given }), KMS_WRITES, {
      'x-amz-server-side-encryption': 'aws:kms:dsse',
      'x-amz-server-side-encryption-context': given,
    })
  })

  it('refuses what S3 would not take when the option is made, naming the field', () => {
    expect(refusal(() => sseKms({ SSEKMSKeyId: 'key\r\nx-amz-acl: public-read' })).field).toBe('SSEKMSKeyId')
    expect(refusal(() => sseKms({ BucketKeyEnabled: 'yes' as unknown as boolean })).field).toBe('BucketKeyEnabled')
    expect(refusal(() => sseKms({ ServerSideEncryption: 'AES256' as 'aws:kms' })).field).toBe('ServerSideEncryption')
    expect(refusal(() => sseKms({ SSEKMSEncryptionContext: { n: 1 as unknown as string } })).field).toBe(
      'SSEKMSEncryptionContext',
    )
    expect(refusal(() => sseKms('aws:kms' as never)).field).toBe('sseKms')
  })

  it("reads a copy's KMS key, context and Bucket Key (Response Syntax of the S3 API reference, CopyObject)", async () => {
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
    const command = requesterPays()(sseKms()(COMMANDS.CopyObject!() as ReturnType<typeof CopyObject>))
    expect(await send(client, command)).toMatchObject({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:aws:kms:us-east-1:111122223333:key/example',
      SSEKMSEncryptionContext: 'eyJwcm9qZWN0IjoiYWxwaGEifQ==',
      BucketKeyEnabled: true,
      RequestCharged: 'requester',
    })
  })
})

describe('encryptionDetails', () => {
  // HEAD of an SSE-KMS object, captured from Ceph RGW 16.
  const kmsHead = () =>
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
    })

  it('reads the KMS key of a read, where the command alone reports ServerSideEncryption only', async () => {
    const command = encryptionDetails()(HeadObject({ Bucket: 'bucket', Key: 'k' }))
    const output = await parseWith(command, kmsHead())
    expect(output).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 's3kit-test-key-1' })
    const plain = await parseWith(HeadObject({ Bucket: 'bucket', Key: 'k' }), kmsHead())
    expect(plain.ServerSideEncryption).toBe('aws:kms')
    expect(plain).not.toHaveProperty('SSEKMSKeyId')
  })

  it('sends nothing, and leaves alone the operations that answer no encryption', () => {
    expectAppliedTo(
      encryptionDetails(),
      [
        'GetObject',
        'HeadObject',
        'PutObject',
        'CopyObject',
        'CreateMultipartUpload',
        'UploadPart',
        'UploadPartCopy',
        'CompleteMultipartUpload',
      ],
      {},
    )
  })
})

describe('expectedBucketOwner, expectedSourceBucketOwner', () => {
  it('sends the owner on every operation but CreateBucket and ListBuckets', () => {
    const takers = Object.keys(COMMANDS).filter((name) => name !== 'CreateBucket' && name !== 'ListBuckets')
    expectAppliedTo(expectedBucketOwner('111122223333'), takers, { 'x-amz-expected-bucket-owner': '111122223333' })
    expectAppliedTo(expectedSourceBucketOwner('444455556666'), ['CopyObject', 'UploadPartCopy'], {
      'x-amz-source-expected-bucket-owner': '444455556666',
    })
  })

  it('refuses what cannot be a header value when the option is made', () => {
    expect(refusal(() => expectedBucketOwner('1\r\nx: y')).field).toBe('ExpectedBucketOwner')
    expect(refusal(() => expectedSourceBucketOwner(42 as unknown as string)).field).toBe('ExpectedSourceBucketOwner')
  })

  it('keeps the header on every page of a list command', () => {
    const list = expectedBucketOwner('111122223333')(ListParts(upload))
    const page = list.pagination.next({ IsTruncated: true, NextPartNumberMarker: 3, Parts: [] } as never)
    expect(page?.query).toMatchObject({ 'part-number-marker': '3' })
    expect(page?.headers).toMatchObject({ 'x-amz-expected-bucket-owner': '111122223333' })
    expect(list.pagination.withPageSize(2).headers).toMatchObject({ 'x-amz-expected-bucket-owner': '111122223333' })
  })
})

describe('requesterPays', () => {
  const takers = [
    'PutObject',
    'GetObject',
    'HeadObject',
    'CopyObject',
    'CreateMultipartUpload',
    'UploadPart',
    'UploadPartCopy',
    'CompleteMultipartUpload',
    'ListParts',
    'DeleteObject',
    'DeleteObjects',
    'PutObjectTagging',
    'ListObjectsV2',
  ]

  it('sends x-amz-request-payer on the object operations, not on bucket operations', () => {
    expectAppliedTo(requesterPays(), takers, { 'x-amz-request-payer': 'requester' })
  })

  it('keeps the header on every page of a listing, through paginate', async () => {
    // Two pages as the ListObjectsV2 API reference's example answers them (truncated, then the last).
    const page = (truncated: boolean, key: string) =>
      xml(
        `<ListBucketResult><Name>vault</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1</MaxKeys>` +
          `<IsTruncated>${truncated}</IsTruncated>${truncated ? '<NextContinuationToken>t2</NextContinuationToken>' : ''}` +
          `<Contents><Key>${key}</Key><LastModified>2009-10-12T17:50:30.000Z</LastModified>` +
          `<ETag>"fba9dede5f27731c9771645a39863328"</ETag><Size>434234</Size><StorageClass>STANDARD</StorageClass>` +
          '</Contents></ListBucketResult>',
      )
    const { client, calls } = fakeClient([() => page(true, 'a'), () => page(false, 'b')])
    const list = requesterPays()(ListObjectsV2({ Bucket: 'vault' }))
    const keys: string[] = []
    for await (const item of paginateItems(client, list)) keys.push(item.Key)
    expect(keys).toEqual(['a', 'b'])
    expect(calls.map((call) => call.headers.get('x-amz-request-payer'))).toEqual(['requester', 'requester'])
    expect(new URL(calls[1]!.url).searchParams.get('continuation-token')).toBe('t2')
  })

  it('reads RequestCharged (header as the S3 API reference names it)', async () => {
    const { client } = fakeClient([
      () => new Response(null, { status: 204, headers: { 'x-amz-request-charged': 'requester' } }),
    ])
    expect(await send(client, requesterPays()(DeleteObject(object)))).toEqual({ RequestCharged: 'requester' })
  })

  it('applyOptions applies a list in order, each option where it applies', () => {
    const options = [requesterPays(), expectedBucketOwner('111122223333'), sseCustomerKey(keyBytes)]
    expect(applyOptions(GetBucketTagging({ Bucket: 'vault' }), options).headers).toEqual({
      'x-amz-expected-bucket-owner': '111122223333',
    })
    expect(applyOptions(GetObject(object), options).headers).toEqual({
      'x-amz-request-payer': 'requester',
      'x-amz-expected-bucket-owner': '111122223333',
      ...SSE_C_HEADERS,
    })
  })
})

describe('DeleteObject conditions', () => {
  it('sends IfMatch, IfMatchLastModifiedTime and IfMatchSize', () => {
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
      { Bucket: 'vault', Key: 'copy.bin', CopySource: { Bucket: 'vault', Key: 'source.bin' } },
      {
        multipart: true,
        partSize: 5 * 1024 * 1024,
        requestOptions: [
          copySourceSSECustomerKey(keyBytes),
          sseCustomerKey(otherKey),
          expectedBucketOwner('111122223333'),
          expectedSourceBucketOwner('444455556666'),
        ],
        sourceOptions: [sseCustomerKey(keyBytes), expectedBucketOwner('444455556666')],
      },
    )
    expect(output.ETag).toBe('"c-2"')
    const [sourceHead, sourceTags, created, first, second, recheck, completed] = calls
    // The source is read with its own key, under the plain SSE-C headers of a HEAD, and its owner.
    for (const request of [sourceHead!, recheck!]) {
      expect(request.method).toBe('HEAD')
      expect(request.headers.get('x-amz-server-side-encryption-customer-key')).toBe(keyBase64)
      expect(request.headers.get('x-amz-server-side-encryption-customer-key-md5')).toBe(keyMD5)
      expect(request.headers.get('x-amz-expected-bucket-owner')).toBe('444455556666')
    }
    expect(sourceTags!.headers.get('x-amz-expected-bucket-owner')).toBe('444455556666')
    expect(sourceTags!.headers.get('x-amz-server-side-encryption-customer-key')).toBeNull()
    expect(created!.headers.get('x-amz-server-side-encryption-customer-key')).toBe(otherBase64)
    expect(created!.headers.get('x-amz-server-side-encryption-customer-key-md5')).toBe(otherMD5)
    expect(created!.headers.get('x-amz-copy-source-server-side-encryption-customer-key')).toBeNull()
    // The completion repeats the copy's key (S3 wants it there when parts carry checksums).
    expect(completed!.method).toBe('POST')
    expect(completed!.headers.get('x-amz-server-side-encryption-customer-key')).toBe(otherBase64)
    for (const request of [created!, first!, second!, completed!])
      expect(request.headers.get('x-amz-expected-bucket-owner')).toBe('111122223333')
    for (const request of [first!, second!]) {
      expect(request.headers.get('x-amz-copy-source-server-side-encryption-customer-key')).toBe(keyBase64)
      expect(request.headers.get('x-amz-copy-source-server-side-encryption-customer-key-md5')).toBe(keyMD5)
      expect(request.headers.get('x-amz-server-side-encryption-customer-key')).toBe(otherBase64)
      expect(request.headers.get('x-amz-source-expected-bucket-owner')).toBe('444455556666')
    }
  })

  it('a single CopyObject gets the request options; the source options are for reading the source only', async () => {
    const { client, calls } = fakeClient([
      () =>
        xml(
          '<CopyObjectResult><LastModified>2009-10-28T22:32:00.000Z</LastModified>' +
            '<ETag>"9b2cf535f27731c974343645a3985328"</ETag></CopyObjectResult>',
        ),
    ])
    await copy(
      client,
      { Bucket: 'vault', Key: 'copy.txt', CopySource: { Bucket: 'vault', Key: 'secret.txt' } },
      { multipart: false, requestOptions: [copySourceSSECustomerKey(keyBytes)], sourceOptions: [sseKms()] },
    )
    expect(calls).toHaveLength(1)
    expect(calls[0]!.headers.get('x-amz-copy-source-server-side-encryption-customer-key')).toBe(keyBase64)
    expect(calls[0]!.headers.get('x-amz-server-side-encryption')).toBeNull()
  })

  it('refuses options that are not an array of request options, before any request', async () => {
    const { client, fetch } = fakeClient([() => new Response(null, { status: 500 })])
    const input = { Bucket: 'vault', Key: 'copy.bin', CopySource: { Bucket: 'vault', Key: 'source.bin' } }
    for (const [options, field] of [
      [{ requestOptions: sseCustomerKey(keyBytes) }, 'requestOptions'],
      [{ sourceOptions: [{ SSECustomerKey: keyBase64 }] }, 'sourceOptions'],
    ] as const) {
      const error = await copy(client, input, options as never).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputError)
      expect(error).toMatchObject({ field })
    }
    expect(fetch).not.toHaveBeenCalled()
  })
})
