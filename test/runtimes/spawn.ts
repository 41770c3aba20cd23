import { execFile } from 'node:child_process'
import { root } from './bundle.js'

/** A runtime installed from npm (deno, bun), or Node itself. */
export function runtimeBinary(name: 'deno' | 'bun' | 'node'): string {
  return name === 'node' ? process.execPath : `${root}node_modules/.bin/${name}`
}

/**
 * Runs a runtime's scenario script from the repository root and reads the JSON line it prints
 * last. A failure keeps stderr in the message, so a broken run says why. The child gets PATH and
 * HOME only: no AWS_* variable of this machine can stand in for the config it is given.
 */
export function runScript(runtime: 'deno' | 'bun' | 'node', args: readonly string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(
      runtimeBinary(runtime),
      [...args],
      { cwd: root, timeout: 60_000, maxBuffer: 4 << 20, env: { PATH: process.env.PATH, HOME: process.env.HOME } },
      (error, stdout, stderr) => {
        if (error)
          return reject(new Error(`${runtime} ${args.join(' ').slice(0, 200)} failed: ${error.message}\n${stderr}`))
        const line = stdout.trim().split('\n').pop() ?? ''
        try {
          resolve(JSON.parse(line) as Record<string, unknown>)
        } catch {
          reject(new Error(`${runtime} printed no JSON report:\n${stdout}\n${stderr}`))
        }
      },
    )
  })
}
