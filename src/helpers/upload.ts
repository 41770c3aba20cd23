import { type ChecksumOutput, type ChecksumType, checkAlgorithm } from '../../codecs/checksum.js'
import { type CompletedPart, CompleteMultipartUpload } from '../../commands/CompleteMultipartUpload.js'
import { CreateMultipartUpload } from '../../commands/CreateMultipartUpload.js'
import { PutObject, type PutObjectInput } from '../../commands/PutObject.js'
import { UploadPart } from '../../commands/UploadPart.js'
import { checkBody, isStreamBody, type RequestBody } from '../core/body.js'
import { type ChecksumAlgorithm, toBase64 } from '../core/checksums/checksum.js'
import type { Client } from '../core/client.js'
import { type Command, compact } from '../core/command.js'
import { InputError } from '../core/errors.js'
import type { RequestOption } from '../core/extend-command.js'
import { MAX_OBJECT_SIZE, MAX_PART_SIZE, MAX_PARTS, MIN_PART_SIZE } from '../core/multipart-limits.js'
import { retrying } from '../core/retry.js'
import { runtime } from '../core/runtime.js'
import { send } from '../core/send.js'
import { checkInteger } from '../core/validate.js'
import { checkChecksumType, checksum } from './checksum.js'
import { abandonUpload, completedETag, firstFailure, untilStopped } from './multipart-job.js'
import { bodyError, type PartData, type PartSource, type SourcePart, sliceSource, streamSource } from './part-source.js'
import { pool } from './pool.js'
import { applyOptions, checkOptions } from './request-options.js'

const MiB = 1024 * 1024
const DEFAULT_PART_SIZE = 8 * MiB
const DEFAULT_CONCURRENCY = 4
/** Bytes handed to fetch at a time when a part is streamed, and so the step of byte progress. */
const CHUNK = 256 * 1024

/**
 * The input of `upload`: what `PutObjectInput` takes (bucket, key, content headers, metadata, ACL,
 * storage class, …) with a body of any kind and size and, for a stream, its length when known.
 * There is no `ContentMD5`: a multipart upload has no single body for it to cover. `ChecksumAlgorithm`
 * checksums each part as it is read (any body: Blobs and streams too) and the object as a whole.
 */
export interface UploadInput extends Omit<PutObjectInput, 'Body' | 'ContentLength' | 'ContentMD5'> {
  /**
   * Text, bytes, a Blob/File, or a stream (`ReadableStream`, Node `Readable`, any async iterable of
   * `Uint8Array`) of known or unknown length. Empty when left out.
   */
  readonly Body?: RequestBody
  /**
   * A stream's length, when you know it: the part size is then chosen for it, progress has a
   * `total`, and the stream must deliver exactly this many bytes. Checked against other bodies.
   */
  readonly ContentLength?: number
  /**
   * A checksum for S3 to check and store (`import { CRC64NVME } from 's3kit'`): each part is hashed
   * once as it is read and sent with its checksum (the `checksum` option, with the value computed),
   * and the object's checksum is in the output. Off unless given; see docs/checksums.md.
   */
  readonly ChecksumAlgorithm?: ChecksumAlgorithm
  /**
   * With `ChecksumAlgorithm`, how a body in parts is checksummed: `FULL_OBJECT` (the default for
   * CRC64NVME, CRC32 and CRC32C: the same value however the body is split) or `COMPOSITE` (the
   * only type for SHA1 and SHA256; CRC32 and CRC32C also take it, and Cloudflare R2 takes only it
   * for them). A body of one part goes up as one PutObject, whose checksum is always full-object.
   */
  readonly ChecksumType?: ChecksumType
}

/** The object's fields without the content: what a source-specific helper (uploadFile) passes on. */
export type UploadFields = Omit<UploadInput, 'Body' | 'ContentLength'>

/**
 * Options of `upload` (and `uploadFile`): the part size, the parts in flight at once, progress, a
 * signal to abort, and whether the parts survive a failure.
 */
