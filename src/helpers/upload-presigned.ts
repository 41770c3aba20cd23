import { etagHeader, requiredHeader } from '../../codecs/headers.js'
import type { CompletedPart } from '../../codecs/multipart.js'
import type { RetryPolicy } from '../core/client.js'
import type { ResponseContext } from '../core/command.js'
import { parseErrorDocument, toS3Error } from '../core/error-document.js'
import { InputError, S3Error } from '../core/errors.js'
import { checkUploadId, MAX_PARTS } from '../core/multipart-limits.js'
import { retrying } from '../core/retry.js'
import { checkInteger } from '../core/validate.js'
import { firstFailure, untilStopped } from './multipart-job.js'
import { type SourcePart, sliceSource } from './part-source.js'
import { pool } from './pool.js'
import { choosePartSize, type UploadProgress } from './upload.js'

// This module is what a page without credentials bundles: it must reach neither `send` nor the
// signer (aws4fetch), only the error reader, the retry loop, the pool and the part source.

/** A part `uploadPresigned` asks the app's server to presign: the upload, the part's number and its exact size. */
export interface PartToSign {
  readonly UploadId: string
  /** 1 to 10,000. */
  readonly PartNumber: number
  /** The part's size in bytes; the server may use it to check a quota or presign a `Content-Length`. */
  readonly ContentLength: number
}

/**
 * A presigned `UploadPart` request: its URL, or what `presign` returns (`{ url, headers }`), whose
 * headers are then sent with the part.
 */
export type SignedPart = string | { readonly url: string; readonly headers?: Readonly<Record<string, string>> }

/** A part the upload already holds, as `ListParts` reports it (other fields are ignored). */
export interface StoredPart {
  readonly PartNumber: number
  readonly ETag: string
  readonly Size: number
}

/**
 * The options of `uploadPresigned`: the app's own calls to its server (which holds the credentials
 * and runs the multipart commands), the upload to resume, and the usual transfer settings.
 */
export interface UploadPresignedOptions<Result> {
  /**
   * Starts a multipart upload (the server sends `CreateMultipartUpload`) and returns its
   * `UploadId`. Keep the ID (e.g. in `localStorage`) to resume after a reload. Not called when
   * `uploadId` is given.
   */
  readonly create: () => Promise<{ readonly UploadId: string }>
  /**
   * Presigns one part's `UploadPart` request (the server calls
   * `presign(client, UploadPart({ Bucket, Key, UploadId, PartNumber }))`). Called for each attempt
   * at a part, so that a retry never uses a URL that may have expired; `signal` aborts when the
   * upload stops. A rejection is not retried: it fails the upload as it is.
   */
  readonly signPart: (part: PartToSign, options: { readonly signal: AbortSignal }) => Promise<SignedPart>
  /**
   * Every part the upload holds (the server pages through `ListParts`, e.g. with `paginateItems`).
   * Needed only to resume (`uploadId`).
   */
  readonly listParts?: (uploadId: string, options: { readonly signal: AbortSignal }) => Promise<readonly StoredPart[]>
  /**
   * Completes the upload with every part, in ascending order (the server sends
   * `CompleteMultipartUpload`); what it returns is what `uploadPresigned` returns.
   */
  readonly complete: (uploadId: string, parts: CompletedPart[]) => Promise<Result>
  /**
   * Aborts the upload (the server sends `AbortMultipartUpload`) when it fails, so that no parts are
   * left to pay for. Required unless `leavePartsOnError` is true.
   */
  readonly abort?: (uploadId: string) => Promise<unknown>
  /**
   * Resumes this upload instead of creating one: the parts it already holds are kept, the rest
   * are sent. The body and `partSize` must be the ones it was started with.
   */
  readonly uploadId?: string
  /**
   * Bytes per part, as `upload` takes it: 8 MiB by default (more for a body that would need over
   * 10,000 parts), at least 5 MiB. A resumed upload needs the part size it was started with.
   */
  readonly partSize?: number
  /** Parts in flight at once (default 4). */
  readonly concurrency?: number
  /**
   * Called as the parts' bytes go out, with the bytes sent so far: during each part where
   * XMLHttpRequest reports them (pages, dedicated workers), and as each part is stored. `loaded`
   * never goes back (a part sent again does not count twice), reaches `total` only once every part
   * is stored, and starts, on a resumed upload, with the parts already held.
   */
  readonly onProgress?: (progress: UploadProgress) => void
  /**
   * Stops the upload: parts in flight are cancelled, the upload is aborted (unless
   * `leavePartsOnError`) and the promise rejects with `signal.reason`. The completion, once asked
   * for, is not interrupted.
   */
  readonly signal?: AbortSignal
  /**
   * Keeps the parts when the upload fails or is stopped, to resume it later with `uploadId` (the
   * error's `uploadId`, or the one `create` returned); `abort` is not called then.
   */
  readonly leavePartsOnError?: boolean
  /** Attempts per part and backoff, as a client's `retry` (default 3 attempts from 100 ms, at most 20 s apart). */
  readonly retry?: Partial<RetryPolicy>
  /**
   * A fetch to send the parts with (progress then moves part by part). By default parts go through
   * XMLHttpRequest where there is one, for its progress events, and through the global fetch elsewhere.
   */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>
}

