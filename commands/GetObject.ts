import { optionalString } from '../codecs/headers.js'
import { objectReadHeaders, objectReadQuery, readObjectHeaders, type ObjectHeaders, type ObjectReadFields } from '../codecs/object-headers.js'
import { compact, type Command } from '../src/core/command.js'
import { objectBody, type ObjectBody } from '../src/core/object-body.js'
import { checkBucket, checkDate, checkHeaderValue, checkKey } from '../src/core/validate.js'

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
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  const override = (value: string | undefined, field: keyof GetObjectInput): string | undefined =>
    value === undefined ? undefined : checkHeaderValue(value, field)
  return {
    operation: 'GetObject',
    method: 'GET',
    bucket,
    key,
    query: {
      ...objectReadQuery(input),
      'response-content-type': override(input.ResponseContentType, 'ResponseContentType'),
      'response-content-disposition': override(input.ResponseContentDisposition, 'ResponseContentDisposition'),
      'response-content-encoding': override(input.ResponseContentEncoding, 'ResponseContentEncoding'),
      'response-content-language': override(input.ResponseContentLanguage, 'ResponseContentLanguage'),
      'response-cache-control': override(input.ResponseCacheControl, 'ResponseCacheControl'),
      'response-expires': input.ResponseExpires && checkDate(input.ResponseExpires, 'ResponseExpires').toUTCString(),
    },
    headers: objectReadHeaders(input),
    parse: (response) => {
      const headers = readObjectHeaders(response, { operation: 'GetObject', bucket, key })
      return compact<GetObjectOutput>({
        ...headers,
        ContentRange: optionalString(response.headers, 'content-range'),
        Body: objectBody(response, 'GetObject'),
      })
    },
  }
}
