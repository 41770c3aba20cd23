/// <reference types="node" />
import { CopyObject } from '../../commands/CopyObject.js'
import { CreateBucket } from '../../commands/CreateBucket.js'
import { DeleteObject } from '../../commands/DeleteObject.js'
import { GetObject } from '../../commands/GetObject.js'
import { ListMultipartUploads } from '../../commands/ListMultipartUploads.js'
import { ListObjectsV2 } from '../../commands/ListObjectsV2.js'
import { PutObject } from '../../commands/PutObject.js'
import { type Client, createClient } from '../../src/core/client.js'
import { S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { abortIncompleteUploads } from '../../src/helpers/abort-incomplete-uploads.js'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import { download } from '../../src/helpers/download.js'
import { upload } from '../../src/helpers/upload.js'
import { type Fault, startFaultProxy } from './fault-proxy.js'

/**
 * The fault suite: a run of mixed operations through the fault proxy against the real server,
 * checking every byte that comes back. test/integration/faults.test.ts runs a small seeded run;
 * `npm run bench:faults` (bench/faults.mjs) the full one. Workers own their keys, so what a key
 * holds is always known: a GET must return exactly that, or fail with an S3Error.
 */
export interface FaultRunOptions {
  readonly endpoint: string
  readonly region: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly bucket: string
  readonly operations: number
  readonly seed: number
  /** Workers running operations side by side. */
  readonly concurrency: number
  readonly rates?: Partial<Record<Fault, number>>
  readonly log?: (line: string) => void
}

export interface FaultRunReport {
  readonly operations: number
  readonly byKind: Record<string, number>
  readonly faults: Record<Fault | 'requests', number>
  /** Bodies returned as whole whose bytes differ from what the key holds. */
  readonly wrongBytes: number
  /** Bodies returned as whole that were shorter (or longer) than the object. */
  readonly truncatedAsWhole: number
  /** Failures that were not S3Error (a raw TypeError from fetch, say). */
  readonly untypedErrors: number
  /** Operations that failed with an S3Error after every retry and resume. */
  readonly typedFailures: number
  readonly failures: readonly string[]
  readonly orphanedUploads: number
  readonly getsWhole: number
  readonly gets: number
  readonly uploadsComplete: number
  readonly uploads: number
  readonly seconds: number
}

/**
 * The fault mix of the suite: about one request in six is broken in some way (one in five GETs; a copy or completion
 * one in four).
 */
export const DEFAULT_RATES: Partial<Record<Fault, number>> = {
  slowDown: 0.03,
  internal: 0.02,
  resetBeforeBody: 0.02,
  resetAfterBody: 0.02,
  lostResponse: 0.02,
  cutBody: 0.08,
  stall: 0.02,
  error200: 0.1,
}

/** The retry policy the suite's client uses (documented in docs/reliability.md). */
export const SUITE_CLIENT = {
  retry: { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 1_000 },
  bodyTimeoutMs: 1_000,
  requestTimeoutMs: 10_000,
} as const

const KiB = 1024
const MiB = 1024 * KiB

function generator(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Bytes no two writes share (the stamp differs), so a mixed-up body cannot pass for the right one. */
function content(size: number, stamp: number): Uint8Array {
  const bytes = new Uint8Array(size)
  let x = stamp * 2654435761 + 1
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    bytes[i] = x >>> 24
  }
  return bytes
}

function streamOf(bytes: Uint8Array, chunk = 64 * KiB): ReadableStream<Uint8Array> {
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(offset, offset + chunk))
      offset += chunk
    },
  })
}

const KINDS = ['put', 'get', 'rangedGet', 'multipart', 'download', 'list', 'delete', 'copy'] as const
type Kind = (typeof KINDS)[number]
// Relative weights: reads dominate, as they do in production; multipart uploads are the heaviest.
const WEIGHTS: Record<Kind, number> = {
  put: 22,
  get: 22,
  rangedGet: 14,
  multipart: 5,
  download: 8,
  list: 10,
  delete: 9,
  copy: 10,
}

