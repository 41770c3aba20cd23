import type { Client } from './client.js'
import { InputError } from './errors.js'
import { isDnsBucket } from './validate.js'

/** Percent-encodes as S3's canonical form expects: all but RFC 3986 unreserved characters. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** A key in a URL path: each segment encoded, `/` kept (S3 keys are not normalized). */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeRfc3986).join('/')
}

/**
 * Query strings are written by hand rather than by URLSearchParams, which encodes a space as `+`:
 * S3 and the signer must see the same bytes, and `+` in a query means a space to some servers.
 * Entries are sorted so the URL is stable; a sub-resource such as `?uploads` has the value ''.
 */
export function encodeQuery(query: Readonly<Record<string, string | undefined>> | undefined): string {
  if (!query) return ''
  const parts: string[] = []
  for (const name of Object.keys(query).sort()) {
    const value = query[name]
    if (value === undefined) continue
    parts.push(value === '' ? encodeRfc3986(name) : `${encodeRfc3986(name)}=${encodeRfc3986(value)}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

/**
 * Virtual-hosted style (`bucket.host/key`) unless the client asks for path style, the endpoint is
 * an IP address or localhost, or the bucket name cannot be a host label (upper case, underscores,
 * or dots under https, where the wildcard certificate would not match).
 */
export function objectUrl(
  client: Client,
  bucket: string | undefined,
  key: string | undefined,
  query: Readonly<Record<string, string | undefined>> | undefined,
): string {
  const base = new URL(client.endpoint)
  const root = base.pathname.replace(/\/$/, '')
  const path = key === undefined ? '' : `/${encodeKey(key)}`
  const search = encodeQuery(query)
  if (bucket === undefined) return `${base.origin}${root}/${search}`
  if (usePathStyle(client, base, bucket)) return `${base.origin}${root}/${encodeRfc3986(bucket)}${path}${search}`
  return `${base.protocol}//${bucket}.${base.host}${root}${path || '/'}${search}`
}

function usePathStyle(client: Client, base: URL, bucket: string): boolean {
  return (
    client.forcePathStyle ||
    !isDnsBucket(bucket) ||
    (base.protocol === 'https:' && bucket.includes('.')) ||
    base.hostname === 'localhost' ||
    /^\d+\.\d+\.\d+\.\d+$/.test(base.hostname) ||
    base.hostname.startsWith('[')
  )
}

/**
 * The DNS suffix of a region's AWS partition: `amazonaws.com.cn` in China, the isolated
 * partitions' own domains, `amazonaws.com` everywhere else (commercial and GovCloud). From the
 * partitions file the AWS SDKs share (`partitions.json`, "dnsSuffix").
 */
export function dnsSuffix(region: string): string {
  const partition = region.split('-', 2).join('-')
  return region.startsWith('cn-')
    ? 'amazonaws.com.cn'
    : ((
        {
          'us-iso': 'c2s.ic.gov',
          'us-isob': 'sc2s.sgov.gov',
          'us-isof': 'csp.hci.ic.gov',
          'eu-isoe': 'cloud.adc-e.uk',
          'eusc-de': 'amazonaws.eu',
        } as Record<string, string>
      )[partition] ?? 'amazonaws.com')
}

export interface AwsEndpointOptions {
  /** IPv6 and IPv4: `s3.dualstack.<region>.…`. */
  readonly dualStack?: boolean
  /**
   * FIPS 140 validated endpoints: `s3-fips.<region>.amazonaws.com`; AWS offers them in the US, Canada and GovCloud
   * regions only.
   */
  readonly fips?: boolean
  /**
   * Transfer Acceleration (`<bucket>.s3-accelerate.amazonaws.com`): enable it on the bucket first; not in China or
   * GovCloud, and not for bucket names with dots.
   */
  readonly accelerate?: boolean
  /** `https://s3.amazonaws.com` for us-east-1, the legacy global endpoint, instead of `s3.us-east-1.amazonaws.com`. */
  readonly legacyGlobal?: boolean
}

// "FIPS endpoints" page of AWS: S3 has FIPS endpoints in these regions and nowhere else.
const FIPS_REGIONS = /^(us-(east|west)-[12]|ca-(central|west)-1|us-gov-(east|west)-1)$/

/**
 * The URL of AWS S3 for `region`, following the AWS endpoint rules (S3 "Regions and endpoints",
 * dual-stack, FIPS and Transfer Acceleration pages): regional virtual-hostable endpoints in every
 * partition, with the options below. Pass the result as `createClient({ endpoint })`. Services
 * that only speak S3 (R2, MinIO, B2, Wasabi, Ceph…) need their own endpoint instead; see
 * docs/endpoints.md. Throws `InputError` for combinations AWS does not offer.
 *
 * @example
 * createClient({ region: 'eu-west-1', endpoint: awsEndpoint('eu-west-1', { dualStack: true }) })
 * // https://s3.dualstack.eu-west-1.amazonaws.com
 */
export function awsEndpoint(region: string, options: AwsEndpointOptions = {}): string {
  const { dualStack, fips, accelerate, legacyGlobal } = options
  if (!/^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/.test(region)) {
    throw new InputError('region', `"${region}" is not an AWS region name such as "eu-west-1".`)
  }
  const suffix = dnsSuffix(region)
  const stack = dualStack ? '.dualstack' : ''
  if (accelerate) {
    if (fips || suffix !== 'amazonaws.com' || region.startsWith('us-gov-')) {
      throw new InputError(
        'accelerate',
        `Transfer Acceleration is not offered${fips ? ' with FIPS' : ` in ${region}`}.`,
      )
    }
    return `https://s3-accelerate${stack}.amazonaws.com`
  }
  if (fips) {
    if (!FIPS_REGIONS.test(region)) throw new InputError('fips', `S3 has no FIPS endpoint in ${region}.`)
    return `https://s3-fips${stack}.${region}.${suffix}`
  }
  if (legacyGlobal) {
    if (region !== 'us-east-1' || dualStack)
      throw new InputError(
        'legacyGlobal',
        'the global endpoint s3.amazonaws.com serves us-east-1 only, without dual-stack.',
      )
    return 'https://s3.amazonaws.com'
  }
  return `https://s3${stack}.${region}.${suffix}`
}
