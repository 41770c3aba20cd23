import type { ResponseContext } from '../command.js'
import { S3Error } from '../errors.js'
import type { BodyReaders, ObjectBody } from '../object-body.js'
import { type BodyVerifier, type ChecksumAlgorithm, type ChecksumName, checksumHeader, toBase64 } from './checksum.js'

/**
 * `body` checked against the checksum S3 sent, as it is read: every byte goes through the
 * algorithm on its way to the caller, and at the end of the body a mismatch errors the stream (an
 * `S3Error` with code `BadDigest`) instead of closing it. So a stream reader sees an error where the
 * end would be, `text()`, `bytes()` and `json()` reject, and nobody gets the bad bytes as a completed
 * body. Nothing is buffered beyond what the caller reads.
 */
function verifiedBody(
  body: ObjectBody,
  algorithm: ChecksumAlgorithm,
  expected: string,
  status: number,
  context: ResponseContext,
): ObjectBody {
  const hasher = algorithm.create()
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await (reader ??= body.getReader()).read()
        if (!chunk.done) {
          hasher.update(chunk.value)
          return controller.enqueue(chunk.value)
        }
        const actual = toBase64(hasher.digest())
        if (actual !== expected) {
          throw new S3Error({
            ...context,
            code: 'BadDigest',
            status,
            message:
              `the body's ${algorithm.name} is ${actual}, but S3 sent ${expected}: ` +
              'the bytes received are not the bytes stored.',
          })
        }
        controller.close()
      },
      cancel: (reason) => (reader ?? body).cancel(reason),
    },
    // Read only as fast as the caller reads, as the body it wraps.
    { highWaterMark: 0 },
  )

  // Read whole through the stream, so the check runs. Not through a Response: browsers may turn
  // the stream's error into a TypeError of their own, and the caller must get the S3Error.
  const bytes = async (): Promise<Uint8Array> => {
    if (stream.locked) {
      throw new TypeError(`${context.operation} Body was already read: it can be read once.`)
    }
    const chunks: Uint8Array[] = []
    const all = stream.getReader()
    for (let next = await all.read(); !next.done; next = await all.read()) chunks.push(next.value)
    const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0))
    let offset = 0
    for (const chunk of chunks) {
      out.set(chunk, offset)
      offset += chunk.byteLength
    }
    return out
  }
  const text = async (): Promise<string> => new TextDecoder().decode(await bytes())
  const readers: BodyReaders = { bytes, text, json: async () => JSON.parse(await text()) }
  return Object.assign(stream, readers)
}

/**
 * Which of `algorithms` checks this response's body (the first S3 sent a checksum for), and the
 * body that does; or why none can. A checksum is used only where it covers exactly the bytes
 * received: not a composite one, not the whole object's for a range, not after fetch decoded a
 * Content-Encoding.
 */
export const verifyBody: BodyVerifier = (body, response, context, algorithms) => {
  const headers = response.headers
  const sent = (name: ChecksumName) => headers.get(checksumHeader(name))
  const algorithm = algorithms.find(({ name }) => sent(name))
  if (!algorithm) {
    const any = [...headers.keys()].some((name) => /^x-amz-checksum-(?!mode|type)/.test(name))
    return { ChecksumNotVerified: any ? 'ALGORITHM_NOT_GIVEN' : 'NO_CHECKSUM' }
  }
  const expected = sent(algorithm.name)!
  if (/-\d+$/.test(expected)) return { ChecksumNotVerified: 'COMPOSITE' }
  if (!/^(identity)?$/.test(headers.get('content-encoding') ?? '')) return { ChecksumNotVerified: 'CONTENT_ENCODING' }
  const [, first, last, size] = /(\d+)-(\d+)\/(\d+)/.exec(headers.get('content-range') ?? '') ?? []
  // A composite object's own checksum ends in -N (refused above): a plain one with it is the checksum
  // of one part, which S3 sends only for a part number or a range that is exactly that part.
  const whole =
    response.status !== 206 ||
    (first === '0' && Number(last) + 1 === Number(size)) ||
    headers.get('x-amz-checksum-type') === 'COMPOSITE'
  if (!whole) return { ChecksumNotVerified: 'PARTIAL' }
  return {
    ChecksumVerified: algorithm.name,
    Body: verifiedBody(body, algorithm, expected, response.status, context),
  }
}
