import { InputError } from './errors.js'
import { checkInteger } from './validate.js'

/**
 * The limits of multipart uploads (AWS's "Amazon S3 multipart upload limits" page) and the checks
 * of the two identifiers every part request carries.
 */

/** Part numbers run from 1 to 10,000. */
export const MAX_PARTS = 10_000
/** Every part but the last must be at least 5 MiB. */
export const MIN_PART_SIZE = 5 * 1024 * 1024
export const MAX_PART_SIZE = 5 * 1024 * 1024 * 1024
/** 10,000 parts of 5 GiB (AWS documents 48.8 TiB; older pages said 5 TiB). */
export const MAX_OBJECT_SIZE = MAX_PARTS * MAX_PART_SIZE

export function checkPartNumber(value: unknown, field = 'PartNumber'): string {
  if (value === undefined) throw new InputError(field, `is required: a whole number from 1 to ${MAX_PARTS}.`)
  return String(checkInteger(value, field, 1, MAX_PARTS))
}

export function checkUploadId(value: unknown, field = 'UploadId'): string {
  if (typeof value !== 'string' || value === '') {
    throw new InputError(field, 'must be the non-empty UploadId that CreateMultipartUpload returned.')
  }
  return value
}
