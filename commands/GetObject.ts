import { CHECKSUM_OUTPUT_HEADERS, type ChecksumOutput, checkAlgorithms } from '../codecs/checksum.js'
import { httpDate, oneOf, readHeaders, writeHeaders, writeQuery } from '../codecs/headers.js'
import {
  type ObjectHeaders,
  type ObjectReadFields,
  objectReadHeaders,
  objectReadQuery,
  readObjectHeaders,
} from '../codecs/object-headers.js'
import type { ChecksumAlgorithm, ChecksumVerification } from '../src/core/checksums/checksum.js'
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
  /**
   * `'ENABLED'` asks S3 for the object's checksum (`ChecksumCRC64NVME`, … and `ChecksumType` in the
   * output). The body is checked against it only with an algorithm from `ChecksumAlgorithms`.
   */
  readonly ChecksumMode?: 'ENABLED'
  /**
   * The algorithms to check the body with, as it is read (implies `ChecksumMode: 'ENABLED'`): the
   * first one S3 sent a checksum for is used, and a mismatch fails the body with an `S3Error` of
   * code `BadDigest` before it ends. `ChecksumVerified` or `ChecksumNotVerified` in the output says
   * whether the body is checked. An s3kit addition: `@aws-sdk/client-s3` carries every algorithm.
   */
  readonly ChecksumAlgorithms?: readonly ChecksumAlgorithm[]
}

/** The object's headers (what S3 always sends is not optional) and its content as a stream that resumes itself. */
export interface GetObjectOutput extends ObjectHeaders, ChecksumOutput, ChecksumVerification {
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
  const algorithms = input.ChecksumAlgorithms === undefined ? undefined : checkAlgorithms(input.ChecksumAlgorithms)
  const checksums = algorithms !== undefined || input.ChecksumMode !== undefined
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
    headers: {
      ...objectReadHeaders(input),
      ...writeHeaders(input, { ChecksumMode: ['x-amz-checksum-mode', oneOf(['ENABLED'])] }),
      ...(algorithms && { 'x-amz-checksum-mode': 'ENABLED' }),
    },
    parse: (response, context) => {
      const output = {
        ...readObjectHeaders(response, context),
        ...readHeaders<GetObjectOutput>(response, context, { ContentRange: 'content-range' }),
        Body: objectBody(response, context),
      }
      if (!checksums) return output
      // The checking code comes with the algorithms: a GetObject that checks nothing carries none of it.
      const verify = algorithms?.[0]?.verify
      return {
        ...output,
        ...readHeaders(response, context, CHECKSUM_OUTPUT_HEADERS),
        ...(verify
          ? verify(output.Body, response, context, algorithms!)
          : { ChecksumNotVerified: 'ALGORITHM_NOT_GIVEN' as const }),
      }
    },
  }
}
