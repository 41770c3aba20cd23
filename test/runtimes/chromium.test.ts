import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bundle, scenarioImports } from './bundle.js'
import { launchChromium } from './chromium.js'
import { expectNoIncompleteUploads, expectScenario, withScenarioBucket } from './harness.js'
import type { ErrorReport, ScenarioConfig, ScenarioReport } from './scenario.js'

let server: Server
let origin: string
let browser: Browser
let page: Page
const pageErrors: string[] = []

// The page lives on its own loopback origin (another port than the S3 server's), so every
// request it makes to S3 is cross-origin and goes through the bucket's CORS rule.
beforeAll(async () => {
  const script = await bundle(`${scenarioImports}\nglobalThis.s3kitScenarios = scenarios`, ['browser'])
  server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    } else if (request.url === '/') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>s3kit</title><script type="module" src="/page.js"></script>')
    } else {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium()
  page = await browser.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${origin}/`)
  await page.waitForFunction(() => 's3kitScenarios' in globalThis)
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

function inPage<T>(name: 'run' | 'hiddenETag' | 'noCors', config: ScenarioConfig): Promise<T> {
  return page.evaluate(
    ([n, c]) =>
      (globalThis as unknown as Record<string, Record<string, (c: unknown) => Promise<unknown>>>).s3kitScenarios![n]!(
        c,
      ),
    [name, config] as const,
  ) as Promise<T>
}

describe('s3kit in Chromium, cross-origin to the real server', () => {
  test(
    'puts a string and a File, reads them back, uploads in parts with progress, lists, ' +
      'and sees NoSuchKey as an S3Error',
    async () => {
      await withScenarioBucket(
        'browser',
        { origin, exposeHeaders: ['ETag', 'x-amz-request-id', 'x-amz-version-id'] },
        async (config) => {
          expect(new URL(config.endpoint).origin).not.toBe(origin)
          const report = await inPage<ScenarioReport>('run', config)
          expect(report.globals).toEqual({ process: false, DOMParser: true, require: false })
          await expectScenario(report, config)
        },
      )
      expect(pageErrors).toEqual([])
    },
  )

  test('a CORS rule that hides ETag gives errors that say to expose it, and leaves no parts behind', async () => {
    await withScenarioBucket('browser-noetag', { origin, exposeHeaders: [] }, async (config) => {
      const { put, upload } = await inPage<{ put: ErrorReport; upload: ErrorReport }>('hiddenETag', config)
      expect(put).toMatchObject({ isS3Error: true, code: 'InvalidResponse', status: 200, operation: 'PutObject' })
      expect(put.message).toMatch(/no etag header.*ExposeHeaders/i)
      expect(upload).toMatchObject({ isS3Error: true, code: 'InvalidResponse', status: 200, operation: 'UploadPart' })
      expect(upload.message).toMatch(/no etag header.*ExposeHeaders/i)
      await expectNoIncompleteUploads(config.bucket)
    })
  })

  test('a bucket without a CORS rule surfaces as a NetworkError, not a crash', async () => {
    await withScenarioBucket('browser-nocors', undefined, async (config) => {
      const error = await inPage<ErrorReport>('noCors', config)
      expect(error).toMatchObject({ isS3Error: true, code: 'NetworkError', status: 0, operation: 'GetObject' })
      expect(error.message).toContain('could not reach 127.0.0.1:7480')
    })
  })
})
