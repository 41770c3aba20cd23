import { execFile } from 'node:child_process'
import { root } from './bundle.js'

export interface RunOutput {
  readonly runtime: string
  readonly report: unknown
}

/**
 * Runs a runtime's scenario script (node_modules/.bin/<runtime>, installed from npm) and reads
 * the JSON line it prints. A failure keeps stderr in the message, so a broken run says why.
 */
export function runScript(bin: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      `${root}node_modules/.bin/${bin}`,
      [...args],
      { cwd: root, timeout: 60_000, maxBuffer: 4 << 20, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${bin} ${args[0] ?? ''} failed: ${error.message}\n${stderr}`))
        const line = stdout.trim().split('\n').pop() ?? ''
        try {
          resolve(JSON.parse(line) as RunOutput)
        } catch {
          reject(new Error(`${bin} printed no JSON report:\n${stdout}\n${stderr}`))
        }
      },
    )
  })
}
