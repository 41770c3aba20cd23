/** S3's storage classes, usable wherever an input or output names one (put, copy, list, lifecycle). */
export const StorageClass = {
  STANDARD: 'STANDARD',
  REDUCED_REDUNDANCY: 'REDUCED_REDUNDANCY',
  STANDARD_IA: 'STANDARD_IA',
  ONEZONE_IA: 'ONEZONE_IA',
  INTELLIGENT_TIERING: 'INTELLIGENT_TIERING',
  GLACIER: 'GLACIER',
  GLACIER_IR: 'GLACIER_IR',
  DEEP_ARCHIVE: 'DEEP_ARCHIVE',
  OUTPOSTS: 'OUTPOSTS',
  SNOW: 'SNOW',
  EXPRESS_ONEZONE: 'EXPRESS_ONEZONE',
  FSX_OPENZFS: 'FSX_OPENZFS',
} as const

/**
 * One of `StorageClass`'s values. Other strings are accepted too (`string & {}` keeps editor
 * completion for the known ones): S3-compatible servers define classes of their own.
 */
export type StorageClass = (typeof StorageClass)[keyof typeof StorageClass] | (string & {})
