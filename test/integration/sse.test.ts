import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CompleteMultipartUpload } from '../../commands/CompleteMultipartUpload.js'
import { CopyObject } from '../../commands/CopyObject.js'
import { CreateMultipartUpload } from '../../commands/CreateMultipartUpload.js'
import { DeleteObject } from '../../commands/DeleteObject.js'
import { HeadBucket } from '../../commands/HeadBucket.js'
import { ListMultipartUploads } from '../../commands/ListMultipartUploads.js'
import { UploadPart } from '../../commands/UploadPart.js'
import { UploadPartCopy } from '../../commands/UploadPartCopy.js'
import { copy } from '../../src/helpers/copy.js'
import { download } from '../../src/helpers/download.js'
import { copySourceSSECustomerKey, sseCustomerKey } from '../../src/helpers/sse-customer-key.js'
import {
  CreateBucket,
  deleteBucket,
  type FetchLike,
  GetObject,
  HeadObject,
  InputError,
  PutObject,
  S3Error,
  send,
} from '../../src/index.js'
import { server, testClient, uniqueBucket } from './env.js'

// Ceph RGW 16, configured by scripts/s3-server.sh with `rgw crypt require ssl = false` (SSE-C over
// plain HTTP) and Ceph's testing KMS backend, whose key IDs `s3kit-test-key-1` and `-2` exist.
const MiB = 1024 * 1024
let requests = 0
const counting: FetchLike = (input, init) => {
  requests++
  return fetch(input, init)
}
const client = testClient({ fetch: counting })
const key = Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 3) & 0xff)
const otherKey = new Uint8Array(32).fill(9)
const keyText = Buffer.from(key).toString('base64')
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const Bucket = uniqueBucket('sse')
/** 5 MiB and a little: two parts, the first of S3's minimum part size. */
const big = Uint8Array.from({ length: 5 * MiB + 1000 }, (_, i) => (i * 7 + (i >> 11)) & 0xff)

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error,
  )

beforeAll(async () => {
  await send(client, CreateBucket({ Bucket }))
  await send(client, PutObject({ Bucket, Key: 'ssec.txt', Body: 'top secret', ...sseCustomerKey(key) }))
  await send(client, PutObject({ Bucket, Key: 'ssec-big.bin', Body: big, ...sseCustomerKey(key) }))
  await send(client, PutObject({ Bucket, Key: 'plain-big.bin', Body: big }))
})

afterAll(async () => {
  await deleteBucket(testClient(), Bucket, { force: true })
})

