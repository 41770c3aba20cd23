import { describe, expect, it } from 'vitest'
import { presign } from '../../src/helpers/presign.js'
import { CreateBucket, DeleteBucket, DeleteObject, GetObject, HeadObject, PutObject, send } from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

describe('presigned requests against a real server', () => {
  const client = testClient()

  it('lets a plain fetch without credentials upload and download, and only within the expiry', async () => {
    const Bucket = uniqueBucket('presign')
    const Key = 'uploads/from the browser ✓.txt'
    await send(client, CreateBucket({ Bucket }))
    try {
      const put = await presign(
        client,
        PutObject({ Bucket, Key, ContentType: 'text/plain; charset=utf-8', Metadata: { origin: 'presigned' } }),
        { expiresIn: 300 },
      )
      const uploaded = await fetch(put.url, {
        method: put.method,
        headers: put.headers,
        body: 'sent with no credentials',
      })
      expect(uploaded.status).toBe(200)
      const head = await send(client, HeadObject({ Bucket, Key }))
      expect(head).toMatchObject({
        ContentType: 'text/plain; charset=utf-8',
        Metadata: { origin: 'presigned' },
        ContentLength: 24,
      })

      const get = await presign(
        client,
        GetObject({ Bucket, Key, ResponseContentDisposition: 'attachment; filename="copy.txt"' }),
      )
      const downloaded = await fetch(get.url)
      expect(downloaded.status).toBe(200)
      expect(downloaded.headers.get('content-disposition')).toBe('attachment; filename="copy.txt"')
      expect(await downloaded.text()).toBe('sent with no credentials')

      // Signed 20 minutes ago for 60 seconds: expired.
      const stale = await presign(client, GetObject({ Bucket, Key }), {
        expiresIn: 60,
        signingDate: new Date(Date.now() - 20 * 60_000),
      })
      const refused = await fetch(stale.url)
      expect(refused.status).toBe(403)
      expect(await refused.text()).toContain('AccessDenied')

      // A URL changed after signing is refused too.
      const tampered = await fetch(get.url.replace('copy.txt', 'evil.txt'))
      expect(tampered.status).toBe(403)
    } finally {
      await send(client, DeleteObject({ Bucket, Key }))
      await send(client, DeleteBucket({ Bucket }))
    }
  })
})
