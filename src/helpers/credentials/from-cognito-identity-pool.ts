import type { FetchLike } from '../../core/client.js'
import { CredentialsError, type CredentialsProvider } from '../../core/credentials.js'
import { readEnv } from '../../core/env.js'
import { InputError } from '../../core/errors.js'
import { dnsSuffix } from '../../core/url.js'
import { type CacheOptions, cachedCredentials } from './cache.js'
import { errorText } from './from-container-metadata.js'
import { fetchWithTimeout } from './sts.js'

/**
 * Options of `fromCognitoIdentityPool`: the identity pool, the tokens of the user's identity
 * providers (none for an unauthenticated identity), the role to choose among several, where Amazon
 * Cognito is reached, and refresh timing.
 */
export interface FromCognitoIdentityPoolOptions {
  /** `<region>:<uuid>`; its region is the service's unless `clientConfig.region` says otherwise. */
  readonly identityPoolId: string
  /**
   * Tokens of the user's identity providers, e.g. `{ 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc': idToken }`;
   * values may be functions. Without them the identity is unauthenticated (if the pool allows that).
   */
  readonly logins?: Readonly<Record<string, string | (() => string | Promise<string>)>>
  /** With several roles configured in the pool for the user's provider, the one to use. */
  readonly customRoleArn?: string
  readonly clientConfig?: { readonly region?: string; readonly endpoint?: string; readonly fetch?: FetchLike }
  readonly cache?: CacheOptions
}

const SOURCE = 'fromCognitoIdentityPool'

/**
 * Browser credentials from an Amazon Cognito identity pool: `GetId` once for the identity, then
 * `GetCredentialsForIdentity` on each refresh (Cognito Identity API reference; JSON 1.1 protocol,
 * unsigned requests). The role behind the pool decides what the page may do in S3, so keep it to
 * the bucket and prefix the user needs. The identity id is kept in memory only.
 *
 * @example
 * const client = createClient({
 *   region: 'eu-west-1',
 *   credentials: fromCognitoIdentityPool({ identityPoolId: 'eu-west-1:0000…' }),
 * })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromCognitoIdentityPool(options: FromCognitoIdentityPoolOptions): CredentialsProvider {
  const match = /^([a-z]{2,4}(?:-[a-z]+)+-\d+):[0-9a-f-]+$/.exec(options?.identityPoolId ?? '')
  if (!match)
    throw new InputError(
      'identityPoolId',
      `"${options?.identityPoolId}" is not an identity pool id such as ` +
        `"eu-west-1:01234567-89ab-cdef-0123-456789abcdef".`,
    )
  const region = options.clientConfig?.region ?? match[1]!
  const endpoint =
    options.clientConfig?.endpoint ??
    readEnv('AWS_ENDPOINT_URL_COGNITO_IDENTITY') ??
    `https://cognito-identity.${region}.${dnsSuffix(region)}/`
  const fetch = options.clientConfig?.fetch ?? ((...args: Parameters<FetchLike>) => globalThis.fetch(...args))
  let identityId: string | undefined

  const call = async (target: string, body: object): Promise<Record<string, unknown>> => {
    const response = await fetchWithTimeout(
      fetch,
      endpoint,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityService.${target}`,
        },
        body: JSON.stringify(body),
      },
      10_000,
    )
    if (!response.ok)
      throw new CredentialsError(SOURCE, `${target} answered HTTP ${response.status}${await errorText(response)}`)
    return (await response.json()) as Record<string, unknown>
  }

  return cachedCredentials(async () => {
    const logins: Record<string, string> = {}
    for (const [name, token] of Object.entries(options.logins ?? {}))
      logins[name] = typeof token === 'function' ? await token() : token
    const withLogins = Object.keys(logins).length ? { Logins: logins } : {}
    identityId ??= String((await call('GetId', { IdentityPoolId: options.identityPoolId, ...withLogins })).IdentityId)
    const answer = await call('GetCredentialsForIdentity', {
      IdentityId: identityId,
      ...withLogins,
      ...(options.customRoleArn ? { CustomRoleArn: options.customRoleArn } : {}),
    })
    const c = answer.Credentials as
      | { AccessKeyId?: unknown; SecretKey?: unknown; SessionToken?: unknown; Expiration?: unknown }
      | undefined
    if (
      typeof c?.AccessKeyId !== 'string' ||
      typeof c.SecretKey !== 'string' ||
      typeof c.SessionToken !== 'string' ||
      typeof c.Expiration !== 'number'
    ) {
      throw new CredentialsError(
        SOURCE,
        'GetCredentialsForIdentity answered without AccessKeyId, SecretKey, SessionToken and Expiration',
      )
    }
    // Expiration is a JSON 1.1 timestamp: seconds since the epoch.
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretKey,
      sessionToken: c.SessionToken,
      expiration: new Date(c.Expiration * 1000),
    }
  }, options.cache)
}
