import type { ChecksumAlgorithm } from './checksum.js'
import { crc32Algorithm } from './crc.js'

/** CRC32C (Castagnoli): `x-amz-checksum-crc32c`. Multipart uploads send it as a full-object checksum. */
export const CRC32C: ChecksumAlgorithm = /* @__PURE__ */ crc32Algorithm('CRC32C', 0x82f63b78)
