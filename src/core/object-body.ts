import type { ResponseContext } from './command.js'
import { S3Error } from './errors.js'

/** Readers that `GetObject`'s `Body` adds to its web `ReadableStream`. */
export interface BodyReaders {
  /** The body as UTF-8 text. */
  text(): Promise<string>
  /** The body as bytes. */
  bytes(): Promise<Uint8Array>
  /** The body parsed as JSON, typed as `T` but not checked. */
  json<T = unknown>(): Promise<T>
}

/**
 * An object's content: a web `ReadableStream<Uint8Array>` (pipe it, iterate it, hand it to a
 * `Response`) that also reads itself whole with `text()`, `bytes()` or `json()`. It can be read
 * once; a body you do not need should be cancelled (`await Body.cancel()`) to free the connection.
 * A connection that drops or stalls mid-body is asked again for the rest (see `resumeBodies`);
 * what cannot be recovered errors the stream with an `S3Error`, never a bare fetch error.
 */
export type ObjectBody = ReadableStream<Uint8Array> & BodyReaders

export function objectBody(response: Response, context: ResponseContext): ObjectBody {
  const { again, signal, idleMs } = context
  const headers = response.headers
  const etag = headers.get('etag')
  const versionId = headers.get('x-amz-version-id')
  // Where this body sits in the object: `bytes first-last/size` of a 206, else all of it.
  const [, first = 0, last] = /(\d+)-(\d+)/.exec(headers.get('content-range')!) ?? []
  // fetch decodes a Content-Encoding, after which lengths and offsets are no longer S3's; 0: unknown.
  const length = headers.get('content-encoding') ? 0 : Number(headers.get('content-length'))
  let reader = response.body?.getReader()
  let received = 0
  let failures = 0
  let started = false
  const stream = new ReadableStream<Uint8Array>(
    {
      pull: async (controller) => {
        const chunk = await next()
        chunk ? controller.enqueue(chunk) : controller.close()
      },
      cancel: (reason) => reader?.cancel(reason),
    },
    // Nothing is read before the caller asks: an unread body stays unread (and can still be read whole).
    { highWaterMark: 0 },
  )

  /** The next chunk of the body, asking again for the rest where the connection dropped; undefined at its end. */
  function next(): Promise<Uint8Array | undefined> {
    started = true
    return read()
  }

  async function read(): Promise<Uint8Array | undefined> {
    for (;;) {
      let stalled: DOMException | undefined
      // A connection that stalls counts as cut: no byte for idleMs, and it is given up.
      const timer =
        reader && idleMs
          ? setTimeout(() => {
              stalled = new DOMException(`no byte for ${idleMs} ms`, 'TimeoutError')
              void reader?.cancel(stalled).catch(() => undefined)
            }, idleMs)
          : undefined
      try {
        const chunk = reader ? await reader.read() : { done: true as const }
        if (stalled) throw stalled
        if (!chunk.done) {
          // Only bytes count as progress (an empty chunk does not renew the attempts).
          if (chunk.value.byteLength) failures = 0
          received += chunk.value.byteLength
          return chunk.value
        }
        // Some runtimes end a cut body quietly instead of failing it.
        if (!(received < length)) return undefined
        throw new TypeError('ended early')
      } catch (error) {
        void reader?.cancel(error).catch(() => undefined)
        if (signal?.aborted) throw signal.reason
        if (!again || !etag || !(received < length) || ++failures >= context.attempts!) {
          throw new S3Error({
            ...context,
            code: 'NetworkError',
            status: 0,
            message: `body cut after ${received} of ${length} bytes: ${(error as Error).message}`,
            cause: error,
          })
        }
        // A 412 (the object changed) rejects here as an S3Error PreconditionFailed: the body ends with it.
        const rest = await again(
          { range: `bytes=${+first + received}-${last ?? length - 1}`, 'if-match': etag },
          { partNumber: undefined, ...(versionId && { versionId }) },
        )
        // With If-Match, a 206 holds exactly the bytes asked for; anything else is tried again.
        reader = rest.status === 206 ? rest.body?.getReader() : void rest.body?.cancel()
      } finally {
        clearTimeout(timer)
      }
    }
  }

  // Read whole straight from the chunks, without a stream and a Response around them.
  const whole = async (): Promise<Uint8Array> => {
    if (stream.locked || started) {
      throw new TypeError(
        `${context.operation} Body was already read: it can be read once; keep the result of the first read.`,
      )
    }
    const chunks: Uint8Array[] = []
    let size = 0
    for (let chunk: Uint8Array | undefined; (chunk = await next()); size += chunk.byteLength) chunks.push(chunk)
    if (chunks.length === 1) return chunks[0]!
    const bytes = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      bytes.set(chunk, offset)
      offset += chunk.byteLength
    }
    return bytes
  }
  const text = async (): Promise<string> => new TextDecoder().decode(await whole())
  const readers: BodyReaders = {
    text,
    bytes: whole,
    json: async () => JSON.parse(await text()),
  }
  return Object.assign(stream, readers)
}
