// Peak memory of putFile and getFile on a large file: the growth of the resident set size (RSS)
// over a warmed-up baseline must stay under 64 MiB whatever the file's size, since both stream.
//
//   npx tsup --silent && node bench/stream-memory.mjs [size in MiB, default 1024]
//
// It talks to S3_ENDPOINT (with S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY) when set, or starts the
// local test server (scripts/s3-server.sh). It imports the built package (dist/) by its own name,
// as an application would. Each transfer runs in a fresh Node process, so that one's peak cannot
// hide the other's; the peak is the kernel's own high-water mark (getrusage maxrss), not a sample.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const LIMIT_MIB = 64
const MiB = 1 << 20
const [mode, ...args] = process.argv.slice(2)

if (mode === 'put' || mode === 'get') await transfer(mode, ...args)
else await main(Number(mode ?? 1024))

/** Child process: one transfer, then one JSON line with the figures. */
async function transfer(mode, bucket, key, path) {
  const { createClient, send, PutObject, GetObject } = await import('s3kit')
  const { putFile, getFile } = await import('s3kit/node')
  const client = createClient()
  // Warm up: load and run every code path once, so the baseline holds the code, not the transfer.
  await send(client, PutObject({ Bucket: bucket, Key: `${key}.warmup`, Body: 'warm', ContentType: 'text/plain' }))
  await (await send(client, GetObject({ Bucket: bucket, Key: `${key}.warmup` }))).Body.text()
  globalThis.gc?.()
  const baseline = process.memoryUsage().rss
  const started = performance.now()
  if (mode === 'put') await putFile(client, { Bucket: bucket, Key: key, path })
  else await getFile(client, { Bucket: bucket, Key: key, path })
  const seconds = (performance.now() - started) / 1000
  const peak = process.resourceUsage().maxRSS * 1024
  console.log(JSON.stringify({ baseline, peak, growth: peak - baseline, seconds }))
}

async function main(sizeMiB) {
  if (!process.env.S3_ENDPOINT) {
    const out = execFileSync('bash', ['scripts/s3-server.sh', 'start'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    for (const [, name, value] of out.matchAll(/^(S3_[A-Z0-9_]+)=(.*)$/gm)) process.env[name] = value
  }
  const env = {
    ...process.env,
    AWS_ENDPOINT_URL_S3: process.env.S3_ENDPOINT,
    AWS_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY,
    AWS_REGION: process.env.S3_REGION ?? 'us-east-1',
  }
  Object.assign(process.env, env)
  const { createClient, send, CreateBucket, DeleteBucket, DeleteObject } = await import('s3kit')
  const client = createClient()
  const bucket = `s3kit-bench-${Date.now().toString(36)}`
  const dir = await mkdtemp(join(tmpdir(), 's3kit-bench-'))
  const up = join(dir, 'up.bin')
  const down = join(dir, 'down.bin')
  await send(client, CreateBucket({ Bucket: bucket }))
  try {
    const digest = await generate(up, sizeMiB)
    const put = child('put', bucket, 'large.bin', up, env)
    await rm(up)
    const get = child('get', bucket, 'large.bin', down, env)
    const ok = (await sha256File(down)) === digest
    console.log(`file: ${sizeMiB} MiB, SHA-256 after the round trip ${ok ? 'matches' : 'DIFFERS'}`)
    console.log('helper    RSS before   peak RSS   growth     time     throughput')
    for (const [name, r] of [
      ['putFile', put],
      ['getFile', get],
    ]) {
      console.log(
        `${name.padEnd(9)} ${mib(r.baseline).padStart(10)} ${mib(r.peak).padStart(10)} ` +
          `${mib(r.growth).padStart(10)} ${`${r.seconds.toFixed(1)} s`.padStart(8)} ` +
          `${`${(sizeMiB / r.seconds).toFixed(0)} MiB/s`.padStart(12)}`,
      )
    }
    const over = [put, get].filter((r) => r.growth >= LIMIT_MIB * MiB).length
    console.log(over ? `FAIL: growth must stay under ${LIMIT_MIB} MiB` : `ok: both under ${LIMIT_MIB} MiB`)
    if (over || !ok) process.exitCode = 1
  } finally {
    for (const Key of ['large.bin', 'large.bin.warmup']) await send(client, DeleteObject({ Bucket: bucket, Key }))
    await send(client, DeleteBucket({ Bucket: bucket }))
    await rm(dir, { recursive: true, force: true })
  }
}

function child(mode, bucket, key, path, env) {
  const result = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), mode, bucket, key, path], {
    env,
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`${mode} failed:\n${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').pop())
}

/** Random 1 MiB blocks, each stamped with its index; returns the file's SHA-256. */
async function generate(path, sizeMiB) {
  const block = randomBytes(MiB)
  const hash = createHash('sha256')
  const file = await open(path, 'w')
  for (let i = 0; i < sizeMiB; i++) {
    block.writeUInt32BE(i, 0)
    hash.update(block)
    await file.write(block)
  }
  await file.close()
  return hash.digest('hex')
}

async function sha256File(path) {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk)
  return hash.digest('hex')
}

function mib(bytes) {
  return `${(bytes / MiB).toFixed(1)} MiB`
}
