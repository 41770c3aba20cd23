import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkUploadId } from '../src/core/multipart-limits.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `AbortMultipartUpload`: the bucket, key and `UploadId` of the multipart upload to
 * cancel.
 */
export interface AbortMultipartUploadInput {
  readonly Bucket: string
  readonly Key: string
  readonly UploadId: string
}

/** What `AbortMultipartUpload` returns: nothing (S3 answers 204 with no body). */
export type AbortMultipartUploadOutput = EmptyOutput

/**
 * Cancels a multipart upload and deletes its parts, which are otherwise kept and billed forever. A
 * part still being uploaded may survive an abort (S3 documents that an abort can need repeating),
 * so abort after in-flight parts have settled. An unknown or finished upload is an `S3Error`:
 * `NoSuchUpload` on AWS, `NoSuchKey` on Ceph RGW.
 *
 * @example
 * await send(client, AbortMultipartUpload({ Bucket: 'my-bucket', Key: 'big.iso', UploadId }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function AbortMultipartUpload(input: AbortMultipartUploadInput): Command<AbortMultipartUploadOutput> {
  return {
    operation: 'AbortMultipartUpload',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: { uploadId: checkUploadId(input.UploadId) },
    parse: emptyOutput,
  }
}
