import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs'
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CreateBucket,
  DeleteBucket,
  DeleteObject,
  type FetchLike,
  HeadObject,
  headObjectOrNull,
  InputError,
  S3Error,
  send,
} from '../../src/index.js'
import { getFile, putFile } from '../../src/node/index.js'
import { testClient, uniqueBucket } from './env.js'

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex')

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(Error)
  return error as Error
}

/**
 * A transport whose response body passes `limit` bytes through and then breaks, as when a server or
 * proxy drops the connection mid-body. `atBreak` runs at that moment (before the error surfaces).
 */
function breakingAfter(
  limit: number,
  atBreak: (stream: ReadableStreamDefaultController<Uint8Array>) => void,
): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init)
    if (!response.body || init?.method !== 'GET') return response
    const reader = response.body.getReader()
    let seen = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read()
        if (done) return controller.close()
        if (seen + value.byteLength > limit) return atBreak(controller)
        seen += value.byteLength
        controller.enqueue(value)
      },
      cancel: (reason) => reader.cancel(reason),
    })
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
  }
}

describe('Node file helpers against a real server', () => {
  const client = testClient()
  const Bucket = uniqueBucket('files')
  const written = new Set<string>()
  let dir: string

  const entries = (): string[] => readdirSync(dir).sort()

  beforeAll(async () => {
    await send(client, CreateBucket({ Bucket }))
    dir = await mkdtemp(join(tmpdir(), 's3kit-files-'))
  })

  afterAll(async () => {
    for (const Key of written) await send(client, DeleteObject({ Bucket, Key }))
    await send(client, DeleteBucket({ Bucket }))
    await rm(dir, { recursive: true, force: true })
  })

  async function upload(Key: string, path: string, fields: Record<string, unknown> = {}) {
    written.add(Key)
    return putFile(client, { Bucket, Key, path, ...fields })
  }

  describe('putFile', () => {
    it('streams a file up and guesses its content type from the name', async () => {
      const cases: [string, string | Uint8Array, string][] = [
        ['notes.txt', 'some notes\n', 'text/plain'],
        ['page.html', '<p>hi</p>', 'text/html'],
        ['photo.JPG', new Uint8Array(randomBytes(2_000)), 'image/jpeg'],
        // Office documents and archives are in full `mime`, not in `mime/lite`.
        [
          'report.docx',
          new Uint8Array(randomBytes(3_000)),
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ],
        ['backup.7z', new Uint8Array(randomBytes(1_000)), 'application/x-7z-compressed'],
      ]
      for (const [name, content, type] of cases) {
        const path = join(dir, name)
        await writeFile(path, content)
        const { ETag } = await upload(`put/${name}`, path)
        const head = await send(client, HeadObject({ Bucket, Key: `put/${name}` }))
        expect(head).toMatchObject({ ETag, ContentType: type, ContentLength: statSync(path).size })
      }
    })

    it('keeps a given ContentType and the other PutObject fields', async () => {
      const path = join(dir, 'data.txt')
      await writeFile(path, 'a,b\n1,2\n')
      await upload('put/explicit', path, {
        ContentType: 'text/csv',
        Metadata: { source: 'résumé' },
        CacheControl: 'no-cache',
      })
      expect(await send(client, HeadObject({ Bucket, Key: 'put/explicit' }))).toMatchObject({
        ContentType: 'text/csv',
        CacheControl: 'no-cache',
        Metadata: { source: 'résumé' },
      })
    })

    it("leaves the type to S3's default when the extension is unknown", async () => {
      const path = join(dir, 'blob.unknownext')
      await writeFile(path, 'x')
      await upload('put/unknown', path)
      expect((await send(client, HeadObject({ Bucket, Key: 'put/unknown' }))).ContentType).toBe('binary/octet-stream')
    })

    it('round-trips a 0-byte file', async () => {
      const path = join(dir, 'empty.bin')
      await writeFile(path, '')
      await upload('put/empty', path)
      expect((await send(client, HeadObject({ Bucket, Key: 'put/empty' }))).ContentLength).toBe(0)
      const back = join(dir, 'empty-back.bin')
      await getFile(client, { Bucket, Key: 'put/empty', path: back })
      expect(statSync(back).size).toBe(0)
      expect(await sha256File(back)).toBe(sha256(''))
    })

    it('refuses a directory, a missing file and bad input, sending nothing', async () => {
      let calls = 0
      const counting = testClient({
        fetch: (input, init) => {
          calls++
          return fetch(input, init)
        },
      })
      await expect(putFile(counting, { Bucket, Key: 'put/dir', path: dir })).rejects.toBeInstanceOf(InputError)
      expect(
        await failure(putFile(counting, { Bucket, Key: 'put/missing', path: join(dir, 'missing.txt') })),
      ).toMatchObject({ code: 'ENOENT' })
      const path = join(dir, 'ok.txt')
      await writeFile(path, 'ok')
      await expect(putFile(counting, { Bucket: 'No Such Bucket!', Key: 'k', path })).rejects.toBeInstanceOf(InputError)
      expect(calls).toBe(0)
    })

    it('stops when aborted, and stores nothing', async () => {
      const path = join(dir, 'abort-up.bin')
      await writeFile(path, randomBytes(4 << 20))
      const controller = new AbortController()
      // Abort once the transport has started reading the file.
      const aborting: FetchLike = async (input, init) => {
        const body = init!.body as ReadableStream<Uint8Array>
        const [forServer, watch] = body.tee()
        void watch
          .getReader()
          .read()
          .then(() => controller.abort(new Error('user cancelled')))
        return fetch(input, { ...init, body: forServer, duplex: 'half' } as RequestInit)
      }
      const error = await failure(
        putFile(testClient({ fetch: aborting }), { Bucket, Key: 'put/aborted', path }, { signal: controller.signal }),
      )
      expect(error.message).toMatch(/user cancelled|abort/i)
      expect(await headObjectOrNull(client, { Bucket, Key: 'put/aborted' })).toBeNull()
    })
  })

  describe('getFile', () => {
    const content = new Uint8Array(randomBytes(1 << 20))

    beforeAll(async () => {
      await writeFile(join(dir, 'source.bin'), content)
      await upload('get/source.bin', join(dir, 'source.bin'), { Metadata: { kind: 'random' } })
    })

    it('writes the object to the path and returns its metadata, leaving no temporary file', async () => {
      const before = entries()
      const path = join(dir, 'downloaded.bin')
      const out = await getFile(client, { Bucket, Key: 'get/source.bin', path })
      expect(out).toMatchObject({ ContentLength: content.length, Metadata: { kind: 'random' } })
      expect('Body' in out).toBe(false)
      expect(await sha256File(path)).toBe(sha256(content))
      expect(entries()).toEqual([...before, 'downloaded.bin'].sort())
    })

    it('passes GetObject fields on (a Range)', async () => {
      const path = join(dir, 'range.bin')
      const out = await getFile(client, { Bucket, Key: 'get/source.bin', path, Range: 'bytes=100-199' })
      expect(out.ContentRange).toBe(`bytes 100-199/${content.length}`)
      expect(new Uint8Array(await readFile(path))).toEqual(content.subarray(100, 200))
    })

    it('leaves no file at the target when the connection breaks mid-body', async () => {
      const path = join(dir, 'cut.bin')
      const before = entries()
      let partialAtBreak: string[] = []
      const cutting = breakingAfter(content.length / 2, (stream) => {
        partialAtBreak = entries().filter(
          (name) => name.endsWith('.s3kit-partial') && statSync(join(dir, name)).size > 0,
        )
        stream.error(new TypeError('terminated: other side closed'))
      })
      // Resuming off: what is left when a body cannot be recovered (a cut body resumes by default).
      const error = await failure(
        getFile(testClient({ fetch: cutting, resumeBodies: false }), { Bucket, Key: 'get/source.bin', path }),
      )
      expect(error.message).toMatch(/terminated/)
      // The bytes had gone to a temporary file, which is gone now, and nothing reached the target.
      expect(partialAtBreak).toHaveLength(1)
      expect(existsSync(path)).toBe(false)
      expect(entries()).toEqual(before)
    })

    it('leaves an existing file untouched when the download fails', async () => {
      const path = join(dir, 'keep.bin')
      await writeFile(path, 'old content')
      const cutting = breakingAfter(content.length / 2, (stream) => stream.error(new TypeError('terminated')))
      await failure(
        getFile(testClient({ fetch: cutting, resumeBodies: false }), { Bucket, Key: 'get/source.bin', path }),
      )
      expect(await readFile(path, 'utf8')).toBe('old content')
      // …and replaces it once a download completes.
      await getFile(client, { Bucket, Key: 'get/source.bin', path })
      expect(await sha256File(path)).toBe(sha256(content))
    })

    it('leaves no file at the target when aborted mid-body', async () => {
      const path = join(dir, 'aborted.bin')
      const before = entries()
      const controller = new AbortController()
      let partialAtAbort = 0
      // Pass half the body through, then abort as a user would, and keep the stream flowing.
      const aborting = breakingAfter(content.length / 2, (stream) => {
        partialAtAbort = entries().filter((name) => name.endsWith('.s3kit-partial')).length
        controller.abort(new DOMException('user cancelled', 'AbortError'))
        stream.enqueue(new Uint8Array(1))
      })
      const error = await failure(
        getFile(
          testClient({ fetch: aborting }),
          { Bucket, Key: 'get/source.bin', path },
          { signal: controller.signal },
        ),
      )
      expect(error.name).toBe('AbortError')
      expect(partialAtAbort).toBe(1)
      expect(existsSync(path)).toBe(false)
      expect(entries()).toEqual(before)
    })

    it('refuses a body that ends early without an error', async () => {
      const path = join(dir, 'short.bin')
      const before = entries()
      const shortening = breakingAfter(content.length / 2, (stream) => stream.close())
      const error = await failure(
        getFile(testClient({ fetch: shortening, resumeBodies: false }), { Bucket, Key: 'get/source.bin', path }),
      )
      expect(error).toBeInstanceOf(S3Error)
      expect(error).toMatchObject({
        code: 'NetworkError',
        message: expect.stringMatching(/body cut after \d+ of \d+ bytes: ended early/),
      })
      expect(entries()).toEqual(before)
    })

    it('reports a missing key as NoSuchKey, leaving nothing behind', async () => {
      const before = entries()
      const error = await failure(getFile(client, { Bucket, Key: 'get/missing', path: join(dir, 'missing.bin') }))
      expect(error).toMatchObject({ code: 'NoSuchKey', status: 404 })
      expect(entries()).toEqual(before)
    })

    it('fails before any request when the target directory does not exist', async () => {
      let calls = 0
      const counting = testClient({
        fetch: (input, init) => {
          calls++
          return fetch(input, init)
        },
      })
      expect(
        await failure(getFile(counting, { Bucket, Key: 'get/source.bin', path: join(dir, 'no-such-dir', 'x.bin') })),
      ).toMatchObject({ code: 'ENOENT' })
      expect(calls).toBe(0)
    })
  })

  it('streams a 1 GiB file up with putFile and down with getFile, byte for byte', async () => {
    const size = 1 << 30
    const path = join(dir, 'large.bin')
    const back = join(dir, 'large-back.bin')
    try {
      // Generated on the fly: 1 MiB of random bytes, each copy stamped with its index so that a
      // reordered or repeated chunk would change the digest.
      const block = randomBytes(1 << 20)
      const hash = createHash('sha256')
      const file = await open(path, 'w')
      for (let i = 0; i < size / block.length; i++) {
        block.writeUInt32BE(i, 0)
        hash.update(block)
        await file.write(block)
      }
      await file.close()
      const digest = hash.digest('hex')

      written.add('large.bin')
      await putFile(client, { Bucket, Key: 'large.bin', path })
      expect((await send(client, HeadObject({ Bucket, Key: 'large.bin' }))).ContentLength).toBe(size)
      await rm(path)
      await getFile(client, { Bucket, Key: 'large.bin', path: back })
      expect(statSync(back).size).toBe(size)
      expect(await sha256File(back)).toBe(digest)
    } finally {
      await rm(path, { force: true })
      await rm(back, { force: true })
      await send(client, DeleteObject({ Bucket, Key: 'large.bin' }))
    }
  })
})
