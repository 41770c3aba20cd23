import { XMLBuilder, XMLParser } from 'fast-xml-parser'
import * as z from 'zod/mini'
import { invalidResponse, type HeaderContext } from './headers.js'

/**
 * The XML codec shared by every command with a document in its request or response.
 *
 * Parsing: values stay strings (S3 keys such as "0012" or "1e3" must not become numbers); elements
 * that S3 flattens into repeated siblings (`<Contents>`, `<Bucket>`, `<Grant>`…) are forced into
 * arrays by the jPaths each command names, so one element or none has the same shape as many;
 * namespace prefixes are dropped (`xsi:type` → `@_type`). Every document then passes the command's
 * zod/mini schema: a response that does not fit is an `S3Error` with code `InvalidResponse`.
 */

const parsers = /* @__PURE__ */ new WeakMap<ReadonlySet<string>, XMLParser>()

function parserFor(arrayPaths: ReadonlySet<string>): XMLParser {
  let parser = parsers.get(arrayPaths)
  if (!parser) {
    parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      ignoreDeclaration: true,
      processEntities: true,
      htmlEntities: false,
      isArray: (_name, jPath) => arrayPaths.has(jPath as string),
    })
    parsers.set(arrayPaths, parser)
  }
  return parser
}

/** Parses `text` and validates it against `schema`; `arrayPaths` are dotted jPaths such as `ListAllMyBucketsResult.Buckets.Bucket`. */
export function parseDocument<S extends z.ZodMiniType>(
  text: string,
  schema: S,
  arrayPaths: ReadonlySet<string>,
  context: HeaderContext & { status: number },
): z.output<S> {
  let document: unknown
  try {
    document = parserFor(arrayPaths).parse(text)
  } catch (error) {
    throw invalidResponse(context, context.status, 'the response is not well-formed XML.', error)
  }
  const result = z.safeParse(schema, document)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue ? issue.path.join('.') : ''
    throw invalidResponse(context, context.status, `the response document does not have the expected shape${where ? ` at ${where}` : ''}: ${issue?.message ?? 'invalid'}.`, result.error)
  }
  return result.data
}

/** Reads a response body and parses it as above. */
export async function readDocument<S extends z.ZodMiniType>(
  response: Response,
  schema: S,
  arrayPaths: ReadonlySet<string>,
  context: HeaderContext,
): Promise<z.output<S>> {
  return parseDocument(await response.text(), schema, arrayPaths, { ...context, status: response.status })
}

const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/'

/** Builds a request document `<root xmlns="…S3 namespace…">…</root>`; text is escaped by the builder. */
export function buildDocument(root: string, content: Record<string, unknown>): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false })
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: { '@_xmlns': S3_NS, ...content } }) as string}`
}

// Schema pieces that many documents share.

/** A string element, empty when S3 sends `<X/>`. */
export const text = z.string()

/** A whole number element (S3 sends them as text). */
export const integer = z.pipe(
  z.string().check(z.regex(/^-?\d+$/)),
  z.transform((value: string) => Number(value)),
)

/** An ISO 8601 timestamp element. */
export const timestamp = z.pipe(
  z.string().check(z.refine((value: string) => !Number.isNaN(Date.parse(value)), 'not a timestamp')),
  z.transform((value: string) => new Date(value)),
)

export const boolean = z.pipe(
  z.enum(['true', 'false']),
  z.transform((value: 'true' | 'false') => value === 'true'),
)

/**
 * A wrapper element around a repeated one (`<Buckets><Bucket/>…</Buckets>`). S3 sends it empty
 * (`<Buckets/>`, parsed as '') or leaves it out when there are no items; both become [].
 */
export function wrappedList<S extends z.ZodMiniType>(itemName: string, item: S) {
  // A string here is the empty element, or only the white space between tags (values are not trimmed).
  const wrapper = z.optional(z.union([z.string().check(z.regex(/^\s*$/)), z.looseObject({ [itemName]: z.optional(z.array(item)) })]))
  return z.pipe(
    wrapper,
    z.transform((value): z.output<S>[] => (typeof value === 'object' ? ((value as Record<string, z.output<S>[] | undefined>)[itemName] ?? []) : [])),
  )
}
