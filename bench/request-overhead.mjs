// CPU cost of the SDK layer per request, side by side in one process: a PutObject of 1 KiB followed
// by a GetObject read whole, over an instant stub transport (no network, no server), so what is
// measured is signing, request building and response parsing. Contenders: raw aws4fetch (the
// signer alone: the floor), s3kit through its root entry and through s3kit/core + the command
// entries (as Node loads them: the package by its own name, whose Node build computes digests with
// node:crypto), s3kit's browser build (WebCrypto, like aws4fetch: what the SDK layer itself adds),
// s3mini and @aws-sdk/client-s3.
// Rounds are interleaved (each round runs every contender, in a rotating order) after a warm-up,
// and each contender's figure is the median of its rounds: µs of CPU (user + system) per pair.
//
//   npx tsup --silent && node bench/request-overhead.mjs [--json]
//
// The stub answers with the headers S3 documents for these operations (ETag, Last-Modified,
// Content-Length, Content-Type) and, like a real transport, reads the request's body.

import { Readable } from 'node:stream'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { AwsClient } from 'aws4fetch'
import * as root from 's3kit'
import { GetObject } from 's3kit/commands/GetObject'
import { PutObject } from 's3kit/commands/PutObject'
import * as core from 's3kit/core'
import { S3mini } from 's3mini'
import { GetObject as WebGetObject } from '../dist/commands/GetObject.js'
import { PutObject as WebPutObject } from '../dist/commands/PutObject.js'
// The browser build (what the `import` condition gives bundlers), by path: WebCrypto for every
// digest, like aws4fetch, so its figure is what the SDK layer itself adds to the same signer.
import * as web from '../dist/core.js'

const PAIRS = Number(process.env.BENCH_PAIRS ?? 1000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9)
const body = new Uint8Array(1024).fill(97)
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
const headers = () => ({
  etag: '"fba9dede5f27731c9771645a39863328"',
  'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT',
  'content-length': String(body.length),
  'content-type': 'text/plain',
})
const stubFetch = async (input, init) => {
  const request = input instanceof Request ? input : undefined
  const method = init?.method ?? request?.method ?? 'GET'
  if (request) await request.arrayBuffer()
  else if (init?.body) await new Response(init.body).arrayBuffer()
  return new Response(method === 'GET' ? body : null, { status: 200, headers: headers() })
}

const endpoint = 'https://s3.us-east-1.amazonaws.com'
const rootClient = root.createClient({ endpoint, region: 'us-east-1', credentials, fetch: stubFetch })
const coreClient = core.createClient({ endpoint, region: 'us-east-1', credentials, fetch: stubFetch })
const webClient = web.createClient({ endpoint, region: 'us-east-1', credentials, fetch: stubFetch })
const aws4 = new AwsClient({ ...credentials, service: 's3', region: 'us-east-1' })
const mini = new S3mini({ ...credentials, endpoint: `${endpoint}/bench-bucket`, region: 'us-east-1', fetch: stubFetch })
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

export const contenders = {
  aws4fetch: async (i) => {
    const url = `https://bench-bucket.s3.us-east-1.amazonaws.com/key-${i}`
    await stubFetch(await aws4.sign(url, { method: 'PUT', body, headers: { 'content-type': 'text/plain' } }))
    const got = await stubFetch(await aws4.sign(url, { method: 'GET' }))
    await got.arrayBuffer()
  },
  's3kit (root)': async (i) => {
    await root.send(
      rootClient,
      root.PutObject({ Bucket: 'bench-bucket', Key: `key-${i}`, Body: body, ContentType: 'text/plain' }),
    )
    const { Body } = await root.send(rootClient, root.GetObject({ Bucket: 'bench-bucket', Key: `key-${i}` }))
    await Body.bytes()
  },
  's3kit/core': async (i) => {
    await core.send(
      coreClient,
      PutObject({ Bucket: 'bench-bucket', Key: `key-${i}`, Body: body, ContentType: 'text/plain' }),
    )
    const { Body } = await core.send(coreClient, GetObject({ Bucket: 'bench-bucket', Key: `key-${i}` }))
    await Body.bytes()
  },
  's3kit (browser build)': async (i) => {
    await web.send(
      webClient,
      WebPutObject({ Bucket: 'bench-bucket', Key: `key-${i}`, Body: body, ContentType: 'text/plain' }),
    )
    const { Body } = await web.send(webClient, WebGetObject({ Bucket: 'bench-bucket', Key: `key-${i}` }))
    await Body.bytes()
  },
  s3mini: async (i) => {
    await mini.putObject(`key-${i}`, body, 'text/plain')
    await mini.getObjectArrayBuffer(`key-${i}`)
  },
  '@aws-sdk/client-s3': async (i) => {
    await sdk.send(
      new PutObjectCommand({ Bucket: 'bench-bucket', Key: `key-${i}`, Body: body, ContentType: 'text/plain' }),
    )
    const { Body } = await sdk.send(new GetObjectCommand({ Bucket: 'bench-bucket', Key: `key-${i}` }))
    await Body.transformToByteArray()
  },
}

async function round(run, pairs) {
  const start = process.cpuUsage()
  for (let i = 0; i < pairs; i++) await run(i)
  const used = process.cpuUsage(start)
  return (used.user + used.system) / pairs
}

export async function measure() {
  const names = Object.keys(contenders)
  for (const name of names) await round(contenders[name], 300) // warm-up: JIT, key caches
  const rounds = Object.fromEntries(names.map((name) => [name, []]))
  for (let r = 0; r < ROUNDS; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length])
    for (const name of order) rounds[name].push(await round(contenders[name], PAIRS))
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
  const floor = median(rounds.aws4fetch)
  return {
    pairs: PAIRS,
    rounds: ROUNDS,
    results: names.map((name) => ({
      name,
      us: median(rounds[name]),
      ratio: median(rounds[name]) / floor,
      spread: [Math.min(...rounds[name]), Math.max(...rounds[name])],
    })),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measure()
  if (process.argv.includes('--json')) console.log(JSON.stringify(result))
  else {
    console.log(
      `CPU per PUT 1 KiB + GET pair, stub transport, ` +
        `median of ${result.rounds} interleaved rounds of ${result.pairs} (node ${process.version})`,
    )
    for (const { name, us, ratio } of result.results)
      console.log(`${name.padEnd(20)} ${us.toFixed(0).padStart(6)} µs   ${ratio.toFixed(2)}× aws4fetch`)
  }
}
