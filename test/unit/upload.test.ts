import { createHash } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, type FetchLike } from '../../src/core/client.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { MAX_OBJECT_SIZE } from '../../src/core/multipart-limits.js'
import { expectedBucketOwner } from '../../src/helpers/expected-bucket-owner.js'
import { requesterPays } from '../../src/helpers/requester-pays.js'
import { choosePartSize, type UploadProgress, upload } from '../../src/helpers/upload.js'

const MiB = 1024 * 1024

/**
 * An in-memory S3 for the multipart flow. Every response has the shape the S3 API reference
 * documents for the operation (InitiateMultipartUploadResult, the UploadPart ETag header,
 * CompleteMultipartUploadResult, 204 for AbortMultipartUpload, the error document for failures);
 * `rgwETag` answers completions with the empty `<ETag>` Ceph RGW sends.
 */
function fakeS3(
  options: {
    failPart?: (part: number, attempt: number) => boolean
    onPart?: (part: number, size: number) => void
    rgwETag?: boolean
    readBodies?: boolean
  } = {},
) {
  const objects = new Map<string, Uint8Array>()
  const uploads = new Map<string, Map<number, Uint8Array>>()
  const calls: { operation: string; url: URL; headers: Headers; size?: number; isStream?: boolean }[] = []
  const attempts = new Map<number, number>()
  let inFlight = 0
  let maxInFlight = 0
  let nextId = 0
  const etagOf = (bytes: Uint8Array) => `"${createHash('md5').update(bytes).digest('hex')}"`
  const xml = (body: string, status = 200) =>
    new Response(`<?xml version="1.0" encoding="UTF-8"?>${body}`, {
      status,
      headers: { 'content-type': 'application/xml' },
    })
  const error = (status: number, code: string) =>
    xml(`<Error><Code>${code}</Code><Message>${code}</Message><RequestId>R</RequestId></Error>`, status)
  const read = async (body: BodyInit | null | undefined) =>
    new Uint8Array(await new Response(body ?? null).arrayBuffer())

  const fetch = vi.fn<FetchLike>(async (input, init = {}) => {
    const url = new URL(String(input))
    const headers = new Headers(init.headers)
    const key = decodeURIComponent(url.pathname)
    const q = url.searchParams
    const isStream = init.body instanceof ReadableStream
    if (init.method === 'POST' && q.has('uploads')) {
      const id = `upload-${++nextId}`
      uploads.set(id, new Map())
      calls.push({ operation: 'CreateMultipartUpload', url, headers })
      const [, bucket, ...rest] = key.split('/')
      return xml(
        `<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
          `<Bucket>${bucket}</Bucket><Key>${rest.join('/')}</Key>` +
          `<UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
      )
    }
    if (init.method === 'PUT' && q.has('partNumber')) {
      const part = Number(q.get('partNumber'))
      const attempt = (attempts.get(part) ?? 0) + 1
      attempts.set(part, attempt)
      calls.push({ operation: 'UploadPart', url, headers, size: Number(headers.get('content-length')), isStream })
      options.onPart?.(part, Number(headers.get('content-length')))
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      try {
        const bytes = options.readBodies === false ? new Uint8Array(0) : await read(init.body)
        await new Promise((resolve) => setTimeout(resolve, 1))
        if (options.failPart?.(part, attempt)) return error(500, 'InternalError')
        const parts = uploads.get(q.get('uploadId')!)
        if (!parts) return error(404, 'NoSuchUpload')
        parts.set(part, bytes)
        return new Response(null, { status: 200, headers: { etag: etagOf(bytes) } })
      } finally {
        inFlight--
      }
    }
    if (init.method === 'POST' && q.has('uploadId')) {
      calls.push({ operation: 'CompleteMultipartUpload', url, headers })
      const parts = uploads.get(q.get('uploadId')!)
      if (!parts) return error(404, 'NoSuchUpload')
      const document = new TextDecoder().decode(await read(init.body))
      const listed = [...document.matchAll(/<PartNumber>(\d+)<\/PartNumber><ETag>([^<]*)<\/ETag>/g)].map(
        (m) => [Number(m[1]), m[2]] as const,
      )
      if (listed.length === 0) return error(400, 'MalformedXML')
      for (let i = 0; i < listed.length; i++) {
        const [number, etag] = listed[i]!
        if (i > 0 && number <= listed[i - 1]![0]) return error(400, 'InvalidPartOrder')
        if (!parts.has(number) || etagOf(parts.get(number)!) !== etag!.replace(/&quot;/g, '"'))
          return error(400, 'InvalidPart')
      }
      const joined = Buffer.concat(listed.map(([number]) => parts.get(number)!))
      objects.set(key, joined)
      uploads.delete(q.get('uploadId')!)
      const etag = options.rgwETag ? '' : `"${createHash('md5').update(joined).digest('hex')}-${listed.length}"`
      return xml(
        `<CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
          `<Location>http://s3/${key}</Location><Bucket>b</Bucket><Key>k</Key>` +
          `<ETag>${etag}</ETag></CompleteMultipartUploadResult>`,
      )
    }
    if (init.method === 'DELETE' && q.has('uploadId')) {
      calls.push({ operation: 'AbortMultipartUpload', url, headers })
      return uploads.delete(q.get('uploadId')!) ? new Response(null, { status: 204 }) : error(404, 'NoSuchUpload')
    }
    if (init.method === 'PUT') {
      calls.push({ operation: 'PutObject', url, headers, size: Number(headers.get('content-length')), isStream })
      const bytes = await read(init.body)
      objects.set(key, bytes)
      return new Response(null, { status: 200, headers: { etag: etagOf(bytes) } })
    }
    if (init.method === 'HEAD') {
      calls.push({ operation: 'HeadObject', url, headers })
      const bytes = objects.get(key)
      if (!bytes) return new Response(null, { status: 404 })
      return new Response(null, {
        status: 200,
        headers: {
          etag: `"head-etag-${bytes.length}"`,
          'content-length': String(bytes.length),
          'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT',
        },
      })
    }
    throw new Error(`fake S3: unexpected ${init.method} ${url}`)
  })
  const client = createClient({
    endpoint: 'http://127.0.0.1:7480',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    fetch,
    retry: { baseDelayMs: 1 },
  })
  const operations = () => calls.map((c) => c.operation)
  return {
    client,
    fetch,
    calls,
    operations,
    objects,
    uploads,
    get maxInFlight() {
      return maxInFlight
    },
  }
}

