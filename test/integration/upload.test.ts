import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import {
  abortIncompleteUploads,
  CreateBucket,
  DeleteObject,
  GetObject,
  HeadObject,
  ListMultipartUploads,
  type RequestBody,
  send,
  type UploadProgress,
  upload,
} from '../../src/index.js'
import { uploadFile } from '../../src/node/index.js'
import { testClient, uniqueBucket } from './env.js'

const MiB = 1024 * 1024
const partSize = 5 * MiB
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Printable ASCII, so that the same bytes can also be given as a string. */
function content(size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  let x = size * 2654435761
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    bytes[i] = 32 + ((x >>> 16) % 95)
  }
  return bytes
}

/** Chunks of an odd size, so that no chunk lines up with a part boundary. */
async function* chunks(bytes: Uint8Array, size = 65_537): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.slice(offset, offset + size)
}

function webStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  const source = chunks(bytes, 100_003)
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await source.next()
      if (done) controller.close()
      else controller.enqueue(value)
    },
  })
}

/** Every kind of body `upload` takes; streams of unknown length unless said otherwise. */
const bodies: Record<string, (bytes: Uint8Array) => { Body: RequestBody; ContentLength?: number }> = {
  string: (bytes) => ({ Body: new TextDecoder().decode(bytes) }),
  Uint8Array: (bytes) => ({ Body: bytes }),
  ArrayBuffer: (bytes) => ({ Body: bytes.slice().buffer }),
  Blob: (bytes) => ({ Body: new Blob([bytes as Uint8Array<ArrayBuffer>]) }),
  ReadableStream: (bytes) => ({ Body: webStream(bytes) }),
  'ReadableStream with ContentLength': (bytes) => ({ Body: webStream(bytes), ContentLength: bytes.length }),
  AsyncIterable: (bytes) => ({ Body: chunks(bytes) }),
  'Node Readable': (bytes) => ({ Body: Readable.from(chunks(bytes, 16_384)) as unknown as RequestBody }),
}

// Empty, one byte, exactly one part, a part boundary ±1, and 64 MiB.
const sizes = [0, 1, partSize, 2 * partSize - 1, 2 * partSize, 2 * partSize + 1, 64 * MiB]

describe('upload round trips against a real server', () => {
  const client = testClient()
  const Bucket = uniqueBucket('upload')
  const data = new Map(sizes.map((size) => [size, content(size)]))

  beforeAll(async () => {
    await send(client, CreateBucket({ Bucket }))
  })
  afterAll(async () => {
    await abortIncompleteUploads(client, Bucket)
    await deleteBucket(client, Bucket, { force: true })
  })

  async function roundTrip(Key: string, bytes: Uint8Array, put: () => Promise<{ ETag: string; UploadId?: string }>) {
    try {
      const out = await put()
      const { Body, ContentLength, ETag } = await send(client, GetObject({ Bucket, Key }))
      const stored = await Body.bytes()
      expect(ContentLength).toBe(bytes.length)
      expect(sha256(stored)).toBe(sha256(bytes))
      expect(out.ETag).toBe(ETag)
      // Up to one part: one PutObject; beyond: N parts, and S3's "-N" ETag says so.
      const parts = Math.ceil(bytes.length / partSize)
      if (parts <= 1) expect(out.UploadId).toBeUndefined()
      else expect(out.ETag).toMatch(new RegExp(`-${parts}"$`))
    } finally {
      await send(client, DeleteObject({ Bucket, Key }))
    }
  }

  for (const [kind, body] of Object.entries(bodies)) {
    describe(kind, () => {
      for (const size of sizes) {
        it(`round-trips ${size} bytes`, async () => {
          const bytes = data.get(size)!
          await roundTrip(`${kind}/${size}`, bytes, () =>
            upload(client, { Bucket, Key: `${kind}/${size}`, ...body(bytes) }, { partSize }),
          )
        })
      }
    })
  }

  it('reports progress up to the total and leaves no upload behind', async () => {
    const bytes = data.get(2 * partSize + 1)!
    const events: UploadProgress[] = []
    await roundTrip('progress', bytes, () =>
      upload(
        client,
        { Bucket, Key: 'progress', Body: webStream(bytes) },
        { partSize, onProgress: (p) => events.push(p) },
      ),
    )
    // Node's fetch pulls a part as it sends it, so progress comes in many steps per part.
    expect(events.length).toBeGreaterThan(3)
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThanOrEqual(events[i - 1]!.loaded)
    expect(events.at(-1)).toMatchObject({ loaded: bytes.length, total: bytes.length })
    expect((await send(client, ListMultipartUploads({ Bucket }))).Uploads).toEqual([])
  })

  it('stores the object fields of a multipart upload', async () => {
    const bytes = data.get(2 * partSize + 1)!
    try {
      await upload(
        client,
        {
          Bucket,
          Key: 'fields',
          Body: bytes,
          ContentType: 'text/csv',
          Metadata: { source: 'test', note: 'grüße' },
          CacheControl: 'no-cache',
        },
        { partSize },
      )
      const head = await send(client, HeadObject({ Bucket, Key: 'fields' }))
      expect(head).toMatchObject({
        ContentType: 'text/csv',
        CacheControl: 'no-cache',
        Metadata: { source: 'test', note: 'grüße' },
      })
      expect(head.ETag).toMatch(/-3"$/)
    } finally {
      await send(client, DeleteObject({ Bucket, Key: 'fields' }))
    }
  })

  describe('uploadFile', () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 's3kit-upload-'))
    })
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true })
    })

    for (const size of sizes) {
      it(`round-trips a ${size}-byte file, read in parallel ranges`, async () => {
        const bytes = data.get(size)!
        const path = join(dir, `file-${size}.txt`)
        await writeFile(path, bytes)
        await roundTrip(`file/${size}`, bytes, async () => {
          const out = await uploadFile(client, { Bucket, Key: `file/${size}`, path }, { partSize })
          expect((await send(client, HeadObject({ Bucket, Key: `file/${size}` }))).ContentType).toBe('text/plain')
          return out
        })
      })
    }

    it('keeps a ContentType given, and fails on a missing file before any request', async () => {
      const path = join(dir, 'data.csv')
      const bytes = data.get(2 * partSize + 1)!
      await writeFile(path, bytes)
      await roundTrip('file/typed', bytes, async () => {
        const out = await uploadFile(
          client,
          { Bucket, Key: 'file/typed', path, ContentType: 'application/x-custom' },
          { partSize },
        )
        expect((await send(client, HeadObject({ Bucket, Key: 'file/typed' }))).ContentType).toBe('application/x-custom')
        return out
      })
      await expect(uploadFile(client, { Bucket, Key: 'missing', path: join(dir, 'nope.bin') })).rejects.toMatchObject({
        code: 'ENOENT',
      })
      await expect(uploadFile(client, { Bucket, Key: 'dir', path: dir })).rejects.toMatchObject({
        name: 'InputError',
        field: 'path',
      })
    })
  })
})
