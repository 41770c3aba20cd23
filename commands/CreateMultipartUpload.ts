import { dateHeader, readHeaders } from '../codecs/headers.js'
import { initiateResult } from '../codecs/multipart.js'
import { type ObjectWriteFields, objectWriteHeaders } from '../codecs/object-headers.js'
import { readDocument } from '../codecs/xml.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `CreateMultipartUpload`: the bucket and key, and the headers of the object the parts
 * will make (content type, metadata, ACL, storage class, encryption, …), given here once. The
 * `checksum` option names the checksum every part will carry and how the object's is made.
 */
export interface CreateMultipartUploadInput extends ObjectWriteFields {
  readonly Bucket: string
  readonly Key: string
}

/**
 * What `CreateMultipartUpload` returns: above all the `UploadId` every later part, completion,
 * listing or abort names, and the date a lifecycle rule will abort the upload if it is left
 * unfinished. `Bucket`, `Key` and `UploadId` are always present.
 */
export interface CreateMultipartUploadOutput {
  readonly Bucket: string
  readonly Key: string
  /** Names the upload in UploadPart, CompleteMultipartUpload, AbortMultipartUpload and ListParts. */
  readonly UploadId: string
  /** When a lifecycle rule (`AbortIncompleteMultipartUpload`) will abort the upload if it is left unfinished. */
  readonly AbortDate?: Date
  readonly AbortRuleId?: string
  readonly ServerSideEncryption?: string
}

/**
 * Starts a multipart upload: the object's headers, metadata, ACL and storage class are given
 * here, once; the content follows as parts (`UploadPart`) and becomes an object with
 * `CompleteMultipartUpload`. Until then the parts are stored (and billed), so finish or
 * `AbortMultipartUpload` every upload. The `upload` helper does all of it for you.
 *
 * @example
 * const { UploadId } = await send(
 *   client,
 *   CreateMultipartUpload({ Bucket: 'my-bucket', Key: 'big.iso', ContentType: 'application/x-iso9660-image' }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function CreateMultipartUpload(input: CreateMultipartUploadInput): Command<CreateMultipartUploadOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  return {
    operation: 'CreateMultipartUpload',
    method: 'POST',
    bucket,
    key,
    query: { uploads: '' },
    headers: objectWriteHeaders(input),
    parse: async (response, context) => {
      const { InitiateMultipartUploadResult: result } = await readDocument(response, initiateResult, context)
      return {
        ...readHeaders<CreateMultipartUploadOutput>(response, context, {
          AbortDate: ['x-amz-abort-date', dateHeader],
          AbortRuleId: 'x-amz-abort-rule-id',
          ServerSideEncryption: 'x-amz-server-side-encryption',
        }),
        Bucket: result.Bucket || bucket,
        Key: result.Key || key,
        UploadId: result.UploadId,
      }
    },
  }
}
