import { describe, expect, it } from 'vitest'
import { InputError, S3Error } from '../../src/core/errors.js'
import { type CopyProgress, copy } from '../../src/helpers/copy.js'
import { fakeClient, xml } from '../support/fake-client.js'

const MiB = 1024 * 1024
const GiB = 1024 * MiB
const SOURCE_ETAG = '"3858f62230ac3c915f300c664312c11f-3"'

/**
 * An S3 that answers the copy flow with the responses the S3 API reference documents: HeadObject's
 * headers (Content-Length, ETag, Last-Modified, Content-Type, x-amz-meta-*), GetObjectTagging's
 * `<Tagging><TagSet>` sample, CreateMultipartUpload's `<InitiateMultipartUploadResult>`,
 * UploadPartCopy's `<CopyPartResult>` sample (LastModified, ETag), CompleteMultipartUpload's
 * `<CompleteMultipartUploadResult>`, CopyObject's `<CopyObjectResult>`, 204 for
 * AbortMultipartUpload, and the `<Error>` document (PreconditionFailed, 412, for a failed copy
 * condition). `part` may answer a part itself (a failure) by returning a Response.
 */
function fakeS3(
  size: number,
  options: {
    part?: (number: number, attempt: number, request: Request) => Response | undefined | Promise<Response | undefined>
    head?: (count: number, request: Request) => Response | undefined
  } = {},
) {
  const attempts = new Map<number, number>()
  let heads = 0
  const { client, calls } = fakeClient([
    async (request) => {
      const url = new URL(request.url)
      const q = url.searchParams
      if (request.method === 'HEAD') {
        const answer = options.head?.(++heads, request)
        if (answer) return answer
        return new Response(null, {
          status: 200,
          headers: {
            'content-length': String(size),
            etag: SOURCE_ETAG,
            'last-modified': 'Wed, 28 Oct 2009 22:32:00 GMT',
            'content-type': 'video/mp4',
            'cache-control': 'max-age=60',
            'content-disposition': 'attachment; filename="movie.mp4"',
            'content-language': 'en',
            'x-amz-meta-camera': 'x100',
          },
        })
      }
      if (request.method === 'GET' && q.has('tagging')) {
        return xml(
          '<?xml version="1.0" encoding="UTF-8"?><Tagging ' +
            'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>tag ' +
            '1</Key><Value>value+1</Value></Tag><Tag><Key>project</Key>' +
            '<Value>alpha</Value></Tag></TagSet></Tagging>',
        )
      }
      if (request.method === 'POST' && q.has('uploads')) {
        return xml(
          '<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult ' +
            'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>dst-1</Bucket><Key>big.mp4</Key>' +
            '<UploadId>VXBsb2FkIElEIGZvciBlbHZpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA</UploadId>' +
            '</InitiateMultipartUploadResult>',
        )
      }
      if (request.method === 'PUT' && q.has('partNumber')) {
        const number = Number(q.get('partNumber'))
        const attempt = (attempts.get(number) ?? 0) + 1
        attempts.set(number, attempt)
        const answer = await options.part?.(number, attempt, request)
        if (answer) return answer
        return xml(
          `<?xml version="1.0" encoding="UTF-8"?><CopyPartResult>` +
            `<LastModified>2009-10-28T22:32:00.000Z</LastModified>` +
            `<ETag>"etag-${number}"</ETag></CopyPartResult>`,
        )
      }
      if (request.method === 'POST' && q.has('uploadId')) {
        return xml(
          '<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult ' +
            'xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
            '<Location>http://dst-1.s3.amazonaws.com/big.mp4</Location><Bucket>dst-1</Bucket>' +
            '<Key>big.mp4</Key><ETag>"3858f62230ac3c915f300c664312c11f-4"</ETag>' +
            '</CompleteMultipartUploadResult>',
        )
      }
      if (request.method === 'DELETE' && q.has('uploadId')) return new Response(null, { status: 204 })
      if (request.method === 'PUT' && request.headers.has('x-amz-copy-source')) {
        return xml(
          '<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult>' +
            '<LastModified>2009-10-12T17:50:30.000Z</LastModified>' +
            '<ETag>"9b2cf535f27731c974343645a3985328"</ETag></CopyObjectResult>',
        )
      }
      throw new Error(`unexpected ${request.method} ${request.url}`)
    },
  ])
  const operations = () =>
    calls.map((request) => {
      const q = new URL(request.url).searchParams
      if (request.method === 'HEAD') return 'HeadObject'
      if (q.has('tagging')) return 'GetObjectTagging'
      if (q.has('uploads')) return 'CreateMultipartUpload'
      if (q.has('partNumber')) return 'UploadPartCopy'
      if (request.method === 'POST') return 'CompleteMultipartUpload'
      if (request.method === 'DELETE') return 'AbortMultipartUpload'
      return 'CopyObject'
    })
  return { client, calls, operations, attempts }
}

