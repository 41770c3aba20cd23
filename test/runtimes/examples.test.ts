import { execFile, spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CreateBucket, deleteBucket, GetObject, headObjectOrNull, PutObject, send } from '../../src/index.js'
import { server, testClient, uniqueBucket } from '../integration/env.js'
import { bundle, root } from './bundle.js'
import { launchChromium } from './chromium.js'

// Every program in examples/ runs as its README says, against the real server, importing the
// built package by its name (dist/, built by scripts/test.sh before vitest runs).

const client = testClient()
let bucket: string

beforeAll(async () => {
  bucket = uniqueBucket('examples')
  await send(client, CreateBucket({ Bucket: bucket }))
})

afterAll(async () => {
  await deleteBucket(client, bucket, { force: true })
})

/** The environment a deployed program gets: the server as AWS_* variables, nothing else. */
function awsEnv(extra: Record<string, string> = {}): Record<string, string> {
  const s = server()
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: s.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s.secretAccessKey,
    AWS_ENDPOINT_URL: s.endpoint,
    AWS_REGION: s.region,
    ...extra,
  }
}

function runNode(args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr }),
    ),
  )
}

describe('examples/', () => {
  test(
    'cloudflare-worker: a Worker under workerd stores, serves and lists objects, ' + 'and passes S3 errors on',
    async () => {
      const s = server()
      const script = await bundle(`export { default } from './examples/cloudflare-worker/worker.js'`, [
        'workerd',
        'worker',
        'browser',
      ])
      const mf = new Miniflare({
        modules: true,
        script,
        compatibilityDate: '2025-12-01',
        bindings: {
          S3_ENDPOINT: s.endpoint,
          S3_REGION: s.region,
          S3_ACCESS_KEY_ID: s.accessKeyId,
          S3_SECRET_ACCESS_KEY: s.secretAccessKey,
          BUCKET: bucket,
        },
      })
      try {
        const put = await mf.dispatchFetch('http://worker.test/worker/hello.txt', {
          method: 'PUT',
          body: 'hello from a Worker',
          headers: { 'content-type': 'text/plain' },
        })
        expect(put.status, await put.clone().text()).toBe(201)
        expect(await put.json()).toMatchObject({
          Key: 'worker/hello.txt',
          ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
        })
        const get = await mf.dispatchFetch('http://worker.test/worker/hello.txt')
        expect(get.headers.get('content-type')).toBe('text/plain')
        expect(await get.text()).toBe('hello from a Worker')
        const list = await mf.dispatchFetch('http://worker.test/')
        expect(await list.json()).toContainEqual({ Key: 'worker/hello.txt', Size: 19 })
        const missing = await mf.dispatchFetch('http://worker.test/worker/missing.txt')
        expect(missing.status).toBe(404)
        expect(await missing.json()).toMatchObject({ code: 'NoSuchKey' })
      } finally {
        await mf.dispose()
      }
      const stored = await send(client, GetObject({ Bucket: bucket, Key: 'worker/hello.txt' }))
      expect(await stored.Body.text()).toBe('hello from a Worker')
    },
  )

  test('lambda-handler: an S3 event handler reads the new object and writes its report', async () => {
    const body = 'x'.repeat(300_000)
    await send(client, PutObject({ Bucket: bucket, Key: 'uploads/my file.txt', Body: body, ContentType: 'text/plain' }))
    const event = {
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: bucket }, object: { key: 'uploads/my+file.txt', size: body.length } },
        },
      ],
    }
    const call =
      `import('./examples/lambda-handler/handler.mjs').then((m) => ` +
      `m.handler(${JSON.stringify(event)})).then((r) => console.log(JSON.stringify(r)))`
    const { stdout } = await runNode(['--input-type=module', '-e', call], awsEnv())
    const result = JSON.parse(stdout) as { statusCode: number; body: string }
    expect(result.statusCode).toBe(200)
    const { createHash } = await import('node:crypto')
    const expected = {
      Key: 'uploads/my file.txt',
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      ContentType: 'text/plain',
    }
    expect(JSON.parse(result.body)).toEqual([expect.objectContaining(expected)])
    const report = await send(client, GetObject({ Bucket: bucket, Key: 'reports/uploads/my file.txt.json' }))
    expect(await report.Body.json()).toMatchObject(expected)
  })

  test('node-helpers: backup.mjs uploads a directory (large files in parts) and verifies the copy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3kit-example-backup-'))
    try {
      await mkdir(join(dir, 'nested'))
      await writeFile(join(dir, 'a.txt'), 'a')
      await writeFile(join(dir, 'nested/large.bin'), new Uint8Array(10 * 2 ** 20).fill(7))
      const { stdout } = await runNode(['examples/node-helpers/backup.mjs', dir, `s3://${bucket}/backup`], awsEnv())
      expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
        uploaded: 2,
        verified: 2,
        bytes: 10 * 2 ** 20 + 1,
      })
      const large = await headObjectOrNull(client, { Bucket: bucket, Key: 'backup/nested/large.bin' })
      expect(large?.ETag).toMatch(/-2"$/) // two parts of the default 8 MiB
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('browser-upload: Chromium uploads a chosen file with a presigned PUT, cross-origin', async () => {
    const child = spawn(process.execPath, ['examples/browser-upload/server.mjs'], {
      cwd: root,
      env: awsEnv({ BUCKET: bucket }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const browser = await launchChromium()
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').once('data', (line: string) => resolve(line.trim()))
        child.once('exit', (code) => reject(new Error(`server.mjs exited with ${code}: ${stderr}`)))
      })
      expect(new URL(origin).origin).not.toBe(new URL(server().endpoint).origin)
      const page = await browser.newPage()
      await page.goto(origin)
      await page.setInputFiles('#file', {
        name: 'photo one.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('not really a JPEG'),
      })
      await page.click('#upload')
      await page.waitForFunction(() => document.getElementById('status')!.textContent !== '')
      expect(await page.textContent('#status')).toMatch(
        /^uploaded uploads\/photo_one\.jpg \(17 bytes, ETag "[0-9a-f]{32}"\)$/,
      )
    } finally {
      await browser.close()
      child.kill()
    }
    const stored = await send(client, GetObject({ Bucket: bucket, Key: 'uploads/photo_one.jpg' }))
    expect(stored.ContentType).toBe('image/jpeg')
    expect(await stored.Body.text()).toBe('not really a JPEG')
  })
})
