import * as z from 'zod/mini'
import { compact } from '../src/core/command.js'
import { InputError } from '../src/core/errors.js'
import { encodeKey, encodeRfc3986 } from '../src/core/url.js'
import { checkBucket, checkKey } from '../src/core/validate.js'
import { type FieldTable, httpDate, quoteETag, writeHeaders } from './headers.js'
import { text, timestamp, xmlDocument } from './xml.js'

/**
 * The source of a server-side copy, shared by CopyObject and UploadPartCopy. S3 wants it as one
 * URL-encoded header (`x-amz-copy-source: bucket/key?versionId=…`); SDKs that take that string from
 * the caller leave the encoding to them, and keys with spaces, `+`, `%` or non-ASCII text then copy
 * the wrong object or fail. Here the caller names the parts and the codec encodes them, once.
 */
export interface CopySource {
  readonly Bucket: string
  readonly Key: string
  /** Copy this version rather than the current one. */
  readonly VersionId?: string
}

/** Copy only when the source matches: a failed condition is an `S3Error` `PreconditionFailed`. */
export interface CopySourceConditions {
  readonly CopySourceIfMatch?: string
  readonly CopySourceIfNoneMatch?: string
  readonly CopySourceIfModifiedSince?: Date
  readonly CopySourceIfUnmodifiedSince?: Date
}

/** The `x-amz-copy-source` value: the key percent-encoded segment by segment, `/` kept. */
export function copySourceHeader(source: CopySource, field = 'CopySource'): string {
  if (typeof source !== 'object' || source === null) {
    throw new InputError(
      field,
      'must be { Bucket, Key, VersionId? } (s3kit encodes it; do not pass a pre-encoded "bucket/key" string).',
    )
  }
  const bucket = checkBucket(source.Bucket, `${field}.Bucket`)
  const key = checkKey(source.Key, `${field}.Key`)
  const version =
    source.VersionId === undefined
      ? ''
      : `?versionId=${encodeRfc3986(checkNonEmpty(source.VersionId, `${field}.VersionId`))}`
  return `${bucket}/${encodeKey(key)}${version}`
}

const SOURCE_HEADERS: FieldTable<CopySourceConditions> = {
  CopySourceIfMatch: 'x-amz-copy-source-if-match',
  CopySourceIfNoneMatch: 'x-amz-copy-source-if-none-match',
  CopySourceIfModifiedSince: ['x-amz-copy-source-if-modified-since', httpDate],
  CopySourceIfUnmodifiedSince: ['x-amz-copy-source-if-unmodified-since', httpDate],
}

/** The `x-amz-copy-source` header and the conditions on the source. */
export function copySourceHeaders(source: CopySource, fields: CopySourceConditions): Record<string, string> {
  return { 'x-amz-copy-source': copySourceHeader(source), ...writeHeaders(fields, SOURCE_HEADERS) }
}

/** The response header that names the version of the source that was copied, when the source bucket is versioned. */
export const COPY_SOURCE_VERSION_ID = 'x-amz-copy-source-version-id'

/** What a copy's result document holds (`<CopyObjectResult>` or `<CopyPartResult>`). */
export interface CopyResult {
  /** Quoted, as everywhere else in s3kit (RGW sends it without quotes). */
  readonly ETag: string
  readonly LastModified: Date
  readonly ChecksumCRC32?: string
  readonly ChecksumCRC32C?: string
  readonly ChecksumCRC64NVME?: string
  readonly ChecksumSHA1?: string
  readonly ChecksumSHA256?: string
}

/**
 * A copy's result document whose root element is `root` (`CopyObjectResult` or `CopyPartResult`).
 * Call it as `/* @__PURE__ *\/ copyResultDocument(…)`; nothing in it repeats.
 */
/* @__NO_SIDE_EFFECTS__ */
export function copyResultDocument<R extends string>(root: R) {
  return xmlDocument([], () => {
    const fields = z.object({
      ETag: text(),
      LastModified: timestamp(),
      ChecksumCRC32: z.optional(text()),
      ChecksumCRC32C: z.optional(text()),
      ChecksumCRC64NVME: z.optional(text()),
      ChecksumSHA1: z.optional(text()),
      ChecksumSHA256: z.optional(text()),
    })
    return z.object({ [root]: fields } as Record<R, typeof fields>)
  })
}

/** A parsed copy result as output: the ETag quoted, absent checksums left out. */
export function toCopyResult(
  result: Pick<CopyResult, 'ETag' | 'LastModified'> & { readonly [F in keyof CopyResult]?: CopyResult[F] | undefined },
): CopyResult {
  return compact<CopyResult>({ ...result, ETag: quoteETag(result.ETag) })
}

function checkNonEmpty(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new InputError(field, 'must be a non-empty string.')
  return value
}
