import type { ResponseContext } from './command.js'
import { S3Error } from './errors.js'
import { retryAfter } from './retry.js'

/**
 * S3's `<Error>` document: flat (Code, Message, RequestId, HostId and a few context fields). It is
 * read here by a small tokenizer rather than codecs/xml-reader.ts, so that commands carrying no XML
 * (PutObject, GetObject, …) stay free of the reader's weight (~1.2 KB gzipped: the Put+Get bundle
 * would pass its 9,216 B budget). It reads what the codec reads in every well-formed document
 * (test/unit/xml-fuzz.test.ts checks this against the codec): comments and processing
 * instructions anywhere, CDATA, the five entities and character references, \r\n as \n. A field is
 * the text of a child of `<Error>` that holds no element (its attributes are ignored; a namespace
 * prefix is dropped); the first one wins. One difference, for size: a tag ends at its first `>`, so
 * an attribute value holding `>` inside `<Error>` (S3 sends none) cuts the tag short. Unlike the
 * codec it does not refuse a malformed body: an error is worth reporting with whatever fields can
 * be read.
 */

export interface ErrorDocument {
  readonly Code?: string
  readonly Message?: string
  readonly RequestId?: string
  readonly HostId?: string
  readonly Region?: string
  readonly [field: string]: string | undefined
}

// One token at a time: a comment, a processing instruction, CDATA (1), a tag ("/" if closing (2),
// its name (3), "/" if empty (4)), or text (5). No part repeats a group (V8 would use stack for
// each repetition, and overflow on a large body), the name and the rest of a tag cannot overlap,
// and reading stops at the first position no token fits: the work is linear in the body.
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)]]>|<(\/?)([^\s/>]+)(?:\s[^>]*?)?(\/?)>|([^<]+)/y

/** True when a body is an `<Error>` document (S3 sends some inside a 200 response). */
export function isErrorDocument(text: string): boolean {
  return !!parseErrorDocument(text)
}

/** The fields of an `<Error>` document, or undefined when `body` is not one. */
export function parseErrorDocument(body: string): ErrorDocument | undefined {
  const xml = body.replace(/\r\n?/g, '\n')
  let fields: Record<string, string> | undefined
  let depth = 0
  // The text of the current child of <Error>; undefined once it holds an element.
  let text: string | undefined
  // A byte order mark is text before the root, which trim() removes like white space.
  TOKEN.lastIndex = 0
  for (let match: RegExpExecArray | null; (match = TOKEN.exec(xml)); ) {
    const [, cdata, close, name, empty, chars] = match
    if (name) {
      if (!close) {
        if (!depth) {
          if (name !== 'Error') return undefined
          // No prototype: a field named toString or __proto__ is just a field.
          fields = Object.create(null) as Record<string, string>
        }
        text = depth++ > 1 ? undefined : ''
      }
      if (close || empty) {
        if (--depth === 1 && text !== undefined) fields![name.slice(name.indexOf(':') + 1)] ??= text
        if (!depth) break
      }
    } else if (!depth) {
      if (cdata !== undefined || chars?.trim()) return undefined
    } else if (depth === 2 && text !== undefined) {
      text += cdata ?? decode(chars ?? '')
    }
  }
  return fields
}

function decode(text: string): string {
  return text.replace(
    /&(?:#x([\da-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g,
    (entity, hex?: string, decimal?: string, name?: string) => {
      if (name) return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name]!
      const code = hex ? parseInt(hex, 16) : Number(decimal)
      return code < 0x110000 ? String.fromCodePoint(code) : entity
    },
  )
}

const STATUS_CODES: Record<number, string> = {
  301: 'PermanentRedirect',
  304: 'NotModified',
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  412: 'PreconditionFailed',
  416: 'InvalidRange',
  503: 'ServiceUnavailable',
}

/** Codes for statuses whose responses carry no body (HEAD, 304), named as S3's SDKs name them. */
export function codeForStatus(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'InternalError' : `Http${status}`)
}

/** The `S3Error` of a failed response: S3's own code and message when its `<Error>` document has them. */
export function toS3Error(context: ResponseContext, response: Response, document: ErrorDocument | undefined): S3Error {
  const status = response.type === 'opaqueredirect' ? 301 : response.status
  const headers = response.headers
  const error = new S3Error({
    ...context,
    code: document?.Code || codeForStatus(status),
    message: document?.Message || undefined,
    status,
    requestId: document?.RequestId || headers.get('x-amz-request-id') || undefined,
    hostId: document?.HostId || headers.get('x-amz-id-2') || undefined,
    region: headers.get('x-amz-bucket-region') || document?.Region || undefined,
  })
  // Retry-After is seconds or an HTTP date; x-amz-retry-after, milliseconds.
  const after = headers.get('retry-after')
  const wait =
    Number(headers.get('x-amz-retry-after')) || (after ? Number(after) * 1000 || Date.parse(after) - Date.now() : 0)
  if (wait > 0) retryAfter.set(error, wait)
  return error
}

/**
 * The body of a 200 that may hold an `<Error>` instead of a result: CopyObject, UploadPartCopy and
 * CompleteMultipartUpload, whose status S3 sends before a long copy or completion ends, and any
 * error after it. Reads the body whole and throws that error (retried as any other by `send`), or
 * returns a response with the same body for the command to parse.
 */
export async function refuseErrorIn200(response: Response, context: ResponseContext): Promise<Response> {
  const text = await response.text()
  const document = parseErrorDocument(text)
  if (document) throw toS3Error(context, response, document)
  return new Response(text, response)
}
