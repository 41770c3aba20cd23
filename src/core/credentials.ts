import { InputError } from './errors.js'
import { readEnv } from './env.js'

export interface Credentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string | undefined
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
  if (!accessKeyId || !secretAccessKey) return undefined
  return { accessKeyId, secretAccessKey, sessionToken: readEnv('AWS_SESSION_TOKEN') }
}

export function missingCredentials(): InputError {
  return new InputError(
    'credentials',
    'no S3 credentials were found. Pass them to createClient({ credentials: { accessKeyId, secretAccessKey } }) ' +
      '(or a function returning them), or set the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables.',
  )
}

/** Resolves the provider and checks the result, so a bad provider fails with a clear message. */
export async function resolveCredentials(provider: CredentialsProvider): Promise<Credentials> {
  const credentials = await provider()
  if (!credentials || !credentials.accessKeyId || !credentials.secretAccessKey) throw missingCredentials()
  return credentials
}
