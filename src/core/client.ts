import { type Credentials, type CredentialsProvider, credentialsProvider } from './credentials.js'
import { readEnv } from './env.js'
import { InputError } from './errors.js'

/**
 * The `fetch` s3kit calls: the global one by default, or any function of its shape (a test stub, an instrumented
 * fetch).
 */
export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>

/** How `send` retries a failed attempt: how many attempts in all, and the full-jitter backoff's base and cap. */
export interface RetryPolicy {
  /** Attempts in all, the first included. 1 turns retries off. */
  readonly maxAttempts: number
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs × 2ⁿ)). */
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

/**
 * What `createClient` takes, all of it optional: region, endpoint and addressing style, credentials
 * (keys or a provider), fetch, retry policy, timeouts and the reliability switches. What is left out
 * comes from the environment where there is one (`AWS_REGION`, `AWS_ACCESS_KEY_ID`, …).
 */
export interface ClientConfig {
  /** Defaults to `AWS_REGION`, then `AWS_DEFAULT_REGION`, then `us-east-1`. */
  region?: string
  /**
   * e.g. `http://127.0.0.1:7480`. Defaults to `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, then AWS's
   * regional endpoint (`.amazonaws.com.cn` in China); `awsEndpoint()` builds the isolated
   * partitions', dual-stack, FIPS and accelerated ones.
   */
  endpoint?: string
  /** Always put the bucket in the path (`/bucket/key`) instead of the host name. */
  forcePathStyle?: boolean
  /**
   * Static keys or a function returning them. Defaults to `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` /
   * `AWS_SESSION_TOKEN`.
   */
  credentials?: Credentials | CredentialsProvider
  /** The `fetch` to use; defaults to the global one at the time of each request. */
  fetch?: FetchLike
  retry?: Partial<RetryPolicy>
  /** Abort an attempt that has not produced response headers after this long. Off by default. */
  requestTimeoutMs?: number
  /**
   * A body that delivers no byte for this long counts as cut (then resumes, see `resumeBodies`).
   * Default 30,000 ms; 0 turns it off.
   */
  bodyTimeoutMs?: number
  /**
   * When a GetObject body is cut mid-stream, ask for the rest (`Range`, pinned with `If-Match` to
   * the same object) instead of failing. Default true; `send`'s `resume` option overrides it.
   */
  resumeBodies?: boolean
  /**
   * When S3 answers that the bucket lives in another region (301, 400 naming the region, or
   * `x-amz-bucket-region` on a HEAD), re-sign for that region, retry once and remember it for the
   * bucket. Default true.
   */
  regionRedirects?: boolean
}

/** A plain, frozen description of where and how to talk to S3. It holds no connection and no state. */
export interface Client {
  readonly region: string
  readonly endpoint: string
  readonly forcePathStyle: boolean
  readonly credentials: CredentialsProvider
  readonly fetch: FetchLike
  readonly retry: RetryPolicy
  readonly requestTimeoutMs: number | undefined
  readonly bodyTimeoutMs: number
  readonly resumeBodies: boolean
  readonly regionRedirects: boolean
}

/**
 * Creates a client from explicit settings, the environment, or both (explicit wins).
 *
 * @example
 * const client = createClient({ endpoint: 'http://127.0.0.1:7480', credentials: { accessKeyId, secretAccessKey } })
 */
export function createClient(config: ClientConfig = {}): Client {
  const region = config.region ?? readEnv('AWS_REGION') ?? readEnv('AWS_DEFAULT_REGION') ?? 'us-east-1'
  const endpoint = normalizeEndpoint(
    config.endpoint ??
      readEnv('AWS_ENDPOINT_URL_S3') ??
      readEnv('AWS_ENDPOINT_URL') ??
      `https://s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`,
  )
  const retry: RetryPolicy = Object.freeze({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000, ...config.retry })
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) {
    throw new InputError('retry.maxAttempts', 'must be a whole number of at least 1.')
  }
  return Object.freeze({
    region,
    endpoint,
    forcePathStyle: config.forcePathStyle ?? false,
    credentials: credentialsProvider(config.credentials),
    // Looked up at call time so that a test or polyfill installing fetch later is honoured.
    fetch: config.fetch ?? ((...args: Parameters<FetchLike>) => globalThis.fetch(...args)),
    retry,
    requestTimeoutMs: config.requestTimeoutMs,
    bodyTimeoutMs: config.bodyTimeoutMs ?? 30_000,
    resumeBodies: config.resumeBodies ?? true,
    regionRedirects: config.regionRedirects ?? true,
  })
}

function normalizeEndpoint(endpoint: string): string {
  let url: URL | undefined
  try {
    url = new URL(endpoint)
  } catch {
    // Not a URL at all: refused below with the others.
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new InputError(
      'endpoint',
      `must be an http: or https: URL with no query, fragment or user info, not "${endpoint}".`,
    )
  }
  return url.origin + url.pathname.replace(/\/+$/, '')
}
