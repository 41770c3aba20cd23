import {
  COPY_SOURCE_VERSION_ID,
  type CopyResult,
  type CopySource,
  type CopySourceConditions,
  copyResultDocument,
  copySourceHeaders,
  toCopyResult,
} from '../codecs/copy-source.js'
import { readHeaders } from '../codecs/headers.js'
import { readDocument } from '../codecs/xml.js'
import type { Command } from '../src/core/command.js'
import { refuseErrorIn200 } from '../src/core/error-document.js'
import { InputError } from '../src/core/errors.js'
import { checkPartNumber, checkUploadId } from '../src/core/multipart-limits.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `UploadPartCopy`: the upload (bucket, key and `UploadId`), the part's number, and
 * the source object (with an optional byte range and conditions) whose bytes become the part. For
 * an upload created with an SSE-C key, that key again is the request option `sseCustomerKey`, the
 * source's is `copySourceSSECustomerKey`.
 */
export interface UploadPartCopyInput extends CopySourceConditions {
  readonly Bucket: string
  readonly Key: string
  readonly UploadId: string
  /** 1 to 10,000. */
  readonly PartNumber: number
  /** The object whose bytes become the part, named by its parts (s3kit does the URL-encoding). */
  readonly CopySource: CopySource
  /** `bytes=first-last` (inclusive, zero-based) to copy only a range; the whole source otherwise. */
  readonly CopySourceRange?: string
}

/**
 * What `UploadPartCopy` returns: the new part's ETag and modification time (`CopyPartResult`,
 * always present) and the source version copied. A copy that fails after S3 answered 200 is thrown
 * as an `S3Error`, never returned here.
 */
export interface UploadPartCopyOutput {
  /** `CopyPartResult.ETag` is the part's ETag for CompleteMultipartUpload. */
  readonly CopyPartResult: CopyResult
  readonly CopySourceVersionId?: string
  readonly ServerSideEncryption?: string
}

const document = /* @__PURE__ */ copyResultDocument('CopyPartResult')

/**
 * Makes a part from (a range of) an existing object, copied on the server: how objects over 5 GiB
 * are copied, or large objects assembled from others. Like CopyObject, a copy that fails after S3
 * has answered 200 is still an `S3Error`.
 *
 * @example
 * const { CopyPartResult } = await send(client, UploadPartCopy({
 *   Bucket: 'my-bucket', Key: 'joined.bin', UploadId, PartNumber: 1,
 *   CopySource: { Bucket: 'my-bucket', Key: 'first.bin' }, CopySourceRange: 'bytes=0-5242879',
 * }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function UploadPartCopy(input: UploadPartCopyInput): Command<UploadPartCopyOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  const range =
    input.CopySourceRange === undefined ? {} : { 'x-amz-copy-source-range': checkRange(input.CopySourceRange) }
  return {
    operation: 'UploadPartCopy',
    method: 'PUT',
    bucket,
    key,
    query: { partNumber: checkPartNumber(input.PartNumber), uploadId: checkUploadId(input.UploadId) },
    headers: { ...copySourceHeaders(input.CopySource, input), ...range },
    parse: async (answer, context) => {
      // S3 may answer 200 and put the error of a long copy or completion in the body.
      const response = await refuseErrorIn200(answer, context)
      const { CopyPartResult } = await readDocument(response, document, context)
      return {
        ...readHeaders<UploadPartCopyOutput>(response, context, {
          CopySourceVersionId: COPY_SOURCE_VERSION_ID,
          ServerSideEncryption: 'x-amz-server-side-encryption',
        }),
        CopyPartResult: toCopyResult(CopyPartResult),
      }
    },
  }
}

function checkRange(range: unknown): string {
  const match = typeof range === 'string' ? /^bytes=(\d+)-(\d+)$/.exec(range) : null
  if (!match || Number(match[1]) > Number(match[2])) {
    throw new InputError(
      'CopySourceRange',
      `must be "bytes=first-last" with first ≤ last (inclusive, zero-based), not ${JSON.stringify(range)}.`,
    )
  }
  return range as string
}
