/// <reference types="node" />
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FetchLike } from '../../core/client.js'
import { type Credentials, CredentialsError, type CredentialsProvider } from '../../core/credentials.js'
import { readEnv } from '../../core/env.js'
import { dnsSuffix } from '../../core/url.js'
import { type CacheOptions, cachedCredentials } from '../../helpers/credentials/cache.js'
import { errorText } from '../../helpers/credentials/from-container-metadata.js'
import { fetchWithTimeout } from '../../helpers/credentials/sts.js'
import {
  home,
  loadSharedFiles,
  profileName,
  type Section,
  type SharedFiles,
  type SharedFilesOptions,
  serviceEndpoint,
  setting,
} from './shared-files.js'

/**
 * Options of `fromSSO`: which profile and shared files (`SharedFilesOptions`), where the IAM
 * Identity Center portal and OIDC service are reached, and refresh timing.
 */
export interface FromSSOOptions extends SharedFilesOptions {
  /**
   * The portal and OIDC endpoints: `endpoint` defaults to `AWS_ENDPOINT_URL_SSO`, then
   * `https://portal.sso.<sso_region>.amazonaws.com`.
   */
  readonly clientConfig?: { readonly endpoint?: string; readonly oidcEndpoint?: string; readonly fetch?: FetchLike }
  readonly cache?: CacheOptions
}

const SOURCE = 'fromSSO'

/**
 * Credentials of an IAM Identity Center (SSO) profile, after `aws sso login`: the access token is
 * read from the CLI's token cache (`~/.aws/sso/cache/<sha1 of the session name or start URL>.json`),
 * refreshed through SSO OIDC `CreateToken` when it has expired and the cache holds a refresh token
 * (the `sso-session` form), and exchanged for the role's keys with `GetRoleCredentials`
 * ("IAM Identity Center credential provider", AWS SDKs and Tools reference guide). Both profile
 * forms work: `sso_session` pointing at an `[sso-session …]` section, and the legacy
 * `sso_start_url` + `sso_region` in the profile. A profile without SSO settings is skipped by a chain.
 *
 * @example
 * const client = createClient({ credentials: fromSSO({ profile: 'my-sso-profile' }) })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromSSO(options: FromSSOOptions = {}): CredentialsProvider {
  return cachedCredentials(async () => {
    const name = profileName(options)
    const files = await loadSharedFiles(options)
    const profile = files.profiles[name]
    if (!profile || (!setting(profile, 'sso_session') && !setting(profile, 'sso_start_url'))) {
      throw new CredentialsError(SOURCE, `profile "${name}" has no sso_session or sso_start_url`, { tryNext: true })
    }
    return ssoCredentials(name, profile, files, options)
  }, options.cache)
}

/** Resolves an SSO profile found by `fromIni` or `fromSSO`. */
export async function ssoCredentials(
  name: string,
  profile: Section,
  files: SharedFiles,
  options: FromSSOOptions,
): Promise<Credentials> {
  const fail = (why: string): CredentialsError => new CredentialsError(SOURCE, `profile "${name}": ${why}`)
  const sessionName = setting(profile, 'sso_session')
  const session = sessionName === undefined ? undefined : files.ssoSessions[sessionName]
  if (sessionName !== undefined && !session)
    throw fail(`sso_session "${sessionName}" has no [sso-session ${sessionName}] section in ${files.configPath}`)
  const region = setting(session ?? profile, 'sso_region')
  const startUrl = setting(session ?? profile, 'sso_start_url')
  const accountId = setting(profile, 'sso_account_id')
  const roleName = setting(profile, 'sso_role_name')
  const missing = Object.entries({
    sso_region: region,
    sso_start_url: startUrl,
    sso_account_id: accountId,
    sso_role_name: roleName,
  }).filter(([, v]) => !v)
  if (missing.length) throw fail(`missing ${missing.map(([k]) => k).join(', ')}`)

  const fetch = options.clientConfig?.fetch ?? ((...args: Parameters<FetchLike>) => globalThis.fetch(...args))
  const cacheFile = join(
    home(),
    '.aws',
    'sso',
    'cache',
    `${createHash('sha1')
      .update(sessionName ?? startUrl!)
      .digest('hex')}.json`,
  )
  let token: Record<string, unknown>
  try {
    token = JSON.parse(await readFile(cacheFile, 'utf8')) as Record<string, unknown>
  } catch {
    throw fail(`no SSO token in ${cacheFile}; run "aws sso login --profile ${name}"`)
  }
  if (typeof token.accessToken !== 'string' || typeof token.expiresAt !== 'string')
    throw fail(`the SSO token cache ${cacheFile} has no accessToken and expiresAt`)
  if (Date.parse(token.expiresAt) <= Date.now()) {
    if (
      !sessionName ||
      typeof token.refreshToken !== 'string' ||
      typeof token.clientId !== 'string' ||
      typeof token.clientSecret !== 'string'
    ) {
      throw fail(`the SSO token expired at ${token.expiresAt}; run "aws sso login --profile ${name}"`)
    }
    token = await refreshToken(token, region!, cacheFile, fetch, options, fail)
  }

  const endpoint =
    options.clientConfig?.endpoint ??
    readEnv('AWS_ENDPOINT_URL_SSO') ??
    serviceEndpoint(files, profile, 'sso') ??
    `https://portal.sso.${region}.${dnsSuffix(region!)}`
  const url =
    `${endpoint.replace(/\/+$/, '')}/federation/credentials?account_id=${encodeURIComponent(accountId!)}&` +
    `role_name=${encodeURIComponent(roleName!)}`
  const response = await fetchWithTimeout(
    fetch,
    url,
    { method: 'GET', headers: { 'x-amz-sso_bearer_token': token.accessToken as string } },
    10_000,
  )
  if (!response.ok) {
    throw fail(
      `GetRoleCredentials answered HTTP ${response.status}${await errorText(response)}` +
        `${response.status === 401 ? `; run "aws sso login --profile ${name}"` : ''}`,
    )
  }
  const body = (await response.json().catch(() => undefined)) as
    | { roleCredentials?: Record<string, unknown> }
    | undefined
  const c = body?.roleCredentials
  if (
    typeof c?.accessKeyId !== 'string' ||
    typeof c.secretAccessKey !== 'string' ||
    typeof c.sessionToken !== 'string' ||
    typeof c.expiration !== 'number'
  ) {
    throw fail('GetRoleCredentials answered without accessKeyId, secretAccessKey, sessionToken and expiration')
  }
  // GetRoleCredentials gives the expiration in milliseconds since the epoch (SSO API reference, RoleCredentials).
  return {
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    sessionToken: c.sessionToken,
    expiration: new Date(c.expiration),
  }
}

