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
import { extendCommand } from '../../src/core/extend-command.js'
import { copy } from '../../src/helpers/copy.js'
import { download } from '../../src/helpers/download.js'
import { encryptionDetails } from '../../src/helpers/encryption-details.js'
import { expectedBucketOwner } from '../../src/helpers/expected-bucket-owner.js'
import { requesterPays } from '../../src/helpers/requester-pays.js'
import { copySourceSSECustomerKey, sseCustomerKey } from '../../src/helpers/sse-customer-key.js'
import { sseKms } from '../../src/helpers/sse-kms.js'
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
const keyMD5 = createHash('md5').update(key).digest('base64')
const sse = sseCustomerKey(key)
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
  await send(client, sse(PutObject({ Bucket, Key: 'ssec.txt', Body: 'top secret' })))
  await send(client, sse(PutObject({ Bucket, Key: 'ssec-big.bin', Body: big })))
  await send(client, PutObject({ Bucket, Key: 'plain-big.bin', Body: big }))
})

afterAll(async () => {
  await deleteBucket(testClient(), Bucket, { force: true })
})

describe('SSE-C', () => {
  it('writes, heads and reads an object with the key, given as bytes or as base64, its MD5 computed or given', async () => {
    const head = await send(client, sse(HeadObject({ Bucket, Key: 'ssec.txt' })))
    expect(head).toMatchObject({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: keyMD5, ContentLength: 10 })
    const fromText = await send(client, sseCustomerKey(keyText)(GetObject({ Bucket, Key: 'ssec.txt' })))
    expect(await fromText.Body.text()).toBe('top secret')
    const withMD5 = await send(client, sseCustomerKey(key, keyMD5)(GetObject({ Bucket, Key: 'ssec.txt' })))
    expect(withMD5.SSECustomerAlgorithm).toBe('AES256')
    expect(await withMD5.Body.text()).toBe('top secret')
  })

  it('RGW 16 refuses a read without the key or with another: GET 400 InvalidArgument, HEAD 400 BadRequest', async () => {
    const without = await failure(send(client, GetObject({ Bucket, Key: 'ssec.txt' })))
    expect(without).toMatchObject({ code: 'InvalidArgument', status: 400, operation: 'GetObject' })
    expect((without as Error).message).toContain('must provide a valid encryption algorithm')

    const wrong = await failure(send(client, sseCustomerKey(otherKey)(GetObject({ Bucket, Key: 'ssec.txt' }))))
    expect(wrong).toBeInstanceOf(S3Error)
    expect(wrong).toMatchObject({ code: 'InvalidArgument', status: 400 })
    expect((wrong as Error).message).toContain('The calculated MD5 hash of the key did not match')
    const shown = `${(wrong as Error).message} ${JSON.stringify(wrong)}`
    expect(shown).not.toContain(Buffer.from(otherKey).toString('base64'))
    expect(shown).not.toContain(keyText)

    // HEAD answers carry no error document: only the status is left to say it.
    expect(await failure(send(client, HeadObject({ Bucket, Key: 'ssec.txt' })))).toMatchObject({
      code: 'BadRequest',
      status: 400,
    })
    expect(
      await failure(send(client, sseCustomerKey(otherKey)(HeadObject({ Bucket, Key: 'ssec.txt' })))),
    ).toMatchObject({ code: 'BadRequest', status: 400 })
  })

  it('refuses a key that is not 256 bits when the option is made, before any request', async () => {
    const before = requests
    const error = await failure(
      Promise.resolve().then(() =>
        send(client, sseCustomerKey(key.subarray(1))(GetObject({ Bucket, Key: 'ssec.txt' }))),
      ),
    )
    expect(error).toBeInstanceOf(InputError)
    expect(error).toMatchObject({ field: 'SSECustomerKey' })
    expect(requests).toBe(before)
  })

  it('download reads an SSE-C object in ranges with the key in its request options', async () => {
    const { Body } = await download(
      client,
      { Bucket, Key: 'ssec-big.bin' },
      { partSize: 2 * MiB, requestOptions: [sse] },
    )
    expect(sha256(new Uint8Array(await new Response(Body).arrayBuffer()))).toBe(sha256(big))
  })

  it('a multipart upload with an SSE-C key: every part must carry the key (RGW 400 without), the object is encrypted', async () => {
    const Key = 'ssec-multipart.bin'
    const { UploadId } = await send(client, sse(CreateMultipartUpload({ Bucket, Key })))
    // A part sent without the key is refused: the upload is bound to it.
    const bare = await failure(send(client, UploadPart({ Bucket, Key, UploadId, PartNumber: 1, Body: 'x' })))
    expect(bare).toMatchObject({ code: 'InvalidArgument', status: 400, operation: 'UploadPart' })
    // Part 1 uploaded with the key; part 2 made on the server from a plain object, written with it.
    const first = await send(
      client,
      sse(UploadPart({ Bucket, Key, UploadId, PartNumber: 1, Body: big.subarray(0, 5 * MiB) })),
    )
    const parts: { PartNumber: number; ETag: string }[] = [{ PartNumber: 1, ETag: first.ETag }]
    for (const [PartNumber, CopySourceRange] of [[2, `bytes=${5 * MiB}-${big.length - 1}`]] as const) {
      const { CopyPartResult } = await send(
        client,
        sse(
          UploadPartCopy({
            Bucket,
            Key,
            UploadId,
            PartNumber,
            CopySource: { Bucket, Key: 'plain-big.bin' },
            CopySourceRange,
          }),
        ),
      )
      parts.push({ PartNumber, ETag: CopyPartResult.ETag })
    }
    await send(client, sse(CompleteMultipartUpload({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } })))
    const read = await send(client, sse(GetObject({ Bucket, Key })))
    expect(read).toMatchObject({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: keyMD5 })
    expect(sha256(await read.Body.bytes())).toBe(sha256(big))
    expect(await failure(send(client, GetObject({ Bucket, Key })))).toMatchObject({ code: 'InvalidArgument' })
  })
})