export interface UploadOptions {
  /**
   * Bytes per part: 8 MiB by default, at least 5 MiB (S3's minimum for every part but the last),
   * at most 5 GiB. The default grows when a body of known length would need more than 10,000
   * parts; a size you give is kept, and refused (before any request) if it would need more.
   */
  readonly partSize?: number
  /**
   * Parts in flight at once (default 4). A stream or file body is read only as fast as parts are
   * sent, into at most `concurrency` buffers of `partSize`; bytes and Blobs are sliced, not copied.
   */
  readonly concurrency?: number
  /** Called as bytes are sent (server runtimes) or as parts are stored (browsers). */
  readonly onProgress?: (progress: UploadProgress) => void
  /**
   * Stops reading, cancels the parts in flight and aborts the multipart upload; the promise then
   * rejects with `signal.reason`. Once every part is stored, the completion is not interrupted.
   */
  readonly signal?: AbortSignal
  /** Keep the uploaded parts when the upload fails (to inspect or resume it); they are aborted otherwise. */
  readonly leavePartsOnError?: boolean
  /**
   * Request options for every request the upload makes (PutObject, CreateMultipartUpload, each
   * UploadPart, CompleteMultipartUpload, the HeadObject after it): e.g. `[sseCustomerKey(key)]`,
   * which S3 needs on every part. Each option applies where S3 takes it and leaves the others alone.
   * The checksum is `ChecksumAlgorithm`, not an option here: the parts are hashed as they are read.
   */
  readonly requestOptions?: readonly RequestOption[]
}

/**
 * What `upload`'s `onProgress` receives: the bytes sent so far, the total when it is known, and the
 * part whose bytes moved.
 */
export interface UploadProgress {
  /** Bytes sent so far; it never goes back, even when a part is re-sent. */
  readonly loaded: number
  /**
   * The body's length: known up front for bytes, Blobs, files and streams with `ContentLength`, and for other streams
   * once they end.
   */
  readonly total?: number
  /** The part whose bytes moved (1 for a body sent in one request). */
  readonly part: number
}

/**
 * What `upload` returns, however the body went up (one `PutObject` or a multipart upload): the
 * object's bucket, key and ETag, always present, its version and encryption, and the multipart
 * upload's ID and location when there was one. With `ChecksumAlgorithm`, the object's checksum as
 * s3kit computed and sent it: `FULL_OBJECT` for one request and for CRCs (the same value however the
 * body was split), `COMPOSITE` (`…-N`) for SHA1/SHA256 in parts.
 */
export interface UploadOutput extends ChecksumOutput {
  readonly Bucket: string
  readonly Key: string
  readonly ETag: string
  readonly VersionId?: string
  readonly ServerSideEncryption?: string
  /** The object's URL, when S3 reports one (multipart uploads only). */
  readonly Location?: string
  /** Set when the body went up as a multipart upload. */
  readonly UploadId?: string
}

/**
 * Uploads an object of any size from any body, in parallel parts when it is larger than one part,
 * with the multipart bookkeeping (create, parts, complete or abort) done for you. A body up to
 * `partSize` goes up as one `PutObject`. Parts are read only as fast as they are sent, each is
 * retried on retryable failures, and an upload that fails for good is aborted
 * (`AbortMultipartUpload`) so no parts are left behind; the promise then rejects with the first
 * error as an `S3Error` carrying `uploadId` (code `BodyReadError`, `IncompleteBody` or
 * `EntityTooLarge` when the body itself was at fault), or with `signal.reason` when you aborted.
 * Invalid input is an `InputError` before any request.
 *
 * @example
 * const { ETag } = await upload(client, { Bucket: 'my-bucket', Key: 'backup.tar', Body: file }, {
 *   onProgress: ({ loaded, total }) => console.log(`${loaded} of ${total ?? '?'} bytes`),
 * })
 */
export async function upload(client: Client, input: UploadInput, options: UploadOptions = {}): Promise<UploadOutput> {
  const { Body, ContentLength, ...fields } = input
  return uploadFrom(client, fields, openBody(Body, ContentLength), options)
}

const encoder = /* @__PURE__ */ new TextEncoder()

