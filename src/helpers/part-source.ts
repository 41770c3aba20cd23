import { S3Error } from '../core/errors.js'

/**
 * Where the `upload` helper gets its parts from. A source hands out parts in order and reads no
 * further than the part it hands out (a stream source peeks one chunk ahead, to know whether a part
 * is the last). Memory: byte and Blob sources give views and slices of what the caller already
 * holds; stream and file sources fill buffers of `partSize` bytes that are reused once a part is
 * stored, so the helper's scheduler alone decides how many exist at a time.
 */
export interface PartSource {
  /** The body's length when it is known up front. */
  readonly size: number | undefined
  /**
   * The next part of `partSize` bytes (fewer for the last), or undefined after the last. The first
   * call always returns a part: an empty body is one part of 0 bytes.
   */
  next(partSize: number): Promise<SourcePart | undefined>
  /** Stops reading: cancels a stream, closes a file. Safe to call more than once. */
  close(reason?: unknown): Promise<void>
}

/** What a part is made of: bytes, or a slice of a Blob/File that is read only while it is sent. */
export type PartData = Uint8Array | Blob

export interface SourcePart {
  readonly number: number
  readonly size: number
  /** True for the final part of the body. */
  readonly last: boolean
  /** The part's content; a file source reads it here, so that parts are read in parallel. */
  load(): Promise<PartData>
  /** Hands the part's buffer back for reuse; the part's data must not be used afterwards. */
  release(): void
}

/** A failure of the caller's body (its stream threw, its file could not be read, its length was wrong). */
export function bodyError(code: string, message: string, cause?: unknown): S3Error {
  return new S3Error({ code, status: 0, operation: 'upload', message, cause })
}

/** Parts that are views (`subarray`) or slices (`Blob.slice`) of a body held whole: nothing is copied. */
export function sliceSource(body: Uint8Array | Blob): PartSource {
  const size = body instanceof Uint8Array ? body.byteLength : body.size
  let offset = 0
  let number = 0
  return {
    size,
    next: async (partSize) => {
      if (offset >= size && number > 0) return undefined
      const start = offset
      const end = Math.min(size, start + partSize)
      offset = end
      const data = body instanceof Uint8Array ? body.subarray(start, end) : body.slice(start, end)
      return { number: ++number, size: end - start, last: end >= size, load: async () => data, release: () => {} }
    },
    close: async () => {},
  }
}

/**
 * Random-access reads (a file): `read(buffer, length, position)` fills the buffer from `position`.
 * Each part is read when it is loaded, inside its upload slot, so parts are read in parallel.
 */
export function rangeSource(
  size: number,
  read: (buffer: Uint8Array, length: number, position: number) => Promise<number>,
  close: () => Promise<void>,
): PartSource {
  const pool = bufferPool()
  let offset = 0
  let number = 0
  return {
    size,
    next: async (partSize) => {
      if (offset >= size && number > 0) return undefined
      const start = offset
      const length = Math.min(size - start, partSize)
      offset = start + length
      let buffer: Uint8Array | undefined
      return {
        number: ++number,
        size: length,
        last: offset >= size,
        load: async () => {
          buffer ??= pool.take(partSize)
          let filled = 0
          try {
            while (filled < length) {
              const count = await read(buffer.subarray(filled, length), length - filled, start + filled)
              if (count === 0)
                throw new Error(`the file ended at byte ${start + filled}, before its size of ${size} bytes`)
              filled += count
            }
          } catch (error) {
            throw bodyError('BodyReadError', `reading the body failed: ${(error as Error).message}`, error)
          }
          return buffer.subarray(0, length)
        },
        release: () => buffer && pool.give(buffer),
      }
    },
    close,
  }
}

/**
 * Parts cut from a stream, read only as parts are asked for. With a declared length (the caller's
 * `ContentLength`) the stream must deliver exactly that many bytes.
 */
