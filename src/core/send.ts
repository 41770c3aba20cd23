import { isStreamBody, preparePayload } from './body.js'
import type { Client } from './client.js'
import type { Command, ResponseContext } from './command.js'
import { resolveCredentials } from './credentials.js'
import { parseErrorDocument, toS3Error } from './error-document.js'
import { InputError, S3Error } from './errors.js'
import { retrying } from './retry.js'
import { isWorkerd } from './runtime.js'
import { signRequest } from './sign.js'
import { objectUrl } from './url.js'

/** Options of one `send` call: a signal, a deadline for the whole call, and whether a cut GetObject body resumes. */
export interface SendOptions {
  /** Aborts the request (and any wait between retries); the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined
  /**
   * A deadline for the whole call, in milliseconds: every attempt and wait, and the reading of a
   * GetObject body. Past it, the call (or the body) fails with a `TimeoutError` DOMException, as
   * `AbortSignal.timeout` does.
   */
  readonly timeoutMs?: number | undefined
  /** Whether a GetObject body cut mid-stream asks for the rest; the client's `resumeBodies` by default. */
  readonly resume?: boolean | undefined
}

/**
 * What a client learns from S3's answers, kept beside it so that the client stays a plain frozen
 * object: how far the server's clock is from ours (ms), and the region of each bucket that lives
 * in another region than the client's.
 */
const learned = /* @__PURE__ */ new WeakMap<Client, { skew: number; regions: Record<string, string> }>()

/**
 * Milliseconds to add to the local clock to get the server's, as the client has learned it (0 until a skew is seen).
 */
export function clockOffset(client: Client): number {
  return learned.get(client)?.skew ?? 0
}

/**
 * Sends one command and returns its typed output. The one request path of s3kit: resolve the URL,
 * prepare the body, sign, fetch, retry what is worth retrying, turn failures into `S3Error`, and
 * let the command parse the rest. It knows nothing about any particular operation.
 *
 * @example
 * const { ETag } = await send(client, PutObject({ Bucket: 'photos', Key: 'cat.txt', Body: 'meow' }))
 */
export async function send<Output>(
  client: Client,
  command: Command<Output>,
  options: SendOptions = {},
): Promise<Output> {
  const { timeoutMs, resume = client.resumeBodies } = options
  let { signal } = options
  if (timeoutMs) signal = anySignal(AbortSignal.timeout(timeoutMs), signal)
  const payload = await preparePayload(command.body, command.contentLength)
  let state = learned.get(client)
  if (!state) learned.set(client, (state = { skew: 0, regions: {} }))
  const { regions } = state
  // What the command's parse (and the GetObject body) is told, and what every error names.
  const context: ResponseContext = {
    operation: command.operation,
    bucket: command.bucket,
    key: command.key,
    again: resume ? (headers, query) => retrying(client.retry, signal, () => request(headers, query)) : undefined,
    attempts: client.retry.maxAttempts,
    signal,
    idleMs: client.bodyTimeoutMs,
  }

  // One request, and one more when S3's refusal says how to fix it: S3 refuses a request signed
  // more than 15 minutes off its own clock (RequestTimeTooSkewed, or a bare signature error on
  // some servers) and its Date header says by how much; a bucket in another region answers 301
  // PermanentRedirect, 400 AuthorizationHeaderMalformed, or (HEAD) a status, naming the region.
  const request = async (
    headers?: Readonly<Record<string, string>>,
    query?: Readonly<Record<string, string | undefined>>,
  ): Promise<Response> => {
    for (let fixed = false; ; fixed = true) {
      const region = regions[command.bucket!] || client.region
      // An AWS endpoint names its region (s3.eu-west-1…, s3.dualstack.eu-west-1…); others are kept.
      const endpoint = client.endpoint.replace(`.${client.region}.`, `.${region}.`)
      const url = objectUrl({ ...client, endpoint }, command.bucket, command.key, { ...command.query, ...query })
      // The timeout covers the wait for response headers only; the caller's signal covers the body too.
      const timeout = client.requestTimeoutMs === undefined ? undefined : new AbortController()
      let timer: ReturnType<typeof setTimeout> | undefined
      let response: Response
      try {
        const signed = await signRequest(
          {
            method: command.method,
            url,
            // Browsers set Content-Length themselves; other runtimes need it for a stream body.
            headers: {
              ...command.headers,
              ...headers,
              ...(payload.length !== undefined &&
                payload.body !== undefined && { 'content-length': String(payload.length) }),
            },
            payloadHash: payload.sha256,
            // The server's time, once a skew has been seen; aws4fetch's own clock otherwise.
            ...(state.skew && {
              datetime: new Date(Date.now() + state.skew).toISOString().replace(/[:-]|\.\d{3}/g, ''),
            }),
          },
          await resolveCredentials(client.credentials),
          region,
        )
        timer =
          timeout &&
          setTimeout(
            () => timeout.abort(new DOMException('request timed out', 'TimeoutError')),
            client.requestTimeoutMs,
          )
        response = await client.fetch(url, {
          method: command.method,
          headers: signed,
          body: payload.body ?? null,
          signal: anySignal(signal, timeout?.signal) ?? null,
          // A 3xx from S3 means "wrong region or endpoint"; following it would re-send the request
          // signed for another host, so it is reported instead. Except for an unhashed body (a Blob or
          // a stream): with any mode but 'error', undici's fetch clones the request and tees the body
          // for a redirect it may never follow, holding all of it in memory (nodejs/undici#4058).
          // workerd refuses 'error' (it knows only 'follow' and 'manual') and has no such copy.
          redirect: payload.sha256 === 'UNSIGNED-PAYLOAD' && !isWorkerd() ? 'error' : 'manual',
          ...(isStreamBody(command.body) && { duplex: 'half' }),
        } as RequestInit)
      } catch (error) {
        // fetch rejects with a TypeError when no response came; our own timeout aborts with TimeoutError.
        if (
          signal?.aborted ||
          !(
            (error instanceof TypeError && !(error instanceof InputError)) ||
            (error as Error | undefined)?.name === 'TimeoutError'
          )
        )
          throw error
        throw new S3Error({
          ...context,
          code: 'NetworkError',
          status: 0,
          message: `${command.operation} could not reach ${new URL(url).host}: ${(error as Error).message}`,
          cause: error,
        })
      } finally {
        clearTimeout(timer)
      }
      if (response.ok) return response
      const error = toS3Error(
        context,
        response,
        command.method === 'HEAD' ? undefined : parseErrorDocument(await response.text()),
      )
      const skew = Date.parse(response.headers.get('date')!) - Date.now()
      const named = error.region
      if (fixed) throw error
      if (error.status === 403 && skew && (error.code === 'RequestTimeTooSkewed' || Math.abs(skew - state.skew) > 3e5))
        state.skew = skew
      else if (
        client.regionRedirects &&
        named &&
        named !== region &&
        (error.status === 301 || error.status === 400 || command.method === 'HEAD')
      )
        regions[command.bucket!] = named
      else throw error
    }
  }
  return retrying(
    client.retry,
    signal,
    async () => {
      return await command.parse(await request(), context)
    },
    (failure) =>
      payload.replayable
        ? undefined
        : failure.with({
            message:
              `${failure.message} (not retried: a stream body is sent once; to retry, pass bytes or a Blob, ` +
              `or use upload)`,
          }),
  )
}

/** Both signals, when there are two: an abort of either aborts the request. */
function anySignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : a || b
}
