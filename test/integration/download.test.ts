import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CreateBucket } from '../../commands/CreateBucket.js'
import { PutObject } from '../../commands/PutObject.js'
import type { FetchLike } from '../../src/core/client.js'
import { S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import { download } from '../../src/helpers/download.js'
import { downloadFile } from '../../src/node/download-file.js'
import { getFile } from '../../src/node/get-file.js'
import { startFaultProxy } from '../support/fault-proxy.js'
import { server, testClient, uniqueBucket } from './env.js'

const KiB = 1024

function content(size: number, salt = 0): Uint8Array {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 13 + (i >>> 9) + salt) & 255
  return bytes
}

const collect = async (body: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(body).arrayBuffer())

describe('download and downloadFile against the real server', () => {
  const client = testClient()
  const Bucket = uniqueBucket('download')
  const bytes = content(1000 * KiB + 7)
  let dir: string

  beforeAll(async () => {
    await send(client, CreateBucket({ Bucket }))
    await send(client, PutObject({ Bucket, Key: 'big.bin', Body: bytes }))
    await send(client, PutObject({ Bucket, Key: 'empty.bin', Body: new Uint8Array(0) }))
    dir = await mkdtemp(join(tmpdir(), 's3kit-download-'))
  })
  afterAll(async () => {
    await deleteBucket(client, Bucket, { force: true })
    await rm(dir, { recursive: true, force: true })
  })

  it('reads an object in ordered ranged parts, with byte progress and the whole size', async () => {
    const ranges: string[] = []
    const fetch: FetchLike = (input, init) => {
      ranges.push(new Headers(init?.headers).get('range') ?? 'none')
      return globalThis.fetch(input, init)
    }
    const progress: number[] = []
    const out = await download(
      testClient({ fetch }),
      { Bucket, Key: 'big.bin' },
      {
        partSize: 128 * KiB,
        concurrency: 3,
        onProgress: ({ loaded, total }) => {
          progress.push(loaded)
          expect(total).toBe(bytes.length)
        },
      },
    )
    expect(out.ContentLength).toBe(bytes.length)
    expect(out).not.toHaveProperty('ContentRange')
    expect(Buffer.from(await collect(out.Body)).equals(Buffer.from(bytes))).toBe(true)
    expect(ranges).toHaveLength(Math.ceil(bytes.length / (128 * KiB)))
    expect(ranges[0]).toBe(`bytes=0-${128 * KiB - 1}`)
    expect(ranges).toContain(`bytes=${7 * 128 * KiB}-${bytes.length - 1}`)
    expect(progress.at(-1)).toBe(bytes.length)
    expect(progress.every((n, i) => i === 0 || n > progress[i - 1]!)).toBe(true)
  })

  it('reads an empty object', async () => {
    const out = await download(client, { Bucket, Key: 'empty.bin' })
    expect(out.ContentLength).toBe(0)
    expect(await collect(out.Body)).toEqual(new Uint8Array(0))
  })

  it('pins every part to the first ETag: an object replaced midway fails with PreconditionFailed', async () => {
    await send(client, PutObject({ Bucket, Key: 'changing.bin', Body: bytes }))
    let gets = 0
    const fetch: FetchLike = async (input, init) => {
      // Replace the object right after the first part was answered.
      if (++gets === 2) await send(client, PutObject({ Bucket, Key: 'changing.bin', Body: content(bytes.length, 1) }))
      return globalThis.fetch(input, init)
    }
    const out = await download(
      testClient({ fetch }),
      { Bucket, Key: 'changing.bin' },
      { partSize: 256 * KiB, concurrency: 1 },
    )
    const error = await collect(out.Body).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      code: 'PreconditionFailed',
      status: 412,
      operation: 'GetObject',
      key: 'changing.bin',
    })
  })

  it('writes a file in place through a proxy that cuts bodies, and renames it only when whole', async () => {
    const s = server()
    const proxy = await startFaultProxy({ target: s.endpoint, seed: 3, rates: { cutBody: 0.5 } })
    try {
      const faulty = testClient({ endpoint: proxy.endpoint })
      const path = join(dir, 'big.bin')
      writeFileSync(path, 'old content')
      const out = await downloadFile(faulty, { Bucket, Key: 'big.bin', path }, { partSize: 100 * KiB, concurrency: 4 })
      expect(out.ContentLength).toBe(bytes.length)
      expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true)
      expect(proxy.counts.cutBody).toBeGreaterThan(0)
      expect(readdirSync(dir)).toEqual(['big.bin'])
    } finally {
      await proxy.close()
    }
  })

  it('getFile survives cut bodies too: its single GET resumes by itself', async () => {
    const s = server()
    const proxy = await startFaultProxy({
      target: s.endpoint,
      decide: (request) => (request.method === 'GET' && request.headers.range === undefined ? 'cutBody' : undefined),
    })
    try {
      const path = join(dir, 'single.bin')
      await getFile(testClient({ endpoint: proxy.endpoint }), { Bucket, Key: 'big.bin', path })
      expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true)
      expect(proxy.counts.cutBody).toBe(1)
      await rm(path)
    } finally {
      await proxy.close()
    }
  })

  it('leaves nothing behind when a download fails or is aborted, and keeps an existing file', async () => {
    const path = join(dir, 'kept.bin')
    writeFileSync(path, 'keep me')
    const missing = await downloadFile(client, { Bucket, Key: 'no-such-key', path }).catch((e: unknown) => e)
    expect(missing).toMatchObject({ code: 'NoSuchKey' })
    const controller = new AbortController()
    const aborted = await downloadFile(
      client,
      { Bucket, Key: 'big.bin', path },
      {
        partSize: 64 * KiB,
        concurrency: 2,
        signal: controller.signal,
        onProgress: ({ loaded }) => loaded > 200 * KiB && controller.abort(new DOMException('stop', 'AbortError')),
      },
    ).catch((e: unknown) => e)
    expect(aborted).toMatchObject({ name: 'AbortError', message: 'stop' })
    expect(readFileSync(path, 'utf8')).toBe('keep me')
    expect(readdirSync(dir).filter((name) => name.includes('kept'))).toEqual(['kept.bin'])
    expect(existsSync(join(dir, 'big.bin'))).toBe(true)
  })

  it('refuses a Range or PartNumber before any request', async () => {
    await expect(download(client, { Bucket, Key: 'big.bin', Range: 'bytes=0-1' } as never)).rejects.toMatchObject({
      name: 'InputError',
      field: 'Range',
    })
  })
})
