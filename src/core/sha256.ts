import { hex } from './hex.js'

/**
 * Hex SHA-256 of in-memory bytes, through WebCrypto. The Node build (the `node` export condition)
 * uses sha256.node.ts in its place: scripts/build-node.mjs swaps a `x.node.ts` in for `x.ts`.
 */
export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes as BufferSource))
}
