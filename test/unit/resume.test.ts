import { describe, expect, it } from 'vitest'
import { GetObject } from '../../commands/GetObject.js'
import { S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { fakeClient } from '../support/fake-client.js'

// Responses shaped as RGW 16 answers a GetObject (headers captured from the loopback server:
// etag quoted, content-length, accept-ranges, x-amz-version-id only on a versioned bucket; a
// ranged read is a 206 with `content-range: bytes first-last/size`). A cut connection is what
// undici's fetch gives: the body stream errors with TypeError('terminated') mid-way.
const content = new TextEncoder().encode('0123456789abcdefghij') // 20 bytes
const ETAG = '"8d777f385d3dfec8815d20f7496026dc"'

function cutAfter(
  bytes: Uint8Array,
  n: number,
  how: 'error' | 'close' | 'stall' = 'error',
): ReadableStream<Uint8Array> {
  let sent = false
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true
        controller.enqueue(bytes.slice(0, n))
      } else if (how === 'error') controller.error(new TypeError('terminated'))
      else if (how === 'close') controller.close()
      else return new Promise(() => undefined) // a stalled connection: no byte, no end
    },
  })
}

const whole = (body: BodyInit, extra: Record<string, string> = {}) =>
  new Response(body, {
    status: 200,
    headers: {
      etag: ETAG,
      'content-length': '20',
      'accept-ranges': 'bytes',
      'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT',
      ...extra,
    },
  })

/** What RGW sends for `Range: bytes=a-b` of the 20-byte object. */
const partial = (first: number, last: number, body?: BodyInit) =>
  new Response(body ?? content.slice(first, last + 1), {
    status: 206,
    headers: {
      etag: ETAG,
      'content-length': String(last - first + 1),
      'content-range': `bytes ${first}-${last}/20`,
      'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT',
    },
  })

// AWS's error document for a failed precondition (S3 API reference, "Error responses").
const preconditionFailed = () =>
  new Response(
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of ' +
      'the pre-conditions you specified did not ' +
      'hold</Message><Condition>If-Match</Condition><RequestId>R</RequestId></Error>',
    { status: 412 },
  )

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('GetObject bodies resume themselves', () => {
  it('asks for the rest with Range and If-Match when the connection drops, and reads whole', async () => {
    const { client, calls } = fakeClient([() => whole(cutAfter(content, 7)), () => partial(7, 19)])
    const { Body } = await send(client, GetObject({ Bucket: 'b-1', Key: 'k' }))
    expect(decode(await Body.bytes())).toBe('0123456789abcdefghij')
    expect(calls).toHaveLength(2)
    expect(calls[1]!.headers.get('range')).toBe('bytes=7-19')
    expect(calls[1]!.headers.get('if-match')).toBe(ETAG)
    // Signed afresh, with the precondition in the signature.
    expect(calls[1]!.headers.get('authorization')).toMatch(/SignedHeaders=[^,]*if-match/)
  })

  it('pins the version it started with, and keeps a resumed range inside the requested one', async () => {
    const { client, calls } = fakeClient([
      () => partial(5, 14, cutAfter(content.slice(5, 15), 3)),
      () => partial(8, 14),
    ])
    const out = await send(client, GetObject({ Bucket: 'b-1', Key: 'k', Range: 'bytes=5-14' }))
    expect(decode(await out.Body.bytes())).toBe('56789abcde')
    expect(calls[1]!.headers.get('range')).toBe('bytes=8-14')

    const versioned = fakeClient([
      () => whole(cutAfter(content, 4), { 'x-amz-version-id': 'v-1' }),
      () => partial(4, 19),
    ])
    const got = await send(versioned.client, GetObject({ Bucket: 'b-1', Key: 'k', PartNumber: 1 }))
    expect(decode(await got.Body.bytes())).toHaveLength(20)
    const url = new URL(versioned.calls[1]!.url)
    expect(url.searchParams.get('versionId')).toBe('v-1')
    // A part number and a Range cannot go together: the resumed request names bytes only.
    expect(url.searchParams.has('partNumber')).toBe(false)
  })

  it('resumes a body that ends early without an error, and one that stalls', async () => {
    const quiet = fakeClient([() => whole(cutAfter(content, 9, 'close')), () => partial(9, 19)])
    expect(decode(await (await send(quiet.client, GetObject({ Bucket: 'b-1', Key: 'k' }))).Body.bytes())).toBe(
      '0123456789abcdefghij',
    )

    const stalled = fakeClient([() => whole(cutAfter(content, 2, 'stall')), () => partial(2, 19)], {
      bodyTimeoutMs: 20,
    })
    const { Body } = await send(stalled.client, GetObject({ Bucket: 'b-1', Key: 'k' }))
    expect(decode(await Body.bytes())).toBe('0123456789abcdefghij')
    expect(stalled.calls[1]!.headers.get('range')).toBe('bytes=2-19')
  })

  it('fails with PreconditionFailed when the object changed meanwhile, instead of mixing versions', async () => {
    const { client } = fakeClient([() => whole(cutAfter(content, 7)), preconditionFailed])
    const { Body } = await send(client, GetObject({ Bucket: 'b-1', Key: 'k' }))
    const error = await Body.text().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      code: 'PreconditionFailed',
      status: 412,
      operation: 'GetObject',
      bucket: 'b-1',
      key: 'k',
    })
  })

  it('gives up after the retry policy’s attempts without progress, as a typed NetworkError', async () => {
    const { client, calls } = fakeClient(
      [() => whole(cutAfter(content, 3)), () => partial(3, 19, cutAfter(content.slice(3), 0))],
      { retry: { maxAttempts: 3, baseDelayMs: 1 } },
    )
    const { Body } = await send(client, GetObject({ Bucket: 'b-1', Key: 'k' }))
    const error = (await Body.bytes().catch((e: unknown) => e)) as S3Error
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({ code: 'NetworkError', status: 0, operation: 'GetObject', bucket: 'b-1', key: 'k' })
    expect(error.message).toContain('after 3 of 20 bytes')
    expect(error.cause).toBeInstanceOf(TypeError)
    expect(calls).toHaveLength(3)
  })
})

