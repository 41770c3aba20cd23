// Throughput and memory against the real S3 server, side by side in one run: s3kit (its root entry,
// as Node loads it), raw aws4fetch (the same requests signed and sent by hand: the floor an SDK
// adds to) and @aws-sdk/client-s3 (+ @aws-sdk/lib-storage for multipart).
//   small      PUT, then GET, of 4 KiB objects at concurrency 16: objects per second
//   multipart  a 256 MiB upload in 8 MiB parts, 4 at a time (raw: the same parts, by hand): MB/s
//   download   a 1 GiB object read as a stream: MB/s (s3kit: GetObject's Body, and the parallel
//              `download` helper when the package has one)
// Each is measured in rounds after a warm-up round, the contenders interleaved (rotating order),
// and reported as the median round. Then memory: each transfer of a stream of unknown length
// (upload) or to a sink (download) runs in a fresh process at 1 GiB and 4 GiB, and its peak RSS
// growth over a warmed-up baseline (the kernel's high-water mark, reset after the warm-up) is compared
// with partSize × (concurrency + 1) + 64 MiB. Objects are deleted as soon as they are measured:
// the test server keeps them in RAM, in a 12 GiB store (BENCH_MEMORY_MIB=1024 skips the 4 GiB run).
//
//   npx tsup --silent && node bench/throughput.mjs [--json]
//   BENCH_QUICK=1 …   smaller sizes and fewer rounds, to try the script
//
// Talks to S3_ENDPOINT (default http://127.0.0.1:7480) with S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY;
// it creates a bucket for the run and empties and removes it after.
import { execFileSync } from 'node:child_process'
import { randomFillSync } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'

const MiB = 1024 * 1024
const quick = Boolean(process.env.BENCH_QUICK)
export const settings = {
  smallSize: 4 * 1024,
  smallCount: quick ? 128 : 512,
  smallConcurrency: 16,
  multipartSize: (quick ? 64 : 256) * MiB,
  downloadSize: (quick ? 128 : 1024) * MiB,
  memorySizes: (process.env.BENCH_MEMORY_MIB ?? (quick ? '256' : '1024,4096'))
    .split(',')
    .map((mib) => Number(mib) * MiB),
  partSize: 8 * MiB,
  concurrency: 4,
  rounds: quick ? 2 : 5,
  smallRounds: quick ? 2 : 9,
  downloadRounds: quick ? 2 : 3,
}
const env = {
  endpoint: process.env.S3_ENDPOINT ?? 'http://127.0.0.1:7480',
  region: process.env.S3_REGION ?? 'us-east-1',
  accessKeyId: process.env.S3_ACCESS_KEY_ID ?? 's3kit-test-access',
  secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? 's3kit-test-secret-key-0123456789abcdef',
}
const credentials = { accessKeyId: env.accessKeyId, secretAccessKey: env.secretAccessKey }

