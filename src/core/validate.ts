import { InputError } from './errors.js'

/**
 * Input checks shared by every command. Each throws an `InputError` naming the field, so a bad
 * call fails at once and no request is made.
 */

// Legacy (us-east-1) names may be up to 255 characters with upper case and underscores; such
// buckets are only reachable with path-style URLs, which `send` then chooses.
const LEGACY_BUCKET = /^[A-Za-z0-9._-]{3,255}$/

export function checkBucket(bucket: unknown, field = 'Bucket'): string {
  if (typeof bucket !== 'string' || !LEGACY_BUCKET.test(bucket)) {
    throw new InputError(
      field,
      `${JSON.stringify(bucket)} is not a valid bucket name: use 3–63 lower-case letters, digits, ` +
        `dots and hyphens, starting and ending with a letter or digit.`,
    )
  }
  return bucket
}

/** Stricter rule for names of new buckets: S3 accepts only DNS-compatible names there. */
export function checkNewBucket(bucket: unknown): string {
  if (!isDnsBucket(checkBucket(bucket))) {
    throw new InputError(
      'Bucket',
      `"${bucket as string}" is not a valid name for a new bucket: use 3–63 lower-case letters, digits, ` +
        `dots and hyphens, starting and ending with a letter or digit, ` +
        `with no ".." and not shaped like an IP address.`,
    )
  }
  return bucket as string
}

export function isDnsBucket(bucket: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) &&
    // No empty label, no label starting or ending with "-", not an IPv4 address.
    !/\.\.|\.-|-\.|^\d+\.\d+\.\d+\.\d+$/.test(bucket)
  )
}

const encoder = /* @__PURE__ */ new TextEncoder()

export function checkKey(key: unknown, field = 'Key'): string {
  if (typeof key !== 'string' || !key) {
    throw new InputError(field, 'must be a non-empty string.')
  }
  if (encoder.encode(key).length > 1024) {
    throw new InputError(field, 'is longer than S3 allows (1,024 bytes of UTF-8).')
  }
  if (/(^|\/)\.\.?(\/|$)/.test(key)) {
    // WHATWG URLs (and so fetch) collapse "." and ".." path segments, even percent-encoded,
    // so such a key would silently address a different object.
    throw new InputError(
      field,
      `"${key}" has a "." or ".." path segment, which fetch collapses: the request would reach another key.`,
    )
  }
  if (!key.isWellFormed()) {
    throw new InputError(field, 'has an unpaired surrogate, which has no UTF-8 form.')
  }
  return key
}

/** A whole number in [min, max], or undefined. */
export function checkInteger(
  value: unknown,
  field: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined
  // Number.isInteger is false for anything that is not a number.
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new InputError(field, `must be a whole number from ${min} to ${max}, not ${String(value)}.`)
  }
  return value as number
}

/** A string that can travel as an HTTP header value unchanged (visible ASCII and inner spaces). */
export function checkHeaderValue(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value)) {
    throw new InputError(
      field,
      `${JSON.stringify(value)} is not a valid header value: use printable ASCII, with no space at either end.`,
    )
  }
  return value
}

export function checkOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new InputError(field, `must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}.`)
  }
  return value as T
}

export function checkDate(value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InputError(field, 'must be a valid Date.')
  }
  return value
}

// XML 1.0 cannot carry these characters at all, escaped or not.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/

/** A string that goes into a request document as element text. */
export function checkText(
  value: unknown,
  field: string,
  options: { maxLength?: number; empty?: boolean } = {},
): string {
  if (typeof value !== 'string') throw new InputError(field, `must be a string, not ${JSON.stringify(value)}.`)
  if (!options.empty && value === '') throw new InputError(field, 'must not be empty.')
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    throw new InputError(field, `is longer than S3 allows (${options.maxLength} characters).`)
  }
  if (NOT_XML.test(value) || !value.isWellFormed()) {
    throw new InputError(
      field,
      'contains a control character or unpaired surrogate, which an XML document cannot carry.',
    )
  }
  return value
}

/** A non-empty array, checked item by item. */
export function checkList<T>(
  value: unknown,
  field: string,
  max: number,
  item: (value: unknown, field: string) => T,
): T[] {
  if (!Array.isArray(value) || value.length === 0) throw new InputError(field, 'must be a non-empty array.')
  if (value.length > max) throw new InputError(field, `has ${value.length} entries; S3 allows at most ${max}.`)
  return value.map((entry, index) => item(entry, `${field}[${index}]`))
}

/** An optional string input (Prefix, Delimiter, markers): an empty string is the same as none. */
export function checkListText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string') throw new InputError(field, `must be a string, not ${typeof value}.`)
  return value
}

/** Any string, e.g. a query parameter (which the URL encodes, so every character can travel). */
export function checkString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InputError(field, `must be a string, not ${JSON.stringify(value)}.`)
  return value
}

/** A plain object of fields (not null, not an array), as a nested input such as `RestoreRequest` must be. */
export function checkObject<T extends object>(value: unknown, field: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(field, `must be an object of fields, not ${JSON.stringify(value)}.`)
  }
  return value as T
}

/**
 * One byte range as S3 takes it: `bytes=first-last`, `bytes=first-` or `bytes=-suffixLength`. S3
 * ignores a Range it cannot read and sends the whole object, so a malformed one is refused here.
 */
export function checkRange(value: unknown, field: string): string {
  const [, first = '', last = ''] = (typeof value === 'string' && /^bytes=(\d*)-(\d*)$/.exec(value)) || []
  if (first + last === '' || (first && last && Number(first) > Number(last))) {
    throw new InputError(
      field,
      `${JSON.stringify(value)} is not a byte range: use bytes=first-last, bytes=first- or bytes=-length.`,
    )
  }
  return value as string
}
