// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${filename}` is S3's placeholder, sent literally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import { type PresignedPost, presignPost } from '../../src/helpers/presign-post.js'
import { CreateBucket, GetObject, HeadObject, send } from '../../src/index.js'
import { server, testClient, uniqueBucket } from './env.js'

// What a browser form sends: every field, then the file last (S3 ignores fields after it).
async function post(presigned: PresignedPost, file: Blob, filename: string, override: Record<string, string> = {}) {
  const form = new FormData()
  for (const [name, value] of Object.entries({ ...presigned.fields, ...override })) form.append(name, value)
  form.append('file', file, filename)
  const response = await fetch(presigned.url, { method: 'POST', body: form, redirect: 'manual' })
  const text = await response.text()
  return {
    status: response.status,
    code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1],
    text,
    location: response.headers.get('location'),
  }
}

describe('presigned POST against a real server', () => {
  const client = testClient()
  const Bucket = uniqueBucket('presign-post')
  beforeAll(() => send(client, CreateBucket({ Bucket })))
  afterAll(() => deleteBucket(client, Bucket, { force: true }))

  const images = () =>
    presignPost(client, {
      Bucket,
      Key: 'avatars/${filename}',
      Conditions: [
        ['content-length-range', 1, 1024],
        ['starts-with', '$Content-Type', 'image/'],
      ],
      Fields: { 'Content-Type': 'image/png', 'x-amz-meta-origin': 'form' },
      Expires: 300,
    })

  it('uploads with FormData and fetch and no credentials, under the key ${filename} makes', async () => {
    const presigned = await images()
    expect(JSON.stringify(presigned)).not.toContain(server().secretAccessKey)
    const sent = await post(presigned, new Blob(['a tiny png']), 'me.png')
    expect(sent.status).toBe(204)
    const head = await send(client, HeadObject({ Bucket, Key: 'avatars/me.png' }))
    expect(head).toMatchObject({ ContentType: 'image/png', ContentLength: 10, Metadata: { origin: 'form' } })
    expect(await (await send(client, GetObject({ Bucket, Key: 'avatars/me.png' }))).Body.text()).toBe('a tiny png')
  })

  it('answers 201 with a PostResponse, or 303 to success_action_redirect, when asked', async () => {
    const created = await presignPost(client, { Bucket, Key: 'created.txt', Fields: { success_action_status: '201' } })
    const sent = await post(created, new Blob(['x']), 'x.txt')
    expect(sent.status).toBe(201)
    expect(sent.text).toMatch(/<PostResponse>.*<Key>created\.txt<\/Key>/)
    const redirected = await presignPost(client, {
      Bucket,
      Key: 'redirected.txt',
      Fields: { success_action_redirect: 'http://127.0.0.1:9/done' },
    })
    const moved = await post(redirected, new Blob(['x']), 'x.txt')
    expect(moved.status).toBe(303)
    expect(moved.location).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:9/done\\?bucket=${Bucket}&key=redirected\\.txt&etag=`),
    )
  })

  it('refuses a file outside content-length-range: EntityTooLarge and EntityTooSmall', async () => {
    const presigned = await images()
    expect(await post(presigned, new Blob(['x'.repeat(1025)]), 'big.png')).toMatchObject({
      status: 400,
      code: 'EntityTooLarge',
    })
    expect(await post(presigned, new Blob([]), 'empty.png')).toMatchObject({ status: 400, code: 'EntityTooSmall' })
    await expect(send(client, HeadObject({ Bucket, Key: 'avatars/big.png' }))).rejects.toMatchObject({ status: 404 })
  })

  it('refuses a type the starts-with condition does not allow, and a field changed after signing', async () => {
    const text = await presignPost(client, {
      Bucket,
      Key: 'avatars/${filename}',
      Conditions: [['starts-with', '$Content-Type', 'image/']],
      Fields: { 'Content-Type': 'text/html' },
    })
    const wrongType = await post(text, new Blob(['<script>']), 'evil.html')
    expect(wrongType).toMatchObject({ status: 403, code: 'AccessDenied' })
    expect(wrongType.text).toContain('Policy condition failed: starts-with: $Content-Type, image/')

    const altered = await post(await images(), new Blob(['<script>']), 'evil.png', { 'Content-Type': 'text/html' })
    expect(altered).toMatchObject({ status: 403, code: 'AccessDenied' })
    const otherKey = await post(await presignPost(client, { Bucket, Key: 'exact.txt' }), new Blob(['x']), 'x', {
      key: 'other.txt',
    })
    expect(otherKey).toMatchObject({ status: 403, code: 'AccessDenied' })
    await expect(send(client, HeadObject({ Bucket, Key: 'other.txt' }))).rejects.toMatchObject({ status: 404 })
  })

  it('refuses an expired policy', async () => {
    // Signed 20 minutes ago for 60 seconds.
    const stale = await presignPost(
      client,
      { Bucket, Key: 'late.txt', Expires: 60 },
      { signingDate: new Date(Date.now() - 20 * 60_000) },
    )
    const sent = await post(stale, new Blob(['x']), 'late.txt')
    expect(sent).toMatchObject({ status: 403, code: 'AccessDenied' })
    expect(sent.text).toContain('Policy expired')
  })
})
