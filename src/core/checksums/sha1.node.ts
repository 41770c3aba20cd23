import { sha1 } from '@noble/hashes/legacy.js'
import { nodeCrypto } from '../node-crypto.js'
import type { ChecksumAlgorithm, Hasher } from './checksum.js'

/**
 * SHA-1 in the Node build (scripts/build-node.mjs swaps this file in for sha1.ts): node:crypto
 * hashes several times faster than JavaScript, which counts on every part of a large upload;
 * @noble/hashes where the runtime does not hand node:crypto over.
 */
export const SHA1: ChecksumAlgorithm = {
  name: 'SHA1',
  create(): Hasher {
    const hash = nodeCrypto()?.createHash('sha1')
    if (!hash) return sha1.create()
    return {
      update: (bytes) => void hash.update(bytes),
      digest: () => new Uint8Array(hash.digest()),
    }
  },
}