describe('SSE-C', () => {
  it('writes, heads and reads an object with the key, given as bytes or as base64', async () => {
    const fields = sseCustomerKey(key)
    const head = await send(client, HeadObject({ Bucket, Key: 'ssec.txt', ...fields }))
    expect(head).toMatchObject({
      SSECustomerAlgorithm: 'AES256',
      SSECustomerKeyMD5: createHash('md5').update(key).digest('base64'),
      ContentLength: 10,
    })
    const fromText = await send(client, GetObject({ Bucket, Key: 'ssec.txt', ...sseCustomerKey(keyText) }))
    expect(await fromText.Body.text()).toBe('top secret')
    const bytesKey = {
      SSECustomerAlgorithm: 'AES256',
      SSECustomerKey: key,
      SSECustomerKeyMD5: fields.SSECustomerKeyMD5,
    } as const
    const fromBytes = await send(client, GetObject({ Bucket, Key: 'ssec.txt', ...bytesKey }))
    expect(fromBytes.SSECustomerAlgorithm).toBe('AES256')
    expect(await fromBytes.Body.text()).toBe('top secret')
  })

  it('RGW 16 refuses a read without the key or with another: GET 400 InvalidArgument, HEAD 400 BadRequest', async () => {
    const without = await failure(send(client, GetObject({ Bucket, Key: 'ssec.txt' })))
    expect(without).toMatchObject({ code: 'InvalidArgument', status: 400, operation: 'GetObject' })
    expect((without as Error).message).toContain('must provide a valid encryption algorithm')

    const wrong = await failure(send(client, GetObject({ Bucket, Key: 'ssec.txt', ...sseCustomerKey(otherKey) })))
    expect(wrong).toBeInstanceOf(S3Error)
    expect(wrong).toMatchObject({ code: 'InvalidArgument', status: 400 })
    expect((wrong as Error).message).toContain('The calculated MD5 hash of the key did not match')
    const shown = `${(wrong as Error).message} ${JSON.stringify(wrong)}`
    expect(shown).not.toContain(sseCustomerKey(otherKey).SSECustomerKey)
    expect(shown).not.toContain(keyText)

    // HEAD answers carry no error document: only the status is left to say it.
    expect(await failure(send(client, HeadObject({ Bucket, Key: 'ssec.txt' })))).toMatchObject({
      code: 'BadRequest',
      status: 400,
    })
    expect(
      await failure(send(client, HeadObject({ Bucket, Key: 'ssec.txt', ...sseCustomerKey(otherKey) }))),
    ).toMatchObject({ code: 'BadRequest', status: 400 })
  })

  it('refuses a key without its MD5 before any request', async () => {
    const before = requests
    const error = await failure(
      Promise.resolve().then(() =>
        send(client, GetObject({ Bucket, Key: 'ssec.txt', SSECustomerAlgorithm: 'AES256', SSECustomerKey: key })),
      ),
    )
    expect(error).toBeInstanceOf(InputError)
    expect(error).toMatchObject({ field: 'SSECustomerKeyMD5' })
    expect(requests).toBe(before)
  })

  it('download reads an SSE-C object in ranges with the key spread into its input', async () => {
    const { Body, SSECustomerAlgorithm } = await download(
      client,
      { Bucket, Key: 'ssec-big.bin', ...sseCustomerKey(key) },
      { partSize: 2 * MiB },
    )
    expect(SSECustomerAlgorithm).toBe('AES256')
    expect(sha256(new Uint8Array(await new Response(Body).arrayBuffer()))).toBe(sha256(big))
  })

  it('a multipart upload with an SSE-C key: every part must carry the key (RGW 400 without), the object is encrypted', async () => {
    const Key = 'ssec-multipart.bin'
    const fields = sseCustomerKey(key)
    const { UploadId } = await send(client, CreateMultipartUpload({ Bucket, Key, ...fields }))
    // A part sent without the key is refused: the upload is bound to it.
    const bare = await failure(send(client, UploadPart({ Bucket, Key, UploadId, PartNumber: 1, Body: 'x' })))
    expect(bare).toMatchObject({ code: 'InvalidArgument', status: 400, operation: 'UploadPart' })
    // Part 1 uploaded with the key; part 2 made on the server from a plain object, written with it.
    const first = await send(
      client,
      UploadPart({ Bucket, Key, UploadId, PartNumber: 1, Body: big.subarray(0, 5 * MiB), ...fields }),
    )
    const parts: { PartNumber: number; ETag: string }[] = [{ PartNumber: 1, ETag: first.ETag }]
    for (const [PartNumber, CopySourceRange] of [[2, `bytes=${5 * MiB}-${big.length - 1}`]] as const) {
      const { CopyPartResult } = await send(
        client,
        UploadPartCopy({
          Bucket,
          Key,
          UploadId,
          PartNumber,
          CopySource: { Bucket, Key: 'plain-big.bin' },
          CopySourceRange,
          ...fields,
        }),
      )
      parts.push({ PartNumber, ETag: CopyPartResult.ETag })
    }
    await send(client, CompleteMultipartUpload({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts }, ...fields }))
    const read = await send(client, GetObject({ Bucket, Key, ...fields }))
    expect(read).toMatchObject({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: fields.SSECustomerKeyMD5 })
    expect(sha256(await read.Body.bytes())).toBe(sha256(big))
    expect(await failure(send(client, GetObject({ Bucket, Key })))).toMatchObject({ code: 'InvalidArgument' })
  })
})

