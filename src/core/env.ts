/**
 * Reads one environment variable where the runtime has an environment (Node, Bun, Deno with
 * --allow-env) and answers `undefined` everywhere else: browsers and workers have no `process`,
 * and Deno throws when env access is not granted.
 */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    // An empty variable counts as unset, as in the AWS SDKs.
    return env?.[name] || undefined
  } catch {
    return undefined
  }
}
