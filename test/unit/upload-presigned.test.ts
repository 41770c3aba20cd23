import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { InputError, S3Error } from '../../src/core/errors.js'
import type { UploadProgress } from '../../src/helpers/upload.js'
import { type StoredPart, type UploadPresignedOptions, uploadPresigned } from '../../src/helpers/upload-presigned.js'

const MiB = 1024 * 1024

type Extra = {
  [K in keyof UploadPresignedOptions<{ body: Buffer }>]?: UploadPresignedOptions<{ body: Buffer }>[K] | undefined
}

/** Bytes that differ from part to part, so a part put in the wrong place shows. */
function bytesOf(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >>> 20)) % 251
  return bytes
}

const md5 = (bytes: Uint8Array) => `"${createHash('md5').update(bytes).digest('hex')}"`

/**
 * The app's server and S3 together, in memory. The presigned UploadPart request is answered as the
 * S3 API reference documents it (200, empty body, the part's quoted MD5 in `ETag`; RGW 16.2 answers
 * the same, captured on the test server), failures with S3's `<Error>` document; the callbacks stand
 * for the app's own endpoints around CreateMultipartUpload, ListParts, CompleteMultipartUpload and
 * AbortMultipartUpload.
 */
function fakeApp(
  options: {
    /** The response to part `part`'s attempt `attempt` instead of storing it (or a thrown TypeError). */
    fault?: (part: number, attempt: number) => Response | 'network' | 'hang' | undefined
  } = {},
) {
  const uploads = new Map<string, Map<number, Uint8Array>>()
  const attempts = new Map<number, number>()
  const log: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  let created = 0
  const error = (status: number, code: string) =>
    new Response(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code} here</Message>` +
        `<RequestId>4442587FB7D0A2F9</RequestId></Error>`,
      { status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': '4442587FB7D0A2F9' } },
    )

  const fetch = vi.fn(async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input)
    const part = Number(url.searchParams.get('partNumber'))
    const id = url.searchParams.get('uploadId')!
    expect(init.method).toBe('PUT')
    expect(url.searchParams.get('X-Amz-Signature')).toBe(`signed-${id}-${part}`)
    const attempt = (attempts.get(part) ?? 0) + 1
    attempts.set(part, attempt)
    log.push(`put ${part}`)
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    try {
      const bytes = new Uint8Array(await new Response(init.body).arrayBuffer())
      // One turn of the event loop, so that parts in flight overlap as they would on a network.
      await new Promise((resolve) => setTimeout(resolve, 0))
      const fault = options.fault?.(part, attempt)
      if (fault === 'network') throw new TypeError('Failed to fetch')
      if (fault === 'hang') {
        return await new Promise<Response>((_, reject) => {
          const signal = init.signal!
          if (signal.aborted) reject(signal.reason)
          signal.addEventListener('abort', () => reject(signal.reason), { once: true })
        })
      }
      if (fault) return fault
      const parts = uploads.get(id)
      if (!parts) return error(404, 'NoSuchUpload')
      parts.set(part, bytes)
      return new Response(null, { status: 200, headers: { etag: md5(bytes), 'x-amz-request-id': 'tx0001' } })
    } finally {
      inFlight--
    }
  })

  const callbacks = {
    create: vi.fn(async () => {
      const UploadId = `upload-${++created}`
      uploads.set(UploadId, new Map())
      log.push('create')
      return { UploadId }
    }),
    signPart: vi.fn(async ({ UploadId, PartNumber }: { UploadId: string; PartNumber: number }) => {
      log.push(`sign ${PartNumber}`)
      return {
        url:
          `https://bucket.s3.us-east-1.amazonaws.com/big.bin?partNumber=${PartNumber}&uploadId=${UploadId}` +
          `&X-Amz-Signature=signed-${UploadId}-${PartNumber}`,
        headers: { 'x-amz-meta-from': 'server' },
      }
    }),
    listParts: vi.fn(async (UploadId: string): Promise<StoredPart[]> => {
      log.push('list')
      const parts = uploads.get(UploadId)
      if (!parts) throw new Error('no such upload')
      return [...parts].map(([PartNumber, bytes]) => ({ PartNumber, ETag: md5(bytes), Size: bytes.byteLength }))
    }),
    complete: vi.fn(async (UploadId: string, parts: readonly { PartNumber: number; ETag: string }[]) => {
      log.push('complete')
      const stored = uploads.get(UploadId)!
      for (const [i, { PartNumber, ETag }] of parts.entries()) {
        if (PartNumber !== i + 1 || ETag !== md5(stored.get(PartNumber)!)) throw new Error('InvalidPart')
      }
      uploads.delete(UploadId)
      return { body: Buffer.concat(parts.map(({ PartNumber }) => stored.get(PartNumber)!)) }
    }),
    abort: vi.fn(async (UploadId: string) => {
      log.push('abort')
      uploads.delete(UploadId)
    }),
  }
  return {
    fetch,
    callbacks,
    uploads,
    log,
    attempts,
    get maxInFlight() {
      return maxInFlight
    },
    // An option may be given as undefined, as plain JavaScript may pass it.
    options: (extra: Extra = {}) =>
      ({
        ...callbacks,
        fetch,
        partSize: 5 * MiB,
        retry: { baseDelayMs: 0 },
        ...extra,
      }) as UploadPresignedOptions<{ body: Buffer }>,
  }
}

