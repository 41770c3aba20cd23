/**
 * A small XML reader for the documents S3 sends, turning them into the plain objects that
 * codecs/xml.ts validates. Why not a general parser: every fast-xml-parser release without a
 * known advisory costs ~21.5 KB gzipped on its own, more than the whole list bundle may weigh
 * (measurements in docs/xml-parser.md). S3's responses use a small part of XML: elements,
 * attributes (`xmlns`, `xsi:type`), text, the five predefined entities and character references.
 *
 * The shape: an element holding only text becomes that text, verbatim (never trimmed, never
 * converted: keys such as "0012", "1e3", "true" or " " stay strings); an element with children
 * or attributes becomes an object (`@_name` for attributes, `#text` for text beside children);
 * `<X/>` becomes ''; repeated siblings become an array, and so does any element whose dotted path
 * is in `arrayPaths`, even alone. Namespace prefixes are dropped (`xsi:type` → `@_type`) and
 * `xmlns` declarations left out.
 *
 * Safety: a `<!DOCTYPE>` is refused (S3 never sends one), so no entity is ever defined or
 * expanded; nesting deeper than S3 ever goes is refused, and the reader loops instead of
 * recursing; objects have no prototype, so an element named `__proto__` is just a key.
 */

interface Frame {
  readonly name: string
  readonly path: string
  readonly node: Record<string, unknown>
  text: string
  children: boolean
  attributes: boolean
}

/** S3's documents nest a handful of levels; a limit keeps paths and work proportional to the input. */
const MAX_DEPTH = 64
// Tokens are cut loosely, then names are checked against QNAME. XML's white space is these four
// characters only (\r is normalized away first); JavaScript's \s has more.
const NAME = /[^ \t\n/>=]+/y
const ATTRIBUTE = /[ \t\n]+([^ \t\n/>=]+)[ \t\n]*=[ \t\n]*(?:"([^"<]*)"|'([^'<]*)')/y
const TAG_END = /[ \t\n]*(\/?)>/y
const END_TAG = /<\/([^ \t\n>]+)[ \t\n]*>/y
const WHITE_SPACE = /^[ \t\n]*$/
/**
 * An XML 1.0 name (§2.3) in the namespace form: `local` or `prefix:local`, no other colon. A tag
 * such as `<@_type>` or `<b<c>` is malformed, not a key. The regex stays one line over 120 columns:
 * the production's character ranges read best whole, and `new RegExp` pieces would cost bundle bytes.
 */
const QNAME =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: XML 1.0 names allow the joiners U+200C and U+200D alone
  /^[A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][\w.\-\xB7\xC0-\xD6\xD8-\xF6\xF8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]*(?::[A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][\w.\-\xB7\xC0-\xD6\xD8-\xF6\xF8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]*)?$/u
