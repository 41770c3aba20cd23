import { isStreamBody, preparePayload, type Payload } from './body.js'
import type { Client } from './client.js'
import type { Command, ResponseContext } from './command.js'
import { resolveCredentials } from './credentials.js'
import { InputError, S3Error } from './errors.js'
import { retrying } from './retry.js'
import { signRequest } from './sign.js'
import { runtime } from './runtime.js'
import { objectUrl } from './url.js'
import { codeForStatus, isErrorDocument, parseErrorDocument } from './error-document.js'

export interface SendOptions {
  /** Aborts the request (and any wait between retries); the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined
}

/**
 * Sends one command and returns its typed output. The one request path of s3kit: resolve the URL,
 * prepare the body, sign, fetch, retry what is worth retrying, turn failures into `S3Error`, and
 * let the command parse the rest. It knows nothing about any particular operation.
 *
 * @example
 * const { ETag } = await send(client, PutObject({ Bucket: 'photos', Key: 'cat.txt', Body: 'meow' }))
 */
export async function send<Output>(client: Client, command: Command<Output>, options: SendOptions = {}): Promise<Output> {
  const { signal } = options
  const context: ResponseContext = { operation: command.operation, bucket: command.bucket, key: command.key }
  const url = objectUrl(client, command.bucket, command.key, command.query)
  const payload = await preparePayload(command.body, command.contentLength)
  return retrying(
    client.retry,
    signal,
    async () => {
      let response: Response
      try {
        response = await attemptFetch(client, command, url, payload, signal)
      } catch (error) {
        if (signal?.aborted || !isNetworkFailure(error)) throw error
        throw new S3Error({
          ...context,
          code: 'NetworkError',
          status: 0,
          message: `${command.operation} could not reach ${new URL(url).host}: ${(error as Error).message}`,
          cause: error,
        })
      }
      if (!response.ok) throw toS3Error(context, response, command.method === 'HEAD' ? '' : await response.text())
      if (!command.errorIn200) return await command.parse(response, context)
      // The error of a long-running copy or completion arrives after the 200: read it all first.
      const text = await response.text()
      if (isErrorDocument(text)) throw toS3Error(context, response, text)
      return await command.parse(new Response(text, response), context)
    },
    (failure) =>
      payload.replayable
        ? undefined
        : failure.with({
            message: `${failure.message} (not retried: the request body was a stream and has been consumed; pass bytes, a Blob, or use the upload helper to retry)`,
          }),
  )
}

async function attemptFetch(
  client: Client,
  command: Command<unknown>,
  url: string,
  payload: Payload,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const credentials = await resolveCredentials(client.credentials)
  const headers = await signRequest(
    { method: command.method, url, headers: { ...command.headers, ...lengthHeader(payload) }, payloadHash: payload.sha256 },
    credentials,
    client.region,
  )
  const timeout = client.requestTimeoutMs === undefined ? undefined : new AbortController()
  const timer = timeout && setTimeout(() => timeout.abort(new DOMException('request timed out', 'TimeoutError')), client.requestTimeoutMs)
  // Only a timeout needs the caller's signal forwarded; otherwise fetch listens to it directly.
  const onAbort = (): void => timeout!.abort(signal!.reason)
  if (timeout) signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const init: RequestInit & { duplex?: 'half' } = {
      method: command.method,
      headers,
      body: payload.body ?? null,
      signal: timeout?.signal ?? signal ?? null,
      // A 3xx from S3 means "wrong region or endpoint"; following it would re-send the request
      // signed for another host, so it is reported instead. Except for an unhashed body (a Blob or
      // a stream): with any mode but 'error', undici's fetch clones the request and tees the body
      // for a redirect it may never follow, holding all of it in memory (nodejs/undici#4058).
      // workerd refuses 'error' (it knows only 'follow' and 'manual') and has no such copy.
      redirect: payload.sha256 === 'UNSIGNED-PAYLOAD' && runtime() !== 'workerd' ? 'error' : 'manual',
    }
    if (isStreamBody(command.body)) init.duplex = 'half'
    return await client.fetch(url, init)
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}

/** fetch rejects with a TypeError when no response came; our own timeout aborts with TimeoutError. */
function isNetworkFailure(error: unknown): boolean {
  return (error instanceof TypeError && !(error instanceof InputError)) || (error as Error | undefined)?.name === 'TimeoutError'
}

function lengthHeader(payload: Payload): Record<string, string> {
  // Browsers set Content-Length themselves; other runtimes need it for a stream body.
  return payload.length === undefined || payload.body === undefined ? {} : { 'content-length': String(payload.length) }
}

function toS3Error(context: ResponseContext, response: Response, body: string): S3Error {
  const document = parseErrorDocument(body)
  const status = response.type === 'opaqueredirect' ? 301 : response.status
  return new S3Error({
    ...context,
    code: document?.Code || codeForStatus(status),
    message: document?.Message || undefined,
    status,
    requestId: document?.RequestId || response.headers.get('x-amz-request-id') || undefined,
    hostId: document?.HostId || response.headers.get('x-amz-id-2') || undefined,
    region: response.headers.get('x-amz-bucket-region') || document?.Region || undefined,
  })
}
