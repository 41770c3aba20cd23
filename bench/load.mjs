// Load: 10,000 requests (PUT 1 KiB, GET and read, HEAD, in turn) at concurrency 64 against the
// real server, sampling after every thousand: the client's open sockets to the server (from
// /proc/net/tcp), this process's open file descriptors, and memory (heap after a full GC, RSS).
// Passes when the sockets never exceed the requests in flight (the pool reuses them), descriptors
// follow the sockets, and memory has not grown beyond noise from the first thousand to the last
// (heap within 8 MiB, RSS within 32 MiB). Not a test: it prints the figures.
//
//   node --expose-gc bench/load.mjs [requests, default 10000] [concurrency, default 64]
// Needs S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (S3_REGION optional).

import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const total = Number(process.argv[2] ?? 10_000)
const concurrency = Number(process.argv[3] ?? 64)
for (const name of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])
  if (!process.env[name]) throw new Error(`bench/load.mjs needs ${name}`)
if (!globalThis.gc) throw new Error('run with node --expose-gc, so that heap figures are after a full collection')

const code = join(root, 'node_modules', '.cache', `s3kit-load-${process.pid}.mjs`)
await build({
  stdin: {
    contents: `export { createClient } from './src/core/client.ts'
export { send } from './src/core/send.ts'
export { GetObject } from './commands/GetObject.ts'
export { HeadObject } from './commands/HeadObject.ts'
export { PutObject } from './commands/PutObject.ts'
export { CreateBucket } from './commands/CreateBucket.ts'
export { deleteBucket } from './src/helpers/delete-bucket.ts'`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: code,
  logLevel: 'error',
})
const { createClient, send, GetObject, HeadObject, PutObject, CreateBucket, deleteBucket } = await import(
  pathToFileURL(code).href
)
rmSync(code)

const env = process.env
const server = new URL(env.S3_ENDPOINT)
const client = createClient({
  endpoint: env.S3_ENDPOINT,
  region: env.S3_REGION ?? 'us-east-1',
  credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
})
const Bucket = `s3kit-load-${Date.now().toString(36)}`
await send(client, CreateBucket({ Bucket }))

/** Client-side TCP sockets to the server's port, by state (01 established, 06 time-wait, …). */
function sockets() {
  const port = Number(server.port || 80)
    .toString(16)
    .toUpperCase()
    .padStart(4, '0')
  let open = 0
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = ''
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      continue
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/)
      // Remote address is the server; only established connections are held open by the client.
      if (fields[2]?.endsWith(`:${port}`) && fields[3] === '01') open++
    }
  }
  return open
}
const fds = () => readdirSync('/proc/self/fd').length
const MiB = 1 << 20
const body = new Uint8Array(1024).fill(7)

const samples = []
let done = 0
let failed = 0
let claimed = 0
const started = performance.now()
async function worker(w) {
  for (let n = 0; ; n++) {
    if (claimed++ >= total) return
    const Key = `k${w}`
    try {
      if (n % 3 === 0) await send(client, PutObject({ Bucket, Key, Body: body }))
      else if (n % 3 === 1) await (await send(client, GetObject({ Bucket, Key }))).Body.bytes()
      else await send(client, HeadObject({ Bucket, Key }))
      done++
    } catch (error) {
      failed++
      if (failed <= 5) console.error(`request failed: ${error.message}`)
    }
    if ((done + failed) % 1000 === 0) {
      globalThis.gc()
      const { heapUsed, rss } = process.memoryUsage()
      samples.push({
        requests: done + failed,
        sockets: sockets(),
        fds: fds(),
        heapMiB: heapUsed / MiB,
        rssMiB: rss / MiB,
        seconds: (performance.now() - started) / 1000,
      })
    }
  }
}
try {
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)))
} finally {
  await deleteBucket(client, Bucket, { force: true })
}
const seconds = (performance.now() - started) / 1000
console.log(
  `${total} requests at concurrency ${concurrency}: ${done} ok, ${failed} failed, ` +
    `${(total / seconds).toFixed(0)} requests/s`,
)
console.log(
  `${'after'.padStart(7)} ${'sockets'.padStart(8)} ${'fds'.padStart(5)} ${'heap MiB'.padStart(9)} ` +
    `${'RSS MiB'.padStart(8)}`,
)
const unique = [...new Map(samples.map((s) => [s.requests, s])).values()]
for (const s of unique)
  console.log(
    `${String(s.requests).padStart(7)} ${String(s.sockets).padStart(8)} ${String(s.fds).padStart(5)} ` +
      `${s.heapMiB.toFixed(1).padStart(9)} ${s.rssMiB.toFixed(1).padStart(8)}`,
  )
const first = unique[0]
const last = unique.at(-1)
// The connection pool may open up to one socket per request in flight, never more; a leak shows
// as sockets beyond the concurrency, or descriptors and memory that keep climbing.
const ok =
  failed === 0 &&
  Math.max(...unique.map((s) => s.sockets)) <= concurrency &&
  last.fds <= first.fds + (concurrency - first.sockets) &&
  last.heapMiB - first.heapMiB < 8 &&
  last.rssMiB - first.rssMiB < 32
console.log(
  ok
    ? 'PASS: sockets bounded by the concurrency, no growth of descriptors or memory from the first thousand to the last'
    : 'FAIL',
)
process.exitCode = ok ? 0 : 1
