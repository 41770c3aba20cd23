/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { readEnv } from '../../core/env.js'

/** Where the shared files are and which profile to use; each defaults as the AWS CLI does. */
export interface SharedFilesOptions {
  /** Defaults to `AWS_PROFILE`, then `default`. */
  readonly profile?: string
  /** The credentials file: `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`. */
  readonly filepath?: string
  /** The config file: `AWS_CONFIG_FILE`, else `~/.aws/config`. */
  readonly configFilepath?: string
}

/** A section's settings; a nested block (`s3 =` followed by indented lines) is a sub-object. */
export type Section = Record<string, string | Record<string, string>>

/**
 * The AWS shared config and credentials files as `loadSharedFiles` reads them: their paths, the
 * profiles merged from both, the `sso-session` and `services` sections, and which of the files
 * existed.
 */
export interface SharedFiles {
  readonly credentialsPath: string
  readonly configPath: string
  /**
   * Profiles by name: `[name]` of the credentials file over `[profile name]` (or `[default]`) of the config file, key
   * by key.
   */
  readonly profiles: Record<string, Section>
  readonly ssoSessions: Record<string, Section>
  readonly services: Record<string, Section>
  /** The files that existed, for error messages. */
  readonly found: readonly string[]
}

/** The profile to use: the option, `AWS_PROFILE`, then `default`. */
export function profileName(options: SharedFilesOptions = {}): string {
  return options.profile ?? readEnv('AWS_PROFILE') ?? 'default'
}

/** The home directory as the AWS SDKs find it: HOME, then USERPROFILE, then the OS's idea. */
export function home(): string {
  return readEnv('HOME') ?? readEnv('USERPROFILE') ?? homedir()
}

function expand(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(home(), path.slice(1)) : path
}

/** The shared credentials file: the option, `AWS_SHARED_CREDENTIALS_FILE`, then `~/.aws/credentials` (`~` expanded). */
export function credentialsPath(options: SharedFilesOptions = {}): string {
  return expand(options.filepath ?? readEnv('AWS_SHARED_CREDENTIALS_FILE') ?? join(home(), '.aws', 'credentials'))
}

/** The shared config file: the option, `AWS_CONFIG_FILE`, then `~/.aws/config` (`~` expanded). */
export function configPath(options: SharedFilesOptions = {}): string {
  return expand(options.configFilepath ?? readEnv('AWS_CONFIG_FILE') ?? join(home(), '.aws', 'config'))
}

/**
 * Parses the INI dialect of the AWS shared files ("Configuration and credential file settings",
 * AWS CLI user guide): `[section]` headers, `name = value`, comments from `#` or `;` at the start
 * of a line or after whitespace, and nested blocks, where `name =` with no value starts a block of
 * indented `sub = value` lines (as in `s3 =\n  endpoint_url = …`).
 *
 * @example
 * parseIni('[default]\nregion = eu-west-1\ns3 =\n  endpoint_url = http://localhost:9000\n')
 * // { default: { region: 'eu-west-1', s3: { endpoint_url: 'http://localhost:9000' } } }
 */
export function parseIni(text: string): Record<string, Section> {
  const sections: Record<string, Section> = Object.create(null)
  let section: Section | undefined
  let block: Record<string, string> | undefined
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.split(/(?:^|\s)[#;]/)[0]!
    const trimmed = line.trim()
    if (!trimmed) continue
    const header = /^\[\s*([^\]]*?)\s*\]$/.exec(trimmed)
    if (header) {
      section = sections[header[1]!] ??= Object.create(null) as Section
      block = undefined
      continue
    }
    const equals = trimmed.indexOf('=')
    if (!section || equals < 0) continue
    const name = trimmed.slice(0, equals).trim().toLowerCase()
    const value = trimmed.slice(equals + 1).trim()
    const indented = /^\s/.test(line)
    if (block && indented) {
      block[name] = value
    } else if (value === '') {
      section[name] = block = Object.create(null) as Record<string, string>
    } else {
      block = undefined
      section[name] = value
    }
  }
  return sections
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR')
      return undefined
    throw error
  }
}

function readOptionalSync(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR')
      return undefined
    throw error
  }
}

function combine(
  credentialsPath: string,
  credentialsText: string | undefined,
  configPath: string,
  configText: string | undefined,
): SharedFiles {
  const profiles: Record<string, Section> = Object.create(null)
  const ssoSessions: Record<string, Section> = Object.create(null)
  const services: Record<string, Section> = Object.create(null)
  for (const [name, section] of Object.entries(parseIni(configText ?? ''))) {
    const [, kind, rest] = /^(profile|sso-session|services)\s+(.+)$/.exec(name) ?? []
    // In the config file a profile is `[profile name]`; only `default` may be bare.
    if (kind === 'profile') profiles[rest!] = { ...profiles[rest!], ...section }
    else if (kind === 'sso-session') ssoSessions[rest!] = section
    else if (kind === 'services') services[rest!] = section
    else if (name === 'default') profiles.default = { ...section, ...profiles.default }
  }
  // The credentials file names profiles bare, and wins over the config file for the same key.
  for (const [name, section] of Object.entries(parseIni(credentialsText ?? '')))
    profiles[name] = { ...profiles[name], ...section }
  const found = [
    credentialsText === undefined ? '' : credentialsPath,
    configText === undefined ? '' : configPath,
  ].filter(Boolean)
  return { credentialsPath, configPath, profiles, ssoSessions, services, found }
}

/**
 * Reads and merges both shared files (`~/.aws/credentials` and `~/.aws/config`, or the files the
 * options and `AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE` name); a missing file is an empty
 * one. Profiles are keyed by name, whichever file they come from.
 *
 * @example
 * import { loadSharedFiles } from 's3kit/node'
 * const { profiles } = await loadSharedFiles()
 * const region = profiles.dev?.region
 */
export async function loadSharedFiles(options: SharedFilesOptions = {}): Promise<SharedFiles> {
  const credentials = credentialsPath(options)
  const config = configPath(options)
  const [credentialsText, configText] = await Promise.all([readOptional(credentials), readOptional(config)])
  return combine(credentials, credentialsText, config, configText)
}

/** The same, synchronously: `createClient` reads `region` and `endpoint_url` while it builds the client. */
export function loadSharedFilesSync(options: SharedFilesOptions = {}): SharedFiles {
  const credentials = credentialsPath(options)
  const config = configPath(options)
  return combine(credentials, readOptionalSync(credentials), config, readOptionalSync(config))
}

/** A plain string setting of a section, or undefined (a nested block is not one). */
export function setting(section: Section | undefined, name: string): string | undefined {
  const value = section?.[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** `endpoint_url` for a service (`s3`, `sts`, `sso`) from the profile's `services` section, else the profile's own. */
export function serviceEndpoint(files: SharedFiles, profile: Section | undefined, service: string): string | undefined {
  if (
    readEnv('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS')?.toLowerCase() === 'true' ||
    setting(profile, 'ignore_configured_endpoint_urls') === 'true'
  )
    return undefined
  const servicesName = setting(profile, 'services')
  const block = servicesName ? files.services[servicesName]?.[service] : undefined
  return (typeof block === 'object' ? block.endpoint_url : undefined) || setting(profile, 'endpoint_url')
}
