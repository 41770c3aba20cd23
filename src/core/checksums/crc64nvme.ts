import type { ChecksumAlgorithm } from './checksum.js'
import { crc64Algorithm } from './crc.js'

/**
 * CRC64NVME: `x-amz-checksum-crc64nvme`, what AWS recommends and computes by default. Multipart
 * uploads send it as a full-object checksum (S3 knows no composite CRC64NVME).
 */
export const CRC64NVME: ChecksumAlgorithm = /* @__PURE__ */ crc64Algorithm('CRC64NVME', 0x9a6c9329ac4bc9b5n)
