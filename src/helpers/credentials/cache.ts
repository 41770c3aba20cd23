import type { Credentials, CredentialsProvider } from '../../core/credentials.js'

/**
 * Options of `cachedCredentials`, and the `cache` option of every provider built on it: how long
 * before expiry to refresh, how long to wait after a failed refresh, and the clock.
 */
export interface CacheOptions {
  /** Refresh this long before `expiration` (default 5 minutes, as the AWS SDKs do). */
  readonly refreshBeforeMs?: number
  /** After a failed refresh while the old credentials still work, wait this long before trying again (default 10 s). */
  readonly retryAfterMs?: number
  /** The clock; tests move it. Defaults to `Date.now`. */
  readonly now?: () => number
}

const FIVE_MINUTES = 5 * 60_000

/**
 * Wraps a provider so that its credentials are fetched once and reused until `refreshBeforeMs`
 * before their `expiration` (forever when they have none). However many requests ask at once,
 * one call is made (single flight), so 100 parallel sends across an expiry cost one STS request.
 * A refresh that fails while the old credentials are still valid is not an error: they keep being
 * used, and the next try waits `retryAfterMs` so a failing STS is not asked on every request.
 * Every provider in s3kit that returns expiring credentials is wrapped in this already.
 *
 * @example
 * const credentials = cachedCredentials(async () => myVault.fetchS3Keys())
 */
/* @__NO_SIDE_EFFECTS__ */
export function cachedCredentials(provider: CredentialsProvider, options: CacheOptions = {}): CredentialsProvider {
  const refreshBefore = options.refreshBeforeMs ?? FIVE_MINUTES
  const retryAfter = options.retryAfterMs ?? 10_000
  // Looked up on each call, so a test that moves the clock (fake Date) is honoured.
  const now = options.now ?? (() => Date.now())
  let current: Credentials | undefined
  let pending: Promise<Credentials> | undefined
  let quietUntil = 0

  const refresh = (): Promise<Credentials> =>
    (pending ??= (async () => {
      try {
        current = redacted(await provider())
        return current
      } finally {
        pending = undefined
      }
    })())

  return async () => {
    const time = now()
    if (current && !current.expiration) return current
    if (current && current.expiration!.getTime() - time > refreshBefore) return current
    const stillValid = current && current.expiration!.getTime() > time
    if (!stillValid) return refresh()
    if (time < quietUntil) return current!
    try {
      return await refresh()
    } catch (error) {
      quietUntil = now() + retryAfter
      if (current!.expiration!.getTime() > now()) return current!
      // The old credentials ran out while the refresh was failing: nothing left to fall back on.
      throw error
    }
  }
}

/**
 * A copy of `credentials` that `JSON.stringify`, `console.log` and Node's `util.inspect` show
 * without the secret and the session token, so logging a resolved credentials object by mistake
 * does not leak them. The fields themselves are unchanged for code that reads them.
 *
 * @example
 * const credentials = redacted(await fromEnv()())
 * console.log(credentials) // { accessKeyId: 'AKIA…', secretAccessKey: '[redacted]' }
 */
export function redacted(credentials: Credentials): Credentials {
  const copy = { ...credentials }
  const shown = (): object => ({
    accessKeyId: copy.accessKeyId,
    secretAccessKey: '[redacted]',
    ...(copy.sessionToken === undefined ? {} : { sessionToken: '[redacted]' }),
    ...(copy.expiration === undefined ? {} : { expiration: copy.expiration }),
  })
  Object.defineProperty(copy, 'toJSON', { value: shown })
  Object.defineProperty(copy, Symbol.for('nodejs.util.inspect.custom'), { value: shown })
  return copy
}
