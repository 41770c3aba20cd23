import * as z from 'zod/mini'
import { InputError } from '../src/errors.js'
import { checkHeaderValue, checkInteger } from '../src/validate.js'
import { owner } from './owner.js'
import { boolean, integer, text, timestamp } from './xml.js'

/**
 * Documents and limits of multipart uploads (S3 API reference: CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, ListParts, ListMultipartUploads; limits from AWS's "Amazon S3
 * multipart upload limits" page).
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

/** A part as CompleteMultipartUpload names it. */
export interface CompletedPart {
  readonly PartNumber: number
  /** The ETag UploadPart (or UploadPartCopy) returned for the part. */
  readonly ETag: string
  readonly ChecksumCRC32?: string
  readonly ChecksumCRC32C?: string
  readonly ChecksumCRC64NVME?: string
  readonly ChecksumSHA1?: string
  readonly ChecksumSHA256?: string
}

const CHECKSUMS = ['ChecksumCRC32', 'ChecksumCRC32C', 'ChecksumCRC64NVME', 'ChecksumSHA1', 'ChecksumSHA256'] as const

/**
 * The parts in ascending order, checked: S3 refuses an unordered list (`InvalidPartOrder`), and a
 * repeated or missing part number is a caller's bug that is better reported before the request.
 */
export function sortedParts(parts: unknown, field = 'MultipartUpload.Parts'): CompletedPart[] {
  if (!Array.isArray(parts) || parts.length === 0) {
    throw new InputError(field, 'must list at least one part: { PartNumber, ETag } for each part uploaded.')
  }
  if (parts.length > MAX_PARTS) throw new InputError(field, `has ${parts.length} parts; S3 allows at most ${MAX_PARTS}.`)
  const sorted = (parts as CompletedPart[]).map((part, index) => {
    if (typeof part !== 'object' || part === null) throw new InputError(`${field}[${index}]`, 'must be { PartNumber, ETag }.')
    checkPartNumber(part.PartNumber, `${field}[${index}].PartNumber`)
    if (typeof part.ETag !== 'string' || part.ETag === '') {
      throw new InputError(`${field}[${index}].ETag`, 'must be the non-empty ETag that UploadPart returned for this part.')
    }
    checkHeaderValue(part.ETag, `${field}[${index}].ETag`)
    return part
  })
  sorted.sort((a, b) => a.PartNumber - b.PartNumber)
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.PartNumber === sorted[i - 1]!.PartNumber) {
      throw new InputError(field, `lists part ${sorted[i]!.PartNumber} twice; name each part once, with the ETag of its last upload.`)
    }
  }
  return sorted
}

/** The `<CompleteMultipartUpload>` request body's content. */
export function completeDocumentContent(parts: readonly CompletedPart[]): Record<string, unknown> {
  return {
    Part: parts.map((part) => {
      const entry: Record<string, string | number> = { PartNumber: part.PartNumber, ETag: part.ETag }
      for (const name of CHECKSUMS) if (part[name] !== undefined) entry[name] = part[name]
      return entry
    }),
  }
}

// Each schema is built inside a pure IIFE: esbuild does not take zod's own calls as free of side
// effects, and this way a bundle keeps only the schemas it reads (none at all for UploadPart or
// AbortMultipartUpload, whose responses carry no document; no listing schema for `upload`).

/** `<InitiateMultipartUploadResult>`. */
export const initiateResult = /* @__PURE__ */ (() =>
  z.object({
    InitiateMultipartUploadResult: z.object({ Bucket: z.optional(text), Key: z.optional(text), UploadId: z.string().check(z.minLength(1)) }),
  }))()

/** An object shape plus the optional checksum elements that parts and results may carry. */
/* @__NO_SIDE_EFFECTS__ */
function withChecksums<T extends Record<string, z.ZodMiniType>>(shape: T) {
  return z.object({
    ...shape,
    ChecksumCRC32: z.optional(text),
    ChecksumCRC32C: z.optional(text),
    ChecksumCRC64NVME: z.optional(text),
    ChecksumSHA1: z.optional(text),
    ChecksumSHA256: z.optional(text),
  })
}

/** `<CompleteMultipartUploadResult>`; Ceph RGW sends an empty `<ETag/>`. */
export const completeResult = /* @__PURE__ */ (() =>
  z.object({
    CompleteMultipartUploadResult: withChecksums({
      Location: z.optional(text),
      Bucket: z.optional(text),
      Key: z.optional(text),
      ETag: z.optional(text),
    }),
  }))()

/** `<ListPartsResult>`. */
export const listPartsResult = /* @__PURE__ */ (() => {
  const part = withChecksums({ PartNumber: integer, LastModified: timestamp, ETag: text, Size: integer })
  return z.object({
    ListPartsResult: z.object({
      Bucket: text,
      Key: text,
      UploadId: text,
      PartNumberMarker: z.optional(integer),
      NextPartNumberMarker: z.optional(integer),
      MaxParts: z.optional(integer),
      IsTruncated: z.optional(boolean),
      Part: z.optional(z.array(part)),
      Initiator: z.optional(owner),
      Owner: z.optional(owner),
      StorageClass: z.optional(text),
      ChecksumAlgorithm: z.optional(text),
      ChecksumType: z.optional(text),
    }),
  })
})()

export const listPartsArrays: ReadonlySet<string> = /* @__PURE__ */ new Set(['ListPartsResult.Part'])

/** `<ListMultipartUploadsResult>`. */
export const listUploadsResult = /* @__PURE__ */ (() => {
  const upload = z.object({
    UploadId: text,
    Key: text,
    Initiated: timestamp,
    StorageClass: z.optional(text),
    Owner: z.optional(owner),
    Initiator: z.optional(owner),
    ChecksumAlgorithm: z.optional(text),
    ChecksumType: z.optional(text),
  })
  return z.object({
    ListMultipartUploadsResult: z.object({
      Bucket: text,
      KeyMarker: z.optional(text),
      UploadIdMarker: z.optional(text),
      NextKeyMarker: z.optional(text),
      NextUploadIdMarker: z.optional(text),
      Delimiter: z.optional(text),
      Prefix: z.optional(text),
      MaxUploads: z.optional(integer),
      IsTruncated: z.optional(boolean),
      Upload: z.optional(z.array(upload)),
      CommonPrefixes: z.optional(z.array(z.object({ Prefix: text }))),
      EncodingType: z.optional(text),
    }),
  })
})()

export const listUploadsArrays: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'ListMultipartUploadsResult.Upload',
  'ListMultipartUploadsResult.CommonPrefixes',
])

/** No element of these documents repeats. */
export const noArrays: ReadonlySet<string> = /* @__PURE__ */ new Set<string>()
