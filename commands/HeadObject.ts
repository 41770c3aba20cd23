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
}

/**
 * What `HeadObject` returns: the object's headers as `ObjectHeaders` (size, content type, ETag,
 * last modified, metadata, encryption, storage class, restore status, …), the same fields
 * `GetObject` returns beside its `Body`. The `verifyChecksum` option adds the object's checksum.
 */
export type HeadObjectOutput = ObjectHeaders

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
    headers: objectReadHeaders(input),
    parse: readObjectHeaders,
  }
}
