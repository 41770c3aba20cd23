import { sha256 } from '@noble/hashes/sha2.js'
import { nodeCrypto } from '../node-crypto.js'
import type { ChecksumAlgorithm, Hasher } from './checksum.js'

/**
 * SHA-256 in the Node build (scripts/build-node.mjs swaps this file in for sha256.ts): node:crypto
 * hashes several times faster than JavaScript, which counts on every part of a large upload;
 * @noble/hashes where the runtime does not hand node:crypto over.
 */
export const SHA256: ChecksumAlgorithm = {
  name: 'SHA256',
  create(): Hasher {
    const hash = nodeCrypto()?.createHash('sha256')
    if (!hash) return sha256.create()
    return {
      update: (bytes) => void hash.update(bytes),
      digest: () => new Uint8Array(hash.digest()),
    }
  },
}
