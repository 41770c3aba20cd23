import { httpDate, readHeaders, writeQuery } from '../codecs/headers.js'
import {
  type ObjectHeaders,
  type ObjectReadFields,
  objectReadHeaders,
  objectReadQuery,
  readObjectHeaders,
} from '../codecs/object-headers.js'
import type { Command } from '../src/core/command.js'
import { type ObjectBody, objectBody } from '../src/core/object-body.js'
import { checkBucket, checkHeaderValue, checkKey } from '../src/core/validate.js'

/**
 * What to read: the object (and version), an optional byte range or part, conditions, and response-header overrides.
 */
export interface GetObjectInput extends ObjectReadFields {
  readonly Bucket: string
  readonly Key: string
  /** Override the headers of this one response. */
  readonly ResponseContentType?: string
  readonly ResponseContentDisposition?: string
  readonly ResponseContentEncoding?: string
  readonly ResponseContentLanguage?: string
  readonly ResponseCacheControl?: string
  readonly ResponseExpires?: Date
}

/**
 * The object's headers (what S3 always sends is not optional) and its content as a stream that
 * resumes itself. The `verifyChecksum` option adds the object's checksum and checks the body against it.
 */
export interface GetObjectOutput extends ObjectHeaders {
  /** The content as a web stream that can also read itself whole: `text()`, `bytes()`, `json()`. */
  readonly Body: ObjectBody
  /** For a `Range` request: `bytes 0-9/443`. */
  readonly ContentRange?: string
}

/**
 * Reads an object. The body streams: nothing is buffered until you call `text()`, `bytes()` or
 * `json()`. A 304 (`IfNoneMatch`) or 412 (`IfMatch`) comes back as an `S3Error` with code
 * `NotModified` or `PreconditionFailed`.
 *
 * @example
 * const { Body } = await send(client, GetObject({ Bucket: 'my-bucket', Key: 'foobar' }))
 * console.log(await Body.text())
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetObject(input: GetObjectInput): Command<GetObjectOutput> {
  return {
    operation: 'GetObject',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: {
      ...objectReadQuery(input),
      // Header values in the response, so checked as such even though they travel in the query.
      ...writeQuery(input, {
        ResponseContentType: ['response-content-type', checkHeaderValue],
        ResponseContentDisposition: ['response-content-disposition', checkHeaderValue],
        ResponseContentEncoding: ['response-content-encoding', checkHeaderValue],
        ResponseContentLanguage: ['response-content-language', checkHeaderValue],
        ResponseCacheControl: ['response-cache-control', checkHeaderValue],
        ResponseExpires: ['response-expires', httpDate],
      }),
    },
    headers: objectReadHeaders(input),
    parse: (response, context) => ({
      ...readObjectHeaders(response, context),
      ...readHeaders<GetObjectOutput>(response, context, { ContentRange: 'content-range' }),
      Body: objectBody(response, context),
    }),
  }
}
