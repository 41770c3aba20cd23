import type { CredentialsProvider } from '../../core/credentials.js'
import { InputError } from '../../core/errors.js'
import { type CacheOptions, cachedCredentials } from './cache.js'
import { members } from './from-temporary-credentials.js'
import { callSts, type StsClientConfig } from './sts.js'

/**
 * Options of `fromWebToken`: the role to assume with STS AssumeRoleWithWebIdentity, the identity
 * provider's token (or a function that returns a fresh one), the session's name, policies and
 * duration, where STS is reached, and refresh timing.
 */
export interface FromWebTokenOptions {
  readonly roleArn: string
  /** The OpenID Connect ID token (or OAuth 2.0 access token), or a function returning a fresh one for each refresh. */
  readonly webIdentityToken: string | (() => string | Promise<string>)
  /** Defaults to `s3kit-<time>`. */
  readonly roleSessionName?: string
  /**
   * For OAuth 2.0 access tokens from Login with Amazon, Facebook or Google: `www.amazon.com`, `graph.facebook.com`;
   * omit for OpenID Connect.
   */
  readonly providerId?: string
  readonly policyArns?: readonly { readonly arn: string }[]
  readonly policy?: string
  readonly durationSeconds?: number
  readonly clientConfig?: StsClientConfig
  readonly cache?: CacheOptions
}

/**
 * Temporary credentials from STS `AssumeRoleWithWebIdentity`: an identity token from an OpenID
 * Connect provider (Kubernetes service accounts, GitHub Actions, Google, Cognito user pools…)
 * exchanged for a role's keys. The request is not signed, so no other credentials are needed,
 * which makes it usable from browsers. Cached and refreshed like every expiring provider; a token
 * function is called again on each refresh, since such tokens are short-lived too.
 *
 * @example
 * const credentials = fromWebToken({
 *   roleArn: 'arn:aws:iam::123456789012:role/web',
 *   webIdentityToken: () => auth.getIdToken(),
 * })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromWebToken(options: FromWebTokenOptions): CredentialsProvider {
  if (!options?.roleArn) throw new InputError('roleArn', 'is required: the ARN of the role to assume.')
  if (!options.webIdentityToken)
    throw new InputError('webIdentityToken', 'is required: a token or a function returning one.')
  return cachedCredentials(async () => {
    const token =
      typeof options.webIdentityToken === 'function' ? await options.webIdentityToken() : options.webIdentityToken
    return callSts(
      'AssumeRoleWithWebIdentity',
      {
        RoleArn: options.roleArn,
        RoleSessionName: options.roleSessionName ?? `s3kit-${Date.now()}`,
        WebIdentityToken: token,
        ProviderId: options.providerId,
        Policy: options.policy,
        DurationSeconds: options.durationSeconds?.toString(),
        ...members(
          'PolicyArns',
          options.policyArns?.map((p) => ({ arn: p.arn })),
        ),
      },
      options.clientConfig ?? {},
    )
  }, options.cache)
}
