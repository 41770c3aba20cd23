import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { build } from 'esbuild'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CompletedPart } from '../../commands/CompleteMultipartUpload.js'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import { paginateItems } from '../../src/helpers/paginate.js'
import { presign } from '../../src/helpers/presign.js'
import type { StoredPart } from '../../src/helpers/upload-presigned.js'
import {
  AbortMultipartUpload,
  CompleteMultipartUpload,
  CreateBucket,
  CreateMultipartUpload,
  GetObject,
  ListMultipartUploads,
  ListParts,
  PutBucketCors,
  send,
  UploadPart,
} from '../../src/index.js'
import { server as s3Server, testClient, uniqueBucket } from '../integration/env.js'
import { root } from './bundle.js'
import { launchChromium } from './chromium.js'

// The app's side: Node holds the keys and plays the app's server, whose endpoints the page reaches
// through functions exposed into it (create, sign a part, list, complete, abort). The page, on its
// own loopback origin, bundles only `uploadPresigned` (from the sources) and sends the parts
// cross-origin to the real server with the presigned URLs: it never sees a key, and has no signer.
const client = testClient()
const Bucket = uniqueBucket('presigned-multipart')
const MiB = 1024 * 1024
let app: Server
let origin: string
let script: string
let browser: Browser
let context: BrowserContext

/** What the app's server was asked, in order, and a way to hold a part's signing (to interrupt the page there). */
const calls: string[] = []
let hold: { part: number; reached: () => void; release: Promise<void> } | undefined
/**
 * A part whose URL the app's server spoils: presigned for an upload that does not exist (RGW answers
 * 404 NoSuchUpload, with CORS headers), or, for the first request only, with one digit of the
 * signature changed (RGW answers 403 without CORS headers: the page sees a network error).
 */
let spoil: { part: number; how: 'wrongUpload' | 'badSignatureOnce' } | undefined

/** The body both sides know: bytes that differ from part to part, so a misplaced part shows. */
function bytesOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >>> 20)) % 251
  return bytes
}

