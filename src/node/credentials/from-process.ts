/// <reference types="node" />
import { exec } from 'node:child_process'
import { type Credentials, CredentialsError, type CredentialsProvider } from '../../core/credentials.js'
import { type CacheOptions, cachedCredentials } from '../../helpers/credentials/cache.js'
import { loadSharedFiles, profileName, type SharedFilesOptions, setting } from './shared-files.js'

/**
 * Options of `fromProcess`: which profile and shared files (`SharedFilesOptions`), how long the
 * command may run, and refresh timing.
 */
export interface FromProcessOptions extends SharedFilesOptions {
  /** Kill the process after this long (default 30 s). */
  readonly timeout?: number
  readonly cache?: CacheOptions
}

const SOURCE = 'fromProcess'

/**
 * Credentials printed by the `credential_process` command of a profile ("Sourcing credentials
 * with an external process", AWS CLI user guide): the command runs through the shell, and its
 * stdout must be JSON with `Version: 1`, `AccessKeyId`, `SecretAccessKey` and optionally
 * `SessionToken` and `Expiration`. Without `Expiration` the credentials are kept for the life of
 * the process; with it they are refreshed shortly before. A profile without the setting is skipped
 * by a chain.
 *
 * @example
 * const client = createClient({ credentials: fromProcess({ profile: 'vault' }) })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromProcess(options: FromProcessOptions = {}): CredentialsProvider {
  return cachedCredentials(async () => {
    const name = profileName(options)
    const files = await loadSharedFiles(options)
    const command = setting(files.profiles[name], 'credential_process')
    if (!command) throw new CredentialsError(SOURCE, `profile "${name}" has no credential_process`, { tryNext: true })
    return runCredentialProcess(command, name, options.timeout)
  }, options.cache)
}

/**
 * Runs a `credential_process` command and reads its answer; the errors quote the command and its stderr, never stdout
 * (which holds the secret).
 */
export function runCredentialProcess(command: string, profile: string, timeout = 30_000): Promise<Credentials> {
  return new Promise((resolve, reject) => {
    exec(command, { timeout, maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const why = error.killed ? `was stopped after ${timeout} ms` : `exited with code ${error.code ?? error.signal}`
        const detail = String(stderr).trim().slice(0, 500)
        return reject(
          new CredentialsError(
            SOURCE,
            `credential_process of profile "${profile}" (${command}) ${why}${detail ? `: ${detail}` : ''}`,
          ),
        )
      }
      try {
        resolve(readProcessOutput(String(stdout), profile))
      } catch (failure) {
        reject(failure)
      }
    })
  })
}

function readProcessOutput(stdout: string, profile: string): Credentials {
  const fail = (why: string): CredentialsError =>
    new CredentialsError(SOURCE, `credential_process of profile "${profile}" ${why}`)
  let json: Record<string, unknown>
  try {
    json = JSON.parse(stdout) as Record<string, unknown>
  } catch {
    throw fail('did not print JSON')
  }
  if (json?.Version !== 1) throw fail(`printed Version ${JSON.stringify(json?.Version)}; only 1 is defined`)
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = json
  if (typeof AccessKeyId !== 'string' || !AccessKeyId || typeof SecretAccessKey !== 'string' || !SecretAccessKey)
    throw fail('printed no AccessKeyId and SecretAccessKey')
  if (SessionToken !== undefined && typeof SessionToken !== 'string')
    throw fail('printed a SessionToken that is not a string')
  let expiration: Date | undefined
  if (Expiration !== undefined) {
    expiration = new Date(String(Expiration))
    if (Number.isNaN(expiration.getTime()))
      throw fail(`printed an Expiration that is not an ISO 8601 time: ${JSON.stringify(Expiration)}`)
    if (expiration.getTime() <= Date.now())
      throw fail(`printed credentials that expired at ${expiration.toISOString()}`)
  }
  return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken, expiration }
}
