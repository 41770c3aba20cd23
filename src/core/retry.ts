import type { RetryPolicy } from './client.js'
import { S3Error } from './errors.js'

// Worth retrying whatever the status: throttling, and the server faults that S3 can also embed
// in a 200 (CopyObject, CompleteMultipartUpload), which botocore likewise retries as a 500.
const RETRYABLE_CODES = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'RequestTimeout',
  'RequestLimitExceeded',
  'TooManyRequests',
  'InternalError',
  'ServiceUnavailable',
])

/** Worth another attempt: throttling, a server-side failure, or no response at all. 501 is final. */
export function isRetryable(error: S3Error): boolean {
  return (
    error.status === 0 ||
    error.status === 429 ||
    (error.status >= 500 && error.status !== 501) ||
    RETRYABLE_CODES.has(error.code)
  )
}

/**
 * How long the server asked us to wait before the next attempt (`Retry-After` in seconds or as a
 * date, `x-amz-retry-after` in milliseconds), per error: `send` notes it, the loop honours it.
 */
export const retryAfter = /* @__PURE__ */ new WeakMap<S3Error, number>()

/**
 * The one retry loop of s3kit: runs `attempt` until it succeeds, fails with an error that is not a
 * retryable `S3Error`, or has used `policy.maxAttempts`, waiting a full-jitter exponential backoff
 * between attempts (AWS Architecture Blog, "Exponential Backoff and Jitter"). `send` runs each
 * request through it; helpers that must rebuild a request for every attempt (a streamed part
 * needs a fresh stream) run their sends through it. `refuse` may veto a retry by returning the
 * error to throw instead (a consumed stream body cannot be sent again).
 */
export async function retrying<T>(
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  attempt: (n: number) => Promise<T>,
  refuse?: (error: S3Error) => S3Error | undefined,
): Promise<T> {
  for (let n = 0; ; n++) {
    signal?.throwIfAborted()
    try {
      return await attempt(n)
    } catch (error) {
      if (signal?.aborted || !(error instanceof S3Error) || !isRetryable(error) || n + 1 >= policy.maxAttempts)
        throw error
      const refusal = refuse?.(error)
      if (refusal) throw refusal
      // The server's own hint wins over a shorter backoff, but never past maxDelayMs.
      await sleep(
        Math.min(
          policy.maxDelayMs,
          Math.max(
            retryAfter.get(error) ?? 0,
            Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** n),
          ),
        ),
        signal,
      )
    }
  }
}

export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted()
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