describe('uploadPresigned', () => {
  it('creates, sends every part to its presigned URL with its headers, and completes with the ETags in order', async () => {
    const app = fakeApp()
    const body = bytesOf(11 * MiB)
    const progress: UploadProgress[] = []
    const result = await uploadPresigned(body, app.options({ concurrency: 2, onProgress: (p) => progress.push(p) }))
    expect(Buffer.compare(result.body, body)).toBe(0)
    expect(app.callbacks.create).toHaveBeenCalledTimes(1)
    expect(app.callbacks.signPart.mock.calls.map(([part]) => part)).toEqual([
      { UploadId: 'upload-1', PartNumber: 1, ContentLength: 5 * MiB },
      { UploadId: 'upload-1', PartNumber: 2, ContentLength: 5 * MiB },
      { UploadId: 'upload-1', PartNumber: 3, ContentLength: 1 * MiB },
    ])
    for (const [, init] of app.fetch.mock.calls) expect(init.headers).toEqual({ 'x-amz-meta-from': 'server' })
    expect(app.callbacks.complete.mock.calls[0]![1]).toEqual(
      [1, 2, 3].map((n) => ({ PartNumber: n, ETag: md5(body.subarray((n - 1) * 5 * MiB, n * 5 * MiB)) })),
    )
    expect(app.maxInFlight).toBe(2)
    expect(progress.map((p) => p.loaded).sort((a, b) => a - b)).toEqual(progress.map((p) => p.loaded))
    expect(progress.at(-1)).toMatchObject({ loaded: 11 * MiB, total: 11 * MiB })
    expect(progress.map((p) => p.part).sort()).toEqual([1, 2, 3])
    expect(app.callbacks.abort).not.toHaveBeenCalled()
  })

  it('sends a Blob slice by slice, and takes a plain URL from signPart', async () => {
    const app = fakeApp()
    const body = bytesOf(6 * MiB)
    const result = await uploadPresigned(
      new Blob([body]),
      app.options({
        signPart: async (part) => (await app.callbacks.signPart(part)).url,
      }),
    )
    expect(Buffer.compare(result.body, body)).toBe(0)
    expect(app.fetch.mock.calls.map(([, init]) => init.body instanceof Blob)).toEqual([true, true])
    expect(app.fetch.mock.calls.map(([, init]) => init.headers)).toEqual([{}, {}])
  })

  it('an empty body and a body under one part go up as a single part', async () => {
    for (const size of [0, 1000]) {
      const app = fakeApp()
      const result = await uploadPresigned(new ArrayBuffer(size), app.options())
      expect(result.body.byteLength).toBe(size)
      expect(app.log).toEqual(['create', 'sign 1', 'put 1', 'complete'])
    }
  })

  it('retries a part that met a retryable error (503 SlowDown, a network failure) and sends it whole again', async () => {
    const app = fakeApp({
      fault: (part, attempt) =>
        part === 1 && attempt === 1
          ? new Response('<Error><Code>SlowDown</Code></Error>', { status: 503 })
          : part === 3 && attempt < 3
            ? 'network'
            : undefined,
    })
    const body = bytesOf(11 * MiB)
    const result = await uploadPresigned(body, app.options())
    expect(Buffer.compare(result.body, body)).toBe(0)
    expect(Object.fromEntries(app.attempts)).toEqual({ 1: 2, 2: 1, 3: 3 })
    // Part 1 was stored after part 2; completion still lists them in order (the fake refuses otherwise).
    expect(app.callbacks.complete.mock.calls[0]![1].map((part) => part.PartNumber)).toEqual([1, 2, 3])
    // Each attempt asks for a fresh URL (one that expired looks like a network failure in a browser).
    expect(app.callbacks.signPart).toHaveBeenCalledTimes(6)
  })

  it('a part that fails for good aborts the upload and rejects with an S3Error carrying the uploadId', async () => {
    const app = fakeApp({ fault: (part) => (part === 2 ? app500() : undefined) })
    const failure = await uploadPresigned(bytesOf(11 * MiB), app.options({ concurrency: 1 })).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(S3Error)
    expect(failure).toMatchObject({
      code: 'InternalError',
      status: 500,
      operation: 'UploadPart',
      uploadId: 'upload-1',
      requestId: 'R500',
    })
    expect(app.attempts.get(2)).toBe(3)
    expect(app.callbacks.abort.mock.calls).toEqual([['upload-1']])
    expect(app.uploads.size).toBe(0)
    expect(app.callbacks.complete).not.toHaveBeenCalled()
  })

  it('a refusal (403) is not retried; a network failure on every attempt is a NetworkError', async () => {
    const denied = fakeApp({
      fault: () =>
        new Response('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>', {
          status: 403,
        }),
    })
    await expect(uploadPresigned(bytesOf(10), denied.options())).rejects.toMatchObject({
      code: 'AccessDenied',
      status: 403,
      message: expect.stringContaining('Request has expired'),
    })
    expect(denied.attempts.get(1)).toBe(1)
    expect(denied.callbacks.abort).toHaveBeenCalledTimes(1)

    const offline = fakeApp({ fault: () => 'network' })
    await expect(uploadPresigned(bytesOf(10), offline.options())).rejects.toMatchObject({
      code: 'NetworkError',
      status: 0,
      message: expect.stringContaining('bucket.s3.us-east-1.amazonaws.com'),
      uploadId: 'upload-1',
    })
    expect(offline.attempts.get(1)).toBe(3)
  })

  it('a response without an ETag (a CORS rule that does not expose it) says so, and aborts', async () => {
    const app = fakeApp({ fault: () => new Response(null, { status: 200 }) })
    const failure = (await uploadPresigned(bytesOf(10), app.options()).catch((e: unknown) => e)) as S3Error
    expect(failure).toMatchObject({ code: 'InvalidResponse', status: 200, uploadId: 'upload-1' })
    expect(failure.message).toMatch(/no etag header.*ExposeHeaders/)
    expect(app.callbacks.abort).toHaveBeenCalledTimes(1)
  })

  it('the app’s own failures (signPart, complete) reject as they are, after aborting the upload', async () => {
    const app = fakeApp()
    const refused = new Error('quota exceeded')
    await expect(
      uploadPresigned(bytesOf(11 * MiB), app.options({ signPart: async () => Promise.reject(refused) })),
    ).rejects.toBe(refused)
    expect(app.callbacks.abort.mock.calls).toEqual([['upload-1']])

    const broken = new Error('server down')
    await expect(
      uploadPresigned(bytesOf(10), app.options({ complete: async () => Promise.reject(broken) })),
    ).rejects.toBe(broken)
    expect(app.callbacks.abort.mock.calls.at(-1)).toEqual(['upload-2'])
  })

  it('says when the abort failed too, so the parts are left', async () => {
    const app = fakeApp({ fault: () => app500() })
    const failure = await uploadPresigned(
      bytesOf(10),
      app.options({ abort: async () => Promise.reject(new Error('offline')) }),
    ).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 'InternalError', uploadId: 'upload-1' })
    expect((failure as Error).message).toMatch(/abort failed too, so the parts of upload upload-1 are left: offline/)
  })

  it('a signal stops the parts in flight, aborts the upload and rejects with its reason', async () => {
    const stop = new AbortController()
    const reason = new Error('user cancelled')
    const app = fakeApp({
      fault: (part) => {
        if (part !== 2) return undefined
        stop.abort(reason)
        return 'hang'
      },
    })
    await expect(uploadPresigned(bytesOf(11 * MiB), app.options({ concurrency: 1, signal: stop.signal }))).rejects.toBe(
      reason,
    )
    expect(app.log).toEqual(['create', 'sign 1', 'put 1', 'sign 2', 'put 2', 'abort'])
  })

  it('leavePartsOnError keeps the parts of a stopped upload, which a resume then completes', async () => {
    const stop = new AbortController()
    const app = fakeApp({
      fault: (part, attempt) => {
        if (part !== 3 || attempt > 1) return undefined
        stop.abort(new Error('page closed'))
        return 'hang'
      },
    })
    const body = bytesOf(16 * MiB)
    await expect(
      uploadPresigned(
        body,
        app.options({ concurrency: 1, signal: stop.signal, leavePartsOnError: true, abort: undefined }),
      ),
    ).rejects.toThrow('page closed')
    expect(app.callbacks.abort).not.toHaveBeenCalled()
    expect([...app.uploads.get('upload-1')!.keys()]).toEqual([1, 2])

    app.log.length = 0
    const progress: UploadProgress[] = []
    const result = await uploadPresigned(
      body,
      app.options({ uploadId: 'upload-1', onProgress: (p) => progress.push(p) }),
    )
    expect(Buffer.compare(result.body, body)).toBe(0)
    expect(app.callbacks.create).toHaveBeenCalledTimes(1)
    // Parts 1 and 2 are kept; only 3 and 4 go up.
    expect(app.log.filter((entry) => !entry.startsWith('put'))).toEqual(['list', 'sign 3', 'sign 4', 'complete'])
    expect(progress.slice(0, 2)).toEqual([
      { loaded: 5 * MiB, total: 16 * MiB, part: 1 },
      { loaded: 10 * MiB, total: 16 * MiB, part: 2 },
    ])
    expect(progress.at(-1)).toMatchObject({ loaded: 16 * MiB })
  })

  it('a resume whose upload already holds every part only completes it', async () => {
    const app = fakeApp()
    const { UploadId } = await app.callbacks.create()
    const body = bytesOf(7 * MiB)
    app.uploads
      .get(UploadId)!
      .set(1, body.subarray(0, 5 * MiB))
      .set(2, body.subarray(5 * MiB))
    const result = await uploadPresigned(body, app.options({ uploadId: UploadId }))
    expect(Buffer.compare(result.body, body)).toBe(0)
    expect(app.callbacks.signPart).not.toHaveBeenCalled()
    expect(app.fetch).not.toHaveBeenCalled()
  })

  it('refuses to resume with stored parts that another body or part size would have, and leaves them', async () => {
    const app = fakeApp()
    const { UploadId } = await app.callbacks.create()
    // Stored in parts of 5 MiB; resumed with 6 MiB parts, or with a shorter body.
    app.uploads.get(UploadId)!.set(1, bytesOf(5 * MiB))
    for (const [body, partSize] of [
      [bytesOf(11 * MiB), 6 * MiB],
      [bytesOf(4 * MiB), 5 * MiB],
    ] as const) {
      const failure = await uploadPresigned(body, app.options({ uploadId: UploadId, partSize })).catch(
        (e: unknown) => e,
      )
      expect(failure).toBeInstanceOf(InputError)
      expect(failure).toMatchObject({ field: 'uploadId', message: expect.stringContaining('part 1 of 5242880 bytes') })
    }
    expect(app.callbacks.signPart).not.toHaveBeenCalled()
    expect(app.callbacks.abort).not.toHaveBeenCalled()
    expect(app.uploads.get(UploadId)!.size).toBe(1)
  })

  it('a resume whose upload cannot be listed rejects with the listing’s error and aborts nothing', async () => {
    const app = fakeApp()
    await expect(uploadPresigned(bytesOf(10), app.options({ uploadId: 'gone' }))).rejects.toThrow('no such upload')
    expect(app.callbacks.abort).not.toHaveBeenCalled()
  })

  it('refuses bad options before calling anything', async () => {
    const app = fakeApp()
    const cases: [Extra, string][] = [
      [{ abort: undefined }, 'abort'],
      [{ uploadId: 'u', listParts: undefined }, 'listParts'],
      [{ uploadId: '' }, 'uploadId'],
      [{ partSize: 1024 }, 'partSize'],
      [{ concurrency: 0 }, 'concurrency'],
      [{ signPart: 'https://example' as never }, 'signPart'],
      [{ retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
    ]
    for (const [extra, field] of cases) {
      await expect(uploadPresigned(bytesOf(10), app.options(extra))).rejects.toMatchObject({ field })
    }
    await expect(uploadPresigned('text' as never, app.options())).rejects.toMatchObject({ field: 'body' })
    expect(app.log).toEqual([])
  })
})

