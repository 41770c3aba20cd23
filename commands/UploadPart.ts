import { etagHeader, readHeaders, requiredHeader, writeHeaders } from '../codecs/headers.js'
import { checkBody, type RequestBody } from '../src/core/body.js'
import type { Command } from '../src/core/command.js'
import { checkPartNumber, checkUploadId } from '../src/core/multipart-limits.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `UploadPart`: the upload (bucket, key and `UploadId`), the part's number and its
 * bytes. Request options add the rest: `checksum` the part's checksum, `sseCustomerKey` the SSE-C
 * key of an upload created with one (S3 needs it on every part).
 */
export interface UploadPartInput {
  readonly Bucket: string
  readonly Key: string
  readonly UploadId: string
  /** 1 to 10,000; parts are joined in this order. Uploading a number again replaces that part. */
  readonly PartNumber: number
  /**
   * The part's bytes: text, bytes, a Blob (e.g. `file.slice(start, end)`), or a stream with
   * `ContentLength`. Every part but the last must be at least 5 MiB; none may exceed 5 GiB.
   */
  readonly Body?: RequestBody
  /** Required for a stream body; checked against the body otherwise. */
  readonly ContentLength?: number
  /** Base64 MD5 of the part; S3 rejects it (`BadDigest`) when it does not match. */
  readonly ContentMD5?: string
}

/**
 * What `UploadPart` returns: the part's ETag (always present), which `CompleteMultipartUpload`
 * needs, and the encryption S3 applied.
 */
export interface UploadPartOutput {
  /** Keep it: CompleteMultipartUpload needs each part's ETag. */
  readonly ETag: string
  readonly ServerSideEncryption?: string
}

/**
 * Uploads one part of a multipart upload. Parts may be sent in any order and in parallel. A part
 * whose body is bytes or a Blob is retried by `send` on retryable failures; a stream body is sent
 * once.
 *
 * @example
 * const { ETag } = await send(
 *   client,
 *   UploadPart({ Bucket: 'my-bucket', Key: 'big.iso', UploadId, PartNumber: 1, Body: file.slice(0, 8 * 2 ** 20) }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function UploadPart(input: UploadPartInput): Command<UploadPartOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  const query = { partNumber: checkPartNumber(input.PartNumber), uploadId: checkUploadId(input.UploadId) }
  const contentLength = checkBody(input.Body, input.ContentLength)
  return {
    operation: 'UploadPart',
    method: 'PUT',
    bucket,
    key,
    query,
    headers: writeHeaders(input, { ContentMD5: 'content-md5' }),
    body: input.Body,
    contentLength,
    parse: (response, context) => ({
      ...readHeaders<UploadPartOutput>(response, context, { ServerSideEncryption: 'x-amz-server-side-encryption' }),
      ETag: requiredHeader(response, context, 'etag', etagHeader),
    }),
  }
}
