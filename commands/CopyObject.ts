import {
  COPY_SOURCE_VERSION_ID,
  type CopyResult,
  type CopySource,
  type CopySourceConditions,
  copyResultDocument,
  copySourceHeaders,
  toCopyResult,
} from '../codecs/copy-source.js'
import { type FieldTable, oneOf, readHeaders, WRITE_RESULT_HEADERS, writeHeaders } from '../codecs/headers.js'
import { type ObjectWriteFields, objectWriteHeaders } from '../codecs/object-headers.js'
import { readDocument } from '../codecs/xml.js'
import type { Command } from '../src/core/command.js'
import { refuseErrorIn200 } from '../src/core/error-document.js'
import { InputError } from '../src/core/errors.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `CopyObject`: the destination bucket and key, the source (`CopySource`, with
 * conditions on it), whether metadata and tags are copied or replaced, and the new object's
 * headers (content type, metadata, ACL, storage class, `ServerSideEncryption`, …). The SSE-C keys
 * of the source and of the copy, SSE-KMS, the bucket owners and Requester Pays are request options
 * (`copySourceSSECustomerKey`, `sseCustomerKey`, `sseKms`, `expectedBucketOwner`,
 * `expectedSourceBucketOwner`, `requesterPays`).
 */
export interface CopyObjectInput extends ObjectWriteFields, CopySourceConditions {
  /** The destination bucket. */
  readonly Bucket: string
  /** The destination key. */
  readonly Key: string
  /** The object to copy, named by its parts (s3kit does the URL-encoding). */
  readonly CopySource: CopySource
  /**
   * `COPY` (the default) keeps the source's metadata and content headers; `REPLACE` takes them
   * from this request instead. `Metadata`, `ContentType` and the other content headers are only
   * accepted with `REPLACE`: S3 would silently ignore them otherwise.
   */
  readonly MetadataDirective?: 'COPY' | 'REPLACE'
  /** `COPY` (the default) keeps the source's tags; `REPLACE` takes `Tagging` from this request. */
  readonly TaggingDirective?: 'COPY' | 'REPLACE'
}

/**
 * What `CopyObject` returns: the copy's ETag and modification time (`CopyObjectResult`, always
 * present), its version in a versioned bucket, and the source version that was copied. A copy that
 * fails after S3 answered 200 is thrown as an `S3Error`, never returned here.
 */
export interface CopyObjectOutput {
  readonly CopyObjectResult: CopyResult
  /** The new object's version, in a versioned destination bucket. */
  readonly VersionId?: string
  /** The version that was copied, when the source bucket is versioned. */
  readonly CopySourceVersionId?: string
  readonly ServerSideEncryption?: string
  /** When a lifecycle rule will expire the copy (`x-amz-expiration`). */
  readonly Expiration?: string
}

const DIRECTIVE = /* @__PURE__ */ oneOf(['COPY', 'REPLACE'])
const DIRECTIVE_HEADERS: FieldTable<CopyObjectInput> = {
  MetadataDirective: ['x-amz-metadata-directive', DIRECTIVE],
  TaggingDirective: ['x-amz-tagging-directive', DIRECTIVE],
}
const REPLACED_ONLY = [
  'Metadata',
  'ContentType',
  'CacheControl',
  'ContentDisposition',
  'ContentEncoding',
  'ContentLanguage',
  'Expires',
] as const
const document = /* @__PURE__ */ copyResultDocument('CopyObjectResult')

/**
 * Copies an object on the server, without downloading it; with `MetadataDirective: 'REPLACE'` it
 * is also how an object's metadata or content type is changed, since S3 metadata cannot be edited
 * in place. A copy that fails after S3 has answered 200 (S3 sends the `<Error>` in the body) is
 * still an `S3Error`; a failed `CopySourceIf…` condition is an `S3Error` with code
 * `PreconditionFailed`.
 *
 * @example
 * await send(client, CopyObject({
 *   Bucket: 'my-bucket', Key: 'report.csv',
 *   CopySource: { Bucket: 'my-bucket', Key: 'report.csv' },
 *   MetadataDirective: 'REPLACE', ContentType: 'text/csv', Metadata: { reviewed: 'yes' },
 * }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function CopyObject(input: CopyObjectInput): Command<CopyObjectOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  const directives = writeHeaders(input, DIRECTIVE_HEADERS)
  if (directives['x-amz-metadata-directive'] !== 'REPLACE') {
    const field = REPLACED_ONLY.find((name) => input[name] !== undefined)
    if (field)
      throw new InputError(
        field,
        "is applied only with MetadataDirective: 'REPLACE'; with COPY (the default) S3 keeps the source's " +
          'and ignores it.',
      )
  }
  if (directives['x-amz-tagging-directive'] !== 'REPLACE' && input.Tagging !== undefined) {
    throw new InputError(
      'Tagging',
      "is applied only with TaggingDirective: 'REPLACE'; with COPY (the default) S3 keeps the source's tags.",
    )
  }
  return {
    operation: 'CopyObject',
    method: 'PUT',
    bucket,
    key,
    headers: { ...objectWriteHeaders(input), ...copySourceHeaders(input.CopySource, input), ...directives },
    parse: async (answer, context) => {
      // S3 may answer 200 and put the error of a long copy or completion in the body.
      const response = await refuseErrorIn200(answer, context)
      const { CopyObjectResult } = await readDocument(response, document, context)
      return {
        ...readHeaders<CopyObjectOutput>(response, context, {
          ...WRITE_RESULT_HEADERS,
          CopySourceVersionId: COPY_SOURCE_VERSION_ID,
          Expiration: 'x-amz-expiration',
        }),
        CopyObjectResult: toCopyResult(CopyObjectResult),
      }
    },
  }
}
