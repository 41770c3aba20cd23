import { CredentialsError, type CredentialsProvider } from '../../core/credentials.js'
import { readEnv } from '../../core/env.js'
import { type CacheOptions, cachedCredentials } from './cache.js'
import { fetcherOf, type RemoteProviderOptions, readCredentialsJson, request } from './remote.js'

/**
 * Options of `fromContainerMetadata`: the timeouts, retries and fetch of every metadata provider
 * (`RemoteProviderOptions`), how the authorization token file is read, and refresh timing.
 */
export interface FromContainerMetadataOptions extends RemoteProviderOptions {
  /**
   * Reads `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`; defaults to Node's `fs` where the runtime offers it
   * (`process.getBuiltinModule`).
   */
  readonly readFile?: (path: string) => Promise<string>
  readonly cache?: CacheOptions
}

const SOURCE = 'fromContainerMetadata'
// ECS task metadata (RELATIVE_URI is a path on this host) and the hosts AWS documents for
// FULL_URI over plain http: ECS, EKS Pod Identity (IPv4 and IPv6) and loopback, as the AWS SDKs
// allow them ("Container credential provider", AWS SDKs and Tools reference guide).
const ECS_HOST = 'http://169.254.170.2'
const PLAIN_HTTP_HOSTS = /^(169\.254\.170\.(2|23)|\[fd00:ec2::23\]|localhost|127(\.\d{1,3}){3}|\[::1\])$/

/**
 * Credentials of an ECS or Fargate task's role, or of an EKS pod through Pod Identity: read from
 * the container credentials endpoint named by `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (ECS) or
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` (Pod Identity, Greengrass, local emulators), with the
 * `Authorization` header from `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read on each refresh,
 * as the agent rotates it) or `AWS_CONTAINER_AUTHORIZATION_TOKEN`. A plain-http FULL_URI must
 * point at loopback or one of AWS's link-local agents. Cached until shortly before expiry.
 *
 * @example
 * const client = createClient({ credentials: fromContainerMetadata({ timeout: 2000 }) })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromContainerMetadata(options: FromContainerMetadataOptions = {}): CredentialsProvider {
  const settings = { timeout: options.timeout ?? 1000, maxRetries: options.maxRetries ?? 2, fetch: fetcherOf(options) }
  return cachedCredentials(async () => {
    const url = containerUrl()
    const headers: Record<string, string> = {}
    const token = await authorizationToken(options)
    if (token !== undefined) headers.authorization = token
    const response = await request(SOURCE, url, { method: 'GET', headers }, settings)
    if (!response.ok)
      throw new CredentialsError(SOURCE, `GET ${url} answered HTTP ${response.status}${await errorText(response)}`)
    return readCredentialsJson(SOURCE, response)
  }, options.cache)
}

function containerUrl(): string {
  const relative = readEnv('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI')
  if (relative) return `${ECS_HOST}${relative.startsWith('/') ? '' : '/'}${relative}`
  const full = readEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI')
  if (!full) {
    throw new CredentialsError(
      SOURCE,
      'neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set',
      { tryNext: true },
    )
  }
  let url: URL
  try {
    url = new URL(full)
  } catch {
    throw new CredentialsError(SOURCE, `AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL: "${full}"`)
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && PLAIN_HTTP_HOSTS.test(url.hostname))) return url.href
  throw new CredentialsError(
    SOURCE,
    `AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to loopback or 169.254.170.2/23, ` +
      `not ${url.protocol}//${url.host}`,
  )
}

async function authorizationToken(options: FromContainerMetadataOptions): Promise<string | undefined> {
  const file = readEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE')
  let token: string | undefined
  if (file) {
    const read = options.readFile ?? nodeReadFile()
    if (!read)
      throw new CredentialsError(SOURCE, `cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE here; pass readFile`)
    try {
      token = (await read(file)).trim()
    } catch (error) {
      throw new CredentialsError(
        SOURCE,
        `cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE ${file}: ${(error as Error).message}`,
        { cause: error },
      )
    }
  } else {
    token = readEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN')
  }
  // A line break would let the token add headers of its own (header injection).
  if (token !== undefined && /[\r\n]/.test(token))
    throw new CredentialsError(SOURCE, 'the authorization token contains a line break')
  return token
}

/** Node's (and Bun's, Deno's) `fs` without a static `node:` import, which browser bundlers refuse. */
export function nodeReadFile(): ((path: string) => Promise<string>) | undefined {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule
  const fs = get?.('node:fs') as
    | { promises: { readFile: (path: string, encoding: 'utf8') => Promise<string> } }
    | undefined
  return fs && ((path) => fs.promises.readFile(path, 'utf8'))
}

/** The endpoint's own words for a refusal (`{"code","message"}` from the ECS agent), short, never the request. */
export async function errorText(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).slice(0, 300).trim()
  return text ? `: ${text}` : ''
}
