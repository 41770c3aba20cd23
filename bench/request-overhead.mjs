// CPU cost of the SDK layer per request, side by side in one run: a PutObject of 1 KiB followed
// by a GetObject read whole, over an instant stub transport (no network, no server), so what is
// measured is signing, request building and response parsing. Peers: raw aws4fetch (the signer
// alone, the floor) and @aws-sdk/client-s3. Reports µs per PUT+GET pair and the ratio to raw
// aws4fetch, median of 5 rounds.
//
//   npx tsup --silent && node bench/request-overhead.mjs
//
// The stub answers with the headers S3 documents for these operations (ETag, Last-Modified,
// Content-Length, Content-Type).
import { AwsClient } from 'aws4fetch'
import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3'
import { Readable } from 'node:stream'
import { createClient, send } from '../dist/core.js'
import { PutObject } from '../dist/commands/PutObject.js'
import { GetObject } from '../dist/commands/GetObject.js'

const PAIRS = Number(process.env.BENCH_PAIRS ?? 2000)
const ROUNDS = 5
const body = new Uint8Array(1024).fill(97)
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
const headers = () => ({
  etag: '"fba9dede5f27731c9771645a39863328"',
  'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT',
  'content-length': String(body.length),
  'content-type': 'text/plain',
})
const stubFetch = async (input, init) => {
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
  if (input instanceof Request) await input.arrayBuffer()
  return new Response(method === 'GET' ? body : null, { status: 200, headers: headers() })
}

const s3kit = createClient({ endpoint: 'https://s3.us-east-1.amazonaws.com', region: 'us-east-1', credentials, fetch: stubFetch })
const aws4 = new AwsClient({ ...credentials, service: 's3', region: 'us-east-1' })
const sdk = new S3Client({
  region: 'us-east-1',
  credentials,
  requestHandler: {
    async handle(request) {
      return {
        response: {
          statusCode: 200,
          headers: headers(),
          body: request.method === 'GET' ? Readable.from([Buffer.from(body)]) : Readable.from([]),
        },
      }
    },
  },
})

const contenders = {
  'aws4fetch (signer only)': async (i) => {
    const url = `https://bench-bucket.s3.us-east-1.amazonaws.com/key-${i}`
    await stubFetch(await aws4.sign(url, { method: 'PUT', body, headers: { 'content-type': 'text/plain' } }))
    const got = await stubFetch(await aws4.sign(url, { method: 'GET' }))
    await got.arrayBuffer()
  },
  s3kit: async (i) => {
    await send(s3kit, PutObject({ Bucket: 'bench-bucket', Key: `key-${i}`, Body: body, ContentType: 'text/plain' }))
    const { Body } = await send(s3kit, GetObject({ Bucket: 'bench-bucket', Key: `key-${i}` }))
    await Body.bytes()
  },
  '@aws-sdk/client-s3': async (i) => {
    await sdk.send(new PutObjectCommand({ Bucket: 'bench-bucket', Key: `key-${i}`, Body: body, ContentType: 'text/plain' }))
    const { Body } = await sdk.send(new GetObjectCommand({ Bucket: 'bench-bucket', Key: `key-${i}` }))
    await Body.transformToByteArray()
  },
}

async function measure(run) {
  for (let i = 0; i < 200; i++) await run(i) // warm-up
  const rounds = []
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.cpuUsage()
    for (let i = 0; i < PAIRS; i++) await run(i)
    const used = process.cpuUsage(start)
    rounds.push((used.user + used.system) / PAIRS)
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]
}

const results = {}
for (const [name, run] of Object.entries(contenders)) results[name] = await measure(run)
const floor = results['aws4fetch (signer only)']
console.log(`CPU per PUT 1 KiB + GET pair, stub transport, median of ${ROUNDS} rounds of ${PAIRS} (node ${process.version})`)
for (const [name, us] of Object.entries(results)) console.log(`${name.padEnd(26)} ${us.toFixed(0).padStart(6)} µs   ${(us / floor).toFixed(2)}× aws4fetch`)
