/// <reference types="node" />

import { readFile } from 'node:fs/promises'
import { type Credentials, CredentialsError, type CredentialsProvider } from '../../core/credentials.js'
import { type CacheOptions, cachedCredentials } from '../../helpers/credentials/cache.js'
import { fromContainerMetadata } from '../../helpers/credentials/from-container-metadata.js'
import { fromEnv } from '../../helpers/credentials/from-env.js'
import { fromInstanceMetadata } from '../../helpers/credentials/from-instance-metadata.js'
import { fromTemporaryCredentials } from '../../helpers/credentials/from-temporary-credentials.js'
import type { StsClientConfig } from '../../helpers/credentials/sts.js'
import { runCredentialProcess } from './from-process.js'
import { type FromSSOOptions, ssoCredentials } from './from-sso.js'
import { fromTokenFile } from './from-token-file.js'
import {
  loadSharedFiles,
  profileName,
  type Section,
  type SharedFiles,
  type SharedFilesOptions,
  serviceEndpoint,
  setting,
} from './shared-files.js'

/**
 * Options of `fromIni`: which profile and shared files (`SharedFilesOptions`), how MFA codes are
 * asked for, where STS and SSO are reached for the profiles that need them, and refresh timing.
 */
export interface FromIniOptions extends SharedFilesOptions {
  /** Asked for the code of the profile's `mfa_serial` device whenever a role that needs it is assumed. */
  readonly mfaCodeProvider?: (serialNumber: string) => string | Promise<string>
  /** For the STS calls of `role_arn` profiles; the region defaults to the profile's `region`. */
  readonly clientConfig?: StsClientConfig
  /** For `sso_*` profiles. */
  readonly ssoClientConfig?: FromSSOOptions['clientConfig']
  readonly cache?: CacheOptions
}

const SOURCE = 'fromIni'