async function libraries() {
  const s3kit = await import('s3kit')
  const { AwsClient } = await import('aws4fetch')
  const { S3Client, PutObjectCommand, GetObjectCommand } = await import('@aws-sdk/client-s3')
  const { Upload } = await import('@aws-sdk/lib-storage')
  const client = s3kit.createClient({ endpoint: env.endpoint, region: env.region, forcePathStyle: true, credentials })
  const aws4 = new AwsClient({ ...credentials, service: 's3', region: env.region })
  const sdk = new S3Client({ endpoint: env.endpoint, region: env.region, forcePathStyle: true, credentials })
  const url = (bucket, key, query = '') => `${env.endpoint}/${bucket}/${encodeURIComponent(key)}${query}`
  const ok = async (response) => {
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`)
    return response
  }
  /** Reads a web stream to its end, keeping nothing; returns the byte count. */
  const drain = async (stream) => {
    let bytes = 0
    const reader = stream.getReader()
    for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength
    return bytes
  }
  return {
    s3kit,
    client,
    sdk,
    small: {
      s3kit: {
        put: (Bucket, Key, Body) => s3kit.send(client, s3kit.PutObject({ Bucket, Key, Body })),
        get: async (Bucket, Key) => (await s3kit.send(client, s3kit.GetObject({ Bucket, Key }))).Body.bytes(),
      },
      aws4fetch: {
        put: async (bucket, key, body) =>
          (await ok(await aws4.fetch(url(bucket, key), { method: 'PUT', body }))).arrayBuffer(),
        get: async (bucket, key) => (await ok(await aws4.fetch(url(bucket, key)))).arrayBuffer(),
      },
      '@aws-sdk/client-s3': {
        put: (Bucket, Key, Body) => sdk.send(new PutObjectCommand({ Bucket, Key, Body })),
        get: async (Bucket, Key) => (await sdk.send(new GetObjectCommand({ Bucket, Key }))).Body.transformToByteArray(),
      },
    },
    multipart: {
      s3kit: (Bucket, Key, Body) =>
        s3kit.upload(client, { Bucket, Key, Body }, { partSize: settings.partSize, concurrency: settings.concurrency }),
      aws4fetch: async (bucket, key, body) => {
        const created = await (await ok(await aws4.fetch(url(bucket, key, '?uploads'), { method: 'POST' }))).text()
        const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(created)[1]
        const parts = []
        const count = Math.ceil(body.byteLength / settings.partSize)
        let next = 0
        const worker = async () => {
          while (next < count) {
            const n = next++
            const part = body.subarray(n * settings.partSize, Math.min(body.byteLength, (n + 1) * settings.partSize))
            const response = await ok(
              await aws4.fetch(url(bucket, key, `?partNumber=${n + 1}&uploadId=${encodeURIComponent(uploadId)}`), {
                method: 'PUT',
                body: part,
              }),
            )
            await response.arrayBuffer()
            parts[n] = response.headers.get('etag')
          }
        }
        await Promise.all(Array.from({ length: settings.concurrency }, worker))
        const xml =
          '<CompleteMultipartUpload>' +
          parts.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`).join('') +
          '</CompleteMultipartUpload>'
        await (
          await ok(
            await aws4.fetch(url(bucket, key, `?uploadId=${encodeURIComponent(uploadId)}`), {
              method: 'POST',
              body: xml,
            }),
          )
        ).text()
      },
      '@aws-sdk/lib-storage': (Bucket, Key, Body) =>
        new Upload({
          client: sdk,
          params: { Bucket, Key, Body },
          partSize: settings.partSize,
          queueSize: settings.concurrency,
        }).done(),
    },
    download: {
      's3kit GetObject': async (Bucket, Key) =>
        drain((await s3kit.send(client, s3kit.GetObject({ Bucket, Key }))).Body),
      ...(typeof s3kit.download === 'function'
        ? {
            's3kit download': async (Bucket, Key) =>
              drain(
                (
                  await s3kit.download(
                    client,
                    { Bucket, Key },
                    { partSize: settings.partSize, concurrency: settings.concurrency },
                  )
                ).Body,
              ),
          }
        : {}),
      aws4fetch: async (bucket, key) => drain((await ok(await aws4.fetch(url(bucket, key)))).body),
      '@aws-sdk/client-s3': async (Bucket, Key) => {
        let bytes = 0
        const { Body } = await sdk.send(new GetObjectCommand({ Bucket, Key }))
        for await (const chunk of Body) bytes += chunk.length
        return bytes
      },
    },
  }
}

/** `bytes` random-looking bytes in 64 KiB chunks, each a fresh Buffer, like a file or socket stream. */
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

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

/** Runs `task(name)` for every contender, `rounds` times after one warm-up, interleaved; median per contender. */
async function interleaved(names, rounds, task) {
  for (const name of names) await task(name)
  const samples = Object.fromEntries(names.map((name) => [name, []]))
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]
      samples[name].push(await task(name))
    }
  }
  return Object.fromEntries(names.map((name) => [name, { median: median(samples[name]), samples: samples[name] }]))
}

async function pool(count, concurrency, fn) {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await fn(next++)
    }),
  )
}

