// Cold start in Node: a fresh process imports the SDK, creates a client and builds a PutObject
// and a GetObject, side by side for s3kit's per-command entries (s3kit/core + s3kit/commands/…),
// s3kit's root entry and @aws-sdk/client-s3. Wall time of the whole process, median of 9 runs
// each, interleaved so that machine noise hits all alike. Nothing is sent (no server needed).
//
//   npx tsup --silent && node bench/cold-start.mjs
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const RUNS = 9
const scripts = {
  'node (empty process)': '',
  's3kit/core + commands': `
    const { createClient } = await import('s3kit/core')
    const { PutObject } = await import('s3kit/commands/PutObject')
    const { GetObject } = await import('s3kit/commands/GetObject')
    createClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
    PutObject({ Bucket: 'b-1', Key: 'k', Body: 'x' }); GetObject({ Bucket: 'b-1', Key: 'k' })`,
  's3kit (root entry)': `
    const { createClient, PutObject, GetObject } = await import('s3kit')
    createClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
    PutObject({ Bucket: 'b-1', Key: 'k', Body: 'x' }); GetObject({ Bucket: 'b-1', Key: 'k' })`,
  '@aws-sdk/client-s3': `
    const { S3Client, PutObjectCommand, GetObjectCommand } = await import('@aws-sdk/client-s3')
    new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
    new PutObjectCommand({ Bucket: 'b-1', Key: 'k', Body: 'x' }); new GetObjectCommand({ Bucket: 'b-1', Key: 'k' })`,
}

const times = Object.fromEntries(Object.keys(scripts).map((name) => [name, []]))
for (let run = 0; run < RUNS; run++) {
  for (const [name, source] of Object.entries(scripts)) {
    const start = process.hrtime.bigint()
    execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: root, stdio: 'ignore' })
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6)
  }
}
const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]
const base = median(times['node (empty process)'])
const core = median(times['s3kit/core + commands']) - base
console.log(`Cold Node process: import + createClient + build PutObject and GetObject (median of ${RUNS}, node ${process.version})`)
for (const [name, list] of Object.entries(times)) {
  const ms = median(list)
  const sdkCost = ms - base
  console.log(`${name.padEnd(24)} ${ms.toFixed(0).padStart(5)} ms${name === 'node (empty process)' ? '' : `   +${sdkCost.toFixed(0)} ms over node, ${(sdkCost / core).toFixed(1)}× s3kit/core`}`)
}
