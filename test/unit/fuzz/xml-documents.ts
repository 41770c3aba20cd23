import fc from 'fast-check'

/**
 * Generated XML documents whose reading is known by construction. A document is drawn as a tree of
 * logical values (element names, attribute values, text); `serialize` writes it in one of the many
 * ways XML allows (entities or character references with or without leading zeros, CDATA, \r\n or
 * \r line breaks, comments and processing instructions anywhere, either quote, white space inside
 * tags, `<X/>` or `<X></X>`), and `expectedReading` gives what codecs/xml-reader.ts must return
 * for it, from the tree alone. No reference parser is installed in this project (none of sax,
 * saxes, @xmldom/xmldom, libxmljs, fast-xml-parser or @rgrove/parse-xml is in node_modules), so
 * the generator is the reference: every document it writes is well-formed XML 1.0 with namespaces
 * (the serializer never writes what the XML grammar forbids), and the expected reading follows
 * the shape rules documented at the top of the reader.
 */

export interface Element {
  readonly kind: 'element'
  readonly name: string
  readonly attributes: readonly (readonly [string, string])[]
  readonly children: readonly Child[]
}
export type Child =
  | Element
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'cdata'; readonly value: string }
  | { readonly kind: 'comment'; readonly value: string }
  | { readonly kind: 'pi'; readonly target: string; readonly value: string }

/**
 * Names from S3's documents, names that are JavaScript traps, non-ASCII names, and prefixed ones (read by local name).
 */
export const ELEMENT_NAMES = [
  'Key',
  'Contents',
  'ETag',
  'Code',
  'Message',
  'a',
  '_x',
  'x-y.z',
  'é',
  '日本',
  '𐀀b',
  '__proto__',
  'constructor',
  'toString',
  's3:Key',
  'p:a',
] as const
const ATTRIBUTE_NAMES = ['a', 'b', 'xsi:type', 'c.d', 'é'] as const
/** Pieces of text: markup characters, line breaks, characters only a reference can carry, astral characters. */
const TEXT_PIECES = [
  'a',
  'Z',
  '0012',
  ' ',
  '  ',
  '\n',
  '\t',
  '\r',
  '<',
  '>',
  '&',
  '"',
  "'",
  ']',
  ']]>',
  '-->',
  '<!--',
  '😀',
  'é',
  '\u0001',
  '\u001f',
  '\u00a0',
  '\uFEFF',
  '&amp;',
] as const

export const text = (pieces: readonly string[] = TEXT_PIECES): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join(''))
/** Text that XML can hold as it is (in CDATA, comments, processing instructions): no \r, no control character. */
const rawText = text(['a', ' ', '\n', '<', '>', '&', '"', ']', '😀', 'é', '?', '-a'])

const localName = (name: string): string => name.slice(name.indexOf(':') + 1)

export function elementArbitrary(
  options: { rootNames?: readonly string[]; depth?: number } = {},
): fc.Arbitrary<Element> {
  const { element } = fc.letrec<{ element: Element; child: Child }>((tie) => ({
    element: fc
      .record({
        name: fc.constantFrom(...ELEMENT_NAMES),
        attributes: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTE_NAMES), text()), {
          maxLength: 2,
          selector: ([name]) => localName(name),
        }),
        children: fc.array(tie('child'), { maxLength: 4, depthIdentifier: 'tree' }),
      })
      .map((e) => ({ kind: 'element' as const, ...e })),
    child: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, depthIdentifier: 'tree', maxDepth: options.depth ?? 4 },
      text().map((value) => ({ kind: 'text' as const, value })),
      tie('element'),
      rawText.filter((v) => !v.includes(']]>')).map((value) => ({ kind: 'cdata' as const, value })),
      rawText
        .filter((v) => !v.includes('--') && !v.endsWith('-'))
        .map((value) => ({ kind: 'comment' as const, value })),
      fc
        .record({
          target: fc.constantFrom('pi', 'xml-stylesheet', 'é'),
          value: rawText.filter((v) => !v.includes('?>')),
        })
        .map((p) => ({ kind: 'pi' as const, ...p })),
    ),
  }))
  if (!options.rootNames) return element
  return fc.tuple(element, fc.constantFrom(...options.rootNames)).map(([root, name]) => ({ ...root, name }))
}

