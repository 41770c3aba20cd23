import { OBJECT_CANNED_ACLS, type ObjectCannedACL } from '../src/core/canned-acl.js'
import type { ResponseContext } from '../src/core/command.js'
import { checkStorageClass, type StorageClass } from '../src/core/storage-class.js'
import { checkRange } from '../src/core/validate.js'
import {
  dateHeader,
  etagHeader,
  type FieldTable,
  flagHeader,
  type HeaderTable,
  httpDate,
  lenientDateHeader,
  numberHeader,
  oneOf,
  readHeaders,
  requiredHeader,
  wholeNumber,
  writeHeaders,
  writeQuery,
} from './headers.js'
import { metadataHeaders, readMetadata } from './metadata.js'
import { parseRestore, type RestoreStatus } from './restore.js'

/**
 * Headers that describe a new object: shared by PutObject, CopyObject and CreateMultipartUpload.
 * SSE-C, SSE-KMS, the bucket owner and Requester Pays are request options (`sseCustomerKey`,
 * `sseKms`, `expectedBucketOwner`, `requesterPays`), so that no bundle carries them unused.
 */
export interface ObjectWriteFields {
  readonly ContentType?: string
  readonly CacheControl?: string
  readonly ContentDisposition?: string
  readonly ContentEncoding?: string
  readonly ContentLanguage?: string
  readonly Expires?: Date
  /** User metadata; names are stored lower-cased. Non-ASCII values are RFC 2047-encoded for you. */
  readonly Metadata?: Readonly<Record<string, string>>
  readonly StorageClass?: StorageClass
  readonly ACL?: ObjectCannedACL
  /** Tags as a URL query string, e.g. `project=alpha&team=web`. */
  readonly Tagging?: string
  readonly ServerSideEncryption?: 'AES256' | 'aws:kms' | 'aws:kms:dsse' | (string & {})
  readonly WebsiteRedirectLocation?: string
}

// Fields that travel as a header's text, unchanged, in both directions.
const TEXT_HEADERS = {
  ContentType: 'content-type',
  CacheControl: 'cache-control',
  ContentDisposition: 'content-disposition',
  ContentEncoding: 'content-encoding',
  ContentLanguage: 'content-language',
  ServerSideEncryption: 'x-amz-server-side-encryption',
  WebsiteRedirectLocation: 'x-amz-website-redirect-location',
} as const

const WRITE_HEADERS: FieldTable<ObjectWriteFields> = {
  ...TEXT_HEADERS,
  Expires: ['expires', httpDate],
  StorageClass: ['x-amz-storage-class', checkStorageClass],
  ACL: ['x-amz-acl', oneOf(OBJECT_CANNED_ACLS)],
  Tagging: 'x-amz-tagging',
}

export function objectWriteHeaders(input: ObjectWriteFields): Record<string, string> {
  return { ...writeHeaders(input, WRITE_HEADERS), ...metadataHeaders(input.Metadata) }
}

/**
 * What HeadObject and GetObject say about an object, with its `ServerSideEncryption`; the SSE-C
 * and KMS details are read by the request options `sseCustomerKey` and `encryptionDetails()`.
 */
export interface ObjectHeaders {
  readonly ContentLength: number
  readonly ETag: string
  readonly LastModified: Date
  /** User metadata, names lower-cased, RFC 2047 values decoded. */
  readonly Metadata: Record<string, string>
  /** S3 leaves the header out for STANDARD objects; it is filled in here. */
  readonly StorageClass: StorageClass
  readonly ContentType?: string
  readonly CacheControl?: string
  readonly ContentDisposition?: string
  readonly ContentEncoding?: string
  readonly ContentLanguage?: string
  /** The `Expires` header as a date, when it holds one. */
  readonly Expires?: Date
  readonly VersionId?: string
  readonly DeleteMarker?: boolean
  readonly AcceptRanges?: string
  /** Archive restore status (`x-amz-restore`); absent when no restore was requested. */
  readonly Restore?: RestoreStatus
  readonly ServerSideEncryption?: string
  readonly PartsCount?: number
  /** How many metadata entries S3 could not return as headers. */
  readonly MissingMeta?: number
  readonly WebsiteRedirectLocation?: string
  readonly TagCount?: number
}

const READ_HEADERS: HeaderTable<ObjectHeaders> = {
  ...TEXT_HEADERS,
  ContentLength: ['content-length', numberHeader],
  StorageClass: 'x-amz-storage-class',
  Expires: ['expires', lenientDateHeader],
  VersionId: 'x-amz-version-id',
  DeleteMarker: ['x-amz-delete-marker', flagHeader],
  AcceptRanges: 'accept-ranges',
  Restore: ['x-amz-restore', parseRestore],
  PartsCount: ['x-amz-mp-parts-count', numberHeader],
  MissingMeta: ['x-amz-missing-meta', numberHeader],
  TagCount: ['x-amz-tagging-count', numberHeader],
}

export function readObjectHeaders(response: Response, context: ResponseContext): ObjectHeaders {
  return {
    ContentLength: 0,
    StorageClass: 'STANDARD',
    ...readHeaders(response, context, READ_HEADERS),
    ETag: requiredHeader(response, context, 'etag', etagHeader),
    LastModified: requiredHeader(response, context, 'last-modified', dateHeader),
    Metadata: readMetadata(response.headers),
  }
}

/**
 * Conditions and selectors shared by GetObject and HeadObject. The SSE-C key an object written
 * with one must be read with is the request option `sseCustomerKey`.
 */
export interface ObjectReadFields {
  readonly VersionId?: string
  /** e.g. `bytes=0-1023`. */
  readonly Range?: string
  /** Read only part N of a multipart object. */
  readonly PartNumber?: number
  readonly IfMatch?: string
  readonly IfNoneMatch?: string
  readonly IfModifiedSince?: Date
  readonly IfUnmodifiedSince?: Date
}

const READ_CONDITIONS: FieldTable<ObjectReadFields> = {
  Range: ['range', checkRange],
  IfMatch: 'if-match',
  IfNoneMatch: 'if-none-match',
  IfModifiedSince: ['if-modified-since', httpDate],
  IfUnmodifiedSince: ['if-unmodified-since', httpDate],
}

const READ_SELECTORS: FieldTable<ObjectReadFields> = {
  VersionId: 'versionId',
  PartNumber: ['partNumber', wholeNumber(1, 10_000)],
}

export function objectReadHeaders(input: ObjectReadFields): Record<string, string> {
  return writeHeaders(input, READ_CONDITIONS)
}

export function objectReadQuery(input: ObjectReadFields): Record<string, string> {
  return writeQuery(input, READ_SELECTORS)
}
