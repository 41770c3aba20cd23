import { describe, expect, it, vi } from 'vitest'
import { GetObject } from '../../commands/GetObject.js'
import { HeadObject } from '../../commands/HeadObject.js'
import { PutObject } from '../../commands/PutObject.js'
import { createClient, type FetchLike } from '../../src/core/client.js'
import type { Command } from '../../src/core/command.js'
import { refuseErrorIn200 } from '../../src/core/error-document.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { clockOffset, send } from '../../src/core/send.js'
import { presign } from '../../src/helpers/presign.js'

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET }

// The error document of the S3 API reference ("Error responses", REST error response example).
const noSuchKey = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The resource you requested does not exist</Message>
  <Resource>/mybucket/myfoto.jpg</Resource>
  <RequestId>4442587FB7D0A2F9</RequestId>
</Error>`

// The throttling and server errors S3 documents in the same table (503 SlowDown, 500 InternalError).
const slowDown =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request ' +
  'rate.</Message><RequestId>R1</RequestId><HostId>H1</HostId></Error>'

function stub(...responses: Array<() => Response | Promise<Response>>) {
  const calls: Request[] = []
  const fetch = vi.fn<FetchLike>(async (input, init) => {
    calls.push(new Request(input, init))
    const next = responses[Math.min(calls.length - 1, responses.length - 1)]!
    return next()
  })
  return { fetch, calls }
}

const client = (fetch: FetchLike, extra = {}) =>
  createClient({ endpoint: 'http://127.0.0.1:7480', credentials, fetch, retry: { baseDelayMs: 1 }, ...extra })

// Headers of the GetObject response example in the S3 API reference (trimmed to what is parsed).
const ok = () =>
  new Response('', {
    status: 200,
    headers: { etag: '"abc"', 'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT', 'content-length': '0' },
  })

describe('send', () => {
  it('turns an error document into an S3Error with S3 code, message and request id', async () => {
    const { fetch } = stub(() => new Response(noSuchKey, { status: 404, headers: { 'x-amz-id-2': 'HOST' } }))
    const error = await send(client(fetch), GetObject({ Bucket: 'mybucket', Key: 'myfoto.jpg' })).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      code: 'NoSuchKey',
      status: 404,
      requestId: '4442587FB7D0A2F9',
      hostId: 'HOST',
      operation: 'GetObject',
      bucket: 'mybucket',
      key: 'myfoto.jpg',
    })
    expect((error as Error).message).toContain('The resource you requested does not exist')
  })

  it('names HEAD errors from the status, since HEAD responses have no body', async () => {
    const { fetch } = stub(() => new Response(null, { status: 404, headers: { 'x-amz-request-id': 'RID' } }))
    await expect(send(client(fetch), HeadObject({ Bucket: 'b-1', Key: 'k' }))).rejects.toMatchObject({
      code: 'NotFound',
      status: 404,
      requestId: 'RID',
      key: 'k',
    })
    const forbidden = stub(() => new Response(null, { status: 403 }))
    await expect(send(client(forbidden.fetch), HeadObject({ Bucket: 'b-1', Key: 'k' }))).rejects.toMatchObject({
      code: 'Forbidden',
      status: 403,
    })
  })

  it('retries throttling and server errors, then succeeds', async () => {
    const { fetch, calls } = stub(
      () => new Response(slowDown, { status: 503 }),
      () => new Response('<Error><Code>InternalError</Code></Error>', { status: 500 }),
      ok,
    )
    const out = await send(client(fetch), PutObject({ Bucket: 'b-1', Key: 'k', Body: 'x' }))
    expect(out.ETag).toBe('"abc"')
    expect(calls).toHaveLength(3)
    // Each attempt is signed afresh and carries the same body.
    expect(await calls[2]!.text()).toBe('x')
  })

  it('gives up after maxAttempts with the last error', async () => {
    const { fetch, calls } = stub(() => new Response(slowDown, { status: 503 }))
    await expect(
      send(client(fetch, { retry: { maxAttempts: 2, baseDelayMs: 1 } }), PutObject({ Bucket: 'b-1', Key: 'k' })),
    ).rejects.toMatchObject({ code: 'SlowDown' })
    expect(calls).toHaveLength(2)
  })

  it('does not retry client errors or NotImplemented', async () => {
    for (const response of [
      () => new Response(noSuchKey, { status: 404 }),
      () => new Response('<Error><Code>NotImplemented</Code></Error>', { status: 501 }),
    ]) {
      const { fetch, calls } = stub(response)
      await expect(send(client(fetch), GetObject({ Bucket: 'b-1', Key: 'k' }))).rejects.toBeInstanceOf(S3Error)
      expect(calls).toHaveLength(1)
    }
  })

  it('retries network failures and reports them as NetworkError', async () => {
    const failing = vi.fn<FetchLike>(async () => {
      throw new TypeError('fetch failed')
    })
    const error = await send(client(failing), GetObject({ Bucket: 'b-1', Key: 'k' })).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NetworkError', status: 0 })
    expect((error as Error).cause).toBeInstanceOf(TypeError)
    expect(failing).toHaveBeenCalledTimes(3)
  })

  it('never retries a stream body, and says why', async () => {
    const { fetch, calls } = stub(() => new Response(slowDown, { status: 503 }))
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2, 3]))
        controller.close()
      },
    })
    const error = await send(client(fetch), PutObject({ Bucket: 'b-1', Key: 'k', Body: body, ContentLength: 3 })).catch(
      (e: unknown) => e,
    )
    expect(calls).toHaveLength(1)
    expect((error as S3Error).code).toBe('SlowDown')
    expect((error as Error).message).toContain('not retried')
  })

  it('treats a 200 carrying an <Error> document as an error for operations that can send one', async () => {
    const { fetch } = stub(
      () =>
        new Response(
          `<?xml version="1.0" encoding="UTF-8"?>\n\n<Error><Code>InternalError</Code><Message>We ` +
            `encountered an internal error.</Message></Error>`,
          { status: 200 },
        ),
    )
    const command: Command<string> = {
      operation: 'CopyObject',
      method: 'PUT',
      bucket: 'b-1',
      key: 'k',
      parse: async (response, context) => {
        await refuseErrorIn200(response, context)
        return 'parsed'
      },
    }
    await expect(send(client(fetch, { retry: { maxAttempts: 1 } }), command)).rejects.toMatchObject({
      code: 'InternalError',
      status: 200,
    })
    // …and an embedded InternalError is retried like a 500.
    const flaky = stub(
      () =>
        new Response(
          '<Error><Code>InternalError</Code><Message>We encountered an internal error. ' +
            'Please try again.</Message></Error>',
          { status: 200 },
        ),
      () => new Response('<CopyObjectResult/>', { status: 200 }),
    )
    await expect(send(client(flaky.fetch), command)).resolves.toBe('parsed')
    expect(flaky.calls).toHaveLength(2)
    const good = stub(() => new Response('<CopyObjectResult><ETag>"e"</ETag></CopyObjectResult>', { status: 200 }))
    const read: Command<string> = {
      ...command,
      parse: async (response, context) => (await refuseErrorIn200(response, context)).text(),
    }
    await expect(send(client(good.fetch), read)).resolves.toContain('CopyObjectResult')
  })

  it('stops at once when the signal aborts, without retrying', async () => {
    const controller = new AbortController()
    const fetch = vi.fn<FetchLike>((_input, init) => {
      controller.abort()
      return Promise.reject(init?.signal?.reason)
    })
    await expect(
      send(client(fetch), GetObject({ Bucket: 'b-1', Key: 'k' }), { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' })
    expect(fetch).toHaveBeenCalledTimes(1)
    const already = stub(ok)
    await expect(
      send(client(already.fetch), GetObject({ Bucket: 'b-1', Key: 'k' }), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' })
    expect(already.calls).toHaveLength(0)
  })

  it("gives up an attempt after requestTimeoutMs, retries it, and still honours the caller's signal", async () => {
    // A transport that never answers until its signal aborts (a silent server).
    const hanging = vi.fn<FetchLike>(
      (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true }),
        ),
    )
    const timed = client(hanging, { requestTimeoutMs: 5, retry: { maxAttempts: 2, baseDelayMs: 1 } })
    await expect(send(timed, GetObject({ Bucket: 'b-1', Key: 'k' }))).rejects.toMatchObject({
      code: 'NetworkError',
      status: 0,
    })
    expect(hanging).toHaveBeenCalledTimes(2)

    const controller = new AbortController()
    const patient = client(hanging, { requestTimeoutMs: 60_000 })
    const pending = send(patient, GetObject({ Bucket: 'b-1', Key: 'k' }), { signal: controller.signal })
    controller.abort(new DOMException('user gave up', 'AbortError'))
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'user gave up' })
  })

  it('reports a wrong-region redirect instead of following it, when region redirects are off', async () => {
    const { fetch, calls } = stub(() => permanentRedirect())
    await expect(
      send(client(fetch, { regionRedirects: false }), GetObject({ Bucket: 'b-1', Key: 'k' })),
    ).rejects.toMatchObject({ code: 'PermanentRedirect', status: 301, region: 'eu-west-1' })
    expect(calls).toHaveLength(1)
    expect(calls[0]!.redirect).toBe('manual')
  })

  it('fails at the first send without credentials, naming both ways to give them, and sends nothing', async () => {
    const { fetch, calls } = stub(ok)
    vi.stubEnv('AWS_ACCESS_KEY_ID', '')
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '')
    try {
      const keyless = createClient({ endpoint: 'http://127.0.0.1:7480', fetch })
      const error = await send(keyless, GetObject({ Bucket: 'b-1', Key: 'k' })).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputError)
      expect((error as Error).message).toMatch(/createClient\(\{ credentials/)
      expect((error as Error).message).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/)
      expect(calls).toHaveLength(0)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('signs with the path and query exactly as sent', async () => {
    const { fetch, calls } = stub(ok)
    await send(
      client(fetch),
      GetObject({ Bucket: 'b-1', Key: 'a b/ü+=?#', ResponseContentType: 'text/plain; charset=utf-8' }),
    )
    const url = new URL(calls[0]!.url)
    expect(url.pathname).toBe('/b-1/a%20b/%C3%BC%2B%3D%3F%23')
    expect(url.search).toBe('?response-content-type=text%2Fplain%3B%20charset%3Dutf-8')
    expect(calls[0]!.headers.get('authorization')).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request/,
    )
  })
})

// The 301 S3 sends for a bucket in another region (S3 API reference, "Error responses":
// PermanentRedirect, with the Endpoint element; x-amz-bucket-region as yanganto/s3rs#18 captured).
const permanentRedirect = () =>
  new Response(
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PermanentRedirect</Code><Message>The bucket you ' +
      'are attempting to access must be addressed using the specified endpoint. ' +
      'Please send all future requests to this ' +
      'endpoint.</Message><Endpoint>b-1.s3.eu-west-1.amazonaws.com</Endpoint><Bucket>b-1</Bucket>' +
      '<RequestId>R</RequestId><HostId>H</HostId></Error>',
    { status: 301, headers: { 'x-amz-bucket-region': 'eu-west-1', 'content-type': 'application/xml' } },
  )
const credentialScope = (request: Request) =>
  /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.get('authorization') ?? '')?.[1]

describe('region redirects', () => {
  it('re-signs for the region a 301 names, on the regional endpoint, and remembers it for the bucket', async () => {
    const { fetch, calls } = stub(permanentRedirect, ok)
    const aws = createClient({ region: 'us-east-1', credentials, fetch, retry: { baseDelayMs: 1 } })
    await send(aws, HeadObject({ Bucket: 'b-1', Key: 'k' }))
    expect(calls.map(credentialScope)).toEqual(['us-east-1', 'eu-west-1'])
    expect(new URL(calls[1]!.url).host).toBe('b-1.s3.eu-west-1.amazonaws.com')
    // Later requests for the bucket go straight to its region; other buckets keep the client's.
    await send(aws, GetObject({ Bucket: 'b-1', Key: 'k' }))
    await send(aws, GetObject({ Bucket: 'other', Key: 'k' }))
    expect(calls.slice(2).map(credentialScope)).toEqual(['eu-west-1', 'us-east-1'])
    expect(calls).toHaveLength(4)
  })

  it('follows 400 AuthorizationHeaderMalformed with the region, and a HEAD with x-amz-bucket-region only', async () => {
    // The document AWS sends when a request is signed for the wrong region (its <Region> element).
    const malformed = () =>
      new Response(
        '<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; ' +
          "the region 'us-east-1' is wrong; expecting " +
          "'ap-southeast-2'</Message><Region>ap-southeast-2</Region><RequestId>R</RequestId>" +
          '<HostId>H</HostId></Error>',
        { status: 400 },
      )
    const a = stub(malformed, ok)
    await send(client(a.fetch), GetObject({ Bucket: 'b-1', Key: 'k' }))
    expect(a.calls.map(credentialScope)).toEqual(['us-east-1', 'ap-southeast-2'])
    // A custom endpoint names no region: it is kept, only the signature changes.
    expect(new URL(a.calls[1]!.url).host).toBe('127.0.0.1:7480')

    const head = stub(() => new Response(null, { status: 400, headers: { 'x-amz-bucket-region': 'eu-central-1' } }), ok)
    await send(client(head.fetch), HeadObject({ Bucket: 'b-1', Key: 'k' }))
    expect(head.calls.map(credentialScope)).toEqual(['us-east-1', 'eu-central-1'])
  })

  it('retries only once, and not at all for a region it already uses', async () => {
    const { fetch, calls } = stub(permanentRedirect)
    await expect(send(client(fetch), GetObject({ Bucket: 'b-1', Key: 'k' }))).rejects.toMatchObject({
      code: 'PermanentRedirect',
      region: 'eu-west-1',
    })
    expect(calls).toHaveLength(2)
  })
})

describe('clock skew', () => {
  // RGW's answer to a request signed 20 minutes off (captured on the loopback server, 16.2.15):
  // 403 RequestTimeTooSkewed, the server's time in the Date header.
  const skewed = (serverTime: Date) => () =>
    new Response(
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>RequestTimeTooSkewed</Code><Message></Message>' +
        '<RequestId>tx000006d2f675e519af50e-006b0f4ab2-1031-default</RequestId>' +
        '<HostId>1031-default-default</HostId></Error>',
      {
        status: 403,
        headers: {
          'content-type': 'application/xml',
          date: serverTime.toUTCString(),
          'x-amz-request-id': 'tx000006d2f675e519af50e-006b0f4ab2-1031-default',
        },
      },
    )
  const amzDate = (request: Request) => {
    const d = request.headers.get('x-amz-date')!
    return Date.parse(
      `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`,
    )
  }

  it('learns the offset from the server’s Date, retries once, and signs later requests with it', async () => {
    const server = new Date(Date.now() + 20 * 60_000)
    const { fetch, calls } = stub(skewed(server), ok)
    const c = client(fetch)
    await send(c, PutObject({ Bucket: 'b-1', Key: 'k', Body: 'x' }))
    expect(calls).toHaveLength(2)
    expect(Math.abs(amzDate(calls[1]!) - server.getTime())).toBeLessThan(60_000)
    await send(c, GetObject({ Bucket: 'b-1', Key: 'k' }))
    expect(Math.abs(amzDate(calls[2]!) - server.getTime())).toBeLessThan(60_000)
    expect(clockOffset(c)).toBeGreaterThan(19 * 60_000)
    // Presigned URLs are signed on the server's clock too.
    const { url } = await presign(c, GetObject({ Bucket: 'b-1', Key: 'k' }))
    const signedAt = new URL(url).searchParams.get('X-Amz-Date')!
    expect(
      Math.abs(amzDate(new Request(url, { headers: { 'x-amz-date': signedAt } })) - server.getTime()),
    ).toBeLessThan(60_000)
  })

  it('takes a bare signature error for skew only when the Date differs by minutes', async () => {
    const signature = (date: Date) => () =>
      new Response('<Error><Code>SignatureDoesNotMatch</Code><Message></Message></Error>', {
        status: 403,
        headers: { date: date.toUTCString() },
      })
    const off = stub(signature(new Date(Date.now() - 30 * 60_000)), ok)
    await send(client(off.fetch), GetObject({ Bucket: 'b-1', Key: 'k' }))
    expect(off.calls).toHaveLength(2)
    const near = stub(signature(new Date()))
    await expect(send(client(near.fetch), GetObject({ Bucket: 'b-1', Key: 'k' }))).rejects.toMatchObject({
      code: 'SignatureDoesNotMatch',
    })
    expect(near.calls).toHaveLength(1)
  })
})

describe('timeouts and Retry-After', () => {
  it('waits at least what Retry-After or x-amz-retry-after asks, capped at maxDelayMs', async () => {
    const waits: number[] = []
    const realSetTimeout = globalThis.setTimeout
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      waits.push(ms ?? 0)
      return realSetTimeout(fn, 0)
    }) as typeof setTimeout)
    try {
      const { fetch } = stub(
        () => new Response(slowDown, { status: 503, headers: { 'retry-after': '2' } }),
        () => new Response(slowDown, { status: 503, headers: { 'x-amz-retry-after': '1500' } }),
        () => new Response(slowDown, { status: 503, headers: { 'retry-after': '3600' } }),
        ok,
      )
      await send(
        client(fetch, { retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 10_000 } }),
        PutObject({ Bucket: 'b-1', Key: 'k' }),
      )
      expect(waits).toEqual([2000, 1500, 10_000])
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('gives the whole call a deadline, retries and waits included', async () => {
    const { fetch, calls } = stub(() => new Response(slowDown, { status: 503, headers: { 'retry-after': '60' } }))
    const error = await send(
      client(fetch, { retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 60_000 } }),
      PutObject({ Bucket: 'b-1', Key: 'k' }),
      { timeoutMs: 50 },
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'TimeoutError' })
    expect(calls).toHaveLength(1)
  })
})

describe('secrets', () => {
  it('never appear in a client, or in an S3Error message, stack or JSON', async () => {
    const { fetch } = stub(() => new Response(noSuchKey, { status: 404 }))
    const c = client(fetch)
    expect(JSON.stringify(c)).not.toContain(SECRET)
    expect(String(c)).not.toContain(SECRET)
    const failures = [
      await send(c, GetObject({ Bucket: 'b-1', Key: 'k' })).catch((e: unknown) => e),
      await send(
        client(async () => Promise.reject(new TypeError('fetch failed')), { retry: { maxAttempts: 1 } }),
        GetObject({ Bucket: 'b-1', Key: 'k' }),
      ).catch((e: unknown) => e),
    ]
    for (const error of failures) {
      expect(error).toBeInstanceOf(S3Error)
      const e = error as S3Error
      for (const text of [e.message, e.stack ?? '', JSON.stringify(e), String(e), JSON.stringify(e.details())]) {
        expect(text).not.toContain(SECRET)
        expect(text).not.toContain('Signature=')
      }
    }
  })
})