/**
 * Uploads a Blob (a File) or bytes as a multipart upload whose parts go straight to S3 through
 * URLs presigned by the app's server, so that a page holds no credentials (and bundles no signer).
 * The server creates, lists, completes and aborts the upload through the callbacks; this helper
 * cuts the body into parts, sends them in parallel (XMLHttpRequest in a page, fetch elsewhere),
 * retries each on retryable failures with a freshly presigned URL, reads each part's ETag (the
 * bucket's CORS rule must expose `ETag`), reports progress in bytes, and, given `uploadId`, resumes
 * an interrupted upload by sending only the parts it lacks. A failed upload is
 * aborted unless `leavePartsOnError`; the promise then rejects with the first error (an `S3Error`
 * carrying `uploadId` when S3 refused a part, the callback's own error otherwise), or with
 * `signal.reason`. Invalid options are an `InputError` before any call.
 *
 * @example
 * const api = (path: string, body: unknown) =>
 *   fetch(`/api/upload/${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json())
 * const result = await uploadPresigned(file, {
 *   create: () => api('create', { name: file.name }),
 *   signPart: (part) => api('sign', part),
 *   complete: (UploadId, Parts) => api('complete', { UploadId, Parts }),
 *   abort: (UploadId) => api('abort', { UploadId }),
 *   onProgress: ({ loaded, total }) => console.log(`${loaded} of ${total} bytes`),
 * })
 */
