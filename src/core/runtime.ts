/** The JavaScript runtime s3kit runs on, for the few places where their fetch implementations differ. */
export type Runtime = 'node' | 'bun' | 'deno' | 'workerd' | 'browser'

/**
 * Tells the runtime apart by what each one alone defines. Bun and Deno also define `process` (for
 * Node compatibility), so they are looked for first; workerd names itself in `navigator.userAgent`.
 */
export function runtime(): Runtime {
  const scope = globalThis as { Bun?: unknown; Deno?: unknown; navigator?: { userAgent?: string }; process?: { versions?: { node?: string } } }
  if (scope.Bun !== undefined) return 'bun'
  if (scope.Deno !== undefined) return 'deno'
  if (scope.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd'
  return scope.process?.versions?.node === undefined ? 'browser' : 'node'
}
