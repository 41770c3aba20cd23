import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildDocument } from '../../codecs/xml.js'
import { readXml } from '../../codecs/xml-reader.js'
import { parseErrorDocument } from '../../src/core/error-document.js'
import { InputError } from '../../src/core/errors.js'
import {
  canonical,
  elementArbitrary,
  elementPaths,
  errorFieldsOf,
  expectedReading,
  serialize,
  styleArbitrary,
  text,
} from './fuzz/xml-documents.js'

/**
 * The XML codec against documents whose reading is known by construction (test/unit/fuzz/xml-documents.ts
 * says why there is no reference parser here), against corrupted documents that must be refused,
 * and the `<Error>` reader of src/core against the codec. Issue 12, item 7.
 */

const RUNS = { numRuns: 400 }
const none: ReadonlySet<string> = new Set()

/** Picks a subset of `paths` from `seed`, for the array paths a document names. */
const someOf = (paths: string[], seed: number): Set<string> =>
  new Set(paths.filter((_, index) => ((seed >>> (index % 31)) & 1) === 1))

function refusal(xml: string): string | undefined {
  try {
    readXml(xml, none)
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(Error)
    return (error as Error).message
  }
}

describe('readXml on generated documents', () => {
  it('reads every generated document as its tree says', () => {
    fc.assert(
      fc.property(elementArbitrary(), styleArbitrary(), fc.integer(), (root, style, seed) => {
        const { xml } = serialize(root, style)
        const arrays = someOf(elementPaths(root), seed)
        expect(canonical(readXml(xml, arrays))).toEqual(canonical(expectedReading(root, arrays)))
      }),
      RUNS,
    )
  })

  const mutations: Record<string, (xml: string, inside: number, rootEnd: number) => string> = {
    'a second root': (xml) => `${xml}<X/>`,
    'text after the root': (xml) => `${xml}x`,
    'the document cut inside the root': (xml, _inside, rootEnd) => xml.slice(0, rootEnd - 1),
    'a bare ampersand': (xml, inside) => `${xml.slice(0, inside)}&;${xml.slice(inside)}`,
    'an undefined entity': (xml, inside) => `${xml.slice(0, inside)}&nbsp;${xml.slice(inside)}`,
    'a tag that is not a name': (xml, inside) => `${xml.slice(0, inside)}<@_type>x</@_type>${xml.slice(inside)}`,
    'a "<" in a tag name': (xml, inside) => `${xml.slice(0, inside)}<b<c/>${xml.slice(inside)}`,
    '"--" in a comment': (xml, inside) => `${xml.slice(0, inside)}<!-- a -- b -->${xml.slice(inside)}`,
    '"]]>" in text': (xml, inside) => `${xml.slice(0, inside)}]]>${xml.slice(inside)}`,
    'a DOCTYPE': (xml, inside) => `${xml.slice(0, inside)}<!DOCTYPE x>${xml.slice(inside)}`,
    'a reference to no character': (xml, inside) => `${xml.slice(0, inside)}&#x110000;${xml.slice(inside)}`,
    'an unclosed child': (xml, inside) => `${xml.slice(0, inside)}<Open>${xml.slice(inside)}`,
    'an XML declaration inside': (xml, inside) => `${xml.slice(0, inside)}<?xml version="1.0"?>${xml.slice(inside)}`,
  }

  it.each(Object.keys(mutations))('refuses every generated document with %s, in a short message', (name) => {
    fc.assert(
      fc.property(elementArbitrary({ depth: 2 }), styleArbitrary(), (root, style) => {
        const { xml, inside, rootEnd } = serialize(root, style)
        fc.pre(inside !== -1)
        const message = refusal(mutations[name]!(xml, inside, rootEnd))
        expect(message).toMatch(/^malformed XML: /)
        expect(message!.length).toBeLessThan(200)
      }),
      { numRuns: 60 },
    )
  })

  it('either reads or refuses with a short "malformed XML" message, whatever the input', () => {
    const pieces = [
      '<',
      '>',
      '/',
      '</',
      '<!--',
      '-->',
      '<?',
      '?>',
      '<![CDATA[',
      ']]>',
      '&',
      ';',
      '#x',
      '&#',
      '"',
      "'",
      '=',
      ' ',
      'R',
      'a:b',
      'é',
      '😀',
      '\r',
      '\n',
      '<!DOCTYPE',
      'x'.repeat(300),
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const message = refusal(parts.join(''))
        if (message !== undefined) {
          expect(message).toMatch(/^malformed XML: /)
          expect(message.length).toBeLessThan(200)
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('buildDocument on generated text', () => {
  const carried = text([
    'a',
    ' ',
    '\n',
    '\r',
    '\t',
    '<',
    '>',
    '&',
    '"',
    "'",
    ']]>',
    '😀',
    'é',
    '\u00a0',
    '&amp;',
    '&#1;',
  ])

  it('writes any text XML can carry so that the reader gives it back', () => {
    fc.assert(
      fc.property(fc.array(carried, { maxLength: 5 }), carried, (keys, attribute) => {
        const xml = buildDocument('Delete', {
          Object: keys.map((Key) => ({ Key })),
          G: { '@_xsi:type': attribute, '@_xmlns:xsi': 'x', ID: 'i' },
        })
        const doc = readXml(xml, new Set(['Delete.Object'])) as {
          Delete: { Object?: { Key: string }[]; G: Record<string, string> }
        }
        expect((doc.Delete.Object ?? []).map((o) => o.Key)).toEqual(keys)
        expect(doc.Delete.G['@_type']).toBe(attribute)
      }),
      RUNS,
    )
  })

  it('refuses text XML cannot carry, naming the element', () => {
    const bad = fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u0008',
      '\u000b',
      '\u000c',
      '\u001f',
      '\ufffe',
      '\uffff',
      '\ud800',
      '\udfff',
    )
    fc.assert(
      fc.property(
        fc.array(carried, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        bad,
        carried,
        (keys, at, character, tail) => {
          const index = at % keys.length
          const broken = keys.map((key, i) => (i === index ? `${key}${character}${tail}` : key))
          let thrown: unknown
          try {
            buildDocument('Delete', { Object: broken.map((Key) => ({ Key })) })
          } catch (error) {
            thrown = error
          }
          expect(thrown).toBeInstanceOf(InputError)
          expect((thrown as InputError).field).toBe(`Delete.Object[${index}].Key`)
        },
      ),
      RUNS,
    )
  })
})

describe('the <Error> reader against the codec', () => {
  it('reads every generated <Error> document (and refuses every other root) as the codec does', () => {
    fc.assert(
      fc.property(
        elementArbitrary({ rootNames: ['Error', 'Error', 'R', 'Errors'], depth: 3 }),
        styleArbitrary(false),
        (root, style) => {
          const { xml } = serialize(root, style)
          expect(parseErrorDocument(xml)).toEqual(errorFieldsOf(readXml(xml, none)))
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('reads S3-shaped error documents with any field text as the codec does', () => {
    const field = fc.constantFrom('Code', 'Message', 'RequestId', 'HostId', 'Region', 'Key', 'BucketName', 'Resource')
    fc.assert(
      fc.property(fc.array(fc.tuple(field, text()), { maxLength: 6 }), styleArbitrary(false), (fields, style) => {
        const root = {
          kind: 'element' as const,
          name: 'Error',
          attributes: [],
          children: fields.map(([name, value]) => ({
            kind: 'element' as const,
            name,
            attributes: [],
            children: [{ kind: 'text' as const, value }],
          })),
        }
        const { xml } = serialize(root, style)
        const expected = errorFieldsOf(readXml(xml, none))
        expect(parseErrorDocument(xml)).toEqual(expected)
        // …and both give each field's first text, exactly as it was before being written.
        for (const [name] of fields) expect(expected![name]).toBe(fields.find(([n]) => n === name)![1])
      }),
      RUNS,
    )
  })
})
