import { sha256 } from '@noble/hashes/sha2.js'
import type { ChecksumAlgorithm } from './checksum.js'

/** SHA-256: `x-amz-checksum-sha256`. Multipart uploads can only send it per part (a composite checksum). */
export const SHA256: ChecksumAlgorithm = { name: 'SHA256', create: () => sha256.create() }
