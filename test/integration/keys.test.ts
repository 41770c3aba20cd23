import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CreateBucket,
  DeleteBucket,
  DeleteObject,
  GetObject,
  HeadObject,
  PutObject,
  S3Error,
  send,
} from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

// Keys that SDKs get wrong: every character class S3 treats specially in a path, plus unicode,
// a leading slash and an empty segment.
const TRICKY_KEYS = [
  'plain.txt',
  'with space.txt',
  'plus+sign',
  'equals=sign',
  'per%cent',
  '%20literally',
  'tilde~',
  'question?mark',
  'hash#tag',
  "quote'(paren)*!",
  'ünïcødé/ファイル/😀.txt',
  '/leading-slash',
  'double//slash',
  'trailing/',
  'semi;colon:colon,comma@at$dollar&amp',
  '[brackets]{braces}<angle>"quotes"|pipe\\backslash^caret`tick',
  'a'.repeat(1000),
]

describe('object keys and the basic object commands against a real server', () => {
  const client = testClient()
  const Bucket = uniqueBucket('keys')

  beforeAll(async () => {
    await send(client, CreateBucket({ Bucket }))
  })
  afterAll(async () => {
    await Promise.all(TRICKY_KEYS.map((Key) => send(client, DeleteObject({ Bucket, Key }))))
    await send(client, DeleteObject({ Bucket, Key: 'ranged' }))
    await send(client, DeleteBucket({ Bucket }))
  })

  it.each(TRICKY_KEYS)('round-trips key %j', async (Key) => {
    const body = `content of ${Key}`
    const put = await send(
      client,
      PutObject({
        Bucket,
        Key,
        Body: body,
        ContentType: 'text/plain; charset=utf-8',
        Metadata: { origin: 'keys-test' },
      }),
    )
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/)

    const head = await send(client, HeadObject({ Bucket, Key }))
    expect(head).toMatchObject({
      ETag: put.ETag,
      ContentLength: new TextEncoder().encode(body).length,
      ContentType: 'text/plain; charset=utf-8',
      Metadata: { origin: 'keys-test' },
      StorageClass: 'STANDARD',
    })
    expect(head.LastModified).toBeInstanceOf(Date)

    const got = await send(client, GetObject({ Bucket, Key }))
    expect(got.ETag).toBe(put.ETag)
    expect(await got.Body.text()).toBe(body)

    await send(client, DeleteObject({ Bucket, Key }))
    const gone = await send(client, HeadObject({ Bucket, Key })).catch((e: unknown) => e)
    expect(gone).toBeInstanceOf(S3Error)
    expect(gone).toMatchObject({ code: 'NotFound', status: 404, key: Key })
  })

  it('reads a byte range and reports it', async () => {
    await send(client, PutObject({ Bucket, Key: 'ranged', Body: new TextEncoder().encode('0123456789') }))
    const part = await send(client, GetObject({ Bucket, Key: 'ranged', Range: 'bytes=2-5' }))
    expect(await part.Body.text()).toBe('2345')
    expect(part.ContentRange).toBe('bytes 2-5/10')
    expect(part.ContentLength).toBe(4)
  })

  it('reports NoSuchKey for GetObject of a missing key, with the key named', async () => {
    const error = await send(client, GetObject({ Bucket, Key: 'does/not exist' })).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'NoSuchKey',
      status: 404,
      bucket: Bucket,
      key: 'does/not exist',
      operation: 'GetObject',
    })
    expect((error as S3Error).message).toContain('does/not exist')
  })

  it('treats deleting a missing key as success, as S3 does', async () => {
    await expect(send(client, DeleteObject({ Bucket, Key: 'never-existed' }))).resolves.toEqual({})
  })
})