async function throughput(libs, bucket) {
  const { s3kit, client } = libs
  const body = randomFillSync(new Uint8Array(settings.smallSize))
  const put = await interleaved(Object.keys(libs.small), settings.smallRounds, async (name) => {
    const start = performance.now()
    await pool(settings.smallCount, settings.smallConcurrency, (i) =>
      libs.small[name].put(bucket, `small/${name}/${i}`, body),
    )
    return settings.smallCount / ((performance.now() - start) / 1000)
  })
  const get = await interleaved(Object.keys(libs.small), settings.smallRounds, async (name) => {
    const start = performance.now()
    await pool(settings.smallCount, settings.smallConcurrency, (i) =>
      libs.small[name].get(bucket, `small/${name}/${i}`),
    )
    return settings.smallCount / ((performance.now() - start) / 1000)
  })
  const big = randomFillSync(new Uint8Array(settings.multipartSize))
  const multipart = await interleaved(Object.keys(libs.multipart), settings.rounds, async (name) => {
    const start = performance.now()
    await libs.multipart[name](bucket, `multipart/${name}`, big)
    const rate = settings.multipartSize / 1e6 / ((performance.now() - start) / 1000)
    await remove(libs, bucket, `multipart/${name}`)
    return rate
  })
  await s3kit.upload(
    client,
    { Bucket: bucket, Key: 'download/source', Body: generated(settings.downloadSize) },
    { partSize: settings.partSize, concurrency: settings.concurrency },
  )
  const download = await interleaved(Object.keys(libs.download), settings.downloadRounds, async (name) => {
    const start = performance.now()
    const bytes = await libs.download[name](bucket, 'download/source')
    if (bytes !== settings.downloadSize) throw new Error(`${name} read ${bytes} bytes, not ${settings.downloadSize}`)
    return settings.downloadSize / 1e6 / ((performance.now() - start) / 1000)
  })
  await remove(libs, bucket, 'download/source')
  return { put, get, multipart, download }
}

/**
 * Child process: one transfer (`upload` of a generated stream to `key`, or `download` of `key` to a sink) of `size`
 * bytes; prints JSON.
 */
async function memoryChild(library, direction, bucket, size, key) {
  const libs = await libraries()
  const { s3kit, client, sdk } = libs
  const uploaders = {
    s3kit: (Key, bytes) =>
      s3kit.upload(
        client,
        { Bucket: bucket, Key, Body: generated(bytes) },
        { partSize: settings.partSize, concurrency: settings.concurrency },
      ),
    '@aws-sdk/lib-storage': async (Key, bytes) => {
      const { Upload } = await import('@aws-sdk/lib-storage')
      return new Upload({
        client: sdk,
        params: { Bucket: bucket, Key, Body: Readable.from(generated(bytes)) },
        partSize: settings.partSize,
        queueSize: settings.concurrency,
      }).done()
    },
  }
  const downloaders = {
    s3kit: async (Key) => libs.download['s3kit GetObject'](bucket, Key),
    ...(libs.download['s3kit download']
      ? { 's3kit download': (Key) => libs.download['s3kit download'](bucket, Key) }
      : {}),
    aws4fetch: (Key) => libs.download.aws4fetch(bucket, Key),
    '@aws-sdk/client-s3': async (Key) => {
      const { GetObjectCommand } = await import('@aws-sdk/client-s3')
      const { Body } = await sdk.send(new GetObjectCommand({ Bucket: bucket, Key }))
      await pipeline(Body, new Writable({ write: (_chunk, _encoding, done) => done() }))
    },
  }
  // Warm-up: every code path once, so the baseline holds the code, not the transfer.
  if (direction === 'upload') {
    await uploaders[library](`${key}-warm-up`, 1)
    await remove(libs, bucket, `${key}-warm-up`)
  } else await downloaders[library]('memory/warm-up')
  globalThis.gc?.()
  await new Promise((resolve) => setTimeout(resolve, 50))
  // The peak from here on: Linux resets the high-water mark (VmHWM) to the current RSS on request,
  // so what the imports and the warm-up took before does not count. Elsewhere, the lifetime peak.
  const reset = resetPeak()
  const base = process.memoryUsage.rss()
  const start = performance.now()
  if (direction === 'upload') await uploaders[library](key, size)
  else await downloaders[library](key)
  const seconds = (performance.now() - start) / 1000
  const peak = reset ? peakRss() : process.resourceUsage().maxRSS * 1024
  console.log(JSON.stringify({ seconds, growth: Math.max(0, peak - base), base }))
}