function openBody(body: RequestBody | undefined, contentLength: number | undefined): PartSource {
  if (isStreamBody(body)) {
    // Unlike PutObject, a stream of unknown length is fine here; a given length must still be valid.
    return streamSource(body, checkInteger(contentLength, 'ContentLength', 0))
  }
  checkBody(body, contentLength)
  if (body === undefined) return sliceSource(new Uint8Array(0))
  if (typeof body === 'string') return sliceSource(encoder.encode(body))
  return sliceSource(body instanceof ArrayBuffer ? new Uint8Array(body) : (body as Uint8Array | Blob))
}

/** The helper's engine, for any source of parts (`upload`'s bodies, `uploadFile`'s files). */
export async function uploadFrom(
  client: Client,
  fields: UploadFields,
  source: PartSource,
  options: UploadOptions,
): Promise<UploadOutput> {
  let concurrency: number
  let partSize: number
  const { ChecksumAlgorithm: algorithm, ChecksumType: type, ...objectFields } = fields
  let requestOptions: readonly RequestOption[]
  try {
    concurrency = checkConcurrency(options.concurrency)
    if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
      throw new InputError('onProgress', 'must be a function, called with { loaded, total?, part }.')
    }
    partSize = choosePartSize(source.size, options.partSize)
    // Built once here only to check the fields, so that a mistake costs no request.
    PutObject(objectFields)
    CreateMultipartUpload(objectFields)
    if (algorithm !== undefined) checkChecksumType(checkAlgorithm(algorithm, 'ChecksumAlgorithm'), type, 'ChecksumType')
    else if (type !== undefined) throw new InputError('ChecksumType', 'is for a checksum: give ChecksumAlgorithm too.')
    requestOptions = checkOptions(options.requestOptions, 'requestOptions')
    options.signal?.throwIfAborted()
  } catch (error) {
    await source.close(error)
    throw error
  }
  const { signal, onProgress } = options
  const { Bucket, Key } = fields
  // Each request with the caller's options; with a checksum, the value computed here (or only the type).
  const withOptions = <O>(command: Command<O>, value?: string, type?: ChecksumType): Command<O> =>
    applyOptions(algorithm ? checksum(algorithm, compact({ value, type }))(command) : command, requestOptions)
  const job = firstFailure(signal)
  const { fail } = job

  // Progress: bytes counted per part, never less than before, so a re-sent part does not count twice.
  let total = source.size
  let loaded = 0
  const counted: number[] = []
  const advance = (part: number, bytes: number): void => {
    const before = counted[part]
    if (before !== undefined && bytes <= before) return
    counted[part] = bytes
    loaded += bytes - (before ?? 0)
    try {
      onProgress?.(compact<UploadProgress>({ loaded, total, part }))
    } catch (error) {
      fail(error)
    }
  }
  const streaming = streamsRequests()
  const bodyOf = (data: PartData, part: number): PartData | ReadableStream<Uint8Array> =>
    streaming && sizeOf(data) > 0 ? countingStream(data, (sent) => advance(part, sent)) : data

  // Parts are retried here rather than in `send`, so that a streamed part gets a fresh stream.
  const once: Client = { ...client, retry: { ...client.retry, maxAttempts: 1 } }
  const sendRetried = <O>(build: () => Command<O>): Promise<O> =>
    retrying(client.retry, job.signal, () => send(once, build(), { signal: job.signal }))

  let uploadId: string | undefined
  const parts = pool(concurrency, fail)
  try {
    // Every source has a first part, if only an empty one.
    const first = (await untilStopped(source.next(partSize), job.signal))!
    if (first.last) {
      // One part's worth or less: one request.
      total = first.size
      try {
        const [data, digest] = await checksummed(await first.load(), algorithm)
        const value = digest && toBase64(digest)
        const stored = await sendRetried(() =>
          withOptions(PutObject({ ...objectFields, Body: bodyOf(data, 1), ContentLength: first.size }), value),
        )
        advance(1, first.size)
        if (job.failed) throw job.error
        return compact<UploadOutput>({
          Bucket,
          Key,
          ...stored,
          ...(algorithm && { [`Checksum${algorithm.name}`]: value, ChecksumType: 'FULL_OBJECT' }),
        })
      } finally {
        first.release()
      }
    }

    const { IfMatch, IfNoneMatch, ...createFields } = objectFields
    // CRCs combine into the checksum of the whole object; SHAs only into a checksum of the parts' checksums.
    const ChecksumType = algorithm && checkChecksumType(algorithm, type, 'ChecksumType')
    // Not cancellable: an upload created by a request we cut short could not be found to abort it.
    uploadId = (await send(client, withOptions(CreateMultipartUpload(createFields), undefined, ChecksumType))).UploadId
    const UploadId = uploadId
    if (job.failed) throw job.error
    const stored: CompletedPart[] = []
    const digests: { digest: Uint8Array; size: number }[] = []
    const store = async (part: SourcePart): Promise<void> => {
      try {
        // Checksummed once, before the first attempt: a retried part sends the same value.
        const [data, digest] = await checksummed(await part.load(), algorithm)
        if (digest) digests[part.number - 1] = { digest, size: part.size }
        const value = digest && toBase64(digest)
        const { ETag } = await sendRetried(() =>
          withOptions(
            UploadPart({
              Bucket,
              Key,
              UploadId,
              PartNumber: part.number,
              Body: bodyOf(data, part.number),
              ContentLength: part.size,
            }),
            value,
          ),
        )
        advance(part.number, part.size)
        // Each part's checksum is data of the part list, as S3 takes it.
        stored.push({ PartNumber: part.number, ETag, ...(algorithm && { [`Checksum${algorithm.name}`]: value }) })
      } finally {
        part.release()
      }
    }

    let read = 0
    for (let part: SourcePart | undefined = first; part; ) {
      if (part.number >= MAX_PARTS && !part.last) {
        throw bodyError(
          'EntityTooLarge',
          `the body is longer than ${MAX_PARTS} parts of ${partSize} bytes, ` +
            `the most one object can have; use a larger partSize.`,
        )
      }
      read += part.size
      if (part.last) total = read
      const current = part
      // The next part is read only once a slot is free, so at most `concurrency` part buffers exist.
      await parts.run(() => store(current))
      if (part.last) break
      part = await untilStopped(source.next(partSize), job.signal)
    }
    await parts.drain()
    if (job.failed) throw job.error

    const objectChecksum = algorithm && wholeChecksum(algorithm, digests, ChecksumType === 'FULL_OBJECT')
    // Not cancellable either: S3 may finish a completion whose request was cut short.
    const completed = await send(
      client,
      withOptions(
        CompleteMultipartUpload({
          Bucket,
          Key,
          UploadId,
          MultipartUpload: { Parts: stored },
          ...compact({ IfMatch, IfNoneMatch }),
        }),
        // A full-object checksum is S3's to check against the one it combines; a composite one is only reported.
        ChecksumType === 'FULL_OBJECT' ? objectChecksum : undefined,
        ChecksumType,
      ),
    )
    uploadId = undefined // stored: from here on, nothing is left to abort
    const ETag = await completedETag(client, { Bucket, Key }, completed, requestOptions)
    return compact<UploadOutput>({
      Bucket,
      Key,
      ETag,
      VersionId: completed.VersionId,
      ServerSideEncryption: completed.ServerSideEncryption,
      Location: completed.Location,
      UploadId,
      ...(algorithm && { [`Checksum${algorithm.name}`]: objectChecksum, ChecksumType }),
    })
  } catch (error) {
    fail(error)
    await source.close(job.error)
    // Parts still in flight could outlive an abort (S3 documents this): let them settle first.
    await parts.settle()
    throw await abandonUpload(
      client,
      { Bucket, Key, UploadId: uploadId, leaveParts: options.leavePartsOnError },
      job.error,
      signal,
      requestOptions,
    )
  } finally {
    job.release()
    await source.close()
  }
}

