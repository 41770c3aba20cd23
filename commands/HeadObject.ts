import { CHECKSUM_OUTPUT_HEADERS, type ChecksumOutput } from '../codecs/checksum.js'
import { oneOf, readHeaders, writeHeaders } from '../codecs/headers.js'
import {
  type ObjectHeaders,
  type ObjectReadFields,
  objectReadHeaders,
  objectReadQuery,
  readObjectHeaders,
} from '../codecs/object-headers.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `HeadObject`: the bucket and key, and optionally the version, the conditions
 * (`IfMatch`, `IfModifiedSince`, …) and the range or part number to ask about, as `GetObject` takes
 * them.
 */
export interface HeadObjectInput extends ObjectReadFields {
  readonly Bucket: string
  readonly Key: string
  /** `'ENABLED'` asks S3 for the object's checksum (`ChecksumCRC64NVME`, … and `ChecksumType`). */
  readonly ChecksumMode?: 'ENABLED'
}

/**
 * What `HeadObject` returns: the object's headers as `ObjectHeaders` (size, content type, ETag,
 * last modified, metadata, encryption, storage class, restore status, …), the same fields
 * `GetObject` returns beside its `Body`, and with `ChecksumMode` the object's checksum.
 */
export interface HeadObjectOutput extends ObjectHeaders, ChecksumOutput {}

/**
 * Reads an object's metadata without its content. A missing key is an `S3Error` with code
 * `NotFound` (HEAD responses have no body); `headObjectOrNull` turns that into `null`.
 *
 * @example
 * const { ContentLength, ContentType, LastModified } = await send(
 *   client,
 *   HeadObject({ Bucket: 'my-bucket', Key: 'cat.jpg' }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function HeadObject(input: HeadObjectInput): Command<HeadObjectOutput> {
  return {
    operation: 'HeadObject',
    method: 'HEAD',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: objectReadQuery(input),
    headers: {
      ...objectReadHeaders(input),
      ...writeHeaders(input, { ChecksumMode: ['x-amz-checksum-mode', oneOf(['ENABLED'])] }),
    },
    parse: (response, context) => ({
      ...readObjectHeaders(response, context),
      ...(input.ChecksumMode && readHeaders(response, context, CHECKSUM_OUTPUT_HEADERS)),
    }),
  }
}
