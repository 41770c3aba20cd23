import { type ChecksumOutput, checkAlgorithms } from '../../codecs/checksum.js'
import { GetObject, type GetObjectInput, type GetObjectOutput } from '../../commands/GetObject.js'
import { HeadObject } from '../../commands/HeadObject.js'
import { type ChecksumAlgorithm, type ChecksumVerification, toBase64 } from '../core/checksums/checksum.js'
import type { Client } from '../core/client.js'
import { compact } from '../core/command.js'
import { InputError, S3Error } from '../core/errors.js'
import type { RequestOption } from '../core/extend-command.js'
import { send } from '../core/send.js'
import { checkInteger, checkOneOf } from '../core/validate.js'
import { pool } from './pool.js'
import { applyOptions, checkOptions } from './request-options.js'
import { verifyChecksum } from './verify-checksum.js'

const MiB = 1024 * 1024

/** The object to read: GetObject's fields, but the whole object (the helper chooses the ranges). */
export interface DownloadInput extends Omit<GetObjectInput, 'Range' | 'PartNumber'> {
  /**
   * Checks the whole object against its full-object checksum, with the first of these algorithms
   * S3 has one for (one HeadObject with `verifyChecksum` asks for it, since ranged GETs carry none):
   * parts are hashed in order as they arrive, and a mismatch fails the download with `BadDigest`
   * before its stream ends (or, for `downloadFile`, before the file is put in place).
   * `ChecksumVerified` or `ChecksumNotVerified` in the output says whether it was checked.
   */
  readonly ChecksumAlgorithms?: readonly ChecksumAlgorithm[]
  /** `'ENABLED'` asks for the object's checksum (in the output) without checking anything. */
  readonly ChecksumMode?: 'ENABLED'
}

/** How `download` (and `downloadFile`) fetch: part size, ranges in flight, progress, signal and deadline. */
export interface DownloadOptions {
  /** Bytes per ranged GET (default 8 MiB): memory holds at most partSize × (concurrency + 1). */
  readonly partSize?: number
  /** Ranged GETs in flight at once (default 4). */
  readonly concurrency?: number
  /** Called as bytes arrive, with the object's size as `total`. */
  readonly onProgress?: (progress: DownloadProgress) => void
  /** Stops every request in flight; the download then fails with `signal.reason`. */
  readonly signal?: AbortSignal
  /** A deadline for the whole download, in milliseconds; past it, it fails with a `TimeoutError`. */
  readonly timeoutMs?: number
  /**
   * Request options for every request the download makes (each ranged GetObject, and the HeadObject
   * that `ChecksumAlgorithms` asks for the checksum with): e.g. `[sseCustomerKey(key)]`.
   */
  readonly requestOptions?: readonly RequestOption[]
}

/** What `onProgress` receives: the bytes received so far and the object's size. */
export interface DownloadProgress {
  readonly loaded: number
  readonly total: number
}

/**
 * What GetObject says about the object, for the whole of it, with its checksum and whether it was
 * checked when `ChecksumAlgorithms` or `ChecksumMode` asked; `Body` is an ordered web stream.
 */
export interface DownloadOutput
  extends Omit<GetObjectOutput, 'Body' | 'ContentRange'>,
    ChecksumOutput,
    ChecksumVerification {
  readonly Body: ReadableStream<Uint8Array>
}

/** A download under way: its object, and the loop that fetches every part and hands it on. */
export interface DownloadPlan {
  readonly head: Omit<DownloadOutput, 'Body'>
  /** Fetches every part (the first is already on its way) and passes each, whole, to `deliver`. */
  run(deliver: (bytes: Uint8Array, offset: number, index: number) => Promise<void>): Promise<void>
  /** Stops the requests in flight (the consumer went away, or something failed). */
  stop(reason: unknown): void
  /** Aborted when the download stops, for whatever reason. */
  readonly signal: AbortSignal
}

/**
 * Reads an object in parallel ranged GETs (`partSize` bytes each, `concurrency` at a time) and
 * gives it back as one ordered web `ReadableStream`, with byte progress. The first GET asks for
 * the first part and learns the object's size and ETag; every other part is pinned to that ETag
 * (`If-Match`, and the version when the bucket has versions), so a download never mixes two
 * versions of an object: a change midway fails it with `PreconditionFailed`. Each part is
 * retried by `send` and resumes by itself when its connection drops (see `resumeBodies`); a part
 * that fails for good fails the stream with that `S3Error`, and stops the others.
 *
 * @example
 * const { Body, ContentLength } = await download(client, { Bucket: 'videos', Key: 'big.mp4' }, {
 *   onProgress: ({ loaded, total }) => console.log(`${loaded} of ${total}`),
 * })
 * await Body.pipeTo(writable)
 */