beforeAll(async () => {
  const built = await build({
    stdin: {
      contents: `import { uploadPresigned } from './src/helpers/upload-presigned.ts'\nglobalThis.uploadPresigned = uploadPresigned`,
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'page.ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  script = built.outputFiles[0]!.text
  await send(client, CreateBucket({ Bucket }))
  app = createServer((request, response) => {
    if (request.url === '/page.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    else if (request.url === '/')
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>upload</title><script type="module" src="/page.js"></script>')
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`
  // The page PUTs parts from its origin and must read each part's ETag.
  await send(
    client,
    PutBucketCors({
      Bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [origin],
            AllowedMethods: ['PUT'],
            AllowedHeaders: ['*'],
            ExposeHeaders: ['ETag'],
            MaxAgeSeconds: 60,
          },
        ],
      },
    }),
  )
  browser = await launchChromium()
  context = await browser.newContext()
  const functions: Record<string, (key: string, ...args: never[]) => Promise<unknown>> = {
    s3Create: async (Key) => {
      calls.push('create')
      const { UploadId } = await send(client, CreateMultipartUpload({ Bucket, Key }))
      return { UploadId }
    },
    s3SignPart: async (Key, part: { UploadId: string; PartNumber: number; ContentLength: number }) => {
      calls.push(`sign ${part.PartNumber}`)
      if (hold?.part === part.PartNumber) {
        hold.reached()
        await hold.release
      }
      const spoilt = spoil?.part === part.PartNumber ? spoil : undefined
      if (spoilt?.how === 'badSignatureOnce') spoil = undefined
      const { url, headers } = await presign(
        client,
        UploadPart({
          Bucket,
          Key,
          UploadId: spoilt?.how === 'wrongUpload' ? 'no-such-upload' : part.UploadId,
          PartNumber: part.PartNumber,
        }),
        { expiresIn: 300 },
      )
      if (spoilt?.how !== 'badSignatureOnce') return { url, headers }
      const wrong = url.replace(
        /(X-Amz-Signature=[0-9a-f]{63})([0-9a-f])/,
        (_, kept: string, digit: string) => kept + (digit === '0' ? '1' : '0'),
      )
      expect(wrong).not.toBe(url)
      return { url: wrong, headers }
    },
    s3ListParts: async (Key, UploadId: string) => {
      calls.push('list')
      const parts: StoredPart[] = []
      for await (const { PartNumber, ETag, Size } of paginateItems(client, ListParts({ Bucket, Key, UploadId })))
        parts.push({ PartNumber, ETag, Size })
      return parts
    },
    s3Complete: async (Key, UploadId: string, Parts: CompletedPart[]) => {
      calls.push('complete')
      await send(client, CompleteMultipartUpload({ Bucket, Key, UploadId, MultipartUpload: { Parts } }))
      return { UploadId, parts: Parts.length }
    },
    s3Abort: async (Key, UploadId: string) => {
      calls.push('abort')
      await send(client, AbortMultipartUpload({ Bucket, Key, UploadId }))
    },
  }
  for (const [name, fn] of Object.entries(functions)) await context.exposeFunction(name, fn)
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => app?.close(resolve))
  await deleteBucket(client, Bucket, { force: true })
})

/** A fresh page of the app, every request it sends to S3 recorded. */
async function openPage(): Promise<{ page: Page; sent: { method: string; url: string; authorization?: string }[] }> {
  const page = await context.newPage()
  const sent: { method: string; url: string; authorization?: string }[] = []
  const s3Origin = new URL(s3Server().endpoint).origin
  page.on('request', (request) => {
    if (!request.url().startsWith(s3Origin)) return
    const authorization = request.headers().authorization
    sent.push({ method: request.method(), url: request.url(), ...(authorization ? { authorization } : {}) })
  })
  await page.goto(`${origin}/`)
  await page.waitForFunction(() => 'uploadPresigned' in globalThis)
  return { page, sent }
}

interface PageRun {
  readonly result?: unknown
  readonly error?: {
    name: string
    code: string | undefined
    status: number | undefined
    message: string
    uploadId: string | undefined
  }
  readonly progress: { loaded: number; total?: number; part: number }[]
}

/**
 * In the page: the same bytes as `bytesOf`, as a Blob, uploaded through the app's functions. The
 * UploadId is kept in localStorage as a page would, and read back there to resume.
 */
function uploadInPage(
  page: Page,
  run: { key: string; size: number; concurrency: number; resume?: boolean; keepParts?: boolean },
) {
  return page.evaluate(async ({ key, size, concurrency, resume, keepParts = true }): Promise<PageRun> => {
    const page = globalThis as unknown as Record<string, (...args: unknown[]) => Promise<never>>
    const bytes = new Uint8Array(size)
    for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >>> 20)) % 251
    const progress: PageRun['progress'] = []
    const uploadId = resume ? (localStorage.getItem(`upload:${key}`) ?? undefined) : undefined
    try {
      const result = await page.uploadPresigned!(new Blob([bytes]), {
        create: async () => {
          const created = await page.s3Create!(key)
          localStorage.setItem(`upload:${key}`, (created as { UploadId: string }).UploadId)
          return created
        },
        signPart: (part: unknown) => page.s3SignPart!(key, part),
        listParts: (id: string) => page.s3ListParts!(key, id),
        complete: (id: string, parts: unknown) => page.s3Complete!(key, id, parts),
        abort: (id: string) => page.s3Abort!(key, id),
        ...(uploadId ? { uploadId } : {}),
        partSize: 5 * 1024 * 1024,
        concurrency,
        leavePartsOnError: keepParts,
        onProgress: (p: PageRun['progress'][number]) => progress.push(p),
      })
      localStorage.removeItem(`upload:${key}`)
      return { result, progress }
    } catch (e) {
      const { name, message, code, status, uploadId } = e as NonNullable<PageRun['error']>
      return { error: { name, code, status, message, uploadId }, progress }
    }
  }, run)
}

async function objectBytes(Key: string): Promise<Uint8Array> {
  return (await send(client, GetObject({ Bucket, Key }))).Body.bytes()
}

async function incompleteUploads(): Promise<number> {
  return (await send(client, ListMultipartUploads({ Bucket }))).Uploads.length
}

describe('uploadPresigned in Chromium, parts sent to URLs the app presigns, against the real server', () => {
  test('the page bundles no signer and no key', () => {
    expect(script).toContain('uploadPresigned')
    expect(script).not.toContain('aws4fetch')
    expect(script).not.toContain('AwsV4Signer')
    expect(script).not.toContain('src/core/send.ts')
    expect(script).not.toContain(s3Server().secretAccessKey)
  })

  test('an 11 MiB Blob goes up in three parts, two at a time, with progress by bytes', async () => {
    calls.length = 0
    const { page, sent } = await openPage()
    const run = await uploadInPage(page, { key: 'whole.bin', size: 11 * MiB, concurrency: 2 })
    expect(run.error).toBeUndefined()
    expect(run.result).toMatchObject({ parts: 3 })
    expect(calls.filter((call) => call.startsWith('sign')).sort()).toEqual(['sign 1', 'sign 2', 'sign 3'])
    expect(calls[0]).toBe('create')
    expect(calls.at(-1)).toBe('complete')

    const loaded = run.progress.map((p) => p.loaded)
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b))
    expect(run.progress.at(-1)).toMatchObject({ loaded: 11 * MiB, total: 11 * MiB })
    // XMLHttpRequest fires an upload progress event once a body is all sent (XHR standard,
    // "process request end-of-body"), before S3 answers: every part moves progress at least twice.
    for (const part of [1, 2, 3]) expect(run.progress.filter((p) => p.part === part).length).toBeGreaterThan(1)

    // Three presigned PUTs (and their CORS preflights): no Authorization header, the signature in the URL.
    const puts = sent.filter((request) => request.method === 'PUT')
    expect(puts).toHaveLength(3)
    for (const put of puts) {
      expect(put.authorization).toBeUndefined()
      expect(new URL(put.url).searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(Buffer.compare(Buffer.from(await objectBytes('whole.bin')), Buffer.from(bytesOf(11 * MiB)))).toBe(0)
    expect(await incompleteUploads()).toBe(0)
    await page.close()
  })

  test('an upload interrupted by closing the page resumes from its UploadId in a fresh page', async () => {
    calls.length = 0
    let reached!: () => void
    let release!: () => void
    const atPart3 = new Promise<void>((resolve) => (reached = resolve))
    hold = { part: 3, reached, release: new Promise<void>((resolve) => (release = resolve)) }
    const Key = 'resumed.bin'
    try {
      // One part at a time: when part 3 is being signed, parts 1 and 2 are stored and 3 is not.
      const first = await openPage()
      const interrupted = uploadInPage(first.page, { key: Key, size: 11 * MiB, concurrency: 1 }).catch(
        (error: Error) => error,
      )
      await atPart3
      const UploadId = await first.page.evaluate((key) => localStorage.getItem(`upload:${key}`), Key)
      expect(UploadId).toBeTruthy()
      await first.page.close()
      expect(await interrupted).toBeInstanceOf(Error) // the page went away mid-call
      expect(calls).toEqual(['create', 'sign 1', 'sign 2', 'sign 3'])
      const stored = await send(client, ListParts({ Bucket, Key, UploadId: UploadId! }))
      expect(stored.Parts.map((part) => [part.PartNumber, part.Size])).toEqual([
        [1, 5 * MiB],
        [2, 5 * MiB],
      ])

      calls.length = 0
      hold = undefined
      const second = await openPage()
      const run = await uploadInPage(second.page, { key: Key, size: 11 * MiB, concurrency: 2, resume: true })
      expect(run.error).toBeUndefined()
      expect(calls).toEqual(['list', 'sign 3', 'complete'])
      expect(second.sent.filter((request) => request.method === 'PUT')).toHaveLength(1)
      // The kept parts count at once; part 3's bytes as they go (all but its last byte before S3 answers).
      expect(run.progress.slice(0, 2)).toEqual([
        { loaded: 5 * MiB, total: 11 * MiB, part: 1 },
        { loaded: 10 * MiB, total: 11 * MiB, part: 2 },
      ])
      expect(run.progress.slice(-2)).toEqual([
        { loaded: 11 * MiB - 1, total: 11 * MiB, part: 3 },
        { loaded: 11 * MiB, total: 11 * MiB, part: 3 },
      ])
      expect(Buffer.compare(Buffer.from(await objectBytes(Key)), Buffer.from(bytesOf(11 * MiB)))).toBe(0)
      expect(await incompleteUploads()).toBe(0)
      await second.page.close()
    } finally {
      hold = undefined
      release()
    }
  })

  test('a part S3 refuses is a typed S3Error in the page, and the upload is aborted', async () => {
    calls.length = 0
    spoil = { part: 2, how: 'wrongUpload' }
    try {
      const { page } = await openPage()
      const run = await uploadInPage(page, { key: 'refused.bin', size: 11 * MiB, concurrency: 1, keepParts: false })
      expect(run.error).toMatchObject({ name: 'S3Error', code: 'NoSuchUpload', status: 404 })
      expect(run.error?.uploadId).toBeTruthy()
      // Refused, not retried: part 2 signed once, then the upload aborted.
      expect(calls).toEqual(['create', 'sign 1', 'sign 2', 'abort'])
      expect(run.progress).toContainEqual({ loaded: 5 * MiB, total: 11 * MiB, part: 1 })
      // Part 2's bytes went out, but it never counts as stored.
      expect(Math.max(...run.progress.map((p) => p.loaded))).toBeLessThan(10 * MiB)
      expect(await incompleteUploads()).toBe(0)
      await page.close()
    } finally {
      spoil = undefined
    }
  })

  test('a URL refused without CORS headers (a bad signature) is retried with a fresh one', async () => {
    calls.length = 0
    spoil = { part: 1, how: 'badSignatureOnce' }
    const { page, sent } = await openPage()
    const run = await uploadInPage(page, { key: 'resigned.bin', size: 6 * MiB, concurrency: 1 })
    expect(run.error).toBeUndefined()
    expect(calls).toEqual(['create', 'sign 1', 'sign 1', 'sign 2', 'complete'])
    expect(sent.filter((request) => request.method === 'PUT')).toHaveLength(3)
    expect(Buffer.compare(Buffer.from(await objectBytes('resigned.bin')), Buffer.from(bytesOf(6 * MiB)))).toBe(0)
    await page.close()
  })
})
