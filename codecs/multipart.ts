import * as z from 'zod/mini'
import { owner } from './owner.js'
import { boolean, integer, text, timestamp } from './xml.js'

/**
 * Documents and limits of multipart uploads (S3 API reference: CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, ListParts, ListMultipartUploads; limits from AWS's "Amazon S3
 * multipart upload limits" page).
 */

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
