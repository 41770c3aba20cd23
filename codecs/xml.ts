import * as z from 'zod/mini'
import type { ResponseContext } from '../src/core/command.js'
import { InputError, invalidResponse } from '../src/core/errors.js'
import { lazy } from '../src/core/lazy.js'
import { readXml } from './xml-reader.js'

/**
 * The XML codec shared by every command with a document in its request or response.
 *
 * Reading (codecs/xml-reader.ts): values stay strings (S3 keys such as "0012" or "1e3" must not
 * become numbers); elements that S3 flattens into repeated siblings (`<Contents>`, `<Bucket>`,
 * `<Grant>`…) are forced into arrays by the dotted paths each document names, so one element or
 * none has the same shape as many; namespace prefixes are dropped (`xsi:type` → `@_type`). Every
 * document then passes its zod/mini schema: a response that does not fit is an `S3Error` with
 * code `InvalidResponse`.
 */

/** A response document: its zod schema (built on first use) and the paths of its repeated elements. */
export interface XmlDocument<S extends z.ZodMiniType> {
  readonly schema: () => S
  readonly arrays: () => ReadonlySet<string>
}

/**
 * Describes a response document. Like every schema in s3kit, call it as
 * `/* @__PURE__ *\/ xmlDocument([...], () => z.object(…))`, so that unused documents leave bundles
 * and nothing is built before the first response.
 *
 * @example
 * const listParts = /* @__PURE__ *\/ xmlDocument(['ListPartsResult.Part'], () => z.object({ ListPartsResult: … }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function xmlDocument<S extends z.ZodMiniType>(arrays: readonly string[], schema: () => S): XmlDocument<S> {
  return { schema: lazy(schema), arrays: lazy(() => new Set(arrays)) }
}

/** Parses `text` as `document`. */
export function parseDocument<S extends z.ZodMiniType>(
  text: string,
  document: XmlDocument<S>,
  context: ResponseContext & { status: number },
): z.output<S> {
  let tree: unknown
  try {
    tree = readXml(text, document.arrays())
  } catch (error) {
    throw invalidResponse(
      context,
      context.status,
      `the response is not well-formed XML: ${(error as Error).message}.`,
      error,
    )
  }
  const result = z.safeParse(document.schema(), tree)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue ? issue.path.join('.') : ''
    throw invalidResponse(
      context,
      context.status,
      `the response document does not have the expected shape${where ? ` at ${where}` : ''}: ` +
        `${issue?.message ?? 'invalid'}.`,
      result.error,
    )
  }
  return result.data
}

/** Reads a response body and parses it as `document`. */
export async function readDocument<S extends z.ZodMiniType>(
  response: Response,
  document: XmlDocument<S>,
  context: ResponseContext,
): Promise<z.output<S>> {
  return parseDocument(await response.text(), document, { ...context, status: response.status })
}

const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/'

/**
 * The attributes of an element in a request document: `{ [ATTRIBUTES]: { 'xsi:type': 'Group' }, URI: … }`.
 * A symbol, so that no value a caller passes (a parsed JSON object, say) can add attributes.
 */
export const ATTRIBUTES: unique symbol = /* @__PURE__ */ Symbol('attributes')

/**
 * Builds a request document `<root xmlns="…S3 namespace…">…</root>` from a plain object: each
 * key is an element (an array repeats it; `undefined` leaves it out; `null` writes `<X/>`) and
 * `[ATTRIBUTES]` holds an element's attributes. Text is escaped, including the characters an XML
 * parser would otherwise rewrite (a \r, tabs and line breaks in attributes). The writer trusts no
 * value: text XML cannot carry (control characters, unpaired surrogates) and anything but a
 * string, finite number or boolean where text belongs throw an `InputError` naming the element
 * (`CreateBucketConfiguration.LocationConstraint`, `CompleteMultipartUpload.Part[0].ChecksumCRC32`),
 * and element names must be XML names. Keys starting with `@_` are attributes only for the two the
 * ACL documents use (`xmlns:xsi`, `xsi:type`), until codecs/acl.ts uses `ATTRIBUTES`; any other is refused.
 *
 * @example
 * buildDocument('Delete', { Object: [{ Key: 'a&b' }], Quiet: true })
 * // '<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="…"><Object><Key>a&amp;b</Key></Object>' +
 * //   '<Quiet>true</Quiet></Delete>'
 */
