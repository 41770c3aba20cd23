// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${filename}` is S3's placeholder, sent literally.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import { type PresignedPost, presignPost } from '../../src/helpers/presign-post.js'
import { CreateBucket, GetObject, HeadObject, PutBucketCors, send } from '../../src/index.js'
import { server as s3Server, testClient, uniqueBucket } from '../integration/env.js'
import { launchChromium } from './chromium.js'

// The app's side: Node presigns (it alone holds the keys) and serves pages on its own loopback
// origin, so everything the page sends to S3 is cross-origin. The page gets a URL and form
// fields, never a key: the form case is a plain HTML form, the fetch case FormData + fetch.
const client = testClient()
const Bucket = uniqueBucket('presign-post-browser')
let app: Server
let origin: string
let browser: Browser
let page: Page
// What the next request for /form should serve.
let formPage = ''

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

function formHtml({ url, fields }: PresignedPost): string {
  const inputs = Object.entries(fields).map(
    ([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
  )
  return `<!doctype html><meta charset="utf-8"><title>upload</title>
<form method="post" enctype="multipart/form-data" action="${escapeHtml(url)}">
${inputs.join('\n')}
<input type="file" name="file"><button type="submit">Upload</button>
</form>`
}

beforeAll(async () => {
  await send(client, CreateBucket({ Bucket }))
  app = createServer((request, response) => {
    if (request.url === '/form') response.writeHead(200, { 'content-type': 'text/html' }).end(formPage)
    else if (request.url?.startsWith('/done'))
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>done</title>uploaded')
    else if (request.url === '/')
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>s3kit</title>')
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`
  // The fetch case reads S3's answer, so the bucket must allow the page's origin to POST.
  await send(
    client,
    PutBucketCors({
      Bucket,
      CORSConfiguration: {
        CORSRules: [{ AllowedOrigins: [origin], AllowedMethods: ['POST'], AllowedHeaders: ['*'], MaxAgeSeconds: 60 }],
      },
    }),
  )
  browser = await launchChromium()
  page = await browser.newPage()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => app?.close(resolve))
  await deleteBucket(client, Bucket, { force: true })
})

const images = (redirect?: string) =>
  presignPost(client, {
    Bucket,
    Key: 'browser/${filename}',
    Conditions: [
      ['content-length-range', 1, 1024],
      ['starts-with', '$Content-Type', 'image/'],
    ],
    Fields: { 'Content-Type': 'image/png', ...(redirect ? { success_action_redirect: redirect } : {}) },
    Expires: 300,
  })

// In the page: FormData with the fields, the file last, and fetch; returns S3's status and body.
function fetchInPage(
  presigned: PresignedPost,
  name: string,
  size: number,
): Promise<{ status: number; text: string } | { error: string }> {
  return page.evaluate(
    async ([{ url, fields }, name, size]) => {
      const form = new FormData()
      for (const [field, value] of Object.entries(fields)) form.append(field, value)
      form.append('file', new File([new Uint8Array(size).fill(0x61)], name, { type: 'image/png' }))
      try {
        const response = await fetch(url, { method: 'POST', body: form })
        return { status: response.status, text: await response.text() }
      } catch (error) {
        return { error: String(error) }
      }
    },
    [presigned, name, size] as const,
  )
}

describe('presigned POST from Chromium, cross-origin to the real server, no credentials in the page', () => {
  test('an HTML form with a file input uploads, and S3 redirects back to the app', async () => {
    formPage = formHtml(await images(`${origin}/done`))
    expect(formPage).not.toContain(s3Server().secretAccessKey)
    await page.goto(`${origin}/form`)
    await page.setInputFiles('input[type=file]', {
      name: 'from-form.png',
      mimeType: 'image/png',
      buffer: Buffer.from('png bytes from a form'),
    })
    await Promise.all([page.waitForURL(`${origin}/done**`), page.click('button[type=submit]')])
    const landed = new URL(page.url())
    expect(landed.searchParams.get('key')).toBe('browser/from-form.png')
    expect(landed.searchParams.get('bucket')).toBe(Bucket)
    const head = await send(client, HeadObject({ Bucket, Key: 'browser/from-form.png' }))
    expect(head).toMatchObject({ ContentType: 'image/png', ContentLength: 21 })
  })

  test('an oversized file submitted through the form is refused with EntityTooLarge', async () => {
    formPage = formHtml(await images(`${origin}/done`))
    await page.goto(`${origin}/form`)
    await page.setInputFiles('input[type=file]', {
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(1025, 0x61),
    })
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('button[type=submit]'),
    ])
    expect(response.status()).toBe(400)
    expect(await response.text()).toContain('<Code>EntityTooLarge</Code>')
    await expect(send(client, HeadObject({ Bucket, Key: 'browser/huge.png' }))).rejects.toMatchObject({ status: 404 })
  })

  test('FormData + fetch from the page uploads; an oversized file and a wrong type are refused', async () => {
    await page.goto(`${origin}/`)
    const presigned = await images()
    expect(await fetchInPage(presigned, 'from-fetch.png', 100)).toEqual({ status: 204, text: '' })
    expect(await (await send(client, GetObject({ Bucket, Key: 'browser/from-fetch.png' }))).Body.text()).toBe(
      'a'.repeat(100),
    )

    const tooBig = await fetchInPage(presigned, 'too-big.png', 1025)
    expect(tooBig).toMatchObject({ status: 400 })
    expect((tooBig as { text: string }).text).toContain('<Code>EntityTooLarge</Code>')

    const html = await presignPost(client, {
      Bucket,
      Key: 'browser/${filename}',
      Conditions: [['starts-with', '$Content-Type', 'image/']],
      Fields: { 'Content-Type': 'text/html' },
    })
    const wrongType = await fetchInPage(html, 'evil.html', 10)
    expect(wrongType).toMatchObject({ status: 403 })
    expect((wrongType as { text: string }).text).toContain('<Code>AccessDenied</Code>')
    await expect(send(client, HeadObject({ Bucket, Key: 'browser/evil.html' }))).rejects.toMatchObject({ status: 404 })
  })
})