/**
 * A part's bytes with their checksum, when one was asked for: a Blob slice is read into memory
 * first (one part at a time, as stream parts are), so that it is hashed once and sent as read.
 */
async function checksummed(
  data: PartData,
  algorithm: ChecksumAlgorithm | undefined,
): Promise<[PartData, Uint8Array | undefined]> {
  if (!algorithm) return [data, undefined]
  let bytes: Uint8Array
  try {
    bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer())
  } catch (error) {
    throw bodyError('BodyReadError', `reading the body failed: ${(error as Error)?.message ?? String(error)}`, error)
  }
  const hasher = algorithm.create()
  hasher.update(bytes)
  return [bytes, hasher.digest()]
}

/**
 * The object's checksum from its parts' digests (in part order): a CRC's parts combine into the
 * CRC of the whole body, the same value a single request would have had; a SHA's can only be
 * hashed together, which S3 calls composite and writes with the number of parts (`…-N`).
 */
function wholeChecksum(
  algorithm: ChecksumAlgorithm,
  parts: readonly { digest: Uint8Array; size: number }[],
  full: boolean,
): string {
  const { combine } = algorithm
  if (full && combine) {
    // The CRC of no bytes is 0 for S3's CRCs (their start and final XOR cancel): where the fold begins.
    let whole: Uint8Array = new Uint8Array(parts[0]!.digest.byteLength)
    for (const part of parts) whole = combine(whole, part.digest, part.size)
    return toBase64(whole)
  }
  const hasher = algorithm.create()
  for (const part of parts) hasher.update(part.digest)
  return `${toBase64(hasher.digest())}-${parts.length}`
}

