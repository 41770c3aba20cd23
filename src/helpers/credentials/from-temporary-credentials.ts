import type { Credentials, CredentialsProvider } from '../../core/credentials.js'
import { credentialsProvider } from '../../core/credentials.js'
import { InputError } from '../../core/errors.js'
import { type CacheOptions, cachedCredentials } from './cache.js'
import { callSts, type StsClientConfig } from './sts.js'

/** The `AssumeRole` parameters, named as in the STS API and `@aws-sdk/client-sts`. */
export interface AssumeRoleParams {
  readonly RoleArn: string
  /** Defaults to `s3kit-<time>`. */
  readonly RoleSessionName?: string
  /** 900 s up to the role's maximum session duration (default 3600 s). */
  readonly DurationSeconds?: number
  readonly ExternalId?: string
  /** An inline session policy (JSON) that narrows what the role may do. */
  readonly Policy?: string
  readonly PolicyArns?: readonly { readonly arn: string }[]
  /** The MFA device's serial number or ARN; the code comes from `TokenCode` or `mfaCodeProvider`. */
  readonly SerialNumber?: string
  readonly TokenCode?: string
  readonly SourceIdentity?: string
  readonly Tags?: readonly { readonly Key: string; readonly Value: string }[]
  readonly TransitiveTagKeys?: readonly string[]
}

/**
 * Options of `fromTemporaryCredentials`: the STS AssumeRole parameters, the credentials that assume
 * the role, where STS is reached, how an MFA code is asked for, and refresh timing.
 */
export interface FromTemporaryCredentialsOptions {
  readonly params: AssumeRoleParams
  /**
   * Who assumes the role: keys or a provider (itself perhaps `fromTemporaryCredentials`, for role chaining). Defaults
   * to the `AWS_*` environment variables.
   */
  readonly masterCredentials?: Credentials | CredentialsProvider
  readonly clientConfig?: StsClientConfig
  /** Asked for a fresh MFA code on every AssumeRole when `SerialNumber` is set and `TokenCode` is not. */
  readonly mfaCodeProvider?: (serialNumber: string) => string | Promise<string>
  /** Refresh timing; see `cachedCredentials`. */
  readonly cache?: CacheOptions
}

/**
 * Temporary credentials from STS `AssumeRole`, for a role in this or another account (with
 * `ExternalId` for third parties and an MFA code where the role's trust policy demands one). The
 * credentials are cached and refreshed five minutes before they expire, once for all concurrent
 * requests; a failed refresh keeps the old ones while they last. Works wherever `fetch` does, and
 * with any STS that speaks the Query API (AWS, Ceph RGW) through `clientConfig.endpoint`.
 *
 * @example
 * const client = createClient({
 *   credentials: fromTemporaryCredentials({
 *     params: { RoleArn: 'arn:aws:iam::123456789012:role/uploader', DurationSeconds: 900 },
 *   }),
 * })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromTemporaryCredentials(options: FromTemporaryCredentialsOptions): CredentialsProvider {
  const { params } = options
  if (!params?.RoleArn) throw new InputError('params.RoleArn', 'is required: the ARN of the role to assume.')
  const master = credentialsProvider(options.masterCredentials)
  return cachedCredentials(async () => {
    let tokenCode = params.TokenCode
    if (params.SerialNumber && tokenCode === undefined) {
      if (!options.mfaCodeProvider) {
        throw new InputError(
          'mfaCodeProvider',
          `the role needs an MFA code from ${params.SerialNumber}: pass params.TokenCode or mfaCodeProvider.`,
        )
      }
      tokenCode = await options.mfaCodeProvider(params.SerialNumber)
    }
    return callSts(
      'AssumeRole',
      {
        RoleArn: params.RoleArn,
        RoleSessionName: params.RoleSessionName ?? `s3kit-${Date.now()}`,
        DurationSeconds: params.DurationSeconds?.toString(),
        ExternalId: params.ExternalId,
        Policy: params.Policy,
        SerialNumber: params.SerialNumber,
        TokenCode: tokenCode,
        SourceIdentity: params.SourceIdentity,
        ...members(
          'PolicyArns',
          params.PolicyArns?.map((p) => ({ arn: p.arn })),
        ),
        ...members(
          'Tags',
          params.Tags?.map((t) => ({ Key: t.Key, Value: t.Value })),
        ),
        ...members('TransitiveTagKeys', params.TransitiveTagKeys),
      },
      options.clientConfig ?? {},
      master,
    )
  }, options.cache)
}

/**
 * A list parameter in the Query API's form: `Tags.member.1.Key=…`, `TransitiveTagKeys.member.1=…`
 * (STS API reference, "Query requests"; botocore's query serializer).
 */
export function members(
  name: string,
  list: readonly (string | Readonly<Record<string, string>>)[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {}
  list?.forEach((item, i) => {
    const prefix = `${name}.member.${i + 1}`
    if (typeof item === 'string') out[prefix] = item
    else for (const [field, value] of Object.entries(item)) out[`${prefix}.${field}`] = value
  })
  return out
}