function resetPeak() {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

function peakRss() {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024
}

/** Deletes an object; a large one is then given a few seconds for the server to reclaim its space. */
async function remove(libs, bucket, key, settle = 0) {
  await libs.s3kit.send(libs.client, libs.s3kit.DeleteObject({ Bucket: bucket, Key: key }))
  if (settle) await new Promise((resolve) => setTimeout(resolve, settle))
}

/**
 * Peak memory of each transfer, in fresh processes. The test server keeps objects in RAM (a
 * 12 GiB store shared with the tests), so one large object is alive at a time: s3kit uploads it,
 * the downloads read that same object, and it is deleted before the next size.
 */
async function memory(libs, bucket) {
  const { s3kit, client } = libs
  const results = []
  const child = (library, direction, size, key) => {
    const out = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--no-warnings',
        fileURLToPath(import.meta.url),
        '--memory',
        library,
        direction,
        bucket,
        String(size),
        key,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    )
    results.push({ library, direction, size, ...JSON.parse(out.trim().split('\n').pop()) })
  }
  await s3kit.upload(client, { Bucket: bucket, Key: 'memory/warm-up', Body: generated(MiB) })
  for (const size of settings.memorySizes) {
    const key = `memory/object-${size}`
    child('s3kit', 'upload', size, key)
    child('s3kit', 'download', size, key)
    if (typeof s3kit.download === 'function') child('s3kit download', 'download', size, key)
    // Peers at the smallest size only: enough to compare, without hours of transfers.
    if (size === settings.memorySizes[0]) {
      child('aws4fetch', 'download', size, key)
      child('@aws-sdk/client-s3', 'download', size, key)
      await remove(libs, bucket, key, 10_000)
      child('@aws-sdk/lib-storage', 'upload', size, key)
    }
    await remove(libs, bucket, key, 10_000)
  }
  await remove(libs, bucket, 'memory/warm-up')
  const bound = settings.partSize * (settings.concurrency + 1) + 64 * MiB
  return { bound, results }
}

export async function measure() {
  const libs = await libraries()
  const { s3kit, client } = libs
  const bucket = `bench-throughput-${Date.now().toString(36)}`
  await s3kit.send(client, s3kit.CreateBucket({ Bucket: bucket }))
  try {
    const rates = await throughput(libs, bucket)
    const mem = await memory(libs, bucket)
    return { settings, endpoint: env.endpoint, ...rates, memory: mem }
  } finally {
    await s3kit
      .deleteBucket(client, bucket, { force: true })
      .catch((error) => console.error(`could not delete ${bucket}: ${error.message}`))
  }
}

if (process.argv[2] === '--memory') {
  const [, , , library, direction, bucket, size, key] = process.argv
  await memoryChild(library, direction, bucket, Number(size), key)
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measure()
  if (process.argv.includes('--json')) console.log(JSON.stringify(result))
  else {
    const show = (title, unit, rows) => {
      const floor = rows.aws4fetch?.median
      console.log(title)
      for (const [name, { median: m }] of Object.entries(rows))
        console.log(
          `  ${name.padEnd(22)} ${m.toFixed(1).padStart(8)} ` +
            `${unit}${floor ? `   ${(m / floor).toFixed(2)}× aws4fetch` : ''}`,
        )
    }
    show(
      `PUT ${settings.smallSize} B × ${settings.smallCount}, concurrency ${settings.smallConcurrency}`,
      'objects/s',
      result.put,
    )
    show('GET of the same', 'objects/s', result.get)
    show(
      `multipart upload of ${settings.multipartSize / MiB} MiB (parts of ${settings.partSize / MiB} MiB, ` +
        `${settings.concurrency} at a time)`,
      'MB/s',
      result.multipart,
    )
    show(`download of ${settings.downloadSize / MiB} MiB`, 'MB/s', result.download)
    console.log(`peak RSS growth (bound ${result.memory.bound / MiB} MiB)`)
    for (const r of result.memory.results)
      console.log(
        `  ${r.library.padEnd(22)} ${r.direction.padEnd(8)} ${(r.size / MiB).toString().padStart(5)} MiB  ` +
          `${(r.growth / MiB).toFixed(1).padStart(6)} MiB  ` +
          `${(r.size / 1e6 / r.seconds).toFixed(0).padStart(5)} MB/s`,
      )
  }
}