/**
 * Credentials of a named profile in the shared `credentials` and `config` files (`AWS_PROFILE`,
 * `AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE` decide which and where), in every form the AWS
 * CLI documents: static keys; `role_arn` with a `source_profile` (chains of them, cycles refused)
 * or a `credential_source` (`Environment`, `Ec2InstanceMetadata`, `EcsContainer`), with
 * `external_id`, `mfa_serial`, `role_session_name` and `duration_seconds`; `web_identity_token_file`;
 * `credential_process`; and IAM Identity Center (`sso_session` or `sso_start_url`). The files are
 * read when credentials are first needed and again at each refresh. A missing profile is skipped by
 * a chain; a profile that is there but broken is an error that says what to fix.
 *
 * @example
 * const client = createClient({ credentials: fromIni({ profile: 'production' }) })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromIni(options: FromIniOptions = {}): CredentialsProvider {
  // Providers made for a profile (an assumed role, a token file) are kept, so their caches live on.
  const made = new Map<string, CredentialsProvider>()
  return cachedCredentials(async () => {
    const name = profileName(options)
    const files = await loadSharedFiles(options)
    if (!files.profiles[name]) {
      const where = files.found.length
        ? files.found.join(' and ')
        : `${files.credentialsPath} or ${files.configPath} (neither exists)`
      throw new CredentialsError(SOURCE, `no profile "${name}" in ${where}`, { tryNext: true })
    }
    return resolveProfile(name, files, options, made, [])
  }, options.cache)
}

function isStatic(profile: Section): boolean {
  return setting(profile, 'aws_access_key_id') !== undefined && setting(profile, 'aws_secret_access_key') !== undefined
}

async function resolveProfile(
  name: string,
  files: SharedFiles,
  options: FromIniOptions,
  made: Map<string, CredentialsProvider>,
  visited: string[],
): Promise<Credentials> {
  const profile = files.profiles[name]
  if (!profile)
    throw new CredentialsError(
      SOURCE,
      `profile "${visited.at(-1)}" names source_profile "${name}", which does not exist`,
    )
  const fail = (why: string): CredentialsError => new CredentialsError(SOURCE, `profile "${name}": ${why}`)
  const firstHop = visited.length === 0
  // A source profile with keys of its own is used for them, even if it also has a role_arn
  // (the AWS CLI's rule, so that a chain ends at the first profile with keys).
  if (!firstHop && isStatic(profile)) return staticCredentials(profile)
  const roleArn = setting(profile, 'role_arn')
  const sourceProfile = setting(profile, 'source_profile')
  const credentialSource = setting(profile, 'credential_source')
  if (roleArn && (sourceProfile || credentialSource)) {
    if (sourceProfile && credentialSource) throw fail('has both source_profile and credential_source; keep one')
    if (sourceProfile && visited.includes(sourceProfile) && !(sourceProfile === name && isStatic(profile))) {
      throw fail(`source_profile makes a cycle: ${[...visited, name, sourceProfile].join(' → ')}`)
    }
    const key = `${name}\0${roleArn}`
    let provider = made.get(key)
    if (!provider) {
      const master: CredentialsProvider = sourceProfile
        ? async () =>
            sourceProfile === name
              ? staticCredentials(profile)
              : resolveProfile(sourceProfile, await loadSharedFiles(options), options, made, [...visited, name])
        : sourceOf(credentialSource!, fail)
      const mfaSerial = setting(profile, 'mfa_serial')
      const duration = setting(profile, 'duration_seconds')
      const region = setting(profile, 'region')
      const endpoint = serviceEndpoint(files, profile, 'sts')
      provider = fromTemporaryCredentials({
        params: {
          RoleArn: roleArn,
          RoleSessionName: setting(profile, 'role_session_name') ?? `s3kit-${Date.now()}`,
          ...(duration ? { DurationSeconds: Number(duration) } : {}),
          ...(setting(profile, 'external_id') ? { ExternalId: setting(profile, 'external_id')! } : {}),
          ...(mfaSerial ? { SerialNumber: mfaSerial } : {}),
        },
        masterCredentials: master,
        clientConfig: { ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}), ...options.clientConfig },
        ...(options.mfaCodeProvider ? { mfaCodeProvider: options.mfaCodeProvider } : {}),
      })
      made.set(key, provider)
    }
    return provider()
  }
  if (isStatic(profile)) return staticCredentials(profile)
  const tokenFile = setting(profile, 'web_identity_token_file')
  if (tokenFile && roleArn) {
    const key = `${name}\0web`
    let provider = made.get(key)
    if (!provider) {
      const region = setting(profile, 'region')
      const endpoint = serviceEndpoint(files, profile, 'sts')
      const session = setting(profile, 'role_session_name')
      provider = fromTokenFile({
        webIdentityTokenFile: tokenFile,
        roleArn,
        ...(session ? { roleSessionName: session } : {}),
        clientConfig: { ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}), ...options.clientConfig },
      })
      made.set(key, provider)
    }
    return provider()
  }
  const process = setting(profile, 'credential_process')
  if (process) return runCredentialProcess(process, name)
  if (setting(profile, 'sso_session') || setting(profile, 'sso_start_url')) {
    return ssoCredentials(name, profile, files, {
      ...options,
      ...(options.ssoClientConfig ? { clientConfig: options.ssoClientConfig } : {}),
    })
  }
  if (roleArn) throw fail('has role_arn but no source_profile, credential_source or web_identity_token_file')
  throw new CredentialsError(
    SOURCE,
    `profile "${name}" has none of aws_access_key_id + aws_secret_access_key, role_arn, ` +
      `web_identity_token_file, credential_process, sso_session or sso_start_url`,
    { tryNext: firstHop },
  )
}

function staticCredentials(profile: Section): Credentials {
  const expiry = setting(profile, 'aws_credential_expiration')
  return {
    accessKeyId: setting(profile, 'aws_access_key_id')!,
    secretAccessKey: setting(profile, 'aws_secret_access_key')!,
    sessionToken: setting(profile, 'aws_session_token'),
    expiration: expiry ? new Date(expiry) : undefined,
  }
}

/** `credential_source`: where a role profile's own credentials come from (AWS CLI "Assume role" guide). */
function sourceOf(source: string, fail: (why: string) => CredentialsError): CredentialsProvider {
  switch (source) {
    case 'Environment':
      return fromEnv()
    case 'Ec2InstanceMetadata':
      return fromInstanceMetadata()
    case 'EcsContainer':
      return fromContainerMetadata({ readFile: (path) => readFile(path, 'utf8') })
    default:
      throw fail(`credential_source "${source}" is not one of Environment, Ec2InstanceMetadata, EcsContainer`)
  }
}
