import { etagHeader, readHeaders, requiredHeader, WRITE_RESULT_HEADERS, writeHeaders } from '../codecs/headers.js'
import { type ObjectWriteFields, objectWriteHeaders } from '../codecs/object-headers.js'
import { checkBody, type RequestBody } from '../src/core/body.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `PutObject`: the bucket and key, the body, and the new object's headers (content
 * type, metadata, ACL, storage class, encryption, tags, …), with optional conditions that make the
 * write fail when the key's current object does not match.
 */
export interface PutObjectInput extends ObjectWriteFields {
  readonly Bucket: string
  readonly Key: string
  /** The content: text (sent as UTF-8), bytes, a Blob/File, or a stream with `ContentLength`. Empty when left out. */
  readonly Body?: RequestBody
  /** Required for a stream body; checked against the body otherwise. */
  readonly ContentLength?: number
  /** Base64 MD5 of the body; S3 rejects the upload (`BadDigest`) when it does not match. */
  readonly ContentMD5?: string
  /** `*` to write only when no object has the key yet. */
  readonly IfNoneMatch?: string
  /** Write only when the current object has this ETag. */
  readonly IfMatch?: string
}

/**
 * What `PutObject` returns: the stored object's ETag (always present), its version in a versioned
 * bucket, and the encryption S3 applied. The `checksum` option adds the checksum S3 stored.
 */
export interface PutObjectOutput {
  readonly ETag: string
  readonly VersionId?: string
  readonly ServerSideEncryption?: string
}

/**
 * Stores an object from text, bytes, a Blob or a stream, replacing any object with the same key.
 *
 * @example
 * await send(client, PutObject({ Bucket: 'my-bucket', Key: 'foobar', Body: 'This is a test of S3' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutObject(input: PutObjectInput): Command<PutObjectOutput> {
  return {
    operation: 'PutObject',
    method: 'PUT',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    headers: {
      ...objectWriteHeaders(input),
      ...writeHeaders(input, { ContentMD5: 'content-md5', IfNoneMatch: 'if-none-match', IfMatch: 'if-match' }),
    },
    body: input.Body,
    contentLength: checkBody(input.Body, input.ContentLength),
    parse: (response, context) => ({
      ...readHeaders<PutObjectOutput>(response, context, WRITE_RESULT_HEADERS),
      ETag: requiredHeader(response, context, 'etag', etagHeader),
    }),
  }
}
