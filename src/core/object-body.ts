/** Readers that `GetObject`'s `Body` adds to its web `ReadableStream`. */
export interface BodyReaders {
  /** The body as UTF-8 text. */
  text(): Promise<string>
  bytes(): Promise<Uint8Array>
  json<T = unknown>(): Promise<T>
}

/**
 * An object's content: a web `ReadableStream<Uint8Array>` (pipe it, iterate it, hand it to a
 * `Response`) that also reads itself whole with `text()`, `bytes()` or `json()`. It can be read
 * once; a body you do not need should be cancelled (`await Body.cancel()`) to free the connection.
 */
export type ObjectBody = ReadableStream<Uint8Array> & BodyReaders

export function objectBody(response: Response, operation: string): ObjectBody {
  const stream = (response.body ?? new Response(new Uint8Array(0)).body!) as ReadableStream<Uint8Array>
  const whole = (): Response => {
    if (stream.locked || response.bodyUsed) {
      throw new TypeError(`${operation} Body was already read: a body is a stream and can be read once; keep the result of the first read.`)
    }
    return response.body ? response : new Response(stream)
  }
  const readers: BodyReaders = {
    text: async () => whole().text(),
    bytes: async () => new Uint8Array(await whole().arrayBuffer()),
    json: async <T>() => (await whole().json()) as T,
  }
  return Object.assign(stream, readers)
}