// Leading zeros are allowed (`&#x0001F600;` is 😀); a number too large for a character is refused by value.
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g
const BARE_AMPERSAND = /&(?!#x[0-9a-fA-F]+;|#[0-9]+;|(?:lt|gt|amp|quot|apos);)/
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
/** How much of a name an error message quotes: a malformed document must not come back whole in it. */
const QUOTED = 40

/** Parses `xml`; throws an `Error` saying where, for anything that is not a well-formed document. */
export function readXml(xml: string, arrayPaths: ReadonlySet<string>): Record<string, unknown> {
  // XML parsers see every line break as \n (XML 1.0 §2.11); a \r that matters arrives as &#13;.
  const text = xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml
  const top: Frame = { name: '', path: '', node: Object.create(null), text: '', children: false, attributes: false }
  const stack: Frame[] = [top]
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let pos = start
  for (;;) {
    const open = text.indexOf('<', pos)
    const frame = stack[stack.length - 1]!
    const between = text.slice(pos, open === -1 ? undefined : open)
    if (frame === top) {
      if (!WHITE_SPACE.test(between)) fail('text outside the root element', pos)
    } else {
      if (between.includes(']]>')) fail('"]]>" in text', pos)
      frame.text += decode(between, pos)
    }
    if (open === -1) break
    pos = open
    if (text.startsWith('<?', pos)) {
      // A processing instruction: `<?target …?>`, where only the declaration at the very start may be `xml`.
      const end = skipPast(text, '?>', pos, 2)
      const target = /^[^ \t\n?]*/.exec(text.slice(pos + 2, end))![0]
      if (!QNAME.test(target) || target.includes(':') || (target.toLowerCase() === 'xml' && pos !== start))
        fail('a malformed processing instruction', pos)
      pos = end
    } else if (text.startsWith('<!--', pos)) {
      // The search for the end starts after the opening `<!--`: `<!-->` does not close itself.
      const end = skipPast(text, '-->', pos, 4)
      const comment = text.slice(pos + 4, end - 3)
      if (comment.includes('--') || comment.endsWith('-')) fail('"--" inside a comment', pos)
      pos = end
    } else if (text.startsWith('<![CDATA[', pos)) {
      if (frame === top) fail('CDATA outside the root element', pos)
      const end = skipPast(text, ']]>', pos, 9)
      frame.text += text.slice(pos + 9, end - 3)
      pos = end
    } else if (text.startsWith('<!', pos)) {
      fail('a DOCTYPE or other declaration, which S3 documents never have', pos)
    } else if (text.startsWith('</', pos)) {
      END_TAG.lastIndex = pos
      const match = END_TAG.exec(text)
      if (!match || frame === top || match[1] !== frame.name)
        fail(`a closing tag that does not match <${quote(frame.name)}>`, pos)
      stack.pop()
      attach(stack[stack.length - 1]!, frame, finish(frame), arrayPaths)
      pos = END_TAG.lastIndex
    } else {
      if (frame === top && Object.keys(top.node).length > 0) fail('a second root element', pos)
      NAME.lastIndex = pos + 1
      const name = NAME.exec(text)?.[0]
      if (name === undefined) fail('a tag without a name', pos)
      if (!QNAME.test(name)) fail(`a tag whose name is not an XML name: <${quote(name)}`, pos)
      const local = localName(name)
      const child: Frame = {
        name,
        path: frame === top ? local : `${frame.path}.${local}`,
        node: Object.create(null),
        text: '',
        children: false,
        attributes: false,
      }
      pos = NAME.lastIndex
      for (;;) {
        ATTRIBUTE.lastIndex = pos
        const attribute = ATTRIBUTE.exec(text)
        if (!attribute) break
        pos = ATTRIBUTE.lastIndex
        const attributeName = attribute[1]!
        if (!QNAME.test(attributeName)) fail(`an attribute whose name is not an XML name: ${quote(attributeName)}`, pos)
        if (attributeName === 'xmlns' || attributeName.startsWith('xmlns:')) continue
        const key = `@_${localName(attributeName)}`
        // Prefixes are dropped, so `type` and `xsi:type` on one element would be one key: refused, like a repeated
        // attribute.
        if (key in child.node) fail(`a repeated attribute ${quote(attributeName)}`, pos)
        child.node[key] = decode((attribute[2] ?? attribute[3]!).replace(/[\t\n]/g, ' '), pos)
        child.attributes = true
      }
      TAG_END.lastIndex = pos
      const end = TAG_END.exec(text)
      if (!end) fail(`a malformed start tag <${quote(name)}`, pos)
      pos = TAG_END.lastIndex
      if (end[1]) attach(frame, child, finish(child), arrayPaths)
      else if (stack.push(child) > MAX_DEPTH) fail(`elements nested more than ${MAX_DEPTH} deep`, pos)
    }
  }
  if (stack.length > 1) fail(`the document ends inside <${quote(stack[stack.length - 1]!.name)}>`, text.length)
  if (Object.keys(top.node).length === 0) fail('no root element', 0)
  return top.node
}

function finish(frame: Frame): unknown {
  if (!frame.children && !frame.attributes) return frame.text
  // Whitespace between child elements is layout, not content.
  if (frame.text !== '' && (!frame.children || !WHITE_SPACE.test(frame.text))) frame.node['#text'] = frame.text
  return frame.node
}

function attach(parent: Frame, child: Frame, value: unknown, arrayPaths: ReadonlySet<string>): void {
  const key = localName(child.name)
  const existing = parent.node[key]
  if (existing === undefined) parent.node[key] = arrayPaths.has(child.path) ? [value] : value
  else if (Array.isArray(existing)) existing.push(value)
  else parent.node[key] = [existing, value]
  parent.children = true
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1)
}

/** The position after the first `marker` at or beyond `pos + from` (past the opening token). */
function skipPast(text: string, marker: string, pos: number, from: number): number {
  const end = text.indexOf(marker, pos + from)
  if (end === -1) fail(`an unterminated ${text.slice(pos, pos + 4)}`, pos)
  return end + marker.length
}

function decode(raw: string, pos: number): string {
  if (!raw.includes('&')) return raw
  if (BARE_AMPERSAND.test(raw)) fail('an "&" that is not one of the predefined entities or a character reference', pos)
  return raw.replace(
    REFERENCE,
    (_entity, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (name) return PREDEFINED[name]!
      const code = hex === undefined ? Number(decimal) : parseInt(hex, 16)
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        fail(`a character reference to ${code}, which is not a character`, pos)
      return String.fromCodePoint(code)
    },
  )
}

/** A name as an error message quotes it: cut short, so that the message stays small whatever the input. */
function quote(name: string): string {
  return name.length > QUOTED ? `${name.slice(0, QUOTED)}…` : name
}

function fail(problem: string, pos: number): never {
  throw new Error(`malformed XML: ${problem} (at character ${pos})`)
}
