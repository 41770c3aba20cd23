import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { server } from './env.js'

/** The repository root: the package whose `bin` is tested. */
export const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The built `s3kit` executable: package.json's `bin.s3kit` (dist/, built by scripts/test.sh before
 * vitest runs). S3KIT_CLI points at another build of it, e.g. one made with esbuild while the
 * package's own build is being changed.
 */
export function cliPath(): string {
  if (process.env.S3KIT_CLI) return process.env.S3KIT_CLI
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { bin?: Record<string, string> }
  const bin = pkg.bin?.s3kit
  if (!bin) throw new Error('package.json has no bin.s3kit: the command line is not part of the package')
  const path = `${root}${bin.replace(/^\.\//, '')}`
  if (!existsSync(path)) throw new Error(`${path} is not built: run \`npx tsup\` first (scripts/test.sh does)`)
  return path
}

/**
 * What a user's shell would give the command: the test server as AWS_* variables, and nothing
 * else from this machine (no stray AWS_PROFILE or keys).
 */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  const s = server()
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: s.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s.secretAccessKey,
    AWS_ENDPOINT_URL: s.endpoint,
    AWS_REGION: s.region,
    ...extra,
  }
}

export interface Run {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `s3kit args…` to the end, with `input` on its stdin. */
export function s3kit(
  args: readonly string[],
  options: { input?: Uint8Array | string; env?: Record<string, string>; cwd?: string } = {},
): Promise<Run> {
  const child = start(args, options)
  child.stdin!.end(options.input ?? '')
  return finished(child)
}

/** Starts `s3kit args…` and leaves its stdin open, for tests that feed or interrupt it. */
export function start(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): ChildProcess {
  return spawn(process.execPath, [cliPath(), ...args], {
    cwd: options.cwd ?? root,
    env: options.env ?? cliEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

export function finished(child: ChildProcess): Promise<Run> {
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text))
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}
