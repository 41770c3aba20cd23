import { afterAll, beforeAll, expect, it } from 'vitest'
import { checksumOf } from '../../src/core/checksums/checksum.js'
import { sseCustomerKey } from '../../src/helpers/sse-customer-key.js'
import {
  CRC64NVME,
  CreateBucket,
  deleteBucket,
  download,
  GetObject,
  HeadObject,
  S3Error,
  send,
  upload,
} from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

// Ceph RGW 16 as scripts/s3-server.sh configures it (`rgw crypt require ssl = false`: SSE-C over
// plain HTTP). S3 and RGW need the SSE-C key on every UploadPart of an upload created with one.
const MiB = 1024 * 1024
const client = testClient()
const Bucket = uniqueBucket('upload-ssec')
const key = Uint8Array.from({ length: 32 }, (_, i) => (i * 13 + 5) & 0xff)
const body = Uint8Array.from({ length: 11 * MiB + 99 }, (_, i) => (i * 7 + (i >> 9)) & 0xff)

beforeAll(async () => {
  await send(client, CreateBucket({ Bucket }))
})
afterAll(async () => {
  await deleteBucket(client, Bucket, { force: true })
})

it('uploads in parts with an SSE-C key in requestOptions: every part and the completion carry it', async () => {
  const sse = sseCustomerKey(key)
  const output = await upload(
    client,
    { Bucket, Key: 'secret.bin', Body: body, ChecksumAlgorithm: CRC64NVME },
    { partSize: 5 * MiB, requestOptions: [sse] },
  )
  expect(output.UploadId).toBeDefined()
  expect(output.ChecksumCRC64NVME).toBe(checksumOf(CRC64NVME, body))
  const stored = await send(client, sse(GetObject({ Bucket, Key: 'secret.bin' })))
  expect(Buffer.from(await stored.Body.bytes()).equals(body)).toBe(true)
  expect(stored.SSECustomerAlgorithm).toBe('AES256')
  // Without the key, the object cannot be read: it was encrypted with it, part by part.
  const refused = await send(client, HeadObject({ Bucket, Key: 'secret.bin' })).catch((error: unknown) => error)
  expect(refused).toBeInstanceOf(S3Error)
  expect((refused as S3Error).status).toBe(400)
  // download gives the key to its HEAD and every range.
  const downloaded = await download(
    client,
    { Bucket, Key: 'secret.bin', ChecksumMode: 'ENABLED' },
    { partSize: 5 * MiB, requestOptions: [sse] },
  )
  expect(Buffer.from(await new Response(downloaded.Body).arrayBuffer()).equals(body)).toBe(true)
})