/** SSO OIDC `CreateToken` with the refresh token, written back to the cache as the CLI does. */
async function refreshToken(
  token: Record<string, unknown>,
  region: string,
  cacheFile: string,
  fetch: FetchLike,
  options: FromSSOOptions,
  fail: (why: string) => CredentialsError,
): Promise<Record<string, unknown>> {
  const endpoint =
    options.clientConfig?.oidcEndpoint ??
    readEnv('AWS_ENDPOINT_URL_SSO_OIDC') ??
    `https://oidc.${region}.${dnsSuffix(region)}`
  const response = await fetchWithTimeout(
    fetch,
    `${endpoint.replace(/\/+$/, '')}/token`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: token.clientId,
        clientSecret: token.clientSecret,
        grantType: 'refresh_token',
        refreshToken: token.refreshToken,
      }),
    },
    10_000,
  )
  if (!response.ok)
    throw fail(
      `the SSO token expired and refreshing it failed (CreateToken: HTTP ${response.status}); run "aws sso login"`,
    )
  const answer = (await response.json().catch(() => undefined)) as
    | { accessToken?: unknown; expiresIn?: unknown; refreshToken?: unknown }
    | undefined
  if (typeof answer?.accessToken !== 'string' || typeof answer.expiresIn !== 'number')
    throw fail('CreateToken answered without accessToken and expiresIn')
  const fresh = {
    ...token,
    accessToken: answer.accessToken,
    expiresAt: new Date(Date.now() + answer.expiresIn * 1000).toISOString(),
    ...(typeof answer.refreshToken === 'string' ? { refreshToken: answer.refreshToken } : {}),
  }
  // Best effort: another process may be writing it too, and the token in hand works either way.
  await writeFile(cacheFile, JSON.stringify(fresh), { mode: 0o600 }).catch(() => undefined)
  return fresh
}
