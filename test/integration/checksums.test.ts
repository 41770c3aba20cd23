import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checksumOf } from '../../src/core/checksums/checksum.js'
import { checksum } from '../../src/helpers/checksum.js'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import { verifyChecksum } from '../../src/helpers/verify-checksum.js'
import {
  CompleteMultipartUpload,
  CRC32,
  CRC32C,
  CRC64NVME,
  CreateBucket,
  CreateMultipartUpload,
  download,
  type FetchLike,
  GetObject,
  HeadObject,
  PutObject,
  S3Error,
  SHA256,
  send,
  UploadPart,
  upload,
} from '../../src/index.js'
import { downloadFile, getFile, uploadFile } from '../../src/node/index.js'
import { testClient, uniqueBucket } from './env.js'

/**
 * Checksums against the real server (Ceph RGW 16): what it does with each checksum header, as
 * docs/checksums.md reports it, and what s3kit does there. RGW 16 accepts every x-amz-checksum-*
 * header and element and checks none: it stores no checksum and returns none.
 */

const MiB = 1024 * 1024
const client = testClient()
const Bucket = uniqueBucket('checksums')
const body = Uint8Array.from({ length: 11 * MiB + 4321 }, (_, i) => (i * 2654435761) >>> 24)
const WRONG_CRC64 = 'AAAAAAAAAAA='

beforeAll(async () => {
  await send(client, CreateBucket({ Bucket }))
})
afterAll(async () => {
  await deleteBucket(client, Bucket, { force: true })
})

describe('what RGW 16 does with checksum headers', () => {
  it('accepts a PutObject checksum without checking it, and returns none', async () => {
    // Right and wrong values alike are stored: RGW 16 does not check x-amz-checksum-*.
    for (const [Key, settings] of [
      ['right', {}],
      ['wrong', { value: WRONG_CRC64 }],
    ] as const) {
      const command = checksum(CRC64NVME, settings)(PutObject({ Bucket, Key, Body: 'hello' }))
      expect(command.headers).toMatchObject({ 'x-amz-sdk-checksum-algorithm': 'CRC64NVME' })
      const put = await send(client, command)
      expect(put.ChecksumCRC64NVME).toBeUndefined()
      const head = await send(client, verifyChecksum()(HeadObject({ Bucket, Key })))
      expect(head.ChecksumCRC64NVME).toBeUndefined()
      expect(head.ChecksumType).toBeUndefined()
    }
  })

  it('accepts the multipart checksum headers and part elements, right or wrong, without checking them', async () => {
    const Key = 'multipart-wrong'
    const wrong = checksum(CRC64NVME, { value: WRONG_CRC64 })
    const created = await send(client, checksum(CRC64NVME)(CreateMultipartUpload({ Bucket, Key })))
    expect(created.ChecksumAlgorithm).toBeUndefined()
    const { UploadId } = created
    const part = await send(client, wrong(UploadPart({ Bucket, Key, UploadId, PartNumber: 1, Body: 'part' })))
    expect(part.ChecksumCRC64NVME).toBeUndefined()
    await send(
      client,
      wrong(
        CompleteMultipartUpload({
          Bucket,
          Key,
          UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag, ChecksumCRC64NVME: WRONG_CRC64 }] },
        }),
      ),
    )
    expect(await (await send(client, GetObject({ Bucket, Key }))).Body.text()).toBe('part')
  })

  it('sends no checksum on GET: the body is passed on unverified, and the output says so', async () => {
    const output = await send(client, verifyChecksum(CRC64NVME)(GetObject({ Bucket, Key: 'right' })))
    expect(output.ChecksumNotVerified).toBe('NO_CHECKSUM')
    expect(output.ChecksumVerified).toBeUndefined()
    expect(await output.Body.text()).toBe('hello')
  })
})

describe('upload with ChecksumAlgorithm', () => {
  it('sends a full-object CRC64NVME equal to the CRC64NVME of the whole body, however it is split', async () => {
    const expected = checksumOf(CRC64NVME, body)
    for (const partSize of [5 * MiB, 6 * MiB + 7]) {
      const Key = `upload-${partSize}`
      const output = await upload(client, { Bucket, Key, Body: body, ChecksumAlgorithm: CRC64NVME }, { partSize })
      expect(output).toMatchObject({ ChecksumCRC64NVME: expected, ChecksumType: 'FULL_OBJECT' })
      expect(output.UploadId).toBeDefined()
      const stored = await (await send(client, GetObject({ Bucket, Key }))).Body.bytes()
      expect(checksumOf(CRC64NVME, stored)).toBe(expected)
    }
  })

  it('uploads a file with the same full-object CRC64NVME as the file computed whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3kit-checksums-'))
    try {
      const path = join(dir, 'file.bin')
      await writeFile(path, body)
      const output = await uploadFile(
        client,
        { Bucket, Key: 'file', path, ChecksumAlgorithm: CRC64NVME },
        { partSize: 5 * MiB },
      )
      expect(output).toMatchObject({ ChecksumCRC64NVME: checksumOf(CRC64NVME, body), ChecksumType: 'FULL_OBJECT' })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('uploads with every other algorithm too (RGW takes the headers)', async () => {
    for (const algorithm of [CRC32, CRC32C, SHA256]) {
      const output = await upload(
        client,
        { Bucket, Key: `upload-${algorithm.name}`, Body: body, ChecksumAlgorithm: algorithm },
        { partSize: 5 * MiB },
      )
      expect(output.ChecksumType).toBe(algorithm === SHA256 ? 'COMPOSITE' : 'FULL_OBJECT')
      if (algorithm !== SHA256) expect(output[`Checksum${algorithm.name as 'CRC32'}`]).toBe(checksumOf(algorithm, body))
    }
  })
})

