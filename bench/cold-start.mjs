// Cold start in Node, side by side: fresh processes, interleaved (every run starts each contender
// once, in a rotating order, so that machine noise hits all alike), median of RUNS each.
//   import    the time `await import(...)` of the library takes in a fresh process (after the ESM
//             loader itself has started, which every contender pays alike)
//   first     the time from process start to the end of the first PUT 1 KiB + GET against the S3
//             server: import, create a client, sign, send, read (what a serverless cold start pays)
//   process   the whole process's wall time for `first`, as the parent sees it
// s3kit is imported by its package name, as an application would (Node takes the `node` condition).
//
//   npx tsup --silent && node bench/cold-start.mjs [--json]
//
// Talks to S3_ENDPOINT (default http://127.0.0.1:7480) with S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY
// and S3_REGION; it creates a bucket for the run and removes it after.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { CreateBucket, createClient, DeleteBucket, DeleteObject, send } from 's3kit'

const root = fileURLToPath(new URL('..', import.meta.url))
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 20)
const env = {
  endpoint: process.env.S3_ENDPOINT ?? 'http://127.0.0.1:7480',
  region: process.env.S3_REGION ?? 'us-east-1',
  accessKeyId: process.env.S3_ACCESS_KEY_ID ?? 's3kit-test-access',
  secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? 's3kit-test-secret-key-0123456789abcdef',
}

/** What each contender imports, and how it then does one PUT + GET (`B` is the bucket, `E` the endpoint). */
const contenders = {
  aws4fetch: {
    load: "const { AwsClient } = await import('aws4fetch')",
    run: `const c = new AwsClient({ accessKeyId: A, secretAccessKey: S, service: 's3', region: R })
      await (await c.fetch(E + '/' + B + '/k', { method: 'PUT', body: new Uint8Array(1024) })).arrayBuffer()
      await (await c.fetch(E + '/' + B + '/k')).arrayBuffer()`,
  },
  's3kit (root)': {
    load: "const { createClient, send, PutObject, GetObject } = await import('s3kit')",
    run:
      `const c = createClient({ endpoint: E, region: R, forcePathStyle: true, credentials: { accessKeyId: A, ` +
      `secretAccessKey: S } })
      await send(c, PutObject({ Bucket: B, Key: 'k', Body: new Uint8Array(1024) }))
      await (await send(c, GetObject({ Bucket: B, Key: 'k' }))).Body.bytes()`,
  },
  's3kit/core + PutObject + GetObject': {
    load:
      "const { createClient, send } = await import('s3kit/core'); const { PutObject } = await " +
      "import('s3kit/commands/PutObject'); const { GetObject } = await import('s3kit/commands/GetObject')",
    run:
      `const c = createClient({ endpoint: E, region: R, forcePathStyle: true, credentials: { accessKeyId: A, ` +
      `secretAccessKey: S } })
      await send(c, PutObject({ Bucket: B, Key: 'k', Body: new Uint8Array(1024) }))
      await (await send(c, GetObject({ Bucket: B, Key: 'k' }))).Body.bytes()`,
  },
  s3mini: {
    load: "const { S3mini } = await import('s3mini')",
    run: `const c = new S3mini({ accessKeyId: A, secretAccessKey: S, endpoint: E + '/' + B, region: R })
      await c.putObject('k', new Uint8Array(1024))
      await c.getObjectArrayBuffer('k')`,
  },
  '@aws-sdk/client-s3': {
    load: "const { S3Client, PutObjectCommand, GetObjectCommand } = await import('@aws-sdk/client-s3')",
    run:
      `const c = new S3Client({ endpoint: E, region: R, forcePathStyle: true, credentials: { accessKeyId: A, ` +
      `secretAccessKey: S } })
      await c.send(new PutObjectCommand({ Bucket: B, Key: 'k', Body: new Uint8Array(1024) }))
      await (await c.send(new GetObjectCommand({ Bucket: B, Key: 'k' }))).Body.transformToByteArray()`,
  },
}

function script(contender, bucket, withRequest) {
  return (
    `await import('data:text/javascript,export default 1')
const E = ${JSON.stringify(env.endpoint)}, R = ${JSON.stringify(env.region)}, ` +
    `A = ${JSON.stringify(env.accessKeyId)}, S = ${JSON.stringify(env.secretAccessKey)}, ` +
    `B = ${JSON.stringify(bucket)}
const t0 = performance.now()
${contender.load}
const imported = performance.now() - t0
${withRequest ? contender.run : ''}
console.log(JSON.stringify({ imported, first: performance.now() }))`
  )
}

function spawn(source) {
  const start = process.hrtime.bigint()
  const out = execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', source], {
    cwd: root,
    encoding: 'utf8',
  })
  return { ...JSON.parse(out.trim().split('\n').pop()), process: Number(process.hrtime.bigint() - start) / 1e6 }
}

export async function measure() {
  const client = createClient({ endpoint: env.endpoint, region: env.region, forcePathStyle: true, credentials: env })
  const bucket = `bench-cold-${process.pid}`
  await send(client, CreateBucket({ Bucket: bucket }))
  const names = Object.keys(contenders)
  const samples = Object.fromEntries(names.map((name) => [name, { import: [], first: [], process: [] }]))
  try {
    for (const name of names) spawn(script(contenders[name], bucket, true)) // warm the disk cache and the server
    for (let run = 0; run < RUNS; run++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + run) % names.length]
        samples[name].import.push(spawn(script(contenders[name], bucket, false)).imported)
        const first = spawn(script(contenders[name], bucket, true))
        samples[name].first.push(first.first)
        samples[name].process.push(first.process)
      }
    }
  } finally {
    await send(client, DeleteObject({ Bucket: bucket, Key: 'k' })).catch(() => {})
    await send(client, DeleteBucket({ Bucket: bucket })).catch(() => {})
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
  const floor = Object.fromEntries(['import', 'first', 'process'].map((k) => [k, median(samples.aws4fetch[k])]))
  return {
    runs: RUNS,
    results: names.map((name) => {
      const m = Object.fromEntries(['import', 'first', 'process'].map((k) => [k, median(samples[name][k])]))
      return { name, ...m, ratio: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v / floor[k]])) }
    }),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measure()
  if (process.argv.includes('--json')) console.log(JSON.stringify(result))
  else {
    console.log(
      `Cold Node process, median of ${result.runs} interleaved runs (node ${process.version}); ratios to aws4fetch`,
    )
    for (const r of result.results) {
      console.log(
        `${r.name.padEnd(36)} import ${r.import.toFixed(1).padStart(6)} ms ${r.ratio.import.toFixed(2)}×   ` +
          `first PUT+GET ${r.first.toFixed(0).padStart(4)} ms ${r.ratio.first.toFixed(2)}×   process ` +
          `${r.process.toFixed(0).padStart(4)} ms ${r.ratio.process.toFixed(2)}×`,
      )
    }
  }
}