describe('copies of encrypted objects on RGW 16', () => {
  it('CopyObject of an SSE-C (or SSE-KMS) source is 501 NotImplemented, with or without the source key', async () => {
    const source = { Bucket, Key: 'ssec.txt' }
    for (const input of [
      { Bucket, Key: 'copy-1.txt', CopySource: source, ...copySourceSSECustomerKey(key), ...sseCustomerKey(otherKey) },
      {
        Bucket,
        Key: 'copy-2.txt',
        CopySource: source,
        ...copySourceSSECustomerKey(key),
        ServerSideEncryption: 'aws:kms',
      },
      { Bucket, Key: 'copy-3.txt', CopySource: source },
    ]) {
      expect(await failure(send(client, CopyObject(input)))).toMatchObject({
        code: 'NotImplemented',
        status: 501,
        operation: 'CopyObject',
      })
    }
    await send(
      client,
      PutObject({
        Bucket,
        Key: 'kms.txt',
        Body: 'k',
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: 's3kit-test-key-1',
      }),
    )
    expect(
      await failure(send(client, CopyObject({ Bucket, Key: 'copy-4.txt', CopySource: { Bucket, Key: 'kms.txt' } }))),
    ).toMatchObject({ code: 'NotImplemented', status: 501 })
  })

  it('CopyObject ignores the encryption asked for the copy: a plain source gives a plain copy (SSE-C and KMS alike)', async () => {
    const source = { Bucket, Key: 'plain.txt' }
    await send(client, PutObject({ ...source, Body: 'plain' }))
    await send(client, CopyObject({ Bucket, Key: 'to-ssec.txt', CopySource: source, ...sseCustomerKey(key) }))
    await send(
      client,
      CopyObject({
        Bucket,
        Key: 'to-kms.txt',
        CopySource: source,
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: 's3kit-test-key-2',
      }),
    )
    for (const Key of ['to-ssec.txt', 'to-kms.txt']) {
      // Readable without a key, and no encryption reported: RGW 16 stored it unencrypted.
      const read = await send(client, GetObject({ Bucket, Key }))
      expect(await read.Body.text()).toBe('plain')
      expect(read.SSECustomerAlgorithm).toBeUndefined()
      expect(read.ServerSideEncryption).toBeUndefined()
    }
  })

  it('copy in parts copies an SSE-C source to a copy under the same key', async () => {
    const copied = await copy(
      client,
      {
        Bucket,
        Key: 'copied-ssec.bin',
        CopySource: { Bucket, Key: 'ssec-big.bin' },
        ...copySourceSSECustomerKey(key),
        ...sseCustomerKey(keyText),
      },
      { multipart: true, partSize: 5 * MiB },
    )
    expect(copied.UploadId).toBeDefined()
    const read = await send(client, GetObject({ Bucket, Key: 'copied-ssec.bin', ...sseCustomerKey(key) }))
    expect(read.SSECustomerAlgorithm).toBe('AES256')
    expect(sha256(await read.Body.bytes())).toBe(sha256(big))
  })

  it('but RGW 16 reads the source with the copy key: an SSE-C source into SSE-KMS or another key is 400 InvalidArgument, and the upload is aborted', async () => {
    for (const target of [
      { Key: 'copied-kms.bin', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 's3kit-test-key-1' },
      { Key: 'copied-other.bin', ...sseCustomerKey(otherKey) },
    ]) {
      const error = await failure(
        copy(
          client,
          { Bucket, CopySource: { Bucket, Key: 'ssec-big.bin' }, ...copySourceSSECustomerKey(key), ...target },
          { multipart: true, partSize: 5 * MiB },
        ),
      )
      expect(error).toMatchObject({ code: 'InvalidArgument', status: 400, operation: 'UploadPartCopy' })
      const { Uploads } = await send(client, ListMultipartUploads({ Bucket, Prefix: target.Key }))
      expect(Uploads).toEqual([])
    }
  })
})

