// Multipart upload benchmark: 1 GiB generated on the fly, uploaded to the real S3 server once with
// s3kit's `upload` and once with @aws-sdk/lib-storage's `Upload`, with the same part size (8 MiB)
// and concurrency (4), as a stream of unknown length (the case where memory is easiest to lose).
// Reports MB/s and peak RSS growth for both; s3kit's growth must stay under
// partSize × (concurrency + 1) + 64 MiB, or the script exits with status 1.
//
//   npx tsup --silent && node bench/upload.mjs
//
// Each library runs in its own fresh Node process (started with --expose-gc), so neither inherits
// the other's heap. In each, a 1-byte upload warms up fetch and the code first; the heap is then
// collected and RSS sampled every 10 ms from there until the 1 GiB upload has finished, so the
// growth is what the upload itself costs. The source yields a fresh 64 KiB Buffer per chunk, like
// a file or socket stream, so the garbage of the source is counted too.
//
// Talks to S3_ENDPOINT (default http://127.0.0.1:7480, the test server) with S3_ACCESS_KEY_ID /
// S3_SECRET_ACCESS_KEY (default: the test user). BENCH_MIB changes the size (default 1024).
import { execFileSync } from 'node:child_process'
import { randomFillSync } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { CreateBucket, createClient, DeleteBucket, DeleteObject, HeadObject, send, upload } from '../dist/index.js'

const MiB = 1024 * 1024
const size = Number(process.env.BENCH_MIB ?? 1024) * MiB
const partSize = 8 * MiB
const concurrency = 4
const endpoint = process.env.S3_ENDPOINT ?? 'http://127.0.0.1:7480'
const region = process.env.S3_REGION ?? 'us-east-1'
const credentials = {
  accessKeyId: process.env.S3_ACCESS_KEY_ID ?? 's3kit-test-access',
  secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? 's3kit-test-secret-key-0123456789abcdef',
}
const client = createClient({ endpoint, region, credentials, forcePathStyle: true })

/** `bytes` bytes in 64 KiB chunks, each a fresh Buffer. */
async function* generated(bytes) {
  const block = randomFillSync(Buffer.alloc(MiB))
  for (let sent = 0; sent < bytes; ) {
    const length = Math.min(64 * 1024, bytes - sent)
    const chunk = Buffer.allocUnsafe(length)
    block.copy(chunk, 0, sent % MiB, (sent % MiB) + length)
    sent += length
    yield chunk
  }
}

/** The uploaders, each given (Bucket, Key, body) and returning when the object is stored. */
const uploaders = {
  s3kit: async () => (Bucket, Key, Body) => upload(client, { Bucket, Key, Body }, { partSize, concurrency }),
  'lib-storage': async () => {
    const { S3Client } = await import('@aws-sdk/client-s3')
    const { Upload } = await import('@aws-sdk/lib-storage')
    const { Readable } = await import('node:stream')
    const aws = new S3Client({ endpoint, region, credentials, forcePathStyle: true })
    return (Bucket, Key, body) =>
      new Upload({
        client: aws,
        params: { Bucket, Key, Body: Readable.from(body) },
        partSize,
        queueSize: concurrency,
      }).done()
  },
}

/** Child: one library, one measured upload; prints { seconds, growth } as JSON. */
async function runOne(name, Bucket) {
  const put = await uploaders[name]()
  await put(Bucket, `${name}-warm-up`, generated(1))
  globalThis.gc()
  const base = process.memoryUsage.rss()
  let peak = base
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10)
  const started = performance.now()
  await put(Bucket, name, generated(size))
  const seconds = (performance.now() - started) / 1000
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage.rss())
  const stored = await send(client, HeadObject({ Bucket, Key: name }))
  if (stored.ContentLength !== size) throw new Error(`${name} stored ${stored.ContentLength} bytes, not ${size}`)
  for (const Key of [name, `${name}-warm-up`]) await send(client, DeleteObject({ Bucket, Key }))
  console.log(JSON.stringify({ seconds, growth: peak - base }))
}

const [mode, name, bucket] = process.argv.slice(2)
if (mode === '--run') {
  await runOne(name, bucket)
} else {
  const Bucket = `s3kit-bench-upload-${Date.now().toString(36)}`
  await send(client, CreateBucket({ Bucket }))
  const results = {}
  try {
    for (const library of Object.keys(uploaders)) {
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', '--no-warnings', fileURLToPath(import.meta.url), '--run', library, Bucket],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      )
      results[library] = JSON.parse(out.trim().split('\n').pop())
    }
  } finally {
    await send(client, DeleteBucket({ Bucket })).catch((error) =>
      console.error(`could not delete ${Bucket}: ${error.message}`),
    )
  }
  const bound = partSize * (concurrency + 1) + 64 * MiB
  console.log(
    `${size / MiB} MiB stream of unknown length, partSize ${partSize / MiB} MiB, ` +
      `concurrency ${concurrency}, Node ${process.version}, ${endpoint}`,
  )
  for (const [library, { seconds, growth }] of Object.entries(results)) {
    console.log(
      `  ${library.padEnd(12)} ${(size / 1e6 / seconds).toFixed(1).padStart(7)} MB/s   ` +
        `${seconds.toFixed(2).padStart(6)} s   peak RSS growth ${(growth / MiB).toFixed(1).padStart(6)} MiB`,
    )
  }
  const growth = results.s3kit.growth
  console.log(
    `  s3kit's bound: partSize × (concurrency + 1) + 64 MiB = ${bound / MiB} MiB → ${growth < bound ? 'ok' : 'OVER'}`,
  )
  if (growth >= bound) process.exitCode = 1
}
