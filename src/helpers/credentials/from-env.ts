import { type Credentials, CredentialsError, type CredentialsProvider } from '../../core/credentials.js'
import { readEnv } from '../../core/env.js'
import { redacted } from './cache.js'

/**
 * Credentials from the environment: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, and optionally
 * `AWS_SESSION_TOKEN` and `AWS_CREDENTIAL_EXPIRATION` (ISO 8601), read on each call so a rotated
 * value is seen. Where there is no environment (browsers, workers) it finds nothing. Finding
 * nothing is a `CredentialsError` naming the variables it looked for, which a chain skips.
 *
 * @example
 * const client = createClient({ credentials: fromEnv() })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromEnv(): CredentialsProvider {
  let last: Credentials | undefined
  return (): Credentials => {
    const accessKeyId = readEnv('AWS_ACCESS_KEY_ID')
    const secretAccessKey = readEnv('AWS_SECRET_ACCESS_KEY')
    if (!accessKeyId || !secretAccessKey) {
      throw new CredentialsError(
        'fromEnv',
        `${accessKeyId ? 'AWS_SECRET_ACCESS_KEY' : 'AWS_ACCESS_KEY_ID'} is not set`,
        { tryNext: true },
      )
    }
    const expiry = readEnv('AWS_CREDENTIAL_EXPIRATION')
    const expiration = expiry === undefined ? undefined : new Date(expiry)
    if (expiration && Number.isNaN(expiration.getTime())) {
      throw new CredentialsError('fromEnv', `AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time: "${expiry}"`)
    }
    const sessionToken = readEnv('AWS_SESSION_TOKEN')
    // The same object while nothing changed, so the signer's derived-key cache (keyed by it) hits.
    if (
      last?.accessKeyId !== accessKeyId ||
      last.secretAccessKey !== secretAccessKey ||
      last.sessionToken !== sessionToken ||
      last.expiration?.getTime() !== expiration?.getTime()
    ) {
      last = redacted({ accessKeyId, secretAccessKey, sessionToken, expiration })
    }
    return last
  }
}