export async function download(
  client: Client,
  input: DownloadInput,
  options: DownloadOptions = {},
): Promise<DownloadOutput> {
  const plan = await planDownload(client, input, options)
  let delivered = 0
  // Finished parts wait for their turn and for the reader to want more; any change wakes them all.
  let waiting: Array<() => void> = []
  const wake = (): void => {
    const woken = waiting
    waiting = []
    for (const resume of woken) resume()
  }
  plan.signal.addEventListener('abort', wake, { once: true })
  const Body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        plan
          .run(async (bytes, _offset, index) => {
            // One part waits in the stream's queue at most; the others wait here, in their task.
            while (delivered !== index || (controller.desiredSize ?? 0) <= 0) {
              plan.signal.throwIfAborted()
              await new Promise<void>((resolve) => waiting.push(resolve))
            }
            controller.enqueue(bytes)
            delivered++
            wake()
          })
          .then(
            () => controller.close(),
            (error: unknown) => controller.error(error),
          )
      },
      pull: wake,
      cancel(reason) {
        plan.stop(reason)
      },
    },
    { highWaterMark: 1 },
  )
  return { ...plan.head, Body }
}

/**
 * The engine `download` and `downloadFile` share: the first ranged GET, then the plan for the
 * rest. Exported for s3kit/node, not from s3kit/helpers.
 */
export async function planDownload(
  client: Client,
  input: DownloadInput,
  options: DownloadOptions,
): Promise<DownloadPlan> {
  const partSize = checkInteger(options.partSize, 'partSize', 1) ?? 8 * MiB
  const concurrency = checkInteger(options.concurrency, 'concurrency', 1, 10_000) ?? 4
  const { onProgress, timeoutMs } = options
  if (onProgress !== undefined && typeof onProgress !== 'function')
    throw new InputError('onProgress', 'must be a function, called with { loaded, total }.')
  // Range and PartNumber would fight the helper's own ranges.
  if ('Range' in input || 'PartNumber' in input)
    throw new InputError('Range', 'download reads the whole object; use GetObject for a range or a part.')
  const stop = new AbortController()
  const signals = [
    stop.signal,
    ...(options.signal ? [options.signal] : []),
    ...(timeoutMs ? [AbortSignal.timeout(timeoutMs)] : []),
  ]
  const signal = signals.length > 1 ? AbortSignal.any(signals) : stop.signal
  const { ChecksumAlgorithms, ChecksumMode, ...object } = input
  // Checked here, before any request.
  const algorithms = ChecksumAlgorithms === undefined ? undefined : checkAlgorithms(ChecksumAlgorithms)
  if (ChecksumMode !== undefined) checkOneOf(ChecksumMode, 'ChecksumMode', ['ENABLED'])
  const requestOptions = checkOptions(options.requestOptions, 'requestOptions')
  // Set only for the ranges of a composite object, whose parts S3 may send checksums for.
  let rangeCheck: RequestOption<ChecksumOutput & ChecksumVerification> | undefined
  const get = (fields: GetObjectInput): Promise<GetObjectOutput & ChecksumOutput & ChecksumVerification> =>
    send(client, applyOptions(rangeCheck ? rangeCheck(GetObject(fields)) : GetObject(fields), requestOptions), {
      signal,
    })

  // With checksums, the object's checksum is asked for first (ranged GETs carry the whole
  // object's none), and every GET is then pinned to the object HeadObject described.
  let check: ObjectCheck | undefined
  let checked: ChecksumVerification & ChecksumOutput = {}
  let from: GetObjectInput = object
  if (algorithms !== undefined || ChecksumMode !== undefined) {
    const stored = await send(client, applyOptions(verifyChecksum()(HeadObject(object)), requestOptions), { signal })
    ;({ check, checked } = objectCheck(stored, algorithms ?? []))
    from = { ...object, IfMatch: stored.ETag, ...(stored.VersionId ? { VersionId: stored.VersionId } : {}) }
    // A composite checksum covers parts: S3 sends a part's own checksum for a range that is
    // exactly that part, and GetObject then checks that range (download's and upload's default
    // part sizes match). Other ranges come back without one and go unchecked.
    if (checked.ChecksumNotVerified === 'COMPOSITE' && algorithms?.length) rangeCheck = verifyChecksum(...algorithms)
  }

  let first: GetObjectOutput & ChecksumOutput & ChecksumVerification
  try {
    first = await get({ ...from, Range: `bytes=0-${partSize - 1}` })
  } catch (error) {
    // An empty object has no byte 0 to start from: it is read whole, in one GET.
    if ((error as S3Error).code !== 'InvalidRange') throw error
    first = await get(from)
  }
  const { Body, ContentRange, ChecksumVerified: _verified, ChecksumNotVerified: _notVerified, ...head } = first
  const size = Number(/\/(\d+)$/.exec(ContentRange ?? '')?.[1] ?? first.ContentLength)
  const pinned: GetObjectInput = {
    ...from,
    IfMatch: first.ETag,
    ...(first.VersionId ? { VersionId: first.VersionId } : {}),
  }
  const count = Math.max(1, Math.ceil(size / partSize))
  let loaded = 0
  const onBytes = (n: number): void => {
    loaded += n
    onProgress?.({ loaded, total: size })
  }

  // Parts are hashed in order: each waits for the one before it (parts start in order).
  let hashed = Promise.resolve()

  return {
    head: { ...head, ...checked, ContentLength: size },
    stop: (reason) => stop.abort(reason),
    signal,
    async run(deliver) {
      const parts = pool(concurrency, (error) => stop.abort(error))
      const part = async (index: number): Promise<void> => {
        const offset = index * partSize
        const length = Math.min(partSize, size - offset)
        const turn = hashed
        let done = (): void => {}
        if (check) hashed = new Promise<void>((resolve) => (done = resolve))
        let bytes: Uint8Array
        try {
          const body =
            index === 0 ? Body : (await get({ ...pinned, Range: `bytes=${offset}-${offset + length - 1}` })).Body
          bytes = await readWhole(body, length, onBytes, first)
          await turn
          check?.hasher.update(bytes)
        } finally {
          done()
        }
        await deliver(bytes, offset, index)
      }
      try {
        for (let index = 0; index < count; index++) await parts.run(() => part(index))
        await parts.drain()
        if (check) {
          await hashed
          const actual = toBase64(check.hasher.digest())
          if (actual !== check.expected) {
            throw new S3Error({
              code: 'BadDigest',
              status: 200,
              operation: 'GetObject',
              bucket: input.Bucket,
              key: input.Key,
              message: `the object's ${check.name} is ${actual}, but S3 sent ${check.expected}: the bytes received are not the bytes stored.`,
            })
          }
        }
      } catch (error) {
        // The first failure is what the caller sees; the parts still in flight are stopped first.
        stop.abort(error)
        await parts.settle()
        void Body.cancel().catch(() => undefined)
        throw signal.aborted && options.signal?.aborted ? options.signal.reason : error
      }
    },
  }
}