const bytes = (size: number) => {
  const data = new Uint8Array(size)
  for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >>> 13)) & 255
  return data
}
const sha = (data: Uint8Array | undefined) =>
  createHash('sha256')
    .update(data ?? new Uint8Array(0))
    .digest('hex')

/** A stream of `data` in chunks of `chunk` bytes, recording how far it has been read. */
function trackedStream(data: Uint8Array, chunk = 64 * 1024) {
  const state = { pulled: 0 }
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= data.length) return controller.close()
        const piece = data.slice(state.pulled, state.pulled + chunk)
        state.pulled += piece.length
        controller.enqueue(piece)
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, state }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('upload: limits and input, before any request', () => {
  it('refuses part sizes S3 would refuse', async () => {
    const s3 = fakeS3()
    for (const partSize of [5 * MiB - 1, 5 * 1024 * MiB + 1, 6 * MiB + 0.5, 0]) {
      const error = await upload(s3.client, { Bucket: 'b-1', Key: 'k', Body: 'x' }, { partSize }).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(InputError)
      expect(error).toMatchObject({ field: 'partSize' })
    }
    expect(s3.fetch).not.toHaveBeenCalled()
  })

  it('refuses a body that would need more than 10,000 parts of the partSize given', async () => {
    const s3 = fakeS3()
    const { stream } = trackedStream(new Uint8Array(1))
    const error = await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'k', Body: stream, ContentLength: 10_000 * 5 * MiB + 1 },
      { partSize: 5 * MiB },
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toMatch(/more than 10000 parts.*use at least 6291456/)
    expect(s3.fetch).not.toHaveBeenCalled()
    // The caller's stream is left as it was: not locked, not read.
    expect(stream.locked).toBe(false)
  })

  it('refuses a body larger than 10,000 parts of 5 GiB', async () => {
    const s3 = fakeS3()
    const { stream } = trackedStream(new Uint8Array(1))
    const error = await upload(s3.client, {
      Bucket: 'b-1',
      Key: 'k',
      Body: stream,
      ContentLength: MAX_OBJECT_SIZE + 1,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect(error).toMatchObject({ field: 'Body' })
    expect(s3.fetch).not.toHaveBeenCalled()
  })

  it('refuses other bad input', async () => {
    const s3 = fakeS3()
    const cases: Array<[Parameters<typeof upload>[1], Parameters<typeof upload>[2], string]> = [
      [{ Bucket: 'B_', Key: 'k', Body: 'x' }, {}, 'Bucket'],
      [{ Bucket: 'b-1', Key: '', Body: 'x' }, {}, 'Key'],
      [{ Bucket: 'b-1', Key: 'k', Body: 42 as never }, {}, 'Body'],
      [{ Bucket: 'b-1', Key: 'k', Body: 'abc', ContentLength: 4 }, {}, 'ContentLength'],
      [{ Bucket: 'b-1', Key: 'k', Body: new Blob(['x']).stream(), ContentLength: -1 }, {}, 'ContentLength'],
      [{ Bucket: 'b-1', Key: 'k', Body: 'x', ACL: 'everyone' as never }, {}, 'ACL'],
      [{ Bucket: 'b-1', Key: 'k', Body: 'x' }, { concurrency: 0 }, 'concurrency'],
      [{ Bucket: 'b-1', Key: 'k', Body: 'x' }, { onProgress: 'yes' as never }, 'onProgress'],
    ]
    for (const [input, options, field] of cases) {
      await expect(upload(s3.client, input, options)).rejects.toMatchObject({ name: 'InputError', field })
    }
    expect(s3.fetch).not.toHaveBeenCalled()
  })

  it('rejects with the reason of a signal aborted before it starts', async () => {
    const s3 = fakeS3()
    const controller = new AbortController()
    controller.abort(new Error('changed my mind'))
    await expect(
      upload(s3.client, { Bucket: 'b-1', Key: 'k', Body: 'x' }, { signal: controller.signal }),
    ).rejects.toThrow('changed my mind')
    expect(s3.fetch).not.toHaveBeenCalled()
  })
})

describe('choosePartSize', () => {
  it('keeps 8 MiB until a body needs more than 10,000 such parts, then the fewest whole MiB that fit', () => {
    expect(choosePartSize(undefined, undefined)).toBe(8 * MiB)
    expect(choosePartSize(10_000 * 8 * MiB, undefined)).toBe(8 * MiB)
    expect(choosePartSize(10_000 * 8 * MiB + 1, undefined)).toBe(9 * MiB)
    expect(choosePartSize(100 * 1024 * MiB, undefined)).toBe(11 * MiB)
    expect(choosePartSize(MAX_OBJECT_SIZE, undefined)).toBe(5 * 1024 * MiB)
    expect(choosePartSize(MAX_OBJECT_SIZE, 5 * 1024 * MiB)).toBe(5 * 1024 * MiB)
    expect(choosePartSize(undefined, 5 * MiB)).toBe(5 * MiB)
  })
})

describe('upload: parts', () => {
  it('sends a body of one part or less as one PutObject', async () => {
    const s3 = fakeS3()
    const data = bytes(5 * MiB)
    const out = await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'one', Body: data, ContentType: 'text/plain', IfNoneMatch: '*' },
      { partSize: 5 * MiB },
    )
    expect(s3.operations()).toEqual(['PutObject'])
    expect(s3.calls[0]!.headers.get('content-type')).toBe('text/plain')
    expect(s3.calls[0]!.headers.get('if-none-match')).toBe('*')
    expect(out).toEqual({ Bucket: 'b-1', Key: 'one', ETag: `"${createHash('md5').update(data).digest('hex')}"` })
    expect(sha(s3.objects.get('/b-1/one'))).toBe(sha(data))
  })

  it('joins parts in order, with the object fields on CreateMultipartUpload and conditions on completion', async () => {
    const s3 = fakeS3()
    const data = bytes(12 * MiB + 3)
    const out = await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'big', Body: new Blob([data]), Metadata: { a: 'b' }, IfNoneMatch: '*' },
      { partSize: 5 * MiB },
    )
    expect(s3.operations().sort()).toEqual([
      'CompleteMultipartUpload',
      'CreateMultipartUpload',
      'UploadPart',
      'UploadPart',
      'UploadPart',
    ])
    expect(
      s3.calls
        .filter((c) => c.operation === 'UploadPart')
        .map((c) => c.size)
        .sort(),
    ).toEqual([2 * MiB + 3, 5 * MiB, 5 * MiB])
    const create = s3.calls.find((c) => c.operation === 'CreateMultipartUpload')!
    expect(create.headers.get('x-amz-meta-a')).toBe('b')
    expect(create.headers.has('if-none-match')).toBe(false)
    expect(s3.calls.find((c) => c.operation === 'CompleteMultipartUpload')!.headers.get('if-none-match')).toBe('*')
    expect(sha(s3.objects.get('/b-1/big'))).toBe(sha(data))
    expect(out).toMatchObject({
      Bucket: 'b-1',
      Key: 'big',
      UploadId: 'upload-1',
      ETag: expect.stringMatching(/^"[0-9a-f]{32}-3"$/),
    })
  })

  it('takes the ETag from HeadObject when the completion has none (Ceph RGW)', async () => {
    const s3 = fakeS3({ rgwETag: true })
    const out = await upload(s3.client, { Bucket: 'b-1', Key: 'big', Body: bytes(6 * MiB) }, { partSize: 5 * MiB })
    expect(s3.operations().at(-1)).toBe('HeadObject')
    expect(out.ETag).toBe(`"head-etag-${6 * MiB}"`)
  })

  it('grows the default part size for a long stream of known length', async () => {
    const controller = new AbortController()
    const sizes: number[] = []
    const s3 = fakeS3({
      readBodies: false,
      onPart: (_part, size) => {
        sizes.push(size)
        controller.abort(new Error('enough'))
      },
    })
    // 100 GiB announced: 8 MiB parts would be 12,800; 11 MiB parts are 9,310.
    const endless = (async function* () {
      const chunk = new Uint8Array(MiB)
      for (;;) yield chunk
    })()
    await expect(
      upload(
        s3.client,
        { Bucket: 'b-1', Key: 'k', Body: endless, ContentLength: 100 * 1024 * MiB },
        { signal: controller.signal },
      ),
    ).rejects.toThrow('enough')
    expect(sizes[0]).toBe(11 * MiB)
    expect(s3.operations()).toContain('AbortMultipartUpload')
  })

  it('reads a stream only as fast as parts are stored, with at most `concurrency` parts in flight', async () => {
    const s3 = fakeS3()
    const data = bytes(40 * MiB)
    const { stream, state } = trackedStream(data)
    let worstAhead = 0
    let stored = 0
    const out = await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'k', Body: stream },
      {
        partSize: 5 * MiB,
        concurrency: 3,
        onProgress: ({ loaded }) => {
          stored = Math.max(stored, loaded)
          worstAhead = Math.max(worstAhead, state.pulled - stored)
        },
      },
    )
    expect(out.UploadId).toBeDefined()
    expect(s3.maxInFlight).toBeLessThanOrEqual(3)
    expect(s3.maxInFlight).toBeGreaterThan(1)
    // Read but not yet sent: the parts in flight, plus the chunk peeked at to find the end.
    expect(worstAhead).toBeLessThanOrEqual(3 * 5 * MiB + 64 * 1024)
    expect(sha(s3.objects.get('/b-1/k'))).toBe(sha(data))
  })

  it('reports byte progress that never goes back and ends at the total, also across a retried part', async () => {
    const s3 = fakeS3({ failPart: (part, attempt) => part === 2 && attempt === 1 })
    const data = bytes(11 * MiB)
    const events: UploadProgress[] = []
    await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'k', Body: data },
      { partSize: 5 * MiB, onProgress: (p) => events.push(p) },
    )
    expect(s3.calls.filter((c) => c.operation === 'UploadPart').length).toBe(4)
    expect(events.length).toBeGreaterThan(3)
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThanOrEqual(events[i - 1]!.loaded)
    expect(events.every((e) => e.total === 11 * MiB && e.loaded <= 11 * MiB && [1, 2, 3].includes(e.part))).toBe(true)
    expect(events.at(-1)!.loaded).toBe(11 * MiB)
    expect(sha(s3.objects.get('/b-1/k'))).toBe(sha(data))
  })

  it('reports the total of a stream of unknown length once it has ended, and progress for an empty body', async () => {
    const s3 = fakeS3()
    const events: UploadProgress[] = []
    await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'k', Body: trackedStream(bytes(7 * MiB)).stream },
      { partSize: 5 * MiB, onProgress: (p) => events.push(p) },
    )
    expect(events.at(-1)).toMatchObject({ loaded: 7 * MiB, total: 7 * MiB })
    const empty: UploadProgress[] = []
    await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'e', Body: new ReadableStream({ start: (c) => c.close() }) },
      { onProgress: (p) => empty.push(p) },
    )
    expect(empty).toEqual([{ loaded: 0, total: 0, part: 1 }])
    expect(s3.objects.get('/b-1/e')).toEqual(new Uint8Array(0))
  })

  it('sends whole parts, progressing part by part, where fetch cannot stream a request (Deno)', async () => {
    vi.stubGlobal('Deno', {})
    const s3 = fakeS3()
    const data = bytes(11 * MiB)
    const events: UploadProgress[] = []
    await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'k', Body: data },
      { partSize: 5 * MiB, onProgress: (p) => events.push(p) },
    )
    expect(s3.calls.filter((c) => c.operation === 'UploadPart').every((c) => c.isStream === false)).toBe(true)
    // One event per stored part, each adding that part's size.
    expect(events).toHaveLength(3)
    const steps = events.map((e, i) => e.loaded - (i === 0 ? 0 : events[i - 1]!.loaded))
    expect(steps.sort((a, b) => a - b)).toEqual([MiB, 5 * MiB, 5 * MiB])
    expect(events.at(-1)!.loaded).toBe(11 * MiB)
    expect(sha(s3.objects.get('/b-1/k'))).toBe(sha(data))
  })
})