const preconditionFailed = () =>
  xml(
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of ' +
      'the pre-conditions you specified did not ' +
      'hold</Message><Condition>x-amz-copy-source-If-Match</Condition>' +
      '<RequestId>656c76696e6727732072657175657374</RequestId></Error>',
    412,
  )

const input = { Bucket: 'dst-1', Key: 'big.mp4', CopySource: { Bucket: 'src-1', Key: 'movies/big movie.mp4' } }

describe('copy in parts', () => {
  it(
    'copies ~17 MiB as four 5 MiB ranges pinned to the source ETag, keeping content headers, ' + 'metadata and tags',
    async () => {
      const size = 17 * MiB + 123
      const s3 = fakeS3(size)
      const progress: CopyProgress[] = []
      const output = await copy(s3.client, input, {
        multipart: true,
        partSize: 5 * MiB,
        onProgress: (p) => progress.push(p),
      })

      expect(output).toEqual({
        Bucket: 'dst-1',
        Key: 'big.mp4',
        ETag: '"3858f62230ac3c915f300c664312c11f-4"',
        UploadId: 'VXBsb2FkIElEIGZvciBlbHZpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA',
      })
      const ops = s3.operations()
      expect(ops.slice(0, 3)).toEqual(['HeadObject', 'GetObjectTagging', 'CreateMultipartUpload'])
      expect(ops.slice(3, 7)).toEqual(Array(4).fill('UploadPartCopy'))
      // The source is asked again, pinned to the same ETag, before the parts are joined.
      expect(ops.slice(7)).toEqual(['HeadObject', 'CompleteMultipartUpload'])
      expect(s3.calls[7]!.headers.get('if-match')).toBe(SOURCE_ETAG)

      // The source is asked about, not the destination.
      expect(new URL(s3.calls[0]!.url).pathname).toBe('/src-1/movies/big%20movie.mp4')
      const create = s3.calls[2]!.headers
      expect(create.get('content-type')).toBe('video/mp4')
      expect(create.get('cache-control')).toBe('max-age=60')
      expect(create.get('content-disposition')).toBe('attachment; filename="movie.mp4"')
      expect(create.get('content-language')).toBe('en')
      expect(create.get('x-amz-meta-camera')).toBe('x100')
      expect(create.get('x-amz-tagging')).toBe('tag%201=value%2B1&project=alpha')

      const parts = s3.calls.filter((r) => new URL(r.url).searchParams.has('partNumber'))
      const plan = parts
        .map(
          (r) =>
            [Number(new URL(r.url).searchParams.get('partNumber')), r.headers.get('x-amz-copy-source-range')] as const,
        )
        .sort((a, b) => a[0] - b[0])
      expect(plan).toEqual([
        [1, 'bytes=0-5242879'],
        [2, 'bytes=5242880-10485759'],
        [3, 'bytes=10485760-15728639'],
        [4, `bytes=15728640-${size - 1}`],
      ])
      for (const part of parts) {
        expect(part.headers.get('x-amz-copy-source')).toBe('src-1/movies/big%20movie.mp4')
        expect(part.headers.get('x-amz-copy-source-if-match')).toBe(SOURCE_ETAG)
        expect(new URL(part.url).searchParams.get('uploadId')).toBe(
          'VXBsb2FkIElEIGZvciBlbHZpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA',
        )
      }
      const completion = await s3.calls.at(-1)!.text()
      expect(
        [...completion.matchAll(/<PartNumber>(\d+)<\/PartNumber><ETag>([^<]+)<\/ETag>/g)].map((m) => [m[1], m[2]]),
      ).toEqual([
        ['1', '"etag-1"'],
        ['2', '"etag-2"'],
        ['3', '"etag-3"'],
        ['4', '"etag-4"'],
      ])
      expect(progress.at(-1)).toMatchObject({ loaded: size, total: size })
      expect(progress.map((p) => p.loaded)).toEqual([...progress.map((p) => p.loaded)].sort((a, b) => a - b))
    },
  )

  it('takes content headers, metadata and tags from the request under REPLACE, and reads no tags', async () => {
    const s3 = fakeS3(11 * MiB)
    await copy(
      s3.client,
      {
        ...input,
        MetadataDirective: 'REPLACE',
        ContentType: 'text/plain',
        Metadata: { owner: 'me' },
        TaggingDirective: 'REPLACE',
        Tagging: 'a=1',
        StorageClass: 'STANDARD_IA',
      },
      { multipart: true, partSize: 5 * MiB },
    )
    expect(s3.operations()).not.toContain('GetObjectTagging')
    const create = s3.calls.find((r) => new URL(r.url).searchParams.has('uploads'))!.headers
    expect(create.get('content-type')).toBe('text/plain')
    expect(create.get('x-amz-meta-owner')).toBe('me')
    expect(create.get('x-amz-meta-camera')).toBeNull()
    expect(create.get('cache-control')).toBeNull()
    expect(create.get('x-amz-tagging')).toBe('a=1')
    expect(create.get('x-amz-storage-class')).toBe('STANDARD_IA')
    expect(s3.operations().filter((o) => o === 'UploadPartCopy')).toHaveLength(3)
  })

  it('goes in parts above 5 GiB by default, with the part size upload would choose', async () => {
    const s3 = fakeS3(5 * GiB + 1)
    await copy(s3.client, input, { concurrency: 16 })
    const parts = s3.calls.filter((r) => new URL(r.url).searchParams.has('partNumber'))
    // 8 MiB parts: 640 whole ones and a last of one byte.
    expect(parts).toHaveLength(641)
    expect(parts.map((r) => r.headers.get('x-amz-copy-source-range'))).toContain(`bytes=${5 * GiB}-${5 * GiB}`)
  })

  it('retries a part that failed with a retryable error', async () => {
    const s3 = fakeS3(11 * MiB, {
      part: (number, attempt) =>
        number === 2 && attempt === 1
          ? xml(
              '<Error><Code>InternalError</Code><Message>We encountered an internal error. ' +
                'Please try again.</Message></Error>',
              500,
            )
          : undefined,
    })
    await copy(s3.client, input, { multipart: true, partSize: 5 * MiB })
    expect(s3.attempts.get(2)).toBe(2)
    expect(s3.operations().at(-1)).toBe('CompleteMultipartUpload')
  })

  it('aborts the upload when a part fails and throws the first error with the uploadId', async () => {
    const s3 = fakeS3(17 * MiB, { part: (number) => (number === 3 ? preconditionFailed() : undefined) })
    const error = await copy(s3.client, input, { multipart: true, partSize: 5 * MiB, concurrency: 1 }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      code: 'PreconditionFailed',
      status: 412,
      operation: 'UploadPartCopy',
      bucket: 'dst-1',
      key: 'big.mp4',
      uploadId: 'VXBsb2FkIElEIGZvciBlbHZpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA',
    })
    const ops = s3.operations()
    expect(ops).not.toContain('CompleteMultipartUpload')
    expect(ops.at(-1)).toBe('AbortMultipartUpload')
    expect(new URL(s3.calls.at(-1)!.url).searchParams.get('uploadId')).toBe(
      'VXBsb2FkIElEIGZvciBlbHZpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA',
    )
    // A failed part is not retried (412 is final) and no part starts after it.
    expect(s3.attempts.get(3)).toBe(1)
    expect(s3.attempts.has(4)).toBe(false)
  })

  it('aborts the upload when the source changed under parts that ignored the condition (Ceph RGW 16)', async () => {
    // The second HEAD answers 412 with no body, as HEAD does for a failed If-Match (S3 API reference, HeadObject).
    const s3 = fakeS3(11 * MiB, { head: (count) => (count === 2 ? new Response(null, { status: 412 }) : undefined) })
    const error = await copy(s3.client, input, { multipart: true, partSize: 5 * MiB }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'PreconditionFailed',
      status: 412,
      operation: 'HeadObject',
      uploadId: 'VXBsb2FkIElEIGZvciBlbHZpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA',
    })
    expect(s3.operations().slice(-2)).toEqual(['HeadObject', 'AbortMultipartUpload'])
  })

  it('aborts the upload when the signal aborts, and rejects with its reason', async () => {
    const controller = new AbortController()
    const reason = new Error('stop')
    const s3 = fakeS3(17 * MiB, {
      part: async (number, _attempt, request) => {
        if (number === 2) controller.abort(reason)
        // A part in flight ends when its request is cancelled.
        if (!request.signal.aborted)
          await new Promise((resolve) => request.signal.addEventListener('abort', resolve, { once: true }))
        return undefined
      },
    })
    await expect(
      copy(s3.client, input, { multipart: true, partSize: 5 * MiB, concurrency: 2, signal: controller.signal }),
    ).rejects.toBe(reason)
    expect(s3.operations().at(-1)).toBe('AbortMultipartUpload')
    expect(s3.operations()).not.toContain('CompleteMultipartUpload')
  })

  it('aborts the upload when onProgress throws', async () => {
    const s3 = fakeS3(11 * MiB)
    const oops = new Error('progress bar broke')
    await expect(
      copy(s3.client, input, {
        multipart: true,
        partSize: 5 * MiB,
        onProgress: () => {
          throw oops
        },
      }),
    ).rejects.toBe(oops)
    expect(s3.operations().at(-1)).toBe('AbortMultipartUpload')
  })
})