export async function runFaultSuite(options: FaultRunOptions): Promise<FaultRunReport> {
  const started = Date.now()
  const log = options.log ?? (() => undefined)
  const config = {
    region: options.region,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  }
  const direct = createClient({ ...config, endpoint: options.endpoint })
  const Bucket = options.bucket
  await send(direct, CreateBucket({ Bucket }))
  const proxy = await startFaultProxy({
    target: options.endpoint,
    seed: options.seed,
    rates: options.rates ?? DEFAULT_RATES,
  })
  const client: Client = createClient({ ...config, endpoint: proxy.endpoint, ...SUITE_CLIENT })

  const byKind: Record<string, number> = {}
  const failures: string[] = []
  let wrongBytes = 0
  let truncatedAsWhole = 0
  let untypedErrors = 0
  let typedFailures = 0
  let gets = 0
  let getsWhole = 0
  let uploads = 0
  let uploadsComplete = 0
  let stamp = options.seed * 100_000

  /** Compares what came back as whole with what the key holds. */
  const check = (label: string, got: Uint8Array, expected: Uint8Array): boolean => {
    if (got.length !== expected.length) {
      truncatedAsWhole++
      failures.push(`${label}: ${got.length} bytes returned as whole, the object has ${expected.length}`)
      return false
    }
    for (let i = 0; i < got.length; i++) {
      if (got[i] !== expected[i]) {
        wrongBytes++
        failures.push(`${label}: wrong byte at ${i}`)
        return false
      }
    }
    return true
  }

  const worker = async (w: number, count: number): Promise<void> => {
    const random = generator(options.seed * 7919 + w)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    const held = new Map<string, Uint8Array>()
    const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0)
    for (let n = 0; n < count; n++) {
      let roll = random() * total
      let kind = KINDS.find((k) => (roll -= WEIGHTS[k]) < 0)!
      const keys = [...held.keys()]
      // Reads, copies and deletes need an object; write one first when there is none.
      if (keys.length === 0 && kind !== 'put' && kind !== 'multipart' && kind !== 'list') kind = 'put'
      byKind[kind] = (byKind[kind] ?? 0) + 1
      const key = `w${w}/k${Math.floor(random() * 4)}`
      const label = `${kind} ${key} (#${n} of worker ${w})`
      try {
        switch (kind) {
          case 'put': {
            const bytes = content(Math.floor(random() * 256 * KiB), stamp++)
            held.delete(key) // unknown until the write is known to have happened
            await send(client, PutObject({ Bucket, Key: key, Body: bytes }))
            held.set(key, bytes)
            break
          }
          case 'multipart': {
            uploads++
            const bytes = content(5 * MiB + Math.floor(random() * 7 * MiB), stamp++)
            held.delete(key)
            const body = random() < 0.5 ? bytes : streamOf(bytes)
            const out = await upload(client, { Bucket, Key: key, Body: body }, { partSize: 5 * MiB, concurrency: 2 })
            if (out.UploadId === undefined) throw new Error('a body over one part went up without a multipart upload')
            held.set(key, bytes)
            uploadsComplete++
            break
          }
          case 'get': {
            gets++
            const source = pick(keys)
            const { Body } = await send(client, GetObject({ Bucket, Key: source }))
            if (check(label, await Body.bytes(), held.get(source)!)) getsWhole++
            break
          }
          case 'rangedGet': {
            gets++
            const source = pick(keys)
            const expected = held.get(source)!
            if (expected.length === 0) {
              getsWhole++
              break
            }
            const first = Math.floor(random() * expected.length)
            const last = Math.min(expected.length - 1, first + Math.floor(random() * 128 * KiB))
            const { Body } = await send(client, GetObject({ Bucket, Key: source, Range: `bytes=${first}-${last}` }))
            if (check(label, await Body.bytes(), expected.subarray(first, last + 1))) getsWhole++
            break
          }
          case 'download': {
            gets++
            const source = pick(keys)
            const { Body } = await download(client, { Bucket, Key: source }, { partSize: 64 * KiB, concurrency: 3 })
            if (check(label, new Uint8Array(await new Response(Body).arrayBuffer()), held.get(source)!)) getsWhole++
            break
          }
          case 'copy': {
            const target = `w${w}/copy${Math.floor(random() * 2)}`
            // Copying an object onto itself is refused by S3 unless something changes.
            const sources = keys.filter((k) => k !== target)
            if (sources.length === 0) break
            const source = pick(sources)
            held.delete(target)
            await send(client, CopyObject({ Bucket, Key: target, CopySource: { Bucket, Key: source } }))
            held.set(target, held.get(source)!)
            break
          }
          case 'list': {
            const { Contents } = await send(client, ListObjectsV2({ Bucket, Prefix: `w${w}/` }))
            const listed = new Set(Contents.map((o) => o.Key))
            for (const [k, bytes] of held) {
              const entry = Contents.find((o) => o.Key === k)
              if (!listed.has(k) || entry?.Size !== bytes.length) failures.push(`${label}: ${k} listed wrongly`)
            }
            break
          }
          case 'delete': {
            const source = pick(keys)
            held.delete(source)
            await send(client, DeleteObject({ Bucket, Key: source }))
            break
          }
        }
      } catch (error) {
        if (error instanceof S3Error) typedFailures++
        else untypedErrors++
        failures.push(
          `${label}: ${error instanceof S3Error ? `S3Error ${error.code}` : `untyped ${(error as Error)?.name}`}: ` +
            `${(error as Error)?.message}`,
        )
      }
      if ((n + 1) % 50 === 0) log(`worker ${w}: ${n + 1}/${count}`)
    }
  }

  try {
    const per = Math.ceil(options.operations / options.concurrency)
    await Promise.all(
      Array.from({ length: options.concurrency }, (_, w) => worker(w, Math.min(per, options.operations - w * per))),
    )
  } finally {
    await proxy.close()
  }
  const orphanedUploads = (await send(direct, ListMultipartUploads({ Bucket }))).Uploads.length
  await abortIncompleteUploads(direct, Bucket)
  await deleteBucket(direct, Bucket, { force: true })
  const operations = Object.values(byKind).reduce((a, b) => a + b, 0)
  const { requests, ...faults } = proxy.counts
  return {
    operations,
    byKind,
    faults: { requests, ...faults },
    wrongBytes,
    truncatedAsWhole,
    untypedErrors,
    typedFailures,
    failures,
    orphanedUploads,
    getsWhole,
    gets,
    uploadsComplete,
    uploads,
    seconds: (Date.now() - started) / 1000,
  }
}
