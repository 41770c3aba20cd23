import { optionalString, quoteETag, requiredString } from '../codecs/headers.js'
import { objectWriteHeaders, type ObjectWriteFields } from '../codecs/object-headers.js'
import { checkBody, type RequestBody } from '../src/core/body.js'
import { compact, definedHeaders, type Command } from '../src/core/command.js'
import { checkBucket, checkHeaderValue, checkKey } from '../src/core/validate.js'

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

export interface PutObjectOutput {
  readonly ETag: string
  readonly VersionId?: string
  readonly ServerSideEncryption?: string
}

/**
 * Stores an object (boto's `set_contents_from_string` and friends).
 *
 * @example
 * await send(client, PutObject({ Bucket: 'my-bucket', Key: 'foobar', Body: 'This is a test of S3' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutObject(input: PutObjectInput): Command<PutObjectOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  const context = { operation: 'PutObject', bucket, key }
  return {
    operation: 'PutObject',
    method: 'PUT',
    bucket,
    key,
    headers: {
      ...objectWriteHeaders(input),
      ...definedHeaders({
        'content-md5': input.ContentMD5 === undefined ? undefined : checkHeaderValue(input.ContentMD5, 'ContentMD5'),
        'if-none-match': input.IfNoneMatch === undefined ? undefined : checkHeaderValue(input.IfNoneMatch, 'IfNoneMatch'),
        'if-match': input.IfMatch === undefined ? undefined : checkHeaderValue(input.IfMatch, 'IfMatch'),
      }),
    },
    body: input.Body,
    contentLength: checkBody(input.Body, input.ContentLength),
    parse: (response) =>
      compact<PutObjectOutput>({
        ETag: quoteETag(requiredString(response, 'etag', context)),
        VersionId: optionalString(response.headers, 'x-amz-version-id'),
        ServerSideEncryption: optionalString(response.headers, 'x-amz-server-side-encryption'),
      }),
  }
}