export async function uploadPresigned<Result>(
  body: Blob | Uint8Array | ArrayBuffer,
  options: UploadPresignedOptions<Result>,
): Promise<Result> {
  if (!(body instanceof Blob || body instanceof Uint8Array || body instanceof ArrayBuffer)) {
    throw new InputError('body', 'must be a Blob (a File), a Uint8Array or an ArrayBuffer.')
  }
  const { create, signPart, listParts, complete, abort, onProgress, signal, leavePartsOnError } = options
  for (const name of ['create', 'signPart', 'complete'] as const) {
    if (typeof options[name] !== 'function') throw new InputError(name, 'must be a function that calls your server.')
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InputError('onProgress', 'must be a function, called with { loaded, total, part }.')
  }
  if (typeof abort !== 'function' && leavePartsOnError !== true) {
    throw new InputError(
      'abort',
      'must be a function that aborts the upload on your server, unless leavePartsOnError is true: ' +
        'a failed upload would otherwise leave its parts stored (and billed).',
    )
  }
  const resumed = options.uploadId === undefined ? undefined : checkUploadId(options.uploadId, 'uploadId')
  if (resumed !== undefined && typeof listParts !== 'function') {
    throw new InputError('listParts', 'must be a function that lists the upload’s parts, to resume it.')
  }
  const source = sliceSource(body instanceof ArrayBuffer ? new Uint8Array(body) : body)
  const size = source.size!
  const partSize = choosePartSize(size, options.partSize)
  const concurrency = checkInteger(options.concurrency, 'concurrency', 1, MAX_PARTS) ?? 4
  const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000, ...options.retry }
  checkInteger(policy.maxAttempts, 'retry.maxAttempts', 1)
  // XMLHttpRequest where there is one (pages, dedicated workers): it alone reports the bytes of a
  // request body as they go, which fetch does not; fetch elsewhere (service workers, servers).
  const transport: Transport =
    options.fetch ?? (typeof XMLHttpRequest === 'function' ? xhrPut : (url, init) => fetch(url, init))
  signal?.throwIfAborted()

  // Parts the upload holds already. Listed before anything can fail over to `abort`: a resume that
  // cannot be listed, or whose parts do not fit this body, leaves the upload as it was.
  const held = new Map<number, StoredPart>()
  if (resumed !== undefined) {
    const count = Math.max(1, Math.ceil(size / partSize))
    const listing = new AbortController()
    const stop = (): void => listing.abort(signal!.reason)
    signal?.addEventListener('abort', stop, { once: true })
    try {
      for (const part of await untilStopped(listParts!(resumed, { signal: listing.signal }), listing.signal)) {
        held.set(part.PartNumber, part)
        // Every part but the last is partSize long, so a stored part of another size (or number)
        // means another body or part size, whose parts cannot be joined to these.
        const expected = part.PartNumber < count ? partSize : size - (count - 1) * partSize
        if (!(part.PartNumber >= 1 && part.PartNumber <= count && part.Size === expected)) {
          throw new InputError(
            'uploadId',
            `upload ${resumed} holds part ${part.PartNumber} of ${part.Size} bytes, which this ${size}-byte ` +
              `body cut in parts of ${partSize} bytes does not have: resume with the same body and partSize, ` +
              `or start a new upload.`,
          )
        }
      }
    } finally {
      signal?.removeEventListener('abort', stop)
    }
  }

  const job = firstFailure(signal)
  const { fail } = job
  // Bytes counted per part, never less than before, so that a part sent again does not count twice.
  let loaded = 0
  const counted: number[] = []
  const advance = (part: number, bytes: number): void => {
    const before = counted[part] ?? 0
    if (bytes <= before) return
    counted[part] = bytes
    loaded += bytes - before
    try {
      onProgress?.({ loaded, total: size, part })
    } catch (error) {
      fail(error)
    }
  }

  // What every part error names; the page knows no bucket or key, only the URL.
  const context: ResponseContext = { operation: 'UploadPart' }
  const put = async (
    url: string,
    headers: Readonly<Record<string, string>>,
    data: Blob | Uint8Array,
    onBytes: (sent: number) => void,
  ) => {
    let response: Response
    try {
      // 'manual': a redirect from S3 names another region or endpoint, for which the URL is not signed
      // (fetch only; XMLHttpRequest follows it, and S3 then refuses the signature).
      response = await transport(
        url,
        {
          method: 'PUT',
          headers,
          body: data as BodyInit,
          redirect: 'manual',
          signal: job.signal,
        },
        onBytes,
      )
    } catch (error) {
      // fetch rejects with a TypeError when no response came (or CORS hid it): worth another attempt.
      if (job.signal.aborted || !(error instanceof TypeError)) throw error
      throw new S3Error({
        ...context,
        code: 'NetworkError',
        status: 0,
        message: `UploadPart could not reach ${new URL(url).host}: ${error.message}`,
        cause: error,
      })
    }
    if (!response.ok) throw toS3Error(context, response, parseErrorDocument(await response.text()))
    // The ETag is quoted as S3 sends it (RGW leaves the quotes out in places); a CORS rule that does
    // not expose it hides it from the page, which the error says.
    return requiredHeader<string>(response, context, 'etag', etagHeader)
  }

  let uploadId = resumed
  const parts = pool(concurrency, fail)
  try {
    if (uploadId === undefined) {
      // Not cancellable: an upload created by a call cut short could not be found to abort it.
      uploadId = checkUploadId((await create())?.UploadId, 'create().UploadId')
      if (job.failed) throw job.error
    }
    const UploadId = uploadId
    const done: CompletedPart[] = []
    const store = async (part: SourcePart): Promise<void> => {
      try {
        const data = await part.load()
        // Presigned afresh for every attempt: a URL that expired or was refused reaches a page as a
        // network error (RGW sends no CORS headers with an authentication failure, so the browser
        // hides the 403), which a retry with the same URL could never get past.
        const ETag = await retrying(policy, job.signal, async () => {
          const signed = await untilStopped(
            signPart({ UploadId, PartNumber: part.number, ContentLength: part.size }, { signal: job.signal }),
            job.signal,
          )
          const { url, headers = {} } = typeof signed === 'string' ? { url: signed } : (signed ?? {})
          if (typeof url !== 'string') {
            throw new InputError('signPart', 'must resolve to the presigned URL, or to { url, headers }.')
          }
          // A part goes again from its slice: nothing was consumed by a failed attempt.
          // Bytes sent count as they go, but the part's last byte only once S3 has stored it all.
          return put(url, headers, data, (sent) => advance(part.number, Math.min(sent, part.size - 1)))
        })
        done.push({ PartNumber: part.number, ETag })
        advance(part.number, part.size)
      } finally {
        part.release()
      }
    }
    for (let part = await source.next(partSize); part; part = part.last ? undefined : await source.next(partSize)) {
      const kept = held.get(part.number)
      if (kept) {
        done.push({ PartNumber: kept.PartNumber, ETag: kept.ETag })
        advance(part.number, part.size)
      } else {
        const current = part
        await parts.run(() => store(current))
      }
      if (job.failed) throw job.error
    }
    await parts.drain()
    if (job.failed) throw job.error
    done.sort((a, b) => a.PartNumber - b.PartNumber)
    // Not cancellable either: S3 may finish a completion whose request was cut short.
    const result = await complete(UploadId, done)
    uploadId = undefined // stored: from here on, nothing is left to abort
    return result
  } catch (error) {
    fail(error)
    // Parts still in flight could outlive an abort (S3 documents this): let them settle first.
    await parts.settle()
    throw await abandon(job.error, uploadId, leavePartsOnError ? undefined : abort, signal)
  } finally {
    job.release()
  }
}

