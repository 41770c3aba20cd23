import { CredentialsError, type CredentialsProvider } from '../../core/credentials.js'
import { readEnv } from '../../core/env.js'
import { type CacheOptions, cachedCredentials } from './cache.js'
import { errorText } from './from-container-metadata.js'
import { fetcherOf, type RemoteProviderOptions, readCredentialsJson, request } from './remote.js'

/**
 * Options of `fromInstanceMetadata`: the timeouts, retries and fetch of every metadata provider
 * (`RemoteProviderOptions`), how long to wait for IMDS before concluding there is none, whether
 * IMDSv1 is refused, and the endpoint.
 */
export interface FromInstanceMetadataOptions extends RemoteProviderOptions {
  /**
   * How long the first request (the IMDSv2 token) may take before "no IMDS here" is concluded (default 250 ms; IMDS
   * answers in a few).
   */
  readonly probeTimeout?: number
  /**
   * Refuse IMDSv1 (requests without a session token). s3kit's default is true: the fallback is used
   * only when this is false or `AWS_EC2_METADATA_V1_DISABLED=false`; IMDSv1 is what SSRF attacks on
   * instances exploit.
   */
  readonly ec2MetadataV1Disabled?: boolean
  /**
   * Defaults to `AWS_EC2_METADATA_SERVICE_ENDPOINT`, else `http://169.254.169.254` (or `http://[fd00:ec2::254]` when
   * `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6`).
   */
  readonly endpoint?: string
  readonly cache?: CacheOptions
}

const SOURCE = 'fromInstanceMetadata'
const TOKEN_TTL_SECONDS = 21_600
const CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials/'

/**
 * Credentials of an EC2 instance's role from the instance metadata service, IMDSv2 style
 * ("Use the Instance Metadata Service", EC2 user guide): a session token from
 * `PUT /latest/api/token` (TTL 6 h, reused until near its end), then the role name and the role's
 * credentials with `x-aws-ec2-metadata-token`. `AWS_EC2_METADATA_DISABLED=true` turns it off.
 * Off EC2 the token request finds nothing within `probeTimeout` and is not retried, so a chain
 * moves on in a fraction of a second; on EC2, throttling (429) and faults are retried.
 *
 * @example
 * const client = createClient({ credentials: fromInstanceMetadata({ timeout: 1000, maxRetries: 2 }) })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromInstanceMetadata(options: FromInstanceMetadataOptions = {}): CredentialsProvider {
  const fetch = fetcherOf(options)
  const settings = { timeout: options.timeout ?? 1000, maxRetries: options.maxRetries ?? 2, fetch }
  let token: { value: string; until: number } | undefined

  const newToken = async (base: string): Promise<string | undefined> => {
    const response = await request(
      SOURCE,
      `${base}/latest/api/token`,
      { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': String(TOKEN_TTL_SECONDS) } },
      { ...settings, timeout: options.probeTimeout ?? 250, tryNextOnSilence: true },
    )
    if (response.ok) {
      const value = (await response.text()).trim()
      token = { value, until: Date.now() + (TOKEN_TTL_SECONDS - 60) * 1000 }
      return value
    }
    // 403: IMDS is turned off on this instance; 404/405: an IMDSv1-only service or proxy.
    const why = `PUT ${base}/latest/api/token answered HTTP ${response.status}${await errorText(response)}`
    if (response.status === 403) throw new CredentialsError(SOURCE, why, { tryNext: true })
    if (!v1Allowed(options))
      throw new CredentialsError(
        SOURCE,
        `${why}; IMDSv1 fallback is disabled (set ec2MetadataV1Disabled: false to allow it)`,
        { tryNext: true },
      )
    return undefined
  }

  const get = async (base: string, path: string): Promise<Response> => {
    for (let fresh = false; ; fresh = true) {
      const value = token && token.until > Date.now() ? token.value : await newToken(base)
      const response = await request(
        SOURCE,
        `${base}${path}`,
        { method: 'GET', headers: value === undefined ? {} : { 'x-aws-ec2-metadata-token': value } },
        settings,
      )
      // 401: the token expired or was never valid; one new token, then give up.
      if (response.status !== 401 || fresh) return response
      token = undefined
    }
  }

  return cachedCredentials(async () => {
    if (readEnv('AWS_EC2_METADATA_DISABLED')?.toLowerCase() === 'true') {
      throw new CredentialsError(SOURCE, 'AWS_EC2_METADATA_DISABLED is true', { tryNext: true })
    }
    const base = metadataEndpoint(options)
    const list = await get(base, CREDENTIALS_PATH)
    if (list.status === 404)
      throw new CredentialsError(SOURCE, 'the instance has no IAM role (instance profile)', { tryNext: true })
    if (!list.ok) throw new CredentialsError(SOURCE, `GET ${base}${CREDENTIALS_PATH} answered HTTP ${list.status}`)
    const role = (await list.text()).split('\n')[0]!.trim()
    if (!role) throw new CredentialsError(SOURCE, 'the instance has no IAM role (instance profile)', { tryNext: true })
    const response = await get(base, `${CREDENTIALS_PATH}${encodeURIComponent(role)}`)
    if (!response.ok)
      throw new CredentialsError(SOURCE, `GET ${base}${CREDENTIALS_PATH}${role} answered HTTP ${response.status}`)
    return readCredentialsJson(SOURCE, response)
  }, options.cache)
}

function v1Allowed(options: FromInstanceMetadataOptions): boolean {
  return (
    options.ec2MetadataV1Disabled === false ||
    (options.ec2MetadataV1Disabled === undefined && readEnv('AWS_EC2_METADATA_V1_DISABLED')?.toLowerCase() === 'false')
  )
}

function metadataEndpoint(options: FromInstanceMetadataOptions): string {
  const given = options.endpoint ?? readEnv('AWS_EC2_METADATA_SERVICE_ENDPOINT')
  if (given) return given.replace(/\/+$/, '')
  return readEnv('AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE')?.toLowerCase() === 'ipv6'
    ? 'http://[fd00:ec2::254]'
    : 'http://169.254.169.254'
}
