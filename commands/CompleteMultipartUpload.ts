import { quoteETag, readHeaders, WRITE_RESULT_HEADERS, writeHeaders } from '../codecs/headers.js'
import { CHECKSUMS, type CompletedPart, completeDocumentContent, completeResult } from '../codecs/multipart.js'
import { buildDocument, readDocument } from '../codecs/xml.js'
import { type Command, compact } from '../src/core/command.js'
import { refuseErrorIn200 } from '../src/core/error-document.js'
import { InputError } from '../src/core/errors.js'
import { checkPartNumber, checkUploadId, MAX_PARTS } from '../src/core/multipart-limits.js'
import { checkBucket, checkHeaderValue, checkKey } from '../src/core/validate.js'

export type { CompletedPart }

/**
 * The input of `CompleteMultipartUpload`: the upload to finish and the parts that make up the
 * object, each named by its number and the ETag `UploadPart` (or `UploadPartCopy`) returned for it,
 * with optional conditions on the object the key holds now. Each part's checksum goes in its `Parts`
 * entry. Request options add the rest: `checksum` the checksum type and the whole object's checksum,
 * `sseCustomerKey` the SSE-C key of an upload created with one (S3 needs it when the parts carry
 * checksums).
 */
export interface CompleteMultipartUploadInput {
  readonly Bucket: string
  readonly Key: string
  readonly UploadId: string
  /** Every part to join, each with the ETag its upload returned; in any order (they are sorted). */
  readonly MultipartUpload: { readonly Parts: readonly CompletedPart[] }
  /** `*` to complete only when no object has the key yet (a conditional write). */
  readonly IfNoneMatch?: string
  /** Complete only when the current object has this ETag. */
  readonly IfMatch?: string
}

/**
 * What `CompleteMultipartUpload` returns: the new object's bucket, key and ETag, with its version,
 * encryption and checksums when S3 sends them. Unlike `@aws-sdk/client-s3`, `Bucket` and `Key` are
 * always present, and a failure S3 reports inside a 200 response is thrown as an `S3Error`, never
 * returned here.
 */
export interface CompleteMultipartUploadOutput {
  readonly Bucket: string
  readonly Key: string
  /**
   * The new object's ETag (`"…-N"` for N parts). Absent when the server sends none: Ceph RGW
   * answers with an empty `<ETag/>`, and HeadObject then shows the real one (the `upload` helper
   * does that for you).
   */
  readonly ETag?: string
  readonly Location?: string
  readonly VersionId?: string
  readonly ServerSideEncryption?: string
  /** When a lifecycle rule will expire the object (`x-amz-expiration`). */
  readonly Expiration?: string
  /** The object's checksum, when the result document gives it (`…-N` for a composite one). */
  readonly ChecksumCRC32?: string
  readonly ChecksumCRC32C?: string
  readonly ChecksumCRC64NVME?: string
  readonly ChecksumSHA1?: string
  readonly ChecksumSHA256?: string
}

/**
 * Joins the uploaded parts into the object. The parts are sorted and checked first (at least one,
 * each number once, each with an ETag). S3 may answer 200 and report a failure later in the body;
 * that is an `S3Error` too (`InvalidPart`, `EntityTooSmall`, …).
 *
 * @example
 * await send(client, CompleteMultipartUpload({
 *   Bucket: 'my-bucket', Key: 'big.iso', UploadId,
 *   MultipartUpload: { Parts: [{ PartNumber: 1, ETag: etag1 }, { PartNumber: 2, ETag: etag2 }] },
 * }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function CompleteMultipartUpload(input: CompleteMultipartUploadInput): Command<CompleteMultipartUploadOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  const parts = sortedParts(input.MultipartUpload?.Parts)
  return {
    operation: 'CompleteMultipartUpload',
    method: 'POST',
    bucket,
    key,
    query: { uploadId: checkUploadId(input.UploadId) },
    headers: {
      'content-type': 'application/xml',
      ...writeHeaders(input, { IfNoneMatch: 'if-none-match', IfMatch: 'if-match' }),
    },
    body: buildDocument('CompleteMultipartUpload', completeDocumentContent(parts)),
    // Completing takes a while for large objects: S3 answers 200 at once and may put the error in the body.
    parse: async (answer, context) => {
      // S3 may answer 200 and put the error of a long copy or completion in the body.
      const response = await refuseErrorIn200(answer, context)
      const { CompleteMultipartUploadResult: result } = await readDocument(response, completeResult, context)
      return compact<CompleteMultipartUploadOutput>({
        ...result,
        Bucket: result.Bucket || bucket,
        Key: result.Key || key,
        ETag: result.ETag ? quoteETag(result.ETag) : undefined,
        Location: result.Location || undefined,
        ...readHeaders<CompleteMultipartUploadOutput>(response, context, {
          ...WRITE_RESULT_HEADERS,
          Expiration: 'x-amz-expiration',
        }),
      })
    },
  }
}

/**
 * The parts in ascending order, checked: S3 refuses an unordered list (`InvalidPartOrder`), and a
 * repeated or missing part number is a caller's bug that is better reported before the request.
 */
function sortedParts(parts: unknown, field = 'MultipartUpload.Parts'): CompletedPart[] {
  if (!Array.isArray(parts) || parts.length === 0) {
    throw new InputError(field, 'must list at least one part: { PartNumber, ETag } for each part uploaded.')
  }
  if (parts.length > MAX_PARTS)
    throw new InputError(field, `has ${parts.length} parts; S3 allows at most ${MAX_PARTS}.`)
  const sorted = (parts as CompletedPart[]).map((part, index) => {
    if (typeof part !== 'object' || part === null)
      throw new InputError(`${field}[${index}]`, 'must be { PartNumber, ETag }.')
    checkPartNumber(part.PartNumber, `${field}[${index}].PartNumber`)
    if (typeof part.ETag !== 'string' || part.ETag === '') {
      throw new InputError(
        `${field}[${index}].ETag`,
        'must be the non-empty ETag that UploadPart returned for this part.',
      )
    }
    checkHeaderValue(part.ETag, `${field}[${index}].ETag`)
    for (const name of CHECKSUMS)
      if (part[name] !== undefined) checkHeaderValue(part[name], `${field}[${index}].${name}`)
    return part
  })
  sorted.sort((a, b) => a.PartNumber - b.PartNumber)
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.PartNumber === sorted[i - 1]!.PartNumber) {
      throw new InputError(
        field,
        `lists part ${sorted[i]!.PartNumber} twice; name each part once, with the ETag of its last upload.`,
      )
    }
  }
  return sorted
}