export function buildDocument(root: string, content: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${element(root, { ...content, [ATTRIBUTES]: { xmlns: S3_NS } }, root)}`
}

// The names request documents use: S3's element names and the two ACL attributes (no other colon).
const ELEMENT_NAME = /^[A-Za-z_][\w.-]*$/
const ATTRIBUTE_NAME = /^(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*$/
// XML 1.0 cannot carry these characters at all, escaped or not.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/

function element(name: string, value: unknown, path: string): string {
  if (value === undefined) return ''
  if (!ELEMENT_NAME.test(name))
    throw new InputError(
      path,
      `cannot be written as an XML element: ${JSON.stringify(name.slice(0, 40))} is not an element name.`,
    )
  if (Array.isArray(value)) return value.map((item, index) => element(name, item, `${path}[${index}]`)).join('')
  if (value === null) return `<${name}/>`
  if (typeof value !== 'object') return `<${name}>${escapeXml(checkedText(value, path))}</${name}>`
  let attributes = ''
  let children = ''
  const given = (value as { [ATTRIBUTES]?: Record<string, unknown> })[ATTRIBUTES]
  for (const [key, text] of Object.entries(given ?? {})) {
    if (!ATTRIBUTE_NAME.test(key))
      throw new InputError(
        path,
        `cannot be written as an XML attribute: ${JSON.stringify(key.slice(0, 40))} is not an attribute name.`,
      )
    if (text !== undefined) attributes += ` ${key}="${escapeXml(checkedText(text, `${path}@${key}`), true)}"`
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === '@_xmlns:xsi' || key === '@_xsi:type') {
      if (child !== undefined)
        attributes += ` ${key.slice(2)}="${escapeXml(checkedText(child, `${path}@${key.slice(2)}`), true)}"`
    } else {
      children += element(key, child, `${path}.${key}`)
    }
  }
  return `<${name}${attributes}>${children}</${name}>`
}

/** The text of an element or attribute: a string, finite number or boolean XML can carry. */
function checkedText(value: unknown, path: string): string {
  const text =
    typeof value === 'string'
      ? value
      : (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean'
        ? String(value)
        : undefined
  if (text === undefined)
    throw new InputError(path, `must be text, not ${typeof value === 'object' ? 'an object' : String(value)}.`)
  if (NOT_XML.test(text) || !text.isWellFormed())
    throw new InputError(
      path,
      'contains a control character or unpaired surrogate, which an XML document cannot carry.',
    )
  return text
}

/** Escapes text for element content, or with `attribute` for a double-quoted attribute value. */
export function escapeXml(text: string, attribute = false): string {
  return text.replace(attribute ? /[&<>"\t\n\r]/g : /[&<>\r]/g, (c) => ESCAPES[c]!)
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}

// Schema pieces that many documents share, each built on first use (see lazy).

/** A string element, empty when S3 sends `<X/>`. */
export const text = /* @__PURE__ */ lazy(() => z.string())

/** A whole number element (S3 sends them as text). */
export const integer = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.string().check(z.regex(/^-?\d+$/)),
    z.transform((value: string) => Number(value)),
  ),
)

/**
 * An ISO 8601 timestamp element. S3's times are UTC; one written without a zone (some servers drop
 * the `Z`) is read as UTC too, where `Date` would take it as local time.
 */
export const timestamp = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.string().check(z.refine((value: string) => !Number.isNaN(Date.parse(utc(value))), 'not a timestamp')),
    z.transform((value: string) => new Date(utc(value))),
  ),
)

function utc(value: string): string {
  return /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value) ? `${value}Z` : value
}

export const boolean = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.enum(['true', 'false']),
    z.transform((value: 'true' | 'false') => value === 'true'),
  ),
)

/**
 * A wrapper element around a repeated one (`<Buckets><Bucket/>…</Buckets>`). S3 sends it empty
 * (`<Buckets/>`, parsed as '') or leaves it out when there are no items; both become []. Call it
 * inside a schema builder.
 */
export function wrappedList<S extends z.ZodMiniType>(itemName: string, item: S) {
  // A string here is the empty element, or only the white space between tags (values are not trimmed).
  const wrapper = z.optional(
    z.union([z.string().check(z.regex(/^\s*$/)), z.looseObject({ [itemName]: z.optional(z.array(item)) })]),
  )
  return z.pipe(
    wrapper,
    z.transform((value): z.output<S>[] =>
      typeof value === 'object' ? ((value as Record<string, z.output<S>[] | undefined>)[itemName] ?? []) : [],
    ),
  )
}
