/** The JavaScript runtime s3kit runs on, for the few places where their fetch implementations differ. */
export type Runtime = 'node' | 'bun' | 'deno' | 'workerd' | 'browser'

/**
 * Tells the runtime apart by what each one alone defines. Bun and Deno also define `process` (for
 * Node compatibility), so they are looked for first; workerd names itself in `navigator.userAgent`.
 */
export function runtime(): Runtime {
  const scope = globalThis as { Bun?: unknown; Deno?: unknown; process?: { versions?: { node?: string } } }
  if (scope.Bun !== undefined) return 'bun'
  if (scope.Deno !== undefined) return 'deno'
  if (isWorkerd()) return 'workerd'
  return scope.process?.versions?.node === undefined ? 'browser' : 'node'
}

/** True on Cloudflare's workerd, which names itself in `navigator.userAgent` (what `send` alone needs to know). */
export function isWorkerd(): boolean {
  return (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers'
}