/** How a document is written: every choice the serializer makes, drawn once per document. */
export interface Style {
  readonly seed: number
  readonly bom: boolean
  readonly declaration: boolean
  readonly before: readonly string[]
  readonly after: readonly string[]
  /** Whether a `>` in an attribute value may be written as it is (the `<Error>` reader does not take it). */
  readonly rawGreaterThanInAttributes: boolean
}

const MISC = ['', ' ', '\n', '\r\n', '<!-- c -->', '<?pi x?>', '\t'] as const
export const styleArbitrary = (rawGreaterThanInAttributes = true): fc.Arbitrary<Style> =>
  fc.record({
    seed: fc.integer(),
    bom: fc.boolean(),
    declaration: fc.boolean(),
    before: fc.array(fc.constantFrom(...MISC), { maxLength: 3 }),
    after: fc.array(fc.constantFrom(...MISC), { maxLength: 3 }),
    rawGreaterThanInAttributes: fc.constant(rawGreaterThanInAttributes),
  })

/** A small deterministic random source, so that a document's style shrinks and replays with its seed. */
function chooser(seed: number) {
  let state = seed >>> 0 || 1
  return <T>(options: readonly T[]): T => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return options[(state >>> 0) % options.length]!
  }
}

const reference = (code: number, pick: ReturnType<typeof chooser>): string =>
  pick([
    `&#${code};`,
    `&#x${code.toString(16)};`,
    `&#x${code.toString(16).toUpperCase()};`,
    `&#000${code};`,
    `&#x000${code.toString(16)};`,
  ])

/** Where the root element's parts are in a written document, for mutations that must break it. */
export interface Written {
  readonly xml: string
  /** Just after the root's start tag (inside the root). */
  readonly inside: number
  /** The end of the root element. */
  readonly rootEnd: number
}

export function serialize(root: Element, style: Style): Written {
  const pick = chooser(style.seed)
  const space = () => pick([' ', ' ', '\t', '\n', '\r\n'])
  const optionalSpace = () => pick(['', '', ' ', '\n'])
  const escapeText = (value: string): string =>
    [...value]
      .map((c, index, all) => {
        const code = c.codePointAt(0)!
        switch (c) {
          case '<':
            return pick(['&lt;', reference(code, pick)])
          case '&':
            return pick(['&amp;', reference(code, pick)])
          case '>':
            return pick(['&gt;', reference(code, pick)])
          case '"':
            return pick(['"', '&quot;'])
          case "'":
            return pick(["'", '&apos;'])
          case '\r':
            return reference(code, pick)
          case '\n':
            // A bare \r is a line break too, unless a raw \n may follow it (then the two are one break).
            return pick([
              '\n',
              '\r\n',
              all[index + 1] === '\n' || index === all.length - 1 ? '\n' : '\r',
              reference(code, pick),
            ])
          default:
            return code < 0x20 && c !== '\t' ? reference(code, pick) : pick([c, c, c, reference(code, pick)])
        }
      })
      .join('')
  const escapeAttribute = (value: string, quote: string): string =>
    [...value]
      .map((c) => {
        const code = c.codePointAt(0)!
        if (c === quote || c === '<' || c === '&' || c === '\t' || c === '\n' || c === '\r' || code < 0x20)
          return reference(code, pick)
        if (c === '>') return style.rawGreaterThanInAttributes ? pick(['>', '&gt;']) : '&gt;'
        return c
      })
      .join('')
  let out = ''
  let inside = 0
  let rootEnd = 0
  const write = (element: Element, isRoot: boolean): void => {
    let tag = `<${element.name}`
    // Every prefix the names use is declared, so that the document is namespace-well-formed too.
    if (isRoot)
      tag +=
        `${space()}xmlns:s3="urn:s3"${space()}xmlns:p="urn:p"${space()}xmlns:xsi="http://www.w3.org/2001/XMLS` +
        `chema-instance"`
    if (pick([false, false, true]))
      tag += `${space()}${pick(['xmlns="http://s3.amazonaws.com/doc/2006-03-01/"', 'xmlns:s3="urn:s3"'])}`
    for (const [name, value] of element.attributes) {
      const quote = pick(['"', "'"])
      tag += `${space()}${name}${optionalSpace()}=${optionalSpace()}${quote}${escapeAttribute(value, quote)}${quote}`
    }
    tag += optionalSpace()
    if (element.children.length === 0 && pick([true, false])) {
      out += `${tag}/>`
      if (isRoot) {
        inside = -1
        rootEnd = out.length
      }
      return
    }
    out += `${tag}>`
    if (isRoot) inside = out.length
    for (const child of element.children) {
      if (child.kind === 'element') write(child, false)
      else if (child.kind === 'text') out += escapeText(child.value)
      else if (child.kind === 'cdata') out += `<![CDATA[${child.value.replace(/\n/g, () => pick(['\n', '\r\n']))}]]>`
      else if (child.kind === 'comment') out += `<!--${child.value}-->`
      else out += `<?${child.target}${child.value ? ` ${child.value}` : ''}?>`
    }
    out += `</${element.name}${optionalSpace()}>`
    if (isRoot) rootEnd = out.length
  }
  out +=
    (style.bom ? '\uFEFF' : '') +
    (style.declaration ? `<?xml version="1.0" encoding="UTF-8"?>` : '') +
    style.before.join('')
  write(root, true)
  out += style.after.join('')
  return { xml: out, inside, rootEnd }
}