describe('upload: failures', () => {
  it('gives its requestOptions to every request, the abort and the HEAD after an empty completion ETag too', async () => {
    const requestOptions = [expectedBucketOwner('111122223333'), requesterPays()]
    const failing = fakeS3({ failPart: (part) => part === 2 })
    await expect(
      upload(failing.client, { Bucket: 'b-1', Key: 'k', Body: bytes(11 * MiB) }, { partSize: 5 * MiB, requestOptions }),
    ).rejects.toMatchObject({ code: 'InternalError', uploadId: 'upload-1' })
    const rgw = fakeS3({ rgwETag: true })
    await upload(rgw.client, { Bucket: 'b-1', Key: 'k', Body: bytes(11 * MiB) }, { partSize: 5 * MiB, requestOptions })
    expect(failing.operations()).toContain('AbortMultipartUpload')
    expect(rgw.operations()).toContain('HeadObject')
    for (const call of [...failing.calls, ...rgw.calls]) {
      expect(call.headers.get('x-amz-expected-bucket-owner')).toBe('111122223333')
      expect(call.headers.get('x-amz-request-payer')).toBe('requester')
    }
  })

  it('aborts the upload and rejects with the first error, carrying the UploadId', async () => {
    const s3 = fakeS3({ failPart: (part) => part === 3 })
    const error = await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'k', Body: bytes(20 * MiB) },
      { partSize: 5 * MiB },
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      code: 'InternalError',
      operation: 'UploadPart',
      uploadId: 'upload-1',
      bucket: 'b-1',
      key: 'k',
    })
    // Three attempts (the client's retry policy), then the upload is aborted.
    expect(
      s3.calls.filter((c) => c.operation === 'UploadPart' && c.url.searchParams.get('partNumber') === '3'),
    ).toHaveLength(3)
    expect(s3.operations()).toContain('AbortMultipartUpload')
    expect(s3.operations()).not.toContain('CompleteMultipartUpload')
    expect(s3.uploads.size).toBe(0)
  })

  it('leaves the parts with leavePartsOnError', async () => {
    const s3 = fakeS3({ failPart: (part) => part === 2 })
    const error = await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'k', Body: bytes(11 * MiB) },
      { partSize: 5 * MiB, leavePartsOnError: true },
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'InternalError', uploadId: 'upload-1' })
    expect(s3.operations()).not.toContain('AbortMultipartUpload')
    expect(s3.uploads.has('upload-1')).toBe(true)
  })

  it('fails cleanly when a stream is shorter or longer than its ContentLength', async () => {
    const short = fakeS3()
    const a = await upload(
      short.client,
      { Bucket: 'b-1', Key: 'k', Body: trackedStream(bytes(11 * MiB)).stream, ContentLength: 12 * MiB },
      { partSize: 5 * MiB },
    ).catch((e: unknown) => e)
    expect(a).toMatchObject({ name: 'S3Error', code: 'IncompleteBody', uploadId: 'upload-1', bucket: 'b-1', key: 'k' })
    expect(short.operations()).toContain('AbortMultipartUpload')
    expect(short.objects.size).toBe(0)

    const long = fakeS3()
    const b = await upload(
      long.client,
      { Bucket: 'b-1', Key: 'k', Body: trackedStream(bytes(11 * MiB)).stream, ContentLength: 10 * MiB },
      { partSize: 5 * MiB },
    ).catch((e: unknown) => e)
    expect(b).toMatchObject({ name: 'S3Error', code: 'EntityTooLarge', uploadId: 'upload-1' })
    expect(long.operations()).toContain('AbortMultipartUpload')
    expect(long.objects.size).toBe(0)

    // Within one part: the stream is read before any request, so nothing is created at all.
    const small = fakeS3()
    const c = await upload(small.client, {
      Bucket: 'b-1',
      Key: 'k',
      Body: trackedStream(bytes(100)).stream,
      ContentLength: 101,
    }).catch((e: unknown) => e)
    expect(c).toMatchObject({ name: 'S3Error', code: 'IncompleteBody' })
    expect(small.fetch).not.toHaveBeenCalled()
  })

  it('reports a failing source as BodyReadError with the cause, and aborts', async () => {
    const s3 = fakeS3()
    const cause = new Error('disk on fire')
    const failing = (async function* () {
      yield bytes(5 * MiB)
      yield bytes(MiB)
      throw cause
    })()
    const error = await upload(s3.client, { Bucket: 'b-1', Key: 'k', Body: failing }, { partSize: 5 * MiB }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ name: 'S3Error', code: 'BodyReadError', uploadId: 'upload-1', cause })
    expect((error as Error).message).toContain('disk on fire')
    expect(s3.operations()).toContain('AbortMultipartUpload')
  })

  it('destroys a Node stream that is waiting for input when aborted, so stdin no longer holds the process', async () => {
    const s3 = fakeS3()
    const controller = new AbortController()
    // stdin with one part and a bit written, then silence: the upload waits in the stream's next().
    const input = new PassThrough()
    input.write(bytes(6 * MiB))
    const uploading = upload(
      s3.client,
      { Bucket: 'b-1', Key: 'k', Body: input },
      {
        partSize: 5 * MiB,
        signal: controller.signal,
        onProgress: () => setTimeout(() => controller.abort(new Error('SIGHUP')), 10),
      },
    )
    await expect(uploading).rejects.toThrow('SIGHUP')
    expect(input.destroyed).toBe(true)
    expect(s3.operations()).toContain('AbortMultipartUpload')
  })

  it('stops when onProgress throws, with that error', async () => {
    const s3 = fakeS3()
    const mistake = new Error('bug in my progress bar')
    const error = await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'k', Body: bytes(11 * MiB) },
      {
        partSize: 5 * MiB,
        onProgress: ({ loaded }) => {
          if (loaded > 6 * MiB) throw mistake
        },
      },
    ).catch((e: unknown) => e)
    expect(error).toBe(mistake)
    expect(s3.operations()).toContain('AbortMultipartUpload')
    expect(s3.objects.size).toBe(0)
  })

  it('fails an unknown-length stream at part 10,000 when more follows, and aborts', async () => {
    const s3 = fakeS3({ readBodies: false })
    const part = new Uint8Array(5 * MiB)
    const endless = (async function* () {
      for (;;) yield part
    })()
    const error = await upload(
      s3.client,
      { Bucket: 'b-1', Key: 'k', Body: endless },
      { partSize: 5 * MiB, concurrency: 16 },
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'S3Error', code: 'EntityTooLarge', uploadId: 'upload-1' })
    const numbers = s3.calls
      .filter((c) => c.operation === 'UploadPart')
      .map((c) => Number(c.url.searchParams.get('partNumber')))
    expect(Math.max(...numbers)).toBe(9_999)
    expect(s3.operations()).toContain('AbortMultipartUpload')
    expect(s3.operations()).not.toContain('CompleteMultipartUpload')
  }, 60_000)
})