/** Aborts the failed upload through the app's `abort`, and returns the error to reject with. */
async function abandon(
  error: unknown,
  uploadId: string | undefined,
  abort: ((uploadId: string) => Promise<unknown>) | undefined,
  caller: AbortSignal | undefined,
): Promise<unknown> {
  let note = ''
  if (uploadId !== undefined && abort) {
    await Promise.resolve()
      .then(() => abort(uploadId))
      .catch((abortError: unknown) => {
        note = ` (abort failed too, so the parts of upload ${uploadId} are left: ${(abortError as Error)?.message})`
      })
  }
  if ((caller?.aborted && error === caller.reason) || !(error instanceof S3Error)) return error
  return error.with({ uploadId, ...(note ? { message: error.message + note } : {}) })
}

/** How a part is sent: fetch, or a fetch-like over XMLHttpRequest that reports bytes sent. */
type Transport = (url: string, init: RequestInit, onBytes: (sent: number) => void) => Promise<Response>

/**
 * A PUT over XMLHttpRequest, answered as fetch would answer it: a `Response` with the status, the
 * headers CORS exposes and the body text; a TypeError when no response came; the signal's reason
 * when it aborts.
 */
function xhrPut(url: string, init: RequestInit, onBytes: (sent: number) => void): Promise<Response> {
  const signal = init.signal!
  return new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    const onAbort = (): void => xhr.abort()
    if (signal.aborted) return reject(signal.reason)
    xhr.open('PUT', url)
    for (const [name, value] of Object.entries(init.headers as Record<string, string>))
      xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => onBytes(event.loaded)
    xhr.onload = () => {
      const headers = new Headers()
      for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
        const colon = line.indexOf(':')
        if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
      }
      resolve(new Response(xhr.responseText || null, { status: xhr.status, headers }))
    }
    xhr.onerror = xhr.ontimeout = () => reject(new TypeError(`PUT ${new URL(url).host} failed (network or CORS)`))
    xhr.onabort = () => reject(signal.reason)
    xhr.onloadend = () => signal.removeEventListener('abort', onAbort)
    signal.addEventListener('abort', onAbort, { once: true })
    xhr.send(init.body as XMLHttpRequestBodyInit)
  })
}
