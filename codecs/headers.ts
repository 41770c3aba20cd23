import type { ResponseContext } from '../src/core/command.js'
import { InputError, invalidResponse } from '../src/core/errors.js'
import { checkDate, checkHeaderValue, checkInteger, checkOneOf, checkString } from '../src/core/validate.js'

/**
 * Fields that travel as headers or query parameters, described as data: a command names its
 * fields in a table (`{ IfMatch: 'if-match', Expires: ['expires', httpDate] }`) and these
 * functions write its input from the table and read its output back. Header-only outputs are
 * checked here rather than with a zod schema: the checks are small and keep zod out of bundles
 * that carry no XML. A header S3 must send that is missing or malformed is an `InvalidResponse`.
 */

/**
 * Writes one input value as a header's or query parameter's text; throws `InputError` naming `field`.
 * It also gets the whole input, for fields that only travel together (an SSE-C key and its MD5).
 */
export type FieldWriter = (value: unknown, field: string, input?: object) => string

/** How each input field travels: a header (or parameter) name, or a name and how to write the value. */
export type FieldTable<Input> = { readonly [F in keyof Input]?: string | readonly [name: string, write: FieldWriter] }

/**
 * The headers of the fields `input` has, by `table`; absent fields send nothing. A plain name
 * sends the field's text checked as a header value.
 */
export function writeHeaders<Input extends object>(input: Input, table: FieldTable<Input>): Record<string, string> {
  return writeFields(input, table, checkHeaderValue)
}

/** The query parameters of the fields `input` has, by `table`; a plain name sends the field's string as it is. */
export function writeQuery<Input extends object>(input: Input, table: FieldTable<Input>): Record<string, string> {
  return writeFields(input, table, checkString)
}

function writeFields<Input extends object>(
  input: Input,
  table: FieldTable<Input>,
  text: FieldWriter,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const field in table) {
    const value = input[field]
    if (value === undefined) continue
    const [name, write = text] = fieldSpec(table[field]!)
    out[name] = write(value, field, input)
  }
  return out
}

/** A table entry as `[name, how]`; a plain name has no `how`. */
function fieldSpec<How>(spec: string | readonly [string, How]): readonly [string, How?] {
  return typeof spec === 'string' ? [spec] : spec
}

export const httpDate: FieldWriter = (value, field) => checkDate(value, field).toUTCString()
export const flag: FieldWriter = (value, field) => {
  if (typeof value !== 'boolean') throw new InputError(field, `must be true or false, not ${JSON.stringify(value)}.`)
  return String(value)
}

/* @__NO_SIDE_EFFECTS__ */
export function wholeNumber(min: number, max?: number): FieldWriter {
  return (value, field) => String(checkInteger(value, field, min, max))
}

/* @__NO_SIDE_EFFECTS__ */
export function oneOf(allowed: readonly string[]): FieldWriter {
  return (value, field) => checkOneOf(value, field, allowed)
}

/** Reads one header's text as an output value; throws `InvalidResponse` when it cannot. */
export type HeaderReader = (text: string, name: string, status: number, context: ResponseContext) => unknown

/** Where each output field comes from: a header name (its text as it is), or a name and how to read it. */
export type HeaderTable<Output> = {
  readonly [F in keyof Output]?: string | readonly [name: string, read: HeaderReader]
}

/** The output fields whose headers the response has, by `table`; absent headers leave their fields out. */
export function readHeaders<Output>(
  response: Response,
  context: ResponseContext,
  table: HeaderTable<Output>,
): Partial<Output> {
  const out: Record<string, unknown> = {}
  for (const field in table) {
    const [name, read] = fieldSpec(table[field]!)
    const text = response.headers.get(name)
    const value = text === null || !read ? text : read(text, name, response.status, context)
    // A reader may find nothing usable (an unparsable Expires, an unknown restore state).
    if (value !== null && value !== undefined) out[field] = value
  }
  return out as Partial<Output>
}

export const numberHeader: HeaderReader = (text, name, status, context) => {
  const number = Number(text)
  if (text.trim() === '' || !Number.isFinite(number))
    throw invalidResponse(context, status, `the ${name} header is not a number: "${text}".`)
  return number
}

/** Like dateHeader, but an unparsable value is kept as absent: `Expires` is free text in HTTP. */
export const lenientDateHeader = (text: string): Date | undefined => {
  const date = new Date(text)
  return Number.isNaN(date.getTime()) ? undefined : date
}

export const dateHeader: HeaderReader = (text, name, status, context) => {
  const date = lenientDateHeader(text)
  if (!date) throw invalidResponse(context, status, `the ${name} header is not a date: "${text}".`)
  return date
}

export const flagHeader: HeaderReader = (text) => text === 'true'

/** An ETag with its quotes, whichever way the server sent it (RGW omits them in places). */
export function quoteETag(etag: string): string {
  return etag.startsWith('"') || etag.startsWith('W/"') ? etag : `"${etag}"`
}

export const etagHeader: HeaderReader = quoteETag

/** A header S3 always sends: its value read by `read` (text as it is by default), or `InvalidResponse`. */
export function requiredHeader<T = string>(
  response: Response,
  context: ResponseContext,
  name: string,
  read?: HeaderReader,
): T {
  const text = response.headers.get(name)
  if (text === null) {
    throw invalidResponse(
      context,
      response.status,
      `the response has no ${name} header (in a browser: list it in the bucket's CORS ExposeHeaders).`,
    )
  }
  return (read ? read(text, name, response.status, context) : text) as T
}

/** What PutObject, UploadPart, CopyObject and CompleteMultipartUpload say about the version they wrote. */
export const WRITE_RESULT_HEADERS = {
  VersionId: 'x-amz-version-id',
  ServerSideEncryption: 'x-amz-server-side-encryption',
} as const