describe('SSE-KMS', () => {
  it('writes with a KMS key ID, reads back plain text, and heads show the key', async () => {
    const put = await send(
      client,
      PutObject({
        Bucket,
        Key: 'kms-1.txt',
        Body: 'one',
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: 's3kit-test-key-1',
      }),
    )
    expect(put.ServerSideEncryption).toBe('aws:kms')
    expect(await send(client, HeadObject({ Bucket, Key: 'kms-1.txt' }))).toMatchObject({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 's3kit-test-key-1',
    })
    const read = await send(client, GetObject({ Bucket, Key: 'kms-1.txt' }))
    expect(read).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 's3kit-test-key-1' })
    expect(await read.Body.text()).toBe('one')

    // The other key, with an encryption context and a Bucket Key: accepted; RGW reports no Bucket Key.
    await send(
      client,
      PutObject({
        Bucket,
        Key: 'kms-2.txt',
        Body: 'two',
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: 's3kit-test-key-2',
        SSEKMSEncryptionContext: { project: 'alpha' },
        BucketKeyEnabled: true,
      }),
    )
    const second = await send(client, GetObject({ Bucket, Key: 'kms-2.txt' }))
    expect(second).toMatchObject({ SSEKMSKeyId: 's3kit-test-key-2' })
    expect(second.BucketKeyEnabled).toBeUndefined()
    expect(await second.Body.text()).toBe('two')
  })

  it('RGW 16 refuses an unknown key (403 InvalidAccessKeyId) and a key ID without aws:kms (400 InvalidArgument)', async () => {
    expect(
      await failure(
        send(
          client,
          PutObject({
            Bucket,
            Key: 'kms-x.txt',
            Body: 'x',
            ServerSideEncryption: 'aws:kms',
            SSEKMSKeyId: 'no-such-key',
          }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidAccessKeyId', status: 403 })
    expect(
      await failure(send(client, PutObject({ Bucket, Key: 'kms-y.txt', Body: 'y', SSEKMSKeyId: 's3kit-test-key-1' }))),
    ).toMatchObject({ code: 'InvalidArgument', status: 400 })
  })

  it('RGW 16 takes SSE-S3 (AES256) without applying it: no encryption is reported back', async () => {
    const put = await send(client, PutObject({ Bucket, Key: 'sse-s3.txt', Body: 's3', ServerSideEncryption: 'AES256' }))
    expect(put.ServerSideEncryption).toBeUndefined()
    expect((await send(client, HeadObject({ Bucket, Key: 'sse-s3.txt' }))).ServerSideEncryption).toBeUndefined()
  })

  it('a multipart upload with a KMS key: parts need no key, the object reads back with it', async () => {
    const Key = 'kms-multipart.txt'
    const create = await send(
      client,
      CreateMultipartUpload({ Bucket, Key, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 's3kit-test-key-2' }),
    )
    const { UploadId } = create
    const part = await send(client, UploadPart({ Bucket, Key, UploadId, PartNumber: 1, Body: 'kms part' }))
    await send(
      client,
      CompleteMultipartUpload({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    )
    const read = await send(client, GetObject({ Bucket, Key }))
    expect(read).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 's3kit-test-key-2' })
    expect(await read.Body.text()).toBe('kms part')
  })
})

describe('bucket owner, Requester Pays and conditional delete on RGW 16', () => {
  const { userId = 'test' } = server()

  it('ignores ExpectedBucketOwner (a wrong account is not refused) and RequestPayer (no RequestCharged)', async () => {
    await send(client, PutObject({ Bucket, Key: 'owned.txt', Body: 'mine' }))
    for (const ExpectedBucketOwner of [userId, '111122223333']) {
      await send(client, HeadBucket({ Bucket, ExpectedBucketOwner }))
      expect((await send(client, HeadObject({ Bucket, Key: 'owned.txt', ExpectedBucketOwner }))).ETag).toBeDefined()
    }
    const paid = await send(client, GetObject({ Bucket, Key: 'owned.txt', RequestPayer: 'requester' }))
    expect(await paid.Body.text()).toBe('mine')
    expect(paid.RequestCharged).toBeUndefined()
  })

  it('ignores If-Match on DELETE: an object is deleted whatever ETag is named', async () => {
    await send(client, PutObject({ Bucket, Key: 'conditional.txt', Body: 'x' }))
    const deleted = await send(
      client,
      DeleteObject({ Bucket, Key: 'conditional.txt', IfMatch: '"00000000000000000000000000000000"' }),
    )
    expect(deleted).toEqual({})
    expect(await failure(send(client, HeadObject({ Bucket, Key: 'conditional.txt' })))).toMatchObject({
      code: 'NotFound',
      status: 404,
    })
  })
})