describe('copies of encrypted objects on RGW 16', () => {
  it('CopyObject of an SSE-C (or SSE-KMS) source is 501 NotImplemented, with or without the source key', async () => {
    const source = { Bucket, Key: 'ssec.txt' }
    const fromSource = copySourceSSECustomerKey(key)
    for (const command of [
      fromSource(sseCustomerKey(otherKey)(CopyObject({ Bucket, Key: 'copy-1.txt', CopySource: source }))),
      fromSource(sseKms()(CopyObject({ Bucket, Key: 'copy-2.txt', CopySource: source }))),
      CopyObject({ Bucket, Key: 'copy-3.txt', CopySource: source }),
    ]) {
      expect(await failure(send(client, command))).toMatchObject({
        code: 'NotImplemented',
        status: 501,
        operation: 'CopyObject',
      })
    }
    await send(client, sseKms({ SSEKMSKeyId: 's3kit-test-key-1' })(PutObject({ Bucket, Key: 'kms.txt', Body: 'k' })))
    expect(
      await failure(send(client, CopyObject({ Bucket, Key: 'copy-4.txt', CopySource: { Bucket, Key: 'kms.txt' } }))),
    ).toMatchObject({ code: 'NotImplemented', status: 501 })
  })

  it('CopyObject ignores the encryption asked for the copy: a plain source gives a plain copy (SSE-C and KMS alike)', async () => {
    const source = { Bucket, Key: 'plain.txt' }
    await send(client, PutObject({ ...source, Body: 'plain' }))
    await send(client, sse(CopyObject({ Bucket, Key: 'to-ssec.txt', CopySource: source })))
    await send(
      client,
      sseKms({ SSEKMSKeyId: 's3kit-test-key-2' })(CopyObject({ Bucket, Key: 'to-kms.txt', CopySource: source })),
    )
    for (const Key of ['to-ssec.txt', 'to-kms.txt']) {
      // Readable without a key, and no encryption reported: RGW 16 stored it unencrypted.
      const read = await send(client, encryptionDetails()(GetObject({ Bucket, Key })))
      expect(await read.Body.text()).toBe('plain')
      expect(read.SSECustomerAlgorithm).toBeUndefined()
      expect(read.ServerSideEncryption).toBeUndefined()
    }
  })

  it('copy in parts copies an SSE-C source to a copy under the same key', async () => {
    const copied = await copy(
      client,
      { Bucket, Key: 'copied-ssec.bin', CopySource: { Bucket, Key: 'ssec-big.bin' } },
      {
        multipart: true,
        partSize: 5 * MiB,
        requestOptions: [copySourceSSECustomerKey(key), sseCustomerKey(keyText)],
        sourceOptions: [sse],
      },
    )
    expect(copied.UploadId).toBeDefined()
    // RGW 16 answers neither UploadPartCopy nor the completion with the SSE-C headers: the copy cannot say its key.
    expect(copied.SSECustomerKeyMD5).toBeUndefined()
    const read = await send(client, sse(GetObject({ Bucket, Key: 'copied-ssec.bin' })))
    expect(read.SSECustomerAlgorithm).toBe('AES256')
    expect(sha256(await read.Body.bytes())).toBe(sha256(big))
  })

  it('but RGW 16 reads the source with the copy key: an SSE-C source into SSE-KMS or another key is 400 InvalidArgument, and the upload is aborted', async () => {
    for (const [Key, target] of [
      ['copied-kms.bin', sseKms({ SSEKMSKeyId: 's3kit-test-key-1' })],
      ['copied-other.bin', sseCustomerKey(otherKey)],
    ] as const) {
      const error = await failure(
        copy(
          client,
          { Bucket, Key, CopySource: { Bucket, Key: 'ssec-big.bin' } },
          {
            multipart: true,
            partSize: 5 * MiB,
            requestOptions: [copySourceSSECustomerKey(key), target],
            sourceOptions: [sse],
          },
        ),
      )
      expect(error).toMatchObject({ code: 'InvalidArgument', status: 400, operation: 'UploadPartCopy' })
      const { Uploads } = await send(client, ListMultipartUploads({ Bucket, Prefix: Key }))
      expect(Uploads).toEqual([])
    }
  })
})

