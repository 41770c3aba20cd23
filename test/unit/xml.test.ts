import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { readXml } from '../../codecs/xml-reader.js'
import { buildDocument, escapeXml, parseDocument, wrappedList, text } from '../../codecs/xml.js'
import { S3Error } from '../../src/core/errors.js'

const none: ReadonlySet<string> = new Set()
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe('readXml', () => {
  it('reads elements, text, attributes and repeated siblings into the codec shape', () => {
    // Shape of an S3 AccessControlPolicy (S3 API reference, GetObjectAcl, response syntax).
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>mtd@amazon.com</DisplayName></Owner>
  <AccessControlList>
    <Grant>
      <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>75aa</ID></Grantee>
      <Permission>FULL_CONTROL</Permission>
    </Grant>
  </AccessControlList>
</AccessControlPolicy>`
    expect(plain(readXml(xml, new Set(['AccessControlPolicy.AccessControlList.Grant'])))).toEqual({
      AccessControlPolicy: {
        Owner: { ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a', DisplayName: 'mtd@amazon.com' },
        AccessControlList: { Grant: [{ Grantee: { '@_type': 'CanonicalUser', ID: '75aa' }, Permission: 'FULL_CONTROL' }] },
      },
    })
  })

  it('keeps text verbatim: no numbers, booleans or trimming', () => {
    const doc = readXml('<R><K>0012</K><K>1e3</K><K>true</K><K> </K><K>  padded  </K><K>0x1F</K><K>-0</K></R>', none)
    expect(plain(doc)).toEqual({ R: { K: ['0012', '1e3', 'true', ' ', '  padded  ', '0x1F', '-0'] } })
  })

  it('decodes the predefined entities and character references, once', () => {
    const doc = readXml('<R><K>&lt;&gt;&amp;&quot;&apos;</K><K>&#x1F600;&#233;&#x0d;&#10;</K><K>&amp;lt;</K><K>&#38;amp;</K></R>', none)
    expect(plain(doc)).toEqual({ R: { K: ['<>&"\'', '😀é\r\n', '&lt;', '&amp;'] } })
  })

  it('turns empty elements into empty strings, and forces the array paths it is given', () => {
    const arrays = new Set(['R.List.Item', 'R.Absent'])
    expect(plain(readXml('<R><Empty/><Also></Also><List><Item>one</Item></List></R>', arrays))).toEqual({
      R: { Empty: '', Also: '', List: { Item: ['one'] } },
    })
  })

  it('reads CDATA, skips comments and processing instructions, and normalizes line breaks', () => {
    const doc = readXml('\uFEFF<?xml version="1.0"?><!-- c --><R><A><![CDATA[<not a tag> & ]]>x</A><!-- in --><B>a\r\nb\rc</B></R><!-- after -->', none)
    expect(plain(doc)).toEqual({ R: { A: '<not a tag> & x', B: 'a\nb\nc' } })
  })

  it('keeps an element named __proto__ as a plain key', () => {
    const doc = readXml('<R><__proto__><polluted>yes</polluted></__proto__></R>', none) as { R: Record<string, unknown> }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(plain(doc.R['__proto__'])).toEqual({ polluted: 'yes' })
  })

  it('reads nesting as deep as S3 could use, and refuses absurd depths', () => {
    const nested = (depth: number) => `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`
    let node: unknown = readXml(nested(60), none)
    for (let i = 0; i < 60; i++) node = (node as Record<string, unknown>).a
    expect(node).toBe('x')
    expect(() => readXml(nested(100_000), none)).toThrow(/nested more than 64 deep/)
  })

  it.each([
    ['a DOCTYPE (no entity can be defined, so none can be expanded)', '<!DOCTYPE r [<!ENTITY a "aaaa">]><R>&a;</R>'],
    ['an undefined entity', '<R>&nbsp;</R>'],
    ['a bare ampersand', '<R>a & b</R>'],
    ['a reference to no character', '<R>&#0;</R>'],
    ['a reference to a surrogate', '<R>&#xD800;</R>'],
    ['mismatched tags', '<R><A></B></R>'],
    ['an unclosed element', '<R><A>text</A>'],
    ['two roots', '<R/><S/>'],
    ['text outside the root', 'hello<R/>'],
    ['no root', '  '],
    ['an unterminated comment', '<R><!-- </R>'],
    ['a "<" in an attribute value', '<R a="<"/>'],
    ['an HTML page', '<html><body><p>Bad gateway<br></body></html>'],
  ])('refuses %s', (_what, xml) => {
    expect(() => readXml(xml, none)).toThrow(/malformed XML/)
  })
})

describe('parseDocument', () => {
  const schema = z.object({ R: z.object({ Items: wrappedList('Item', z.object({ Name: text })) }) })
  const arrays = new Set(['R.Items.Item'])
  const context = { operation: 'Test', bucket: 'b', status: 200 }

  it('validates against the schema, with one item, none, or an empty wrapper', () => {
    expect(parseDocument('<R><Items><Item><Name>a</Name></Item></Items></R>', schema, arrays, context)).toEqual({ R: { Items: [{ Name: 'a' }] } })
    expect(parseDocument('<R><Items/></R>', schema, arrays, context)).toEqual({ R: { Items: [] } })
    expect(parseDocument('<R><Other/></R>', schema, arrays, context)).toEqual({ R: { Items: [] } })
  })

  it('reports malformed XML and wrong shapes as InvalidResponse', () => {
    for (const xml of ['<R><Items>', '<R><Items><Item><Name><x/></Name></Item></Items></R>']) {
      try {
        parseDocument(xml, schema, arrays, context)
        expect.unreachable()
      } catch (error) {
        expect(error).toBeInstanceOf(S3Error)
        expect(error).toMatchObject({ code: 'InvalidResponse', operation: 'Test', bucket: 'b' })
      }
    }
  })
})

describe('buildDocument', () => {
  it('writes the S3 namespace, nested and repeated elements, attributes, and skips undefined', () => {
    const xml = buildDocument('Delete', {
      Object: [{ Key: 'a' }, { Key: 'b', VersionId: undefined }],
      Quiet: true,
      Grantee: { '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', '@_xsi:type': 'Group', URI: 'u' },
      Empty: null,
      Blank: '',
    })
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<Object><Key>a</Key></Object><Object><Key>b</Key></Object><Quiet>true</Quiet>' +
        '<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>u</URI></Grantee><Empty/><Blank></Blank></Delete>',
    )
  })

  it('escapes text so that reading it back gives the same string', () => {
    const keys = ['a&b', '<tag>', 'q"\'', 'cr\r\nlf', 'tab\t', ']]>', '&amp;', '😀', ' ']
    const xml = buildDocument('Delete', { Object: keys.map((Key) => ({ Key })) })
    const doc = readXml(xml, new Set(['Delete.Object'])) as { Delete: { Object: { Key: string }[] } }
    expect(doc.Delete.Object.map((o) => o.Key)).toEqual(keys)
  })

  it('escapes attribute values, including whitespace an attribute would lose', () => {
    expect(escapeXml('a"b\t\n\r<&', true)).toBe('a&quot;b&#9;&#10;&#13;&lt;&amp;')
    const doc = readXml(`<R a="${escapeXml('x"\ty\n', true)}"/>`, none) as { R: Record<string, string> }
    expect(doc.R['@_a']).toBe('x"\ty\n')
  })
})
