import { InputError } from './errors.js'
import { sha256Hex } from './sha256.js'

export { hex } from './hex.js'

import { checkInteger } from './validate.js'

/** What a command can send: in-memory data, a Blob/File, or a stream of known length. */
export type RequestBody =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>

/** A body ready for fetch, with what the signer and the retry loop need to know about it. */
export interface Payload {
  readonly body: BodyInit | undefined
  /** Hex SHA-256 of the bytes, or `UNSIGNED-PAYLOAD` when they cannot be hashed up front. */
  readonly sha256: string
  readonly length: number | undefined
  /** A stream is read once; it cannot be sent again on retry. */
  readonly replayable: boolean
}

// The hash of no bytes, computed once: cheaper in a bundle than its 64 hex digits.
let emptySha256: Promise<string> | undefined

export function isStreamBody(
  body: RequestBody | undefined,
): body is ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> {
  return (
    typeof body === 'object' &&
    body !== null &&
    (typeof (body as ReadableStream).getReader === 'function' || Symbol.asyncIterator in body)
  )
}

/** The body's size in bytes when it can be known without reading it. */
export function knownLength(body: RequestBody | undefined): number | undefined {
  if (body === undefined) return 0
  if (typeof body === 'string') return new TextEncoder().encode(body).length
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return body.byteLength
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body.size
  return undefined
}

/**
 * Checks a body (and the length the caller gave) before anything is sent: a stream must come with
 * its exact `ContentLength`, since S3 needs the length before the first byte.
 */
export function checkBody(body: unknown, contentLength: number | undefined, field = 'Body'): number | undefined {
  if (body === undefined) return contentLength
  const known = knownLength(body as RequestBody)
  if (known === undefined && !isStreamBody(body as RequestBody)) {
    throw new InputError(
      field,
      'must be a string, Uint8Array, ArrayBuffer, Blob, ReadableStream or AsyncIterable<Uint8Array>.',
    )
  }
  checkInteger(contentLength, 'ContentLength', 0)
  if (known === undefined && contentLength === undefined) {
    throw new InputError(
      'ContentLength',
      'a stream body needs its exact length in ContentLength; for a stream of unknown length, ' +
        'use the multipart `upload` helper.',
    )
  }
  if (known !== undefined && contentLength !== undefined && known !== contentLength) {
    throw new InputError('ContentLength', `is ${contentLength} but the body has ${known} bytes.`)
  }
  return known ?? contentLength
}

/**
 * Prepares a body for sending. In-memory bytes are hashed once, here, so retries re-send them
 * without hashing again; Blobs and streams go unsigned (`UNSIGNED-PAYLOAD`) so that nothing has to
 * be read into memory first.
 */
export async function preparePayload(body: RequestBody | undefined, length: number | undefined): Promise<Payload> {
  if (body === undefined)
    return {
      body: undefined,
      sha256: await (emptySha256 ??= sha256Hex(new Uint8Array(0))),
      length: 0,
      replayable: true,
    }
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer) {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
    return { body: bytes as BodyInit, sha256: await sha256Hex(bytes), length: bytes.byteLength, replayable: true }
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    return { body, sha256: 'UNSIGNED-PAYLOAD', length: body.size, replayable: true }
  }
  const stream =
    typeof (body as ReadableStream).getReader === 'function'
      ? (body as ReadableStream<Uint8Array>)
      : fromAsyncIterable(body as AsyncIterable<Uint8Array>)
  return { body: stream, sha256: 'UNSIGNED-PAYLOAD', length, replayable: false }
}

/** A pull-based stream over an async iterable: nothing is read ahead of what fetch consumes. */
export function fromAsyncIterable(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Uint8Array> | undefined
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= source[Symbol.asyncIterator]()
      const { done, value } = await iterator.next()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    async cancel(reason) {
      await iterator?.return?.(reason)
    },
  })
}
