import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import { PutObject } from '../../commands/PutObject.js'
import { checkBody, fromAsyncIterable, knownLength, preparePayload } from '../../src/core/body.js'
import { createClient, type FetchLike } from '../../src/core/client.js'
import { InputError } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex')

describe('checkBody', () => {
  it('knows the length of in-memory bodies, in UTF-8 bytes for text', () => {
    expect(knownLength('héllo 🐈')).toBe(Buffer.byteLength('héllo 🐈'))
    expect(knownLength(new Uint8Array(7))).toBe(7)
    expect(knownLength(new ArrayBuffer(9))).toBe(9)
    expect(knownLength(new Blob(['abc']))).toBe(3)
    expect(knownLength(undefined)).toBe(0)
    expect(knownLength(new ReadableStream())).toBeUndefined()
  })

  it('refuses what is not a body, naming the field', () => {
    for (const body of [42, { a: 1 }, null, [1, 2]]) {
      expect(() => checkBody(body, undefined)).toThrow(InputError)
      expect(() => checkBody(body, undefined)).toThrow(/^Body: must be a string, Uint8Array/)
    }
  })

  it('wants ContentLength for a stream, and points to the upload helper', () => {
    const streams = [new ReadableStream(), (async function* () {})(), Readable.from([Buffer.from('x')])]
    for (const body of streams) {
      expect(() => checkBody(body, undefined)).toThrow(
        /ContentLength: a stream body needs its exact length.*`upload` helper/,
      )
      expect(checkBody(body, 12)).toBe(12)
    }
  })

  it('refuses a ContentLength that is not a byte count or does not match the body', () => {
    expect(() => checkBody('abc', 4)).toThrow(/ContentLength: is 4 but the body has 3 bytes/)
    for (const length of [-1, 1.5, Number.NaN, 2 ** 60])
      expect(() => checkBody(new ReadableStream(), length)).toThrow(/ContentLength: must be a whole number/)
    expect(checkBody('abc', 3)).toBe(3)
    expect(checkBody(undefined, undefined)).toBeUndefined()
  })
})

describe('preparePayload', () => {
  it('hashes in-memory bytes once and can send them again', async () => {
    const payload = await preparePayload('héllo', 6)
    expect(payload).toMatchObject({ sha256: sha256('héllo'), length: 6, replayable: true })
    const view = new Uint8Array([0, 1, 2, 3, 4]).subarray(1, 4)
    expect((await preparePayload(view, 3)).sha256).toBe(sha256(Buffer.from([1, 2, 3])))
    expect(await preparePayload(undefined, undefined)).toMatchObject({ body: undefined, sha256: sha256(''), length: 0 })
  })

  it('leaves Blobs and streams unread and unsigned; only a Blob can be sent again', async () => {
    const blob = new Blob(['abc'])
    expect(await preparePayload(blob, 3)).toMatchObject({
      body: blob,
      sha256: 'UNSIGNED-PAYLOAD',
      length: 3,
      replayable: true,
    })
    const stream = new ReadableStream<Uint8Array>()
    expect(await preparePayload(stream, 10)).toMatchObject({
      body: stream,
      sha256: 'UNSIGNED-PAYLOAD',
      length: 10,
      replayable: false,
    })
    const iterable = await preparePayload(Readable.from([Buffer.from('x')]), 1)
    expect(iterable.body).toBeInstanceOf(ReadableStream)
    expect(iterable.replayable).toBe(false)
  })
})

describe('fromAsyncIterable', () => {
  it('reads the source only as fast as the stream is read', async () => {
    let produced = 0
    async function* source() {
      for (let i = 0; i < 100; i++) {
        produced++
        yield new Uint8Array([i])
      }
    }
    const reader = fromAsyncIterable(source()).getReader()
    await reader.read()
    await reader.read()
    // One chunk may wait in the stream's queue (highWaterMark 1); nothing more is read ahead.
    expect(produced).toBeLessThanOrEqual(3)
    await reader.cancel()
  })

  it('closes the source when the stream is cancelled (e.g. an aborted upload)', async () => {
    let closed = false
    async function* source() {
      try {
        for (;;) yield new Uint8Array(1)
      } finally {
        closed = true
      }
    }
    const reader = fromAsyncIterable(source()).getReader()
    await reader.read()
    await reader.cancel(new Error('aborted'))
    expect(closed).toBe(true)
  })

  it('passes a source failure on as a stream error', async () => {
    async function* source() {
      yield new Uint8Array(1)
      throw new Error('disk read failed')
    }
    const reader = fromAsyncIterable(source()).getReader()
    await reader.read()
    await expect(reader.read()).rejects.toThrow('disk read failed')
  })
})

describe('how send hands bodies to fetch', () => {
  // A PutObject response as the S3 API reference shows it (ETag header, empty body).
  const putResponse = () => new Response(null, { status: 200, headers: { etag: '"1b2cf535f27731c974343645a3985328"' } })
  const seen: RequestInit[] = []
  const fetch = vi.fn<FetchLike>(async (_input, init) => {
    seen.push(init!)
    return putResponse()
  })
  const client = createClient({
    endpoint: 'http://127.0.0.1:7480',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    fetch,
  })

  it('streams unhashed bodies (duplex half) and keeps fetch from teeing them for a redirect', async () => {
    seen.length = 0
    await send(
      client,
      PutObject({ Bucket: 'b-1', Key: 'k', Body: Readable.from([Buffer.from('abc')]), ContentLength: 3 }),
    )
    await send(client, PutObject({ Bucket: 'b-1', Key: 'k', Body: new Blob(['abc']) }))
    await send(client, PutObject({ Bucket: 'b-1', Key: 'k', Body: 'abc' }))
    const [stream, blob, bytes] = seen as (RequestInit & { duplex?: string })[]
    expect(stream).toMatchObject({ duplex: 'half', redirect: 'error' })
    expect(stream!.body).toBeInstanceOf(ReadableStream)
    expect(new Headers(stream!.headers).get('content-length')).toBe('3')
    // With any other redirect mode, undici's fetch clones the request and tees the body,
    // holding all of it in memory (nodejs/undici#4058).
    expect(blob).toMatchObject({ redirect: 'error' })
    expect(blob!.duplex).toBeUndefined()
    // Hashed bytes are in memory anyway: a redirect is reported as PermanentRedirect.
    expect(bytes).toMatchObject({ redirect: 'manual' })
  })
})