describe('copy in one request', () => {
  it('sends one CopyObject up to the threshold, after a HEAD that carries the If-Match condition', async () => {
    const s3 = fakeS3(10 * MiB)
    const progress: CopyProgress[] = []
    const output = await copy(
      s3.client,
      { ...input, CopySourceIfMatch: SOURCE_ETAG },
      { onProgress: (p) => progress.push(p) },
    )
    expect(s3.operations()).toEqual(['HeadObject', 'CopyObject'])
    expect(s3.calls[0]!.headers.get('if-match')).toBe(SOURCE_ETAG)
    expect(s3.calls[1]!.headers.get('x-amz-copy-source-if-match')).toBe(SOURCE_ETAG)
    expect(output).toEqual({
      Bucket: 'dst-1',
      Key: 'big.mp4',
      ETag: '"9b2cf535f27731c974343645a3985328"',
      LastModified: new Date('2009-10-12T17:50:30.000Z'),
    })
    expect(progress).toEqual([{ loaded: 10 * MiB, total: 10 * MiB, part: 1 }])
  })

  it('copies in parts above a smaller multipartThreshold', async () => {
    const s3 = fakeS3(10 * MiB)
    await copy(s3.client, input, { multipartThreshold: 6 * MiB, partSize: 5 * MiB })
    expect(s3.operations().filter((o) => o === 'UploadPartCopy')).toHaveLength(2)
  })

  it('sends CopyObject alone with multipart: false, and for an empty source even when parts are forced', async () => {
    const alone = fakeS3(10 * MiB)
    await copy(alone.client, input, { multipart: false })
    expect(alone.operations()).toEqual(['CopyObject'])
    const empty = fakeS3(0)
    await copy(empty.client, input, { multipart: true })
    expect(empty.operations()).toEqual(['HeadObject', 'CopyObject'])
  })
})

describe('copy input', () => {
  it.each([
    ['partSize', {}, { partSize: 1 * MiB }],
    ['concurrency', {}, { concurrency: 0 }],
    ['multipartThreshold', {}, { multipartThreshold: 6 * GiB }],
    ['multipart', {}, { multipart: 'yes' }],
    ['onProgress', {}, { onProgress: 'log' }],
    ['Metadata', { Metadata: { a: '1' } }, {}],
    ['Tagging', { Tagging: 'a=1' }, {}],
    ['CopySource', { CopySource: 'src-1/k' }, {}],
    ['Key', { Key: '' }, {}],
  ])('refuses a bad %s before any request', async (field, fields, options) => {
    const s3 = fakeS3(10 * MiB)
    const error = await copy(s3.client, { ...input, ...fields } as never, options as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).field).toBe(field)
    expect(s3.calls).toHaveLength(0)
  })

  it('rejects with an already aborted signal before any request', async () => {
    const s3 = fakeS3(10 * MiB)
    await expect(copy(s3.client, input, { signal: AbortSignal.abort(new Error('no')) })).rejects.toThrow('no')
    expect(s3.calls).toHaveLength(0)
  })
})
