import type { ChecksumAlgorithm } from './checksum.js'
import { crc32Algorithm } from './crc.js'

/** CRC32 (ISO-HDLC, zlib's): `x-amz-checksum-crc32`. Multipart uploads send it as a full-object checksum. */
export const CRC32: ChecksumAlgorithm = /* @__PURE__ */ crc32Algorithm('CRC32', 0xedb88320)