describe('SSE-KMS', () => {
  it('writes with a KMS key ID, reads back plain text, and heads show the key', async () => {
    const put = await send(
      client,
      sseKms({ SSEKMSKeyId: 's3kit-test-key-1' })(PutObject({ Bucket, Key: 'kms-1.txt', Body: 'one' })),
    )
    expect(put).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 's3kit-test-key-1' })
    // RGW adds its own aws:s3:arn pair to the encryption context it answers.
    expect(JSON.parse(atob(put.SSEKMSEncryptionContext!))).toHaveProperty('aws:s3:arn')
    const details = encryptionDetails()
    expect(await send(client, details(HeadObject({ Bucket, Key: 'kms-1.txt' })))).toMatchObject({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 's3kit-test-key-1',
    })
    // A read without the option reports ServerSideEncryption only.
    const plainHead = await send(client, HeadObject({ Bucket, Key: 'kms-1.txt' }))
    expect(plainHead.ServerSideEncryption).toBe('aws:kms')
    expect(plainHead).not.toHaveProperty('SSEKMSKeyId')
    const read = await send(client, details(GetObject({ Bucket, Key: 'kms-1.txt' })))
    expect(read).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 's3kit-test-key-1' })
    expect(await read.Body.text()).toBe('one')

    // The other key, with an encryption context and a Bucket Key: accepted; RGW reports no Bucket Key.
    await send(
      client,
      sseKms({
        SSEKMSKeyId: 's3kit-test-key-2',
        SSEKMSEncryptionContext: { project: 'alpha' },
        BucketKeyEnabled: true,
      })(PutObject({ Bucket, Key: 'kms-2.txt', Body: 'two' })),
    )
    const second = await send(client, details(GetObject({ Bucket, Key: 'kms-2.txt' })))
    expect(second).toMatchObject({ SSEKMSKeyId: 's3kit-test-key-2' })
    expect(second.BucketKeyEnabled).toBeUndefined()
    expect(await second.Body.text()).toBe('two')
  })

  it('RGW 16 refuses an unknown key (403 InvalidAccessKeyId) and a key ID without aws:kms (400 InvalidArgument)', async () => {
    expect(
      await failure(
        send(client, sseKms({ SSEKMSKeyId: 'no-such-key' })(PutObject({ Bucket, Key: 'kms-x.txt', Body: 'x' }))),
      ),
    ).toMatchObject({ code: 'InvalidAccessKeyId', status: 403 })
    // The key ID header alone, without aws:kms (which sseKms always sends): extendCommand gives it as sent.
    const keyOnly = extendCommand(PutObject({ Bucket, Key: 'kms-y.txt', Body: 'y' }), {
      'x-amz-server-side-encryption-aws-kms-key-id': 's3kit-test-key-1',
    })
    expect(await failure(send(client, keyOnly))).toMatchObject({ code: 'InvalidArgument', status: 400 })
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
      sseKms({ SSEKMSKeyId: 's3kit-test-key-2' })(CreateMultipartUpload({ Bucket, Key })),
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
    const read = await send(client, encryptionDetails()(GetObject({ Bucket, Key })))
    expect(read).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 's3kit-test-key-2' })
    expect(await read.Body.text()).toBe('kms part')
  })
})

describe('bucket owner, Requester Pays and conditional delete on RGW 16', () => {
  const { userId = 'test' } = server()

  it('ignores ExpectedBucketOwner (a wrong account is not refused) and RequestPayer (no RequestCharged)', async () => {
    await send(client, PutObject({ Bucket, Key: 'owned.txt', Body: 'mine' }))
    for (const account of [userId, '111122223333']) {
      const owned = expectedBucketOwner(account)
      await send(client, owned(HeadBucket({ Bucket })))
      expect((await send(client, owned(HeadObject({ Bucket, Key: 'owned.txt' })))).ETag).toBeDefined()
    }
    const paid = await send(client, requesterPays()(GetObject({ Bucket, Key: 'owned.txt' })))
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