interface ObjectCheck {
  readonly name: string
  readonly hasher: ReturnType<ChecksumAlgorithm['create']>
  readonly expected: string
}

/**
 * How the whole object can be checked, from what HeadObject said with `ChecksumMode`: with the
 * first of `algorithms` S3 has a full-object checksum for; or why it cannot (no checksum, none of
 * the algorithms given, or a composite checksum of parts, which the byte ranges cannot be checked
 * against).
 */
function objectCheck(
  stored: ChecksumOutput,
  algorithms: readonly ChecksumAlgorithm[],
): { check?: ObjectCheck; checked: ChecksumVerification & ChecksumOutput } {
  const { ChecksumCRC32, ChecksumCRC32C, ChecksumCRC64NVME, ChecksumSHA1, ChecksumSHA256, ChecksumType } = stored
  const values = compact<ChecksumOutput>({
    ChecksumCRC32,
    ChecksumCRC32C,
    ChecksumCRC64NVME,
    ChecksumSHA1,
    ChecksumSHA256,
    ChecksumType,
  })
  const expected = algorithms.map(({ name }) => values[`Checksum${name}`]).find((value) => value !== undefined)
  const algorithm = algorithms.find(({ name }) => values[`Checksum${name}`] !== undefined)
  if (!algorithm || expected === undefined) {
    const any = Object.keys(values).some((field) => field !== 'ChecksumType')
    return { checked: { ...values, ChecksumNotVerified: any ? 'ALGORITHM_NOT_GIVEN' : 'NO_CHECKSUM' } }
  }
  if (/-\d+$/.test(expected)) return { checked: { ...values, ChecksumNotVerified: 'COMPOSITE' } }
  return {
    check: { name: algorithm.name, hasher: algorithm.create(), expected },
    checked: { ...values, ChecksumVerified: algorithm.name },
  }
}

/** A part's bytes in one buffer of its exact length (the body resumes by itself when cut). */
async function readWhole(
  body: ReadableStream<Uint8Array>,
  length: number,
  onBytes: (n: number) => void,
  object: GetObjectOutput,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(length)
  let received = 0
  const reader = body.getReader()
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    if (received + next.value.byteLength > length) break
    bytes.set(next.value, received)
    received += next.value.byteLength
    onBytes(next.value.byteLength)
  }
  if (received !== length) {
    void reader.cancel().catch(() => undefined)
    throw new S3Error({
      code: 'IncompleteBody',
      status: 200,
      operation: 'GetObject',
      message: `a ranged read of ${length} bytes (ETag ${object.ETag}) did not give exactly that many.`,
    })
  }
  return bytes
}
