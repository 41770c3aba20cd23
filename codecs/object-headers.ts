import { OBJECT_CANNED_ACLS, type ObjectCannedACL } from '../src/core/canned-acl.js'
import { compact, definedHeaders } from '../src/core/command.js'
import { checkStorageClass, type StorageClass } from '../src/core/storage-class.js'
import { checkDate, checkHeaderValue, checkInteger, checkOneOf } from '../src/core/validate.js'
import { lenientDate, optionalNumber, requiredDate, optionalString, quoteETag, requiredString, type HeaderContext } from './headers.js'
import { metadataHeaders, readMetadata } from './metadata.js'
import { parseRestore, type RestoreStatus } from './restore.js'

/** Headers that describe a new object: shared by PutObject, CopyObject and CreateMultipartUpload. */
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

type TextField = keyof typeof TEXT_HEADERS

export function objectWriteHeaders(input: ObjectWriteFields): Record<string, string> {
  if (input.ACL !== undefined) checkOneOf(input.ACL, 'ACL', OBJECT_CANNED_ACLS)
  if (input.StorageClass !== undefined) checkStorageClass(input.StorageClass, 'StorageClass')
  const headers = definedHeaders({
    expires: input.Expires === undefined ? undefined : checkDate(input.Expires, 'Expires').toUTCString(),
    'x-amz-storage-class': input.StorageClass,
    'x-amz-acl': input.ACL,
    'x-amz-tagging': input.Tagging === undefined ? undefined : checkHeaderValue(input.Tagging, 'Tagging'),
    ...metadataHeaders(input.Metadata),
  })
  for (const field of Object.keys(TEXT_HEADERS) as TextField[]) {
    const value = input[field]
    if (value !== undefined) headers[TEXT_HEADERS[field]] = checkHeaderValue(value, field)
  }
  return headers
}

/** What HeadObject and GetObject say about an object. */
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

export function readObjectHeaders(response: Response, context: HeaderContext): ObjectHeaders {
  const { headers } = response
  const text: { [F in TextField]?: string | undefined } = {}
  for (const field of Object.keys(TEXT_HEADERS) as TextField[]) text[field] = optionalString(headers, TEXT_HEADERS[field])
  return compact<ObjectHeaders>({
    ...text,
    ContentLength: optionalNumber(response, 'content-length', context) ?? 0,
    ETag: quoteETag(requiredString(response, 'etag', context)),
    LastModified: requiredDate(response, 'last-modified', context),
    Metadata: readMetadata(headers),
    StorageClass: headers.get('x-amz-storage-class') ?? 'STANDARD',
    Expires: lenientDate(headers, 'expires'),
    VersionId: optionalString(headers, 'x-amz-version-id'),
    DeleteMarker: headers.has('x-amz-delete-marker') ? headers.get('x-amz-delete-marker') === 'true' : undefined,
    AcceptRanges: optionalString(headers, 'accept-ranges'),
    Restore: parseRestore(headers.get('x-amz-restore')),
    PartsCount: optionalNumber(response, 'x-amz-mp-parts-count', context),
    MissingMeta: optionalNumber(response, 'x-amz-missing-meta', context),
    TagCount: optionalNumber(response, 'x-amz-tagging-count', context),
  })
}

/** Conditions and selectors shared by GetObject and HeadObject. */
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

export function objectReadHeaders(input: ObjectReadFields): Record<string, string> {
  return definedHeaders({
    range: input.Range === undefined ? undefined : checkHeaderValue(input.Range, 'Range'),
    'if-match': input.IfMatch === undefined ? undefined : checkHeaderValue(input.IfMatch, 'IfMatch'),
    'if-none-match': input.IfNoneMatch === undefined ? undefined : checkHeaderValue(input.IfNoneMatch, 'IfNoneMatch'),
    'if-modified-since': input.IfModifiedSince && checkDate(input.IfModifiedSince, 'IfModifiedSince').toUTCString(),
    'if-unmodified-since': input.IfUnmodifiedSince && checkDate(input.IfUnmodifiedSince, 'IfUnmodifiedSince').toUTCString(),
  })
}

export function objectReadQuery(input: ObjectReadFields): Record<string, string | undefined> {
  return {
    versionId: input.VersionId,
    partNumber: checkInteger(input.PartNumber, 'PartNumber', 1, 10_000)?.toString(),
  }
}
