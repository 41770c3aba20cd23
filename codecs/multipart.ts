import * as z from 'zod/mini'
import { owner } from './owner.js'
import { boolean, integer, text, timestamp, xmlDocument } from './xml.js'

/**
 * Documents of multipart uploads (S3 API reference: CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, ListParts, ListMultipartUploads).
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

/** The checksum fields a part may carry, as CompleteMultipartUpload names them. */
export const CHECKSUMS = [
  'ChecksumCRC32',
  'ChecksumCRC32C',
  'ChecksumCRC64NVME',
  'ChecksumSHA1',
  'ChecksumSHA256',
] as const

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

/** An object shape plus the optional checksum elements that parts and results may carry. */
function withChecksums<T extends Record<string, z.ZodMiniType>>(shape: T) {
  return z.object({
    ...shape,
    ChecksumCRC32: z.optional(text()),
    ChecksumCRC32C: z.optional(text()),
    ChecksumCRC64NVME: z.optional(text()),
    ChecksumSHA1: z.optional(text()),
    ChecksumSHA256: z.optional(text()),
  })
}

/** `<InitiateMultipartUploadResult>`. */
export const initiateResult = /* @__PURE__ */ xmlDocument([], () =>
  z.object({
    InitiateMultipartUploadResult: z.object({
      Bucket: z.optional(text()),
      Key: z.optional(text()),
      UploadId: z.string().check(z.minLength(1)),
    }),
  }),
)

/** `<CompleteMultipartUploadResult>`; Ceph RGW sends an empty `<ETag/>`. */
export const completeResult = /* @__PURE__ */ xmlDocument([], () =>
  z.object({
    CompleteMultipartUploadResult: withChecksums({
      Location: z.optional(text()),
      Bucket: z.optional(text()),
      Key: z.optional(text()),
      ETag: z.optional(text()),
    }),
  }),
)

/** `<ListPartsResult>`. */
export const listPartsResult = /* @__PURE__ */ xmlDocument(['ListPartsResult.Part'], () =>
  z.object({
    ListPartsResult: z.object({
      Bucket: text(),
      Key: text(),
      UploadId: text(),
      PartNumberMarker: z.optional(integer()),
      NextPartNumberMarker: z.optional(integer()),
      MaxParts: z.optional(integer()),
      IsTruncated: z.optional(boolean()),
      Part: z.optional(
        z.array(withChecksums({ PartNumber: integer(), LastModified: timestamp(), ETag: text(), Size: integer() })),
      ),
      Initiator: z.optional(owner()),
      Owner: z.optional(owner()),
      StorageClass: z.optional(text()),
      ChecksumAlgorithm: z.optional(text()),
      ChecksumType: z.optional(text()),
    }),
  }),
)

/** `<ListMultipartUploadsResult>`. */
export const listUploadsResult = /* @__PURE__ */ xmlDocument(
  ['ListMultipartUploadsResult.Upload', 'ListMultipartUploadsResult.CommonPrefixes'],
  () =>
    z.object({
      ListMultipartUploadsResult: z.object({
        Bucket: text(),
        KeyMarker: z.optional(text()),
        UploadIdMarker: z.optional(text()),
        NextKeyMarker: z.optional(text()),
        NextUploadIdMarker: z.optional(text()),
        Delimiter: z.optional(text()),
        Prefix: z.optional(text()),
        MaxUploads: z.optional(integer()),
        IsTruncated: z.optional(boolean()),
        Upload: z.optional(
          z.array(
            z.object({
              UploadId: text(),
              Key: text(),
              Initiated: timestamp(),
              StorageClass: z.optional(text()),
              Owner: z.optional(owner()),
              Initiator: z.optional(owner()),
              ChecksumAlgorithm: z.optional(text()),
              ChecksumType: z.optional(text()),
            }),
          ),
        ),
        CommonPrefixes: z.optional(z.array(z.object({ Prefix: text() }))),
        EncodingType: z.optional(text()),
      }),
    }),
)