describe('GetObject bodies that cannot resume fail as S3Error', () => {
  const cases = {
    'text()': (body: ReadableStream<Uint8Array> & { text(): Promise<string> }) => body.text(),
    iterated: async (body: ReadableStream<Uint8Array>) => {
      for await (const _ of body as unknown as AsyncIterable<Uint8Array>);
    },
    piped: (body: ReadableStream<Uint8Array>) => body.pipeTo(new WritableStream()),
  }
  for (const [how, read] of Object.entries(cases)) {
    it(`when read by ${how}, with resuming off for the client or the call`, async () => {
      for (const [config, options] of [
        [{ resumeBodies: false }, {}],
        [{}, { resume: false }],
      ] as const) {
        const { client, calls } = fakeClient([() => whole(cutAfter(content, 5))], config)
        const { Body } = await send(client, GetObject({ Bucket: 'b-1', Key: 'k' }), options)
        const error = await read(Body).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(S3Error)
        expect(error).toMatchObject({ code: 'NetworkError', operation: 'GetObject', bucket: 'b-1', key: 'k' })
        expect((error as Error).message).toContain('after 5 of 20 bytes')
        expect((error as Error).cause).toMatchObject({ name: 'TypeError', message: 'terminated' })
        expect(calls).toHaveLength(1)
      }
    })
  }

  it('cannot resume a body whose offsets fetch hides (Content-Encoding), and says how far it got', async () => {
    const { client, calls } = fakeClient([() => whole(cutAfter(content, 6), { 'content-encoding': 'gzip' })])
    const { Body } = await send(client, GetObject({ Bucket: 'b-1', Key: 'k' }))
    const error = await Body.text().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NetworkError', message: expect.stringContaining('after 6 of') })
    expect(calls).toHaveLength(1)
  })

  it("stops at once with the caller's reason when the caller aborts mid-body", async () => {
    const controller = new AbortController()
    const { client, calls } = fakeClient([
      () =>
        whole(
          new ReadableStream<Uint8Array>({
            pull(c) {
              c.enqueue(content.slice(0, 4))
              controller.abort(new DOMException('user gave up', 'AbortError'))
              c.error(new DOMException('user gave up', 'AbortError'))
            },
          }),
        ),
    ])
    const { Body } = await send(client, GetObject({ Bucket: 'b-1', Key: 'k' }), { signal: controller.signal })
    await expect(Body.text()).rejects.toMatchObject({ name: 'AbortError', message: 'user gave up' })
    expect(calls).toHaveLength(1)
  })
})
