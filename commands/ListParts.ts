import { wholeNumber, writeQuery } from '../codecs/headers.js'
import { listPartsResult } from '../codecs/multipart.js'
import type { Owner } from '../codecs/owner.js'
import { readDocument } from '../codecs/xml.js'
import { type Command, compact, type PaginatedCommand } from '../src/core/command.js'
import { checkUploadId, MAX_PARTS } from '../src/core/multipart-limits.js'
import { paginated } from '../src/core/paginated.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `ListParts`: the upload (bucket, key and `UploadId`), the page size, and the part
 * number the previous page ended at.
 */
export interface ListPartsInput {
  readonly Bucket: string
  readonly Key: string
  readonly UploadId: string
  /** At most this many parts a page (1–1,000; S3's default and maximum is 1,000). */
  readonly MaxParts?: number
  /** List the parts after this part number (`NextPartNumberMarker` of the previous page). */
  readonly PartNumberMarker?: number
}

/**
 * One part of a multipart upload in a `ListParts` page: its number, its ETag (what
 * `CompleteMultipartUpload` needs), its size and when it was uploaded.
 */
export interface Part {
  readonly PartNumber: number
  readonly ETag: string
  readonly Size: number
  readonly LastModified: Date
  readonly ChecksumCRC32?: string
  readonly ChecksumCRC32C?: string
  readonly ChecksumCRC64NVME?: string
  readonly ChecksumSHA1?: string
  readonly ChecksumSHA256?: string
}

/**
 * What `ListParts` returns: one page of the upload's parts (always an array), with `IsTruncated`
 * and the part number marker of the next page.
 */
export interface ListPartsOutput {
  readonly Bucket: string
  readonly Key: string
  readonly UploadId: string
  /** This page's parts, in ascending part number order. */
  readonly Parts: Part[]
  /** True when more parts follow: pass `NextPartNumberMarker` back as `PartNumberMarker` (or use `paginate`). */
  readonly IsTruncated: boolean
  readonly NextPartNumberMarker?: number
  readonly PartNumberMarker?: number
  readonly MaxParts?: number
  readonly StorageClass?: string
  readonly Initiator?: Owner
  readonly Owner?: Owner
  readonly ChecksumAlgorithm?: string
  readonly ChecksumType?: string
}

/**
 * Lists the parts uploaded so far to a multipart upload, a page (up to 1,000) at a time: how an
 * interrupted upload is resumed, or checked before completing. An aborted or completed upload is
 * an `S3Error` (`NoSuchUpload` on AWS, `NoSuchKey` on Ceph RGW).
 *
 * @example
 * for await (const part of paginateItems(client, ListParts({ Bucket: 'my-bucket', Key: 'big.iso', UploadId })))
 *   console.log(part.PartNumber, part.Size)
 */
/* @__NO_SIDE_EFFECTS__ */
export function ListParts(input: ListPartsInput): PaginatedCommand<ListPartsOutput, Part> {
  const command: Command<ListPartsOutput> = {
    operation: 'ListParts',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: {
      uploadId: checkUploadId(input.UploadId),
      ...writeQuery(input, {
        MaxParts: ['max-parts', wholeNumber(1, 1000)],
        PartNumberMarker: ['part-number-marker', wholeNumber(0, MAX_PARTS)],
      }),
    },
    parse: async (response, context) => {
      const { ListPartsResult: result } = await readDocument(response, listPartsResult, context)
      const { Part: parts = [], IsTruncated = false, Initiator, Owner: owner, ...rest } = result
      return compact<ListPartsOutput>({
        ...rest,
        Parts: parts.map((part) => compact<Part>(part)),
        IsTruncated,
        Initiator: Initiator && compact<Owner>(Initiator),
        Owner: owner && compact<Owner>(owner),
      })
    },
  }
  return paginated(ListParts, input, command, {
    pageSize: 'MaxParts',
    items: (output) => output.Parts,
    next: (output) => (output.IsTruncated ? { PartNumberMarker: output.NextPartNumberMarker } : undefined),
  })
}
