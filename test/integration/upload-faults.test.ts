import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import {
  AbortMultipartUpload,
  abortIncompleteUploads,
  CreateBucket,
  DeleteObject,
  type FetchLike,
  GetObject,
  headObjectOrNull,
  ListMultipartUploads,
  ListParts,
  S3Error,
  send,
  upload,
} from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

const MiB = 1024 * 1024
const partSize = 5 * MiB
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function content(size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 7 + (i >>> 11)) & 255
  return bytes
}

/**
 * A client whose fetch passes everything to the real server except what `fault` intercepts; it
 * counts the attempts per part number.
 */
function faultyClient(fault: (part: number, attempt: number, init: RequestInit) => Promise<Response> | undefined) {
  const attempts = new Map<number, number>()
  const fetch: FetchLike = (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const part = url.searchParams.get('partNumber')
    if (init.method === 'PUT' && part !== null) {
      const attempt = (attempts.get(Number(part)) ?? 0) + 1
      attempts.set(Number(part), attempt)
      const faulty = fault(Number(part), attempt, init)
      if (faulty) return faulty
    }
    return globalThis.fetch(input, init)
  }
  return { client: testClient({ fetch, retry: { baseDelayMs: 5 } }), attempts }
}

/** What a dropped connection looks like to fetch, after reading some of the body. */
async function dropConnection(init: RequestInit): Promise<Response> {
  const reader = (init.body as ReadableStream<Uint8Array>).getReader()
  await reader.read()
  await reader.cancel()
  throw new TypeError('fetch failed: simulated connection reset')
}

describe('upload failures against a real server', () => {
  const plain = testClient()
  const Bucket = uniqueBucket('upload-faults')
  const bytes = content(4 * partSize + 123)

  beforeAll(async () => {
    await send(plain, CreateBucket({ Bucket }))
  })
  afterAll(async () => {
    await abortIncompleteUploads(plain, Bucket)
    await deleteBucket(plain, Bucket, { force: true })
  })

  const openUploads = async () => (await send(plain, ListMultipartUploads({ Bucket }))).Uploads

  it('rejects when part 3 fails for good, and leaves no upload and no object', async () => {
    const { client, attempts } = faultyClient((part, _attempt, init) => (part === 3 ? dropConnection(init) : undefined))
    const error = await upload(client, { Bucket, Key: 'part-3-fails', Body: bytes }, { partSize }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({ code: 'NetworkError', operation: 'UploadPart', bucket: Bucket, key: 'part-3-fails' })
    expect((error as S3Error).uploadId).toEqual(expect.any(String))
    // The client's retry policy: three attempts, then the upload is given up.
    expect(attempts.get(3)).toBe(3)
    expect(await openUploads()).toEqual([])
    expect(await headObjectOrNull(plain, { Bucket, Key: 'part-3-fails' })).toBeNull()
  })

  it('retries a part that fails once, and stores the object intact', async () => {
    const { client, attempts } = faultyClient((part, attempt, init) =>
      part === 2 && attempt === 1 ? dropConnection(init) : undefined,
    )
    try {
      const out = await upload(client, { Bucket, Key: 'part-2-flaky', Body: bytes }, { partSize })
      expect(attempts.get(2)).toBe(2)
      expect(out.ETag).toMatch(/-5"$/)
      const { Body } = await send(plain, GetObject({ Bucket, Key: 'part-2-flaky' }))
      expect(sha256(await Body.bytes())).toBe(sha256(bytes))
      expect(await openUploads()).toEqual([])
    } finally {
      await send(plain, DeleteObject({ Bucket, Key: 'part-2-flaky' }))
    }
  })

  it('stops on an AbortSignal mid-upload: rejects with the abort error and leaves no upload', async () => {
    const controller = new AbortController()
    // One part at a time: part 1 is stored when part 2 is sent, and the abort comes with it.
    const { client } = faultyClient((part) => {
      if (part === 2) controller.abort()
      return undefined
    })
    const error = await upload(
      client,
      { Bucket, Key: 'aborted', Body: bytes },
      { partSize, concurrency: 1, signal: controller.signal },
    ).catch((e: unknown) => e)
    expect(error).toBe(controller.signal.reason)
    expect((error as Error).name).toBe('AbortError')
    expect(await openUploads()).toEqual([])
    expect(await headObjectOrNull(plain, { Bucket, Key: 'aborted' })).toBeNull()
  })

  it('stops reading a stream when aborted', async () => {
    const controller = new AbortController()
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += 1
        if (pulled === 200) controller.abort()
        c.enqueue(new Uint8Array(64 * 1024))
      },
      cancel() {
        pulled = -Infinity
      },
    })
    const error = await upload(
      plain,
      { Bucket, Key: 'endless', Body: endless },
      { partSize, signal: controller.signal },
    ).catch((e: unknown) => e)
    expect((error as Error).name).toBe('AbortError')
    // The stream was cancelled, so it was never pulled again.
    expect(pulled).toBe(-Infinity)
    expect(await openUploads()).toEqual([])
  })

  it('refuses partSize < 5 MiB, > 10,000 parts and > 48.8 TiB before any request', async () => {
    let requests = 0
    const client = testClient({
      fetch: (input, init) => {
        requests++
        return globalThis.fetch(input, init)
      },
    })
    const stream = () => new Blob(['x']).stream()
    const cases = [
      upload(client, { Bucket, Key: 'small-parts', Body: bytes }, { partSize: 5 * MiB - 1 }),
      upload(
        client,
        { Bucket, Key: 'too-many-parts', Body: stream(), ContentLength: 10_000 * partSize + 1 },
        { partSize },
      ),
      upload(client, { Bucket, Key: 'too-large', Body: stream(), ContentLength: 10_000 * 5 * 1024 * MiB + 1 }),
    ]
    for (const [promise, field] of [
      [cases[0], 'partSize'],
      [cases[1], 'partSize'],
      [cases[2], 'Body'],
    ] as const) {
      await expect(promise).rejects.toMatchObject({ name: 'InputError', field })
    }
    expect(requests).toBe(0)
  })

  it('keeps the parts with leavePartsOnError, under the UploadId of the error', async () => {
    const { client } = faultyClient((part, _attempt, init) => (part === 3 ? dropConnection(init) : undefined))
    const error = await upload(
      client,
      { Bucket, Key: 'kept', Body: bytes },
      { partSize, concurrency: 1, leavePartsOnError: true },
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    const UploadId = (error as S3Error).uploadId!
    try {
      expect((await openUploads()).map((u) => [u.Key, u.UploadId])).toEqual([['kept', UploadId]])
      // One part at a time: parts 1 and 2 were stored before part 3 failed.
      const { Parts } = await send(plain, ListParts({ Bucket, Key: 'kept', UploadId }))
      expect(Parts.map((p) => [p.PartNumber, p.Size])).toEqual([
        [1, partSize],
        [2, partSize],
      ])
    } finally {
      await send(plain, AbortMultipartUpload({ Bucket, Key: 'kept', UploadId }))
    }
    expect(await openUploads()).toEqual([])
  })
})
