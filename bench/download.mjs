// Download throughput and peak memory for one large object (1 GiB by default), side by side:
// s3kit's `download` (parallel ranged GETs into an ordered stream), `downloadFile` (in place into
// a file), a single-stream `GetObject`, and @aws-sdk/client-s3's GetObjectCommand (one stream).
// Each transfer runs in a fresh Node process, so one's peak cannot hide another's; the peak is the
// kernel's high-water mark (getrusage maxRSS). Bodies are counted, not kept or hashed, so the
// figures measure the transfer (the tests check the bytes).
//
//   node bench/download.mjs [size in MiB, default 1024] [runs, default 1]
// Needs S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (S3_REGION optional).

import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const MiB = 1 << 20
const root = fileURLToPath(new URL('..', import.meta.url))
const [first, ...rest] = process.argv.slice(2)

// The child's code: s3kit from source (bundled for Node), the AWS SDK as installed.
const child =
  `
import { createClient } from './src/core/client.ts'
import { send } from './src/core/send.ts'
import { GetObject } from './commands/GetObject.ts'
import { CreateBucket } from './commands/CreateBucket.ts'
import { upload } from './src/helpers/upload.ts'
import { download } from './src/helpers/download.ts'
import { deleteBucket } from './src/helpers/delete-bucket.ts'
import { downloadFile } from './src/node/download-file.ts'
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3'
import { rmSync } from 'node:fs'
const [mode, bucket, key, size, dir] = process.argv.slice(2)
const env = process.env
const client = createClient({ endpoint: env.S3_ENDPOINT, region: env.S3_REGION ?? 'us-east-1', ` +
  `credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } })
const count = async (stream) => { let n = 0; for await (const chunk of stream) n += chunk.byteLength; return n }
if (mode === 'prepare') {
  await send(client, CreateBucket({ Bucket: bucket }))
  const block = new Uint8Array(${MiB}); for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24
  let left = Number(size)
  const body = new ReadableStream({ pull(c) { if (left <= 0) return c.close(); const n = Math.min(left, ` +
  `block.length); c.enqueue(block.slice(0, n)); left -= n } })
  await upload(client, { Bucket: bucket, Key: key, Body: body, ContentLength: Number(size) }, ` +
  `{ partSize: 16 * ${MiB}, concurrency: 4 })
} else if (mode === 'cleanup') {
  await deleteBucket(client, bucket, { force: true })
} else {
  const started = performance.now()
  let bytes
  if (mode === 'download') bytes = await count((await download(client, { Bucket: bucket, Key: key })).Body)
  else if (mode === 'downloadFile') { const path = dir + '/out.bin'; bytes = (await downloadFile(client, ` +
  `{ Bucket: bucket, Key: key, path })).ContentLength; rmSync(path) }
  else if (mode === 'GetObject') bytes = await count((await send(client, GetObject({ Bucket: bucket, Key: key }))).Body)
  else if (mode === 'aws-sdk') {
    const aws = new S3Client({ endpoint: env.S3_ENDPOINT, region: env.S3_REGION ?? 'us-east-1', ` +
  `forcePathStyle: true, credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, ` +
  `secretAccessKey: env.S3_SECRET_ACCESS_KEY } })
    bytes = await count((await aws.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body)
  }
  const seconds = (performance.now() - started) / 1000
  if (bytes !== Number(size)) throw new Error(mode + ' read ' + bytes + ' of ' + size + ' bytes')
  console.log(JSON.stringify({ seconds, peak: process.resourceUsage().maxRSS * 1024 }))
}
`

const size = Number(first ?? 1024) * MiB
const runs = Number(rest[0] ?? 1)
for (const name of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])
  if (!process.env[name]) throw new Error(`bench/download.mjs needs ${name}`)
const dir = mkdtempSync(join(tmpdir(), 's3kit-download-bench-'))
// Inside the repository, so that the child finds @aws-sdk/client-s3 where npm installed it.
const script = join(root, 'node_modules', '.cache', `s3kit-download-bench-${process.pid}.mjs`)
await build({
  stdin: { contents: child, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: script,
  logLevel: 'error',
  external: ['@aws-sdk/*'],
})
const bucket = `s3kit-dl-bench-${Date.now().toString(36)}`
const run = (...args) => {
  const out = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (out.status !== 0) throw new Error(`${args[0]} failed:\n${out.stderr}`)
  return out.stdout.trim() ? JSON.parse(out.stdout.trim().split('\n').pop()) : undefined
}
try {
  run('prepare', bucket, 'big.bin', String(size), dir)
  console.log(
    `${(size / MiB).toFixed(0)} MiB object on ${process.env.S3_ENDPOINT}; ${runs} run(s) each, ` +
      `best MB/s and its peak RSS`,
  )
  console.log(`${'reader'.padEnd(44)} ${'MB/s'.padStart(8)} ${'peak RSS MiB'.padStart(13)}`)
  const labels = {
    download: 's3kit download (8 MiB × 4, ordered stream)',
    downloadFile: 's3kit downloadFile (8 MiB × 4, in place)',
    GetObject: 's3kit GetObject (one stream)',
    'aws-sdk': '@aws-sdk/client-s3 GetObjectCommand',
  }
  for (const mode of Object.keys(labels)) {
    let best
    for (let i = 0; i < runs; i++) {
      const r = run(mode, bucket, 'big.bin', String(size), dir)
      if (!best || r.seconds < best.seconds) best = r
    }
    console.log(
      `${labels[mode].padEnd(44)} ${(size / 1e6 / best.seconds).toFixed(0).padStart(8)} ` +
        `${(best.peak / MiB).toFixed(0).padStart(13)}`,
    )
  }
} finally {
  try {
    run('cleanup', bucket, 'big.bin', String(size), dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
    rmSync(script, { force: true })
  }
}
