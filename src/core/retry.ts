import type { RetryPolicy } from './client.js'
import type { S3Error } from './errors.js'

// Worth retrying whatever the status: throttling, and the server faults that S3 can also embed
// in a 200 (CopyObject, CompleteMultipartUpload), which botocore likewise retries as a 500.
const RETRYABLE_CODES = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'RequestTimeout', 'RequestLimitExceeded', 'TooManyRequests', 'InternalError', 'ServiceUnavailable'])

/** Worth another attempt: throttling, a server-side failure, or no response at all. 501 is final. */
export function isRetryable(error: S3Error): boolean {
  return (
    error.status === 0 ||
    error.status === 429 ||
    (error.status >= 500 && error.status !== 501) ||
    RETRYABLE_CODES.has(error.code)
  )
}

/** Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff and Jitter"). */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
}

export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
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
