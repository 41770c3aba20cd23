import { readEnv } from './env.js'
import { InputError } from './errors.js'

/**
 * The AWS credentials requests are signed with: an access key ID and secret access key, the session
 * token of temporary credentials, and when those expire. The fields are named as in
 * `@aws-sdk/client-s3`'s providers, so credentials from either fit the other.
 */
export interface Credentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string | undefined
  /** When temporary credentials stop working; absent for long-term keys. */
  readonly expiration?: Date | undefined
}

/** Called before every request, so a provider can refresh temporary credentials as it sees fit. */
export type CredentialsProvider = () => Credentials | Promise<Credentials>

/**
 * Turns what the caller gave (or the environment) into a provider. Static keys are kept inside a
 * closure, so neither `JSON.stringify(client)` nor `String(client)` can reveal the secret.
 */
export function credentialsProvider(given: Credentials | CredentialsProvider | undefined): CredentialsProvider {
  if (typeof given === 'function') return given
  const fixed = given ?? fromEnv()
  return () => {
    if (!fixed) throw missingCredentials()
    return fixed
  }
}

function fromEnv(): Credentials | undefined {
  const accessKeyId = readEnv('AWS_ACCESS_KEY_ID')
  const secretAccessKey = readEnv('AWS_SECRET_ACCESS_KEY')
  return accessKeyId && secretAccessKey
    ? { accessKeyId, secretAccessKey, sessionToken: readEnv('AWS_SESSION_TOKEN') }
    : undefined
}

export function missingCredentials(): InputError {
  return new InputError(
    'credentials',
    'none found: pass createClient({ credentials }) keys or a s3kit/credentials provider, ' +
      'or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
  )
}

/**
 * A credentials provider found nothing, or what it found did not work. `tried` lists each source
 * looked at and why it gave nothing; `tryNext` tells a chain to go on to the next source (nothing
 * was configured here) rather than stop (something was configured and failed). Built from source
 * names and reasons only: never a key, a secret or a token.
 */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError'
  readonly tried: readonly { readonly source: string; readonly reason: string }[]
  readonly tryNext: boolean

  constructor(
    source: string,
    reason: string,
    options: { tryNext?: boolean; tried?: CredentialsError['tried']; cause?: unknown } = {},
  ) {
    super(`${source}: ${reason}`, options.cause === undefined ? undefined : { cause: options.cause })
    this.tried = options.tried ?? [{ source, reason }]
    this.tryNext = options.tryNext ?? false
  }
}

/** Resolves the provider and checks the result, so a bad provider fails with a clear message. */
export async function resolveCredentials(provider: CredentialsProvider): Promise<Credentials> {
  const credentials = await provider()
  if (!credentials?.accessKeyId || !credentials.secretAccessKey) throw missingCredentials()
  return credentials
}