export function streamSource(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  declared: number | undefined,
): PartSource {
  const reader = chunkReader(body)
  const pool = bufferPool()
  let pending: Uint8Array | undefined
  let ended = false
  let read = 0
  let number = 0

  const nextChunk = async (): Promise<Uint8Array | undefined> => {
    for (;;) {
      let chunk: unknown
      try {
        chunk = await reader.read()
      } catch (error) {
        throw bodyError(
          'BodyReadError',
          `reading the body failed: ${(error as Error)?.message ?? String(error)}`,
          error,
        )
      }
      if (chunk === undefined) {
        ended = true
        if (declared !== undefined && read < declared) {
          throw bodyError('IncompleteBody', `the body ended after ${read} bytes, but ContentLength is ${declared}.`)
        }
        return undefined
      }
      if (!(chunk instanceof Uint8Array))
        throw bodyError('BodyReadError', 'the body stream must yield Uint8Array chunks.')
      if (chunk.byteLength === 0) continue
      read += chunk.byteLength
      if (declared !== undefined && read > declared) {
        throw bodyError('EntityTooLarge', `the body has more than the ${declared} bytes ContentLength declares.`)
      }
      return chunk
    }
  }

  return {
    size: declared,
    next: async (partSize) => {
      if (ended && !pending) return undefined
      const buffer = pool.take(partSize)
      let filled = 0
      try {
        while (filled < partSize) {
          // Every chunk is copied before the next is asked for: a source may reuse its buffers.
          const chunk = pending ?? (await nextChunk())
          pending = undefined
          if (!chunk) break
          const count = Math.min(chunk.byteLength, partSize - filled)
          buffer.set(count === chunk.byteLength ? chunk : chunk.subarray(0, count), filled)
          filled += count
          if (count < chunk.byteLength) pending = chunk.subarray(count)
        }
        // A full part may still be the last: peek one chunk to know.
        if (!pending && !ended) pending = await nextChunk()
      } catch (error) {
        pool.give(buffer)
        throw error
      }
      if (filled === 0 && number > 0) {
        pool.give(buffer)
        return undefined
      }
      const data = buffer.subarray(0, filled)
      return {
        number: ++number,
        size: filled,
        last: !pending,
        load: async () => data,
        release: () => pool.give(buffer),
      }
    },
    close: async (reason) => {
      pending = undefined
      ended = true
      reader.cancel(reason)
    },
  }
}

interface ChunkReader {
  /** The next chunk, or undefined at the end. */
  read(): Promise<unknown>
  /** Asks the stream to stop, without waiting for it. */
  cancel(reason?: unknown): void
}

/** Reads chunks from either kind of stream; the stream is locked only once reading starts. */
function chunkReader(body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): ChunkReader {
  if (typeof (body as ReadableStream).getReader === 'function') {
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
    return {
      read: async () => (await (reader ??= (body as ReadableStream<Uint8Array>).getReader()).read()).value,
      cancel: (reason) => void reader?.cancel(reason).catch(() => {}),
    }
  }
  let iterator: AsyncIterator<Uint8Array> | undefined
  return {
    read: async () => {
      const { done, value } = await (iterator ??= (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()).next()
      return done ? undefined : value
    },
    cancel: (reason) => {
      if (!iterator) return
      // A generator busy in next() runs return() only after it, however long that takes: a Node stream
      // (stdin waiting for input) is destroyed instead, which ends the pending read and frees the handle.
      const destroy = (body as { destroy?: () => void }).destroy
      if (typeof destroy === 'function') destroy.call(body)
      else void Promise.resolve(iterator.return?.(reason)).catch(() => {})
    },
  }
}

/** Buffers of one size, kept for reuse so that memory stays at the number in use at once. */
function bufferPool() {
  const free: Uint8Array[] = []
  return {
    take: (size: number): Uint8Array => {
      const buffer = free.pop()
      return buffer && buffer.byteLength === size ? buffer : new Uint8Array(size)
    },
    give: (buffer: Uint8Array): void => {
      free.push(buffer)
    },
  }
}
