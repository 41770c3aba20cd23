import { hex } from './hex.js'
import { nodeCrypto } from './node-crypto.js'

/**
 * Bodies up to this size are hashed on the calling thread with node:crypto: about 2 µs for 1 KiB,
 * against about 20 µs of CPU through WebCrypto, whose every call is a job on another thread. Larger
 * bodies go through WebCrypto, off the main thread, so that hashing the parts of a large upload
 * never stalls the event loop.
 */
const ON_THREAD_LIMIT = 64 * 1024

/**
 * Hex SHA-256 of in-memory bytes: the Node build's sha256.ts (Node, Deno, Bun and bundlers that
 * target Node take it through the `node` export condition; scripts/build-node.mjs swaps it in).
 */
export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const crypto = bytes.byteLength <= ON_THREAD_LIMIT ? nodeCrypto() : null
  if (crypto) {
    return crypto
      .createHash('sha256')
      .update(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
      .digest('hex')
  }
  return hex(await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource))
}