function app500(): Response {
  return new Response('<Error><Code>InternalError</Code><RequestId>R500</RequestId></Error>', { status: 500 })
}

/**
 * A stand-in for a page's XMLHttpRequest, just what `uploadPresigned` uses of it: `answer` decides
 * what each request does (upload progress events, then a response, a network failure, or nothing).
 */
class FakeXhr {
  static answer: (xhr: FakeXhr) => void | Promise<void> = () => {}
  static sent: FakeXhr[] = []
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: unknown
  aborted = false
  status = 0
  responseText = ''
  private responseHeaders = ''
  readonly upload: { onprogress: ((event: { loaded: number }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  ontimeout: (() => void) | null = null
  onabort: (() => void) | null = null
  onloadend: (() => void) | null = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  getAllResponseHeaders() {
    return this.responseHeaders
  }
  send(body: unknown) {
    this.body = body
    FakeXhr.sent.push(this)
    setTimeout(() => void FakeXhr.answer(this), 0)
  }
  abort() {
    this.aborted = true
    this.onabort?.()
    this.onloadend?.()
  }
  progress(loaded: number) {
    this.upload.onprogress?.({ loaded })
  }
  respond(status: number, headers: Record<string, string>, text = '') {
    this.status = status
    // As browsers give them: lower-case names, CRLF after each line.
    this.responseHeaders = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')
    this.responseText = text
    this.onload?.()
    this.onloadend?.()
  }
  fail() {
    this.onerror?.()
    this.onloadend?.()
  }
  async bytes() {
    return new Uint8Array(await new Blob([this.body as Blob]).arrayBuffer())
  }
  get part() {
    return Number(new URL(this.url).searchParams.get('partNumber'))
  }
}

describe('uploadPresigned through XMLHttpRequest (where a page has it)', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    FakeXhr.sent = []
  })
  // The part is stored in the app's fake upload and answered as S3 answers UploadPart.
  const store = async (app: ReturnType<typeof fakeApp>, xhr: FakeXhr) => {
    const bytes = await xhr.bytes()
    app.uploads.get(new URL(xhr.url).searchParams.get('uploadId')!)!.set(xhr.part, bytes)
    xhr.respond(200, { etag: md5(bytes), 'x-amz-request-id': 'tx0001' })
  }

  it('is used when no fetch is given, and its upload events move progress within a part', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const app = fakeApp()
    FakeXhr.answer = async (xhr) => {
      xhr.progress(MiB)
      // A browser reports the whole body sent before S3 answers: the last byte waits for the answer.
      xhr.progress(5 * MiB)
      await store(app, xhr)
    }
    const body = bytesOf(11 * MiB)
    const progress: UploadProgress[] = []
    const result = await uploadPresigned(
      new Blob([body]),
      app.options({ fetch: undefined, concurrency: 1, onProgress: (p) => progress.push(p) }),
    )
    expect(Buffer.compare(result.body, body)).toBe(0)
    expect(app.fetch).not.toHaveBeenCalled()
    expect(FakeXhr.sent.map((xhr) => [xhr.method, xhr.part, xhr.headers])).toEqual(
      [1, 2, 3].map((n) => ['PUT', n, { 'x-amz-meta-from': 'server' }]),
    )
    expect(progress.map((p) => [p.part, p.loaded])).toEqual([
      [1, MiB],
      [1, 5 * MiB - 1],
      [1, 5 * MiB],
      [2, 6 * MiB],
      [2, 10 * MiB - 1],
      [2, 10 * MiB],
      [3, 11 * MiB - 1],
      [3, 11 * MiB],
    ])
  })

