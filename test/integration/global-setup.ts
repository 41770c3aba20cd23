import { execFileSync } from 'node:child_process'
import type { TestProject } from 'vitest/node'

/**
 * Gives the integration tests a real S3 server. With S3_ENDPOINT set (plus S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY and, for two-user tests, the _2 pair) that server is used as it is;
 * otherwise scripts/s3-server.sh starts Ceph RGW on loopback, and it is stopped again at the end
 * only if this run started it.
 */
export default function setup(project: TestProject): (() => void) | undefined {
  let startedHere = false
  let env: Record<string, string>
  if (process.env.S3_ENDPOINT) {
    env = Object.fromEntries(
      Object.entries(process.env).filter(([k, v]) => k.startsWith('S3_') && v !== undefined),
    ) as Record<string, string>
  } else {
    let running = true
    try {
      execFileSync('bash', ['scripts/s3-server.sh', 'status'], { stdio: 'ignore' })
    } catch {
      running = false
    }
    const out = execFileSync('bash', ['scripts/s3-server.sh', 'start'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    startedHere = !running
    env = Object.fromEntries(
      out
        .split('\n')
        .map((line) => /^(S3_[A-Z0-9_]+)=(.*)$/.exec(line.trim()))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!]),
    )
  }
  project.provide('s3', env)
  return startedHere && !process.env.S3KIT_KEEP_SERVER
    ? () => {
        execFileSync('bash', ['scripts/s3-server.sh', 'stop'], { stdio: 'inherit' })
      }
    : undefined
}

declare module 'vitest' {
  export interface ProvidedContext {
    s3: Record<string, string>
  }
}
