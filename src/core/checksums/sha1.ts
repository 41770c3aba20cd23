import { sha1 } from '@noble/hashes/legacy.js'
import type { ChecksumAlgorithm } from './checksum.js'

/** SHA-1: `x-amz-checksum-sha1`. Multipart uploads can only send it per part (a composite checksum). */
export const SHA1: ChecksumAlgorithm = { name: 'SHA1', create: () => sha1.create() }
