import type { FetchLike } from '../../core/client.js'
import { type Credentials, CredentialsError } from '../../core/credentials.js'
import { sleep } from '../../core/retry.js'
import { fetchWithTimeout } from './sts.js'

/** Options shared by the metadata providers, named as in `@aws-sdk/credential-providers`. */
export interface RemoteProviderOptions {
  /** Give up on one request after this many milliseconds (default 1000). */
  readonly timeout?: number
  /** Further attempts after a 5xx, a 429 or no answer (default 2). */
  readonly maxRetries?: number
  readonly fetch?: FetchLike
}

/** The caller's `fetch`, else the global one looked up at call time (so a later polyfill or test stub is used). */
export function fetcherOf(options: RemoteProviderOptions): FetchLike {
  return options.fetch ?? ((...args: Parameters<FetchLike>) => globalThis.fetch(...args))
}

/**
 * One request to a metadata endpoint, retried (with jittered backoff) while the answer is a
 * throttle, a server fault or no answer at all. Answers with any other status are returned for
 * the caller to judge; the last failure becomes a `CredentialsError` naming `source` and the URL.
 * `tryNext` marks "nothing is listening", which a chain should skip past.
 */
export async function request(
  source: string,
  url: string,
  init: RequestInit,
  options: { timeout: number; maxRetries: number; fetch: FetchLike; tryNextOnSilence?: boolean },
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    let reason: string
    let silent = false
    try {
      const response = await fetchWithTimeout(options.fetch, url, init, options.timeout)
      if (response.status !== 429 && response.status < 500) return response
      reason = `${init.method ?? 'GET'} ${url} answered HTTP ${response.status}`
      await response.body?.cancel()
    } catch (error) {
      const name = (error as Error | undefined)?.name
      if (!(error instanceof TypeError) && name !== 'TimeoutError') throw error
      silent = true
      reason =
        name === 'TimeoutError'
          ? `no answer from ${url} within ${options.timeout} ms`
          : `could not reach ${url} (${(error as Error).message})`
      // Nothing listening is not worth a retry when the caller only probes (a laptop has no IMDS).
      if (options.tryNextOnSilence) throw new CredentialsError(source, reason, { tryNext: true, cause: error })
    }
    if (attempt >= options.maxRetries)
      throw new CredentialsError(source, `${reason}${attempt ? ` (${attempt + 1} attempts)` : ''}`, {
        tryNext: silent && options.tryNextOnSilence === true,
      })
    // Full jitter, as send's retries; short, since the metadata service is on the same host.
    await sleep(Math.random() * Math.min(1_000, 50 * 2 ** attempt), undefined)
  }
}

/**
 * Reads the JSON credentials document of a metadata endpoint; a malformed one is an error that names the field, never
 * its value.
 */
export async function readCredentialsJson(source: string, response: Response): Promise<Credentials> {
  let json: unknown
  try {
    json = JSON.parse(await response.text())
  } catch {
    throw new CredentialsError(source, `the credentials document from ${response.url || 'the endpoint'} is not JSON`)
  }
  // Checked by hand rather than with a zod schema: five fields, and it keeps zod (~5 KB) out of
  // bundles that use only these providers. ECS, the EKS Pod Identity agent and IMDS all answer
  // these (see the provider files for the documents); IMDS adds LastUpdated and Type, EKS AccountId.
  const document = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>
  for (const field of ['AccessKeyId', 'SecretAccessKey']) {
    if (typeof document[field] !== 'string' || !document[field])
      throw new CredentialsError(source, `the credentials document has no ${field}`)
  }
  for (const field of ['Token', 'Expiration', 'Code']) {
    if (document[field] !== undefined && typeof document[field] !== 'string')
      throw new CredentialsError(source, `the credentials document's ${field} is not a string`)
  }
  const { AccessKeyId, SecretAccessKey, Token, Expiration, Code } = document as Record<string, string>
  if (Code !== undefined && Code !== 'Success')
    throw new CredentialsError(source, `the credentials document says Code "${Code}"`)
  const expiration = Expiration === undefined ? undefined : new Date(Expiration)
  if (expiration && Number.isNaN(expiration.getTime()))
    throw new CredentialsError(source, `Expiration is not a time: "${Expiration}"`)
  return { accessKeyId: AccessKeyId!, secretAccessKey: SecretAccessKey!, sessionToken: Token, expiration }
}
