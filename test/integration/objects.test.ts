import { createHash, randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signRequest } from '../../src/core/sign.js'
import {
  CopyObject,
  CreateBucket,
  DeleteBucket,
  DeleteObject,
  type FetchLike,
  GetObject,
  HeadObject,
  headObjectOrNull,
  InputError,
  lookupBucket,
  PutObject,
  type RequestBody,
  S3Error,
  send,
} from '../../src/index.js'
import { secondClient, server, testClient, uniqueBucket } from './env.js'

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex')

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(Error)
  return error as Error
}

/** A web stream that hands out `bytes` in chunks of `size`. */
function webStream(bytes: Uint8Array, size = 7_000): ReadableStream<Uint8Array> {
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(offset, (offset += size)))
    },
  })
}

async function* chunks(bytes: Uint8Array, size = 5_000): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size)
}

describe('objects against a real server', () => {
  const client = testClient()
  const Bucket = uniqueBucket('objects')
  const written = new Set<string>()

  /** PutObject that remembers the key, so that afterAll can delete it. */
  async function put(Key: string, fields: Omit<Parameters<typeof PutObject>[0], 'Bucket' | 'Key'> = {}) {
    written.add(Key)
    return send(client, PutObject({ Bucket, Key, ...fields }))
  }

  async function copy(input: Omit<Parameters<typeof CopyObject>[0], 'Bucket'>) {
    written.add(input.Key)
    return send(client, CopyObject({ Bucket, ...input }))
  }

  async function readBack(Key: string): Promise<Uint8Array> {
    return (await send(client, GetObject({ Bucket, Key }))).Body.bytes()
  }

  beforeAll(async () => {
    await send(client, CreateBucket({ Bucket }))
  })

  afterAll(async () => {
    for (const Key of written) await send(client, DeleteObject({ Bucket, Key }))
    await send(client, DeleteBucket({ Bucket }))
  })

  describe('request bodies round-trip byte for byte', () => {
    const data = new Uint8Array(randomBytes(100_003))
    const text = 'Grüße aus Köln — 日本語のテキスト — 🎉\n'.repeat(500)
    const cases: [string, () => RequestBody, string, number?][] = [
      ['a string, sent as UTF-8', () => text, sha256(text)],
      ['an empty string', () => '', sha256('')],
      ['a Uint8Array', () => data, sha256(data)],
      [
        'a Uint8Array view into a larger buffer',
        () => new Uint8Array(data.buffer, 1_000, 50_000),
        sha256(data.subarray(1_000, 51_000)),
      ],
      ['a Node Buffer', () => Buffer.from(data), sha256(data)],
      ['an ArrayBuffer', () => data.slice().buffer, sha256(data)],
      ['a Blob', () => new Blob([data.subarray(0, 60_000), data.subarray(60_000)]), sha256(data)],
      ['a File', () => new File([text], 'greeting.txt', { type: 'text/plain' }), sha256(text)],
      ['a web ReadableStream', () => webStream(data), sha256(data), data.length],
      ['an empty web ReadableStream', () => webStream(new Uint8Array(0)), sha256(''), 0],
      ['an AsyncIterable<Uint8Array>', () => chunks(data), sha256(data), data.length],
      ['a Node Readable', () => Readable.from(chunks(data)), sha256(data), data.length],
    ]
    it.each(cases)('%s', async (name, body, digest, ContentLength) => {
      const Key = `bodies/${name.replaceAll(' ', '-')}`
      const { ETag } = await put(Key, { Body: body(), ...(ContentLength === undefined ? {} : { ContentLength }) })
      expect(ETag).toMatch(/^"[0-9a-f]{32}"$/)
      expect(sha256(await readBack(Key))).toBe(digest)
    })

    it('stores an empty object when Body is left out', async () => {
      await put('bodies/none')
      const head = await send(client, HeadObject({ Bucket, Key: 'bodies/none' }))
      expect(head.ContentLength).toBe(0)
      expect(sha256(await readBack('bodies/none'))).toBe(sha256(''))
    })

    it('sends a stream as a stream (duplex half), not as buffered bytes', async () => {
      const seen: RequestInit[] = []
      const spy: FetchLike = (input, init) => {
        seen.push(init!)
        return fetch(input, init)
      }
      await send(
        testClient({ fetch: spy }),
        PutObject({ Bucket, Key: 'bodies/spied', Body: chunks(data), ContentLength: data.length }),
      )
      written.add('bodies/spied')
      expect(seen).toHaveLength(1)
      expect(seen[0]!.body).toBeInstanceOf(ReadableStream)
      expect((seen[0] as { duplex?: string }).duplex).toBe('half')
      expect(new Headers(seen[0]!.headers).get('x-amz-content-sha256')).toBe('UNSIGNED-PAYLOAD')
      expect(sha256(await readBack('bodies/spied'))).toBe(sha256(data))
    })

    it('refuses a stream without ContentLength before sending, pointing to the upload helper', async () => {
      for (const Body of [webStream(data), chunks(data), Readable.from(chunks(data))]) {
        expect(() => PutObject({ Bucket, Key: 'bodies/no-length', Body })).toThrow(InputError)
        expect(() => PutObject({ Bucket, Key: 'bodies/no-length', Body })).toThrow(/ContentLength.*`upload` helper/)
      }
      expect(await headObjectOrNull(client, { Bucket, Key: 'bodies/no-length' })).toBeNull()
    })

    it('fails, and stores nothing, when a stream is shorter than its ContentLength', async () => {
      const error = await failure(
        send(client, PutObject({ Bucket, Key: 'bodies/short', Body: chunks(data), ContentLength: data.length + 10 })),
      )
      expect(error).toBeInstanceOf(S3Error)
      expect(await headObjectOrNull(client, { Bucket, Key: 'bodies/short' })).toBeNull()
    })

    it('never retries a consumed stream, and says so; bytes are retried', async () => {
      // A transport that reads the whole request body, then loses the connection once.
      let calls = 0
      const flaky: FetchLike = async (input, init) => {
        if (calls++ === 0) {
          if (init?.body instanceof ReadableStream)
            for await (const _ of init.body as unknown as AsyncIterable<Uint8Array>);
          throw new TypeError('fetch failed: connection reset')
        }
        return fetch(input, init)
      }
      const streamed = await failure(
        send(
          testClient({ fetch: flaky, retry: { baseDelayMs: 1 } }),
          PutObject({ Bucket, Key: 'bodies/flaky', Body: chunks(data), ContentLength: data.length }),
        ),
      )
      expect(streamed).toMatchObject({ code: 'NetworkError' })
      expect(streamed.message).toMatch(/not retried.*stream/)
      expect(calls).toBe(1)
      expect(await headObjectOrNull(client, { Bucket, Key: 'bodies/flaky' })).toBeNull()

      calls = 0
      written.add('bodies/flaky')
      await send(
        testClient({ fetch: flaky, retry: { baseDelayMs: 1 } }),
        PutObject({ Bucket, Key: 'bodies/flaky', Body: data }),
      )
      expect(calls).toBe(2)
      expect(sha256(await readBack('bodies/flaky'))).toBe(sha256(data))
    })
  })

  describe('GetObject', () => {
    const content = '{"greeting":"hello","n":42}'
    let etag: string
    let lastModified: Date

    beforeAll(async () => {
      etag = (
        await put('get/doc.json', {
          Body: content,
          ContentType: 'application/json',
          CacheControl: 'max-age=60',
          ContentDisposition: 'inline; filename="doc.json"',
          ContentLanguage: 'en',
          Expires: new Date('2031-02-03T04:05:06Z'),
          StorageClass: 'STANDARD_IA',
          Metadata: { owner: 'ada' },
        })
      ).ETag
      lastModified = (await send(client, HeadObject({ Bucket, Key: 'get/doc.json' }))).LastModified
    })

    it('returns every header field, typed', async () => {
      const out = await send(client, GetObject({ Bucket, Key: 'get/doc.json' }))
      expect(out).toMatchObject({
        ContentType: 'application/json',
        ContentLength: content.length,
        ETag: etag,
        CacheControl: 'max-age=60',
        ContentDisposition: 'inline; filename="doc.json"',
        ContentLanguage: 'en',
        Expires: new Date('2031-02-03T04:05:06Z'),
        StorageClass: 'STANDARD_IA',
        Metadata: { owner: 'ada' },
      })
      expect(out.LastModified).toBeInstanceOf(Date)
      expect(out.LastModified.getTime()).toBe(lastModified.getTime())
      expect(await out.Body.json()).toEqual({ greeting: 'hello', n: 42 })
    })

    it('gives a web ReadableStream, and text() and bytes()', async () => {
      const streamed = await send(client, GetObject({ Bucket, Key: 'get/doc.json' }))
      expect(streamed.Body).toBeInstanceOf(ReadableStream)
      const parts: Uint8Array[] = []
      for await (const chunk of streamed.Body as unknown as AsyncIterable<Uint8Array>) parts.push(chunk)
      expect(Buffer.concat(parts).toString()).toBe(content)
      expect(await (await send(client, GetObject({ Bucket, Key: 'get/doc.json' }))).Body.text()).toBe(content)
      expect(
        new TextDecoder().decode(await (await send(client, GetObject({ Bucket, Key: 'get/doc.json' }))).Body.bytes()),
      ).toBe(content)
    })

    it('says clearly that a body can be read once', async () => {
      const { Body } = await send(client, GetObject({ Bucket, Key: 'get/doc.json' }))
      expect(await Body.text()).toBe(content)
      await expect(Body.text()).rejects.toThrow(/already read.*once/)
      await expect(Body.json()).rejects.toThrow(/already read/)

      const streamed = await send(client, GetObject({ Bucket, Key: 'get/doc.json' }))
      const reader = streamed.Body.getReader()
      await expect(streamed.Body.bytes()).rejects.toThrow(/already read/)
      await reader.cancel()
    })

    it('reads a Range as 206 with ContentRange', async () => {
      const out = await send(client, GetObject({ Bucket, Key: 'get/doc.json', Range: 'bytes=2-9' }))
      expect(out).toMatchObject({ ContentLength: 8, ContentRange: `bytes 2-9/${content.length}` })
      expect(await out.Body.text()).toBe(content.slice(2, 10))
      const error = await failure(send(client, GetObject({ Bucket, Key: 'get/doc.json', Range: 'bytes=1000-2000' })))
      expect(error).toMatchObject({ code: 'InvalidRange', status: 416 })
    })

    it('turns 304 and 412 into NotModified and PreconditionFailed', async () => {
      const hourAfter = new Date(lastModified.getTime() + 3_600_000)
      const dayBefore = new Date(lastModified.getTime() - 86_400_000)
      const get = (fields: Partial<Parameters<typeof GetObject>[0]>) =>
        send(client, GetObject({ Bucket, Key: 'get/doc.json', ...fields }))
      for (const fields of [{ IfNoneMatch: etag }, { IfModifiedSince: hourAfter }]) {
        expect(await failure(get(fields))).toMatchObject({
          name: 'S3Error',
          code: 'NotModified',
          status: 304,
          key: 'get/doc.json',
        })
      }
      for (const fields of [{ IfMatch: '"0123456789abcdef0123456789abcdef"' }, { IfUnmodifiedSince: dayBefore }]) {
        expect(await failure(get(fields))).toMatchObject({ name: 'S3Error', code: 'PreconditionFailed', status: 412 })
      }
      // The same conditions, when they hold, let the body through.
      expect(
        await (await get({ IfMatch: etag, IfUnmodifiedSince: hourAfter, IfModifiedSince: dayBefore })).Body.text(),
      ).toBe(content)
      expect(await (await get({ IfNoneMatch: '"0123456789abcdef0123456789abcdef"' })).Body.text()).toBe(content)
    })

    it('overrides response headers with Response* fields', async () => {
      const out = await send(
        client,
        GetObject({
          Bucket,
          Key: 'get/doc.json',
          ResponseContentType: 'text/plain; charset=utf-8',
          ResponseContentDisposition: 'attachment; filename="data file.json"',
          ResponseCacheControl: 'no-store',
          ResponseContentLanguage: 'de',
          ResponseExpires: new Date('2032-01-01T00:00:00Z'),
        }),
      )
      expect(out).toMatchObject({
        ContentType: 'text/plain; charset=utf-8',
        ContentDisposition: 'attachment; filename="data file.json"',
        CacheControl: 'no-store',
        ContentLanguage: 'de',
        Expires: new Date('2032-01-01T00:00:00Z'),
      })
      await out.Body.cancel()
    })

    it('reads PartNumber 1 of a single-part object as the whole object', async () => {
      const out = await send(client, GetObject({ Bucket, Key: 'get/doc.json', PartNumber: 1 }))
      expect(await out.Body.text()).toBe(content)
    })
  })

  describe('user metadata', () => {
    const metadata = {
      plain: 'hello world',
      spaced: '  leading and trailing  ',
      inner: 'a  b   c',
      empty: '',
      accents: 'café crème brûlée',
      cjk: '日本語のメタデータ',
      emoji: '🎉 party 🐈',
      lookalike: '=?UTF-8?B?w6k=?=',
      'q-lookalike': 'x =?utf-8?q?a_b?= y',
      joined: 'a?= =?b',
      symbols: 'a=b; c="d", e?f',
    }

    it('round-trips every string, names lower-cased', async () => {
      await put('meta/all', { Body: 'x', Metadata: { ...metadata, MixedCase: 'Value' } })
      const expected = { ...metadata, mixedcase: 'Value' }
      expect((await send(client, HeadObject({ Bucket, Key: 'meta/all' }))).Metadata).toEqual(expected)
      const got = await send(client, GetObject({ Bucket, Key: 'meta/all' }))
      expect(got.Metadata).toEqual(expected)
      await got.Body.cancel()
    })

    it('stores non-ASCII values as RFC 2047 encoded words, as S3 documents', async () => {
      await put('meta/raw', { Body: 'x', Metadata: { accents: 'café', plain: 'as is' } })
      // Read the stored headers with a bare signed request: other S3 clients see exactly this.
      const s = server()
      const url = `${s.endpoint}/${Bucket}/meta/raw`
      const headers = await signRequest(
        { method: 'HEAD', url, headers: {}, payloadHash: sha256('') },
        { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
        s.region,
      )
      const response = await fetch(url, { method: 'HEAD', headers })
      expect(response.headers.get('x-amz-meta-accents')).toBe(`=?UTF-8?B?${Buffer.from('café').toString('base64')}?=`)
      expect(response.headers.get('x-amz-meta-plain')).toBe('as is')
    })

    it('refuses control characters and non-token names before sending', async () => {
      expect(() => PutObject({ Bucket, Key: 'meta/bad', Metadata: { note: 'line\nbreak' } })).toThrow(InputError)
      expect(() => PutObject({ Bucket, Key: 'meta/bad', Metadata: { 'bad name': 'x' } })).toThrow(/Metadata\.bad name/)
      expect(() => PutObject({ Bucket, Key: 'meta/bad', Metadata: { Dup: 'x', dup: 'y' } })).toThrow(/twice/)
    })
  })

  describe('CopyObject', () => {
    it('copies keys with spaces, +, %, ?, # and non-ASCII text, returning a quoted ETag and a date', async () => {
      const source = 'copy/we ird+k%ey?#&=/ü€ 日本.txt'
      const { ETag } = await put(source, { Body: 'special', Metadata: { kept: 'yes' }, ContentType: 'text/plain' })
      const out = await copy({ Key: 'copy/plain-target', CopySource: { Bucket, Key: source } })
      // RGW sends this ETag without quotes; the output has them, like every other ETag.
      expect(out.CopyObjectResult.ETag).toBe(ETag)
      expect(out.CopyObjectResult.LastModified).toBeInstanceOf(Date)
      const target = await send(client, GetObject({ Bucket, Key: 'copy/plain-target' }))
      expect(target).toMatchObject({ ContentType: 'text/plain', Metadata: { kept: 'yes' } })
      expect(await target.Body.text()).toBe('special')
      // …and the other way round, onto a key with the same characters.
      await copy({ Key: `${source}.copy`, CopySource: { Bucket, Key: 'copy/plain-target' } })
      expect(new TextDecoder().decode(await readBack(`${source}.copy`))).toBe('special')
    })

    it("changes metadata and content type in place with MetadataDirective 'REPLACE'", async () => {
      await put('copy/replace', { Body: 'data', ContentType: 'text/plain', Metadata: { version: '1', stale: 'yes' } })
      await copy({
        Key: 'copy/replace',
        CopySource: { Bucket, Key: 'copy/replace' },
        MetadataDirective: 'REPLACE',
        ContentType: 'text/csv',
        Metadata: { version: '2', reviewer: 'Zoë' },
      })
      const head = await send(client, HeadObject({ Bucket, Key: 'copy/replace' }))
      expect(head.Metadata).toEqual({ version: '2', reviewer: 'Zoë' })
      expect(head.ContentType).toBe('text/csv')
      expect(new TextDecoder().decode(await readBack('copy/replace'))).toBe('data')
    })

    it('changes the storage class, keeping the metadata', async () => {
      await put('copy/class', { Body: 'data', Metadata: { keep: 'me' } })
      await copy({ Key: 'copy/class', CopySource: { Bucket, Key: 'copy/class' }, StorageClass: 'STANDARD_IA' })
      expect(await send(client, HeadObject({ Bucket, Key: 'copy/class' }))).toMatchObject({
        StorageClass: 'STANDARD_IA',
        Metadata: { keep: 'me' },
      })
    })

    it('refuses metadata fields that COPY would silently ignore, before sending', () => {
      expect(() => CopyObject({ Bucket, Key: 'k', CopySource: { Bucket, Key: 's' }, Metadata: { a: 'b' } })).toThrow(
        /Metadata.*REPLACE/,
      )
      expect(() =>
        CopyObject({
          Bucket,
          Key: 'k',
          CopySource: { Bucket, Key: 's' },
          ContentType: 'text/plain',
          MetadataDirective: 'COPY',
        }),
      ).toThrow(/ContentType/)
      expect(() => CopyObject({ Bucket, Key: 'k', CopySource: { Bucket, Key: 's' }, Tagging: 'a=b' })).toThrow(
        /TaggingDirective/,
      )
    })

    it('reports a missing source, and a copy onto itself that changes nothing, with S3 codes', async () => {
      await put('copy/self', { Body: 'x' })
      expect(await failure(copy({ Key: 'copy/to', CopySource: { Bucket, Key: 'copy/missing' } }))).toMatchObject({
        code: 'NoSuchKey',
        status: 404,
      })
      expect(await failure(copy({ Key: 'copy/self', CopySource: { Bucket, Key: 'copy/self' } }))).toMatchObject({
        code: 'InvalidRequest',
        status: 400,
      })
    })

    it('copies the given version of a source, not the current one', async () => {
      const versioned = uniqueBucket('copyver')
      await send(client, CreateBucket({ Bucket: versioned }))
      const versions: [string, string | undefined][] = []
      try {
        await enableVersioning(versioned)
        const first = await send(client, PutObject({ Bucket: versioned, Key: 'doc v1+2.txt', Body: 'first' }))
        const second = await send(client, PutObject({ Bucket: versioned, Key: 'doc v1+2.txt', Body: 'second' }))
        versions.push(['doc v1+2.txt', first.VersionId], ['doc v1+2.txt', second.VersionId])
        expect(first.VersionId).toMatch(/./)
        const out = await send(
          client,
          CopyObject({
            Bucket: versioned,
            Key: 'restored',
            CopySource: { Bucket: versioned, Key: 'doc v1+2.txt', VersionId: first.VersionId! },
          }),
        )
        // RGW 16 sends neither x-amz-version-id nor x-amz-copy-source-version-id here (AWS sends
        // both; the unit tests read them), so the new version is found with HeadObject.
        const restored = await send(client, HeadObject({ Bucket: versioned, Key: 'restored' }))
        versions.push(['restored', restored.VersionId])
        expect(out.CopyObjectResult.ETag).toBe(first.ETag)
        expect(await (await send(client, GetObject({ Bucket: versioned, Key: 'restored' }))).Body.text()).toBe('first')
      } finally {
        for (const [Key, VersionId] of versions)
          await send(client, DeleteObject({ Bucket: versioned, Key, ...(VersionId ? { VersionId } : {}) }))
        await send(client, DeleteBucket({ Bucket: versioned }))
      }
    })
  })

  describe('lookups', () => {
    it('headObjectOrNull: metadata for a key, null for a missing key or bucket', async () => {
      await put('lookup/here', { Body: 'here', Metadata: { found: 'yes' } })
      expect(await headObjectOrNull(client, { Bucket, Key: 'lookup/here' })).toMatchObject({
        ContentLength: 4,
        Metadata: { found: 'yes' },
      })
      expect(await headObjectOrNull(client, { Bucket, Key: 'lookup/not-here' })).toBeNull()
      expect(await headObjectOrNull(client, { Bucket: uniqueBucket('nobucket'), Key: 'k' })).toBeNull()
    })

    it('lookupBucket: the bucket, or null when it does not exist', async () => {
      expect(await lookupBucket(client, Bucket)).toBeTypeOf('object')
      expect(await lookupBucket(client, uniqueBucket('nobucket'))).toBeNull()
    })

    it("throws, not null, for a bucket or key that exists but is another user's", async () => {
      await put('lookup/private', { Body: 'secret' })
      const other = secondClient()
      expect(await failure(lookupBucket(other, Bucket))).toMatchObject({
        name: 'S3Error',
        code: 'Forbidden',
        status: 403,
      })
      expect(await failure(headObjectOrNull(other, { Bucket, Key: 'lookup/private' }))).toMatchObject({
        name: 'S3Error',
        status: 403,
      })
    })

    it('throws input errors rather than answering null', async () => {
      await expect(headObjectOrNull(client, { Bucket, Key: '' })).rejects.toBeInstanceOf(InputError)
      await expect(lookupBucket(client, 'Not A Bucket!')).rejects.toBeInstanceOf(InputError)
    })
  })

  /** No PutBucketVersioning command yet: a bare signed request, as the S3 API reference shows it. */
  async function enableVersioning(bucket: string): Promise<void> {
    const s = server()
    const url = `${s.endpoint}/${bucket}?versioning`
    const body =
      '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
      '<Status>Enabled</Status></VersioningConfiguration>'
    const headers = await signRequest(
      { method: 'PUT', url, headers: {}, payloadHash: sha256(body) },
      { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      s.region,
    )
    const response = await fetch(url, { method: 'PUT', headers, body })
    expect(response.status).toBe(200)
  }
})
