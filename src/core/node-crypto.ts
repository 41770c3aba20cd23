import type * as NodeCrypto from 'node:crypto'

let loaded: typeof NodeCrypto | null | undefined

/**
 * node:crypto, loaded on first use rather than imported: importing it costs an ESM program some
 * 3 ms at start-up (about what WebCrypto costs on its first use), which a process that never signs
 * should not pay. Null where the runtime cannot hand it over (`process.getBuiltinModule` came with
 * Node 20.16); callers then use WebCrypto. Used by the Node build's `*.node.ts` files only.
 */
export function nodeCrypto(): typeof NodeCrypto | null {
  if (loaded === undefined) {
    const scope = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
    try {
      loaded = (scope.process?.getBuiltinModule?.('node:crypto') as typeof NodeCrypto | undefined) ?? null
    } catch {
      loaded = null
    }
  }
  return loaded
}