function checkConcurrency(value: unknown): number {
  if (value === undefined) return DEFAULT_CONCURRENCY
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PARTS) {
    throw new InputError(
      'concurrency',
      `must be a whole number of parts in flight from 1 to ${MAX_PARTS}, not ${String(value)}.`,
    )
  }
  return value
}

/** The part size for a body of `size` bytes (undefined: not known until the stream ends). */
export function choosePartSize(size: number | undefined, requested: unknown): number {
  if (
    requested !== undefined &&
    (typeof requested !== 'number' ||
      !Number.isInteger(requested) ||
      requested < MIN_PART_SIZE ||
      requested > MAX_PART_SIZE)
  ) {
    throw new InputError(
      'partSize',
      `must be a whole number of bytes from 5 MiB (${MIN_PART_SIZE}) to 5 GiB (${MAX_PART_SIZE}), ` +
        `not ${String(requested)}: S3 refuses smaller parts (but the last) and larger ones.`,
    )
  }
  if (size !== undefined && size > MAX_OBJECT_SIZE) {
    throw new InputError(
      'Body',
      `has ${size} bytes; an S3 object holds at most ${MAX_OBJECT_SIZE} bytes (${MAX_PARTS} parts of 5 GiB).`,
    )
  }
  // The smallest whole number of MiB that fits the body in 10,000 parts.
  const needed = size === undefined ? 0 : Math.ceil(size / MAX_PARTS / MiB) * MiB
  if (requested === undefined) return Math.max(DEFAULT_PART_SIZE, needed)
  if ((requested as number) * MAX_PARTS < (size ?? 0)) {
    throw new InputError(
      'partSize',
      `${requested} bytes would take more than ${MAX_PARTS} parts for this ${size}-byte body; use at least ` +
        `${needed}, or leave partSize out to have it chosen.`,
    )
  }
  return requested as number
}

/**
 * Node's and Bun's fetch send a stream body as it is read, with the Content-Length given, so a part
 * goes as a stream whose reads count as progress (and is not copied first, as fetch copies bytes).
 * Elsewhere parts go whole and progress moves part by part: browsers send request streams only
 * over HTTP/2 (Chromium) or not at all, Deno sends them chunked, which S3 refuses (411), and
 * workerd is not proven to keep the length.
 */
function streamsRequests(): boolean {
  const where = runtime()
  return where === 'node' || where === 'bun'
}

function sizeOf(data: PartData): number {
  return data instanceof Uint8Array ? data.byteLength : data.size
}

/** The part as a stream that reports how much of it fetch has pulled. */
function countingStream(data: PartData, onBytes: (sent: number) => void): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: Uint8Array | undefined
        if (data instanceof Uint8Array) {
          chunk = sent < data.byteLength ? data.subarray(sent, sent + CHUNK) : undefined
        } else if (sent < data.size) {
          // Slice by slice rather than data.stream(), whose chunks may be the whole part (Node).
          chunk = new Uint8Array(await data.slice(sent, sent + CHUNK).arrayBuffer())
        }
        if (!chunk) return controller.close()
        controller.enqueue(chunk)
        sent += chunk.byteLength
        onBytes(sent)
      },
    },
    { highWaterMark: 0 },
  )
}