describe('GetObject checking a body against a checksum header', () => {
  const Key = 'checked'
  beforeAll(async () => {
    await send(client, PutObject({ Bucket, Key, Body: body }))
  })
  // RGW sends no checksum: this fetch adds one to its real responses, as S3 would send it.
  const withChecksum =
    (value: string): FetchLike =>
    async (input, init) => {
      const response = await fetch(input, init)
      if ((init?.method ?? 'GET') !== 'GET') return response
      const headers = new Headers(response.headers)
      headers.set('x-amz-checksum-crc64nvme', value)
      headers.set('x-amz-checksum-type', 'FULL_OBJECT')
      return new Response(response.body, { status: response.status, headers })
    }

  it('gives the body when it matches', async () => {
    const checked = testClient({ fetch: withChecksum(checksumOf(CRC64NVME, body)) })
    const output = await send(checked, verifyChecksum(CRC64NVME)(GetObject({ Bucket, Key })))
    expect(output.ChecksumVerified).toBe('CRC64NVME')
    // Compared as buffers: a deep equality of 11 MiB takes the test runner a minute.
    expect(Buffer.from(await output.Body.bytes()).equals(body)).toBe(true)
  })

  it('fails the body with BadDigest when it does not: the stream errors instead of ending', async () => {
    const checked = testClient({ fetch: withChecksum(WRONG_CRC64) })
    const output = await send(checked, verifyChecksum(CRC64NVME)(GetObject({ Bucket, Key })))
    let received = 0
    let ending: unknown
    try {
      for await (const chunk of output.Body as unknown as AsyncIterable<Uint8Array>) received += chunk.byteLength
      ending = 'closed'
    } catch (error) {
      ending = error
    }
    expect(ending).toBeInstanceOf(S3Error)
    expect(ending).toMatchObject({ code: 'BadDigest', operation: 'GetObject', key: Key })
    expect(received).toBe(body.byteLength)
    const again = await send(checked, verifyChecksum(CRC64NVME)(GetObject({ Bucket, Key })))
    await expect(again.Body.bytes()).rejects.toMatchObject({ code: 'BadDigest' })
  })

  it('getFile leaves no file when the body does not match, and writes it when it does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3kit-checksums-'))
    try {
      const path = join(dir, 'file.bin')
      const input = { Bucket, Key, path }
      const options = { requestOptions: [verifyChecksum(CRC64NVME)] }
      await expect(getFile(testClient({ fetch: withChecksum(WRONG_CRC64) }), input, options)).rejects.toMatchObject({
        code: 'BadDigest',
      })
      await expect(access(path)).rejects.toThrow()
      const output = await getFile(testClient({ fetch: withChecksum(checksumOf(CRC64NVME, body)) }), input, options)
      expect(output.ChecksumVerified).toBe('CRC64NVME')
      expect((await readFile(path)).equals(body)).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('download with ChecksumAlgorithms', () => {
  const Key = 'downloaded'
  beforeAll(async () => {
    await send(client, PutObject({ Bucket, Key, Body: body }))
  })
  // RGW sends no checksum: this fetch adds one to its real HEAD responses, as S3 would send it.
  const withChecksum =
    (value: string): FetchLike =>
    async (input, init) => {
      const response = await fetch(input, init)
      if (init?.method !== 'HEAD') return response
      const headers = new Headers(response.headers)
      headers.set('x-amz-checksum-crc64nvme', value)
      headers.set('x-amz-checksum-type', 'FULL_OBJECT')
      return new Response(null, { status: response.status, headers })
    }
  const readAll = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer())

  it('reports that RGW sent no checksum, and downloads the object unverified', async () => {
    const output = await download(client, { Bucket, Key, ChecksumAlgorithms: [CRC64NVME] }, { partSize: 5 * MiB })
    expect(output.ChecksumNotVerified).toBe('NO_CHECKSUM')
    expect((await readAll(output.Body)).equals(body)).toBe(true)
  })

  it('checks the ranges read from the server against a full-object checksum', async () => {
    const checked = testClient({ fetch: withChecksum(checksumOf(CRC64NVME, body)) })
    const output = await download(checked, { Bucket, Key, ChecksumAlgorithms: [CRC64NVME] }, { partSize: 5 * MiB })
    expect(output.ChecksumVerified).toBe('CRC64NVME')
    expect((await readAll(output.Body)).equals(body)).toBe(true)
  })

  it('fails on a mismatch: the stream errors, and downloadFile leaves no file', async () => {
    const checked = testClient({ fetch: withChecksum(WRONG_CRC64) })
    const output = await download(checked, { Bucket, Key, ChecksumAlgorithms: [CRC64NVME] }, { partSize: 5 * MiB })
    await expect(readAll(output.Body)).rejects.toMatchObject({ code: 'BadDigest' })
    const dir = await mkdtemp(join(tmpdir(), 's3kit-checksums-'))
    try {
      const path = join(dir, 'file.bin')
      await expect(
        downloadFile(checked, { Bucket, Key, path, ChecksumAlgorithms: [CRC64NVME] }, { partSize: 5 * MiB }),
      ).rejects.toMatchObject({ code: 'BadDigest' })
      await expect(access(path)).rejects.toThrow()
      await downloadFile(
        testClient({ fetch: withChecksum(checksumOf(CRC64NVME, body)) }),
        { Bucket, Key, path, ChecksumAlgorithms: [CRC64NVME] },
        { partSize: 5 * MiB },
      )
      expect((await readFile(path)).equals(body)).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
