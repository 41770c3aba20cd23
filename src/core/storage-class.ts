import { InputError } from './errors.js'

/**
 * S3's storage classes, usable wherever an input or output names one (put, copy, list, lifecycle);
 * each key is the value itself, the key style of every constant table in s3kit.
 */
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

/**
 * Checks a storage class name before it is sent: S3's names, and those S3-compatible servers
 * define (Ceph RGW placement classes), are upper-case letters, digits and underscores.
 */
export function checkStorageClass(value: unknown, field: string): StorageClass {
  if (typeof value !== 'string' || !/^[A-Z0-9_]+$/.test(value)) {
    throw new InputError(
      field,
      `${JSON.stringify(value)} is not a storage class name (upper-case letters, digits and _), e.g. GLACIER.`,
    )
  }
  return value
}
