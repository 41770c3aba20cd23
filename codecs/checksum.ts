import type { ChecksumAlgorithm } from '../src/core/checksums/checksum.js'
import { InputError } from '../src/core/errors.js'
import type { HeaderTable } from './headers.js'

/**
 * The `x-amz-checksum-*` headers S3 returns, and the check of an algorithm a caller passes: what the
 * `checksum` and `verifyChecksum` options and the helpers share. No command imports this module, so
 * a bundle carries it only with a checksum option (docs/checksums.md).
 */

/** Checksum values, base64 of the big-endian digest, as S3 names them on requests and responses. */
export interface ChecksumValues {
  readonly ChecksumCRC32?: string
  readonly ChecksumCRC32C?: string
  readonly ChecksumCRC64NVME?: string
  readonly ChecksumSHA1?: string
  readonly ChecksumSHA256?: string
}

/** How an object's checksum covers it: the whole object, or (multipart) a checksum of its parts' checksums. */
export type ChecksumType = 'FULL_OBJECT' | 'COMPOSITE'

/** What S3 says about a stored object's checksum: the value and how it covers the object. */
export interface ChecksumOutput extends ChecksumValues {
  /** `FULL_OBJECT` or `COMPOSITE` (a multipart object's checksum of part checksums, written `…-N`). */
  readonly ChecksumType?: ChecksumType | (string & {})
}

/** The value fields, each with its header: written as checked header text, read back as it is. */
export const CHECKSUM_VALUE_HEADERS = {
  ChecksumCRC32: 'x-amz-checksum-crc32',
  ChecksumCRC32C: 'x-amz-checksum-crc32c',
  ChecksumCRC64NVME: 'x-amz-checksum-crc64nvme',
  ChecksumSHA1: 'x-amz-checksum-sha1',
  ChecksumSHA256: 'x-amz-checksum-sha256',
} as const

export const CHECKSUM_OUTPUT_HEADERS: HeaderTable<ChecksumOutput> = {
  ...CHECKSUM_VALUE_HEADERS,
  ChecksumType: 'x-amz-checksum-type',
}

/** An algorithm a caller passed, checked: one of the algorithm objects s3kit exports. */
export function checkAlgorithm(value: unknown, field: string): ChecksumAlgorithm {
  const algorithm = value as ChecksumAlgorithm
  // The name becomes a header name: nothing but S3's own names may pass.
  if (!/^(CRC32C?|CRC64NVME|SHA1|SHA256)$/.test(algorithm?.name) || typeof algorithm.create !== 'function')
    throw new InputError(field, 'must be an algorithm imported from s3kit (CRC32, CRC64NVME, …), not its name.')
  return algorithm
}

/** The caller's `ChecksumAlgorithms`, checked. */
export function checkAlgorithms(value: unknown, field = 'ChecksumAlgorithms'): readonly ChecksumAlgorithm[] {
  if (!Array.isArray(value)) throw new InputError(field, 'must be a list of algorithms, e.g. [CRC64NVME].')
  return value.map((algorithm, index) => checkAlgorithm(algorithm, `${field}[${index}]`))
}