const WHITE_SPACE = /^[ \t\n]*$/

/** What the reader returns for `root`: the shape rules of codecs/xml-reader.ts applied to the logical tree. */
export function expectedReading(root: Element, arrays: ReadonlySet<string>): Record<string, unknown> {
  const value = (element: Element, path: string): unknown => {
    const children = element.children.filter((c): c is Element => c.kind === 'element')
    const textValue = element.children.map((c) => (c.kind === 'text' || c.kind === 'cdata' ? c.value : '')).join('')
    if (children.length === 0 && element.attributes.length === 0) return textValue
    const node: Record<string, unknown> = Object.create(null)
    for (const [name, attribute] of element.attributes) node[`@_${localName(name)}`] = attribute
    for (const child of children) {
      const key = localName(child.name)
      const childPath = `${path}.${key}`
      const childValue = value(child, childPath)
      const existing = node[key]
      if (existing === undefined) node[key] = arrays.has(childPath) ? [childValue] : childValue
      else if (Array.isArray(existing)) existing.push(childValue)
      else node[key] = [existing, childValue]
    }
    if (textValue !== '' && (children.length === 0 || !WHITE_SPACE.test(textValue))) node['#text'] = textValue
    return node
  }
  const top: Record<string, unknown> = Object.create(null)
  top[localName(root.name)] = value(root, localName(root.name))
  return top
}

/** Every element path below the root, for choosing which are forced into arrays. */
export function elementPaths(root: Element): string[] {
  const paths: string[] = []
  const walk = (element: Element, path: string): void => {
    for (const child of element.children) {
      if (child.kind !== 'element') continue
      const childPath = `${path}.${localName(child.name)}`
      paths.push(childPath)
      walk(child, childPath)
    }
  }
  walk(root, localName(root.name))
  return paths
}

/** A value in a form `toEqual` compares exactly: objects (with or without a prototype) as sorted entries. */
export function canonical(value: unknown): unknown {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return { array: value.map(canonical) }
  return Object.keys(value as object)
    .sort()
    .map((key) => [key, canonical((value as Record<string, unknown>)[key])])
}

/** The `<Error>` fields the codec's reading holds: each child's text when it holds no element; the first such wins. */
export function errorFieldsOf(reading: Record<string, unknown>): Record<string, string> | undefined {
  if (!('Error' in reading)) return undefined
  const root = reading.Error
  const fields: Record<string, string> = Object.create(null)
  if (typeof root === 'string') return fields
  const leaf = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value
    const keys = Object.keys(value as object)
    return keys.every((key) => key.startsWith('@_') || key === '#text')
      ? (((value as Record<string, unknown>)['#text'] as string | undefined) ?? '')
      : undefined
  }
  for (const [key, value] of Object.entries(root as object)) {
    if (key.startsWith('@_') || key === '#text') continue
    for (const item of Array.isArray(value) ? value : [value]) {
      const found = leaf(item)
      if (found !== undefined) {
        fields[key] = found
        break
      }
    }
  }
  return fields
}