  it('reads S3’s error document, retries network failures, and never counts a re-sent part twice', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const app = fakeApp()
    let attempt = 0
    FakeXhr.answer = async (xhr) => {
      attempt++
      xhr.progress(2 * MiB)
      if (attempt === 1) {
        xhr.respond(
          503,
          { 'content-type': 'application/xml', 'x-amz-request-id': 'tx503' },
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>',
        )
      } else if (attempt === 2) xhr.fail()
      else await store(app, xhr)
    }
    const progress: number[] = []
    await uploadPresigned(
      bytesOf(5 * MiB),
      app.options({ fetch: undefined, onProgress: ({ loaded }) => progress.push(loaded) }),
    )
    expect(FakeXhr.sent).toHaveLength(3)
    expect(progress).toEqual([2 * MiB, 5 * MiB])

    FakeXhr.answer = (xhr) =>
      xhr.respond(
        404,
        { 'x-amz-request-id': 'tx404' },
        '<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>',
      )
    await expect(uploadPresigned(bytesOf(10), app.options({ fetch: undefined }))).rejects.toMatchObject({
      name: 'S3Error',
      code: 'NoSuchUpload',
      status: 404,
      requestId: 'tx404',
      uploadId: 'upload-2',
    })

    FakeXhr.answer = (xhr) => xhr.fail()
    await expect(uploadPresigned(bytesOf(10), app.options({ fetch: undefined }))).rejects.toMatchObject({
      code: 'NetworkError',
      status: 0,
      message: expect.stringContaining('(network or CORS)'),
    })
  })

  it('a signal aborts the request in flight', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const app = fakeApp()
    const stop = new AbortController()
    const reason = new Error('stopped')
    FakeXhr.answer = () => stop.abort(reason)
    await expect(uploadPresigned(bytesOf(10), app.options({ fetch: undefined, signal: stop.signal }))).rejects.toBe(
      reason,
    )
    expect(FakeXhr.sent.map((xhr) => xhr.aborted)).toEqual([true])
    expect(app.callbacks.abort).toHaveBeenCalledTimes(1)
  })
})
