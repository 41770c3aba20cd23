import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import {
  ATTRIBUTES,
  buildDocument,
  escapeXml,
  parseDocument,
  text,
  wrappedList,
  xmlDocument,
} from '../../codecs/xml.js'
import { readXml } from '../../codecs/xml-reader.js'
import { isErrorDocument, parseErrorDocument } from '../../src/core/error-document.js'
import { InputError, S3Error } from '../../src/core/errors.js'

const none: ReadonlySet<string> = new Set()
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe('readXml', () => {
  it('reads elements, text, attributes and repeated siblings into the codec shape', () => {
    // Shape of an S3 AccessControlPolicy (S3 API reference, GetObjectAcl, response syntax).
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?>
<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID>` +
      `<DisplayName>mtd@amazon.com</DisplayName></Owner>
  <AccessControlList>
    <Grant>
      <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>75aa</ID></Grantee>
      <Permission>FULL_CONTROL</Permission>
    </Grant>
  </AccessControlList>
</AccessControlPolicy>`
    expect(plain(readXml(xml, new Set(['AccessControlPolicy.AccessControlList.Grant'])))).toEqual({
      AccessControlPolicy: {
        Owner: {
          ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a',
          DisplayName: 'mtd@amazon.com',
        },
        AccessControlList: {
          Grant: [{ Grantee: { '@_type': 'CanonicalUser', ID: '75aa' }, Permission: 'FULL_CONTROL' }],
        },
      },
    })
  })

  it('keeps text verbatim: no numbers, booleans or trimming', () => {
    const doc = readXml('<R><K>0012</K><K>1e3</K><K>true</K><K> </K><K>  padded  </K><K>0x1F</K><K>-0</K></R>', none)
    expect(plain(doc)).toEqual({ R: { K: ['0012', '1e3', 'true', ' ', '  padded  ', '0x1F', '-0'] } })
  })

  it('decodes the predefined entities and character references, once', () => {
    const doc = readXml(
      '<R><K>&lt;&gt;&amp;&quot;&apos;</K><K>&#x1F600;&#233;&#x0d;&#10;</K><K>&amp;lt;</K><K>&#38;amp;</K></R>',
      none,
    )
    expect(plain(doc)).toEqual({ R: { K: ['<>&"\'', '😀é\r\n', '&lt;', '&amp;'] } })
  })

  it('reads character references with leading zeros (issue 12.7)', () => {
    expect(plain(readXml('<R><K>&#x0001F600;</K><K>&#0000233;</K><K>&#x00000041;</K></R>', none))).toEqual({
      R: { K: ['😀', 'é', 'A'] },
    })
    expect(() => readXml(`<R>&#x${'0'.repeat(50)}110000;</R>`, none)).toThrow(/not a character/)
  })

  it('starts looking for the end of a comment after its opening "<!--" (issue 12.7)', () => {
    expect(plain(readXml('<R><!-->x<K>y</K>--></R>', none))).toEqual({ R: '' })
    expect(plain(readXml('<R><!---->a<!-- - --></R>', none))).toEqual({ R: 'a' })
  })

  it.each([
    [
      'an attribute-like tag',
      '<Grantee><@_type>Group</@_type><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee>',
    ],
    ['a "<" in a tag name', '<K>a<b<c>d</b<c></K>'],
    ['a name starting with a digit', '<R><1a/></R>'],
    ['a name starting with "-"', '<R><-a/></R>'],
    ['two colons', '<R><a:b:c/></R>'],
    ['an empty prefix', '<R><:a/></R>'],
    ['an attribute name that is not a name', '<R @_x="1"/>'],
    ['a processing-instruction target that is not a name', '<R><?1x y?></R>'],
    ['a start tag ended by a non-XML space', '<R\u00a0a="1"/>'],
  ])('refuses a tag that is not an XML name: %s (issue 12.7)', (_what, xml) => {
    expect(() => readXml(xml, none)).toThrow(/malformed XML/)
  })

  it('accepts every kind of XML name character', () => {
    const doc = readXml('<R><é.a-1·̀‿/><x:日本/><_a/><𐀀b/></R>', none)
    expect(Object.keys(plain(doc) as { R: object }).length).toBe(1)
    expect(Object.keys((doc as { R: object }).R)).toEqual(['é.a-1·̀‿', '日本', '_a', '𐀀b'])
  })

  it('keeps error messages short whatever the input (issue 12.7)', () => {
    const huge = 'x'.repeat(1_000_000)
    for (const xml of [
      `<${huge}>`,
      `<R></${huge}>`,
      `<R ${huge}:a:b="1"/>`,
      `<R><${huge}<b/></R>`,
      `<${huge} a="1" a="2"/>`,
    ]) {
      let message = ''
      try {
        readXml(xml, none)
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(/^malformed XML/)
      expect(message.length).toBeLessThan(200)
    }
  })

  it('turns empty elements into empty strings, and forces the array paths it is given', () => {
    const arrays = new Set(['R.List.Item', 'R.Absent'])
    expect(plain(readXml('<R><Empty/><Also></Also><List><Item>one</Item></List></R>', arrays))).toEqual({
      R: { Empty: '', Also: '', List: { Item: ['one'] } },
    })
  })

  it('reads CDATA, skips comments and processing instructions, and normalizes line breaks', () => {
    const doc = readXml(
      '\uFEFF<?xml version="1.0"?><!-- c --><R><A><![CDATA[<not a tag> & ]]>x</A><!-- in ' +
        '--><B>a\r\nb\rc</B></R><!-- after -->',
      none,
    )
    expect(plain(doc)).toEqual({ R: { A: '<not a tag> & x', B: 'a\nb\nc' } })
  })

  it('keeps an element named __proto__ as a plain key', () => {
    const doc = readXml('<R><__proto__><polluted>yes</polluted></__proto__></R>', none) as {
      R: Record<string, unknown>
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // biome-ignore lint/suspicious/noProto: the document has an element named __proto__, read as a plain field
    expect(plain(doc.R.__proto__)).toEqual({ polluted: 'yes' })
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
    ['"--" inside a comment', '<R><!-- a -- b --></R>'],
    ['a comment ending in "--->"', '<R><!-- a ---></R>'],
    ['an XML declaration after the start', ' <?xml version="1.0"?><R/>'],
    ['a processing instruction without a target', '<R><? x?></R>'],
    ['"]]>" in text', '<R>a]]>b</R>'],
    ['a repeated attribute', '<R a="1" a="2"/>'],
    ['two attributes with the same local name', '<R xsi:type="Group" type="CanonicalUser"/>'],
    ['text outside the root after a non-XML space', '\u00a0<R/>'],
  ])('refuses %s', (_what, xml) => {
    expect(() => readXml(xml, none)).toThrow(/malformed XML/)
  })
})

describe('parseDocument', () => {
  const document = xmlDocument(['R.Items.Item'], () =>
    z.object({ R: z.object({ Items: wrappedList('Item', z.object({ Name: text() })) }) }),
  )
  const context = { operation: 'Test', bucket: 'b', status: 200 }

  it('validates against the schema, with one item, none, or an empty wrapper', () => {
    expect(parseDocument('<R><Items><Item><Name>a</Name></Item></Items></R>', document, context)).toEqual({
      R: { Items: [{ Name: 'a' }] },
    })
    expect(parseDocument('<R><Items/></R>', document, context)).toEqual({ R: { Items: [] } })
    expect(parseDocument('<R><Other/></R>', document, context)).toEqual({ R: { Items: [] } })
  })

  it('reports a huge malformed document in a short message (issue 12.7)', () => {
    const xml = `<R><Items><${'I'.repeat(20_000_000)}`
    try {
      parseDocument(xml, document, context)
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({ code: 'InvalidResponse' })
      expect((error as S3Error).message.length).toBeLessThan(400)
    }
  })

  it('reports malformed XML and wrong shapes as InvalidResponse', () => {
    for (const xml of ['<R><Items>', '<R><Items><Item><Name><x/></Name></Item></Items></R>']) {
      try {
        parseDocument(xml, document, context)
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
        '<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
        'xsi:type="Group"><URI>u</URI></Grantee><Empty/><Blank></Blank></Delete>',
    )
  })

  it('escapes text so that reading it back gives the same string', () => {
    const keys = ['a&b', '<tag>', 'q"\'', 'cr\r\nlf', 'tab\t', ']]>', '&amp;', '😀', ' ']
    const xml = buildDocument('Delete', { Object: keys.map((Key) => ({ Key })) })
    const doc = readXml(xml, new Set(['Delete.Object'])) as { Delete: { Object: { Key: string }[] } }
    expect(doc.Delete.Object.map((o) => o.Key)).toEqual(keys)
  })

  it('writes attributes given under ATTRIBUTES', () => {
    expect(buildDocument('R', { Grantee: { [ATTRIBUTES]: { 'xmlns:xsi': 'x', 'xsi:type': 'Group' }, URI: 'u' } })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><R xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Grantee ' +
        'xmlns:xsi="x" xsi:type="Group"><URI>u</URI></Grantee></R>',
    )
  })

  it.each([
    [
      'a control character in a location (CreateBucket)',
      'CreateBucketConfiguration',
      { LocationConstraint: 'eu\u0001' },
      'CreateBucketConfiguration.LocationConstraint',
    ],
    [
      'a control character in a checksum (CompleteMultipartUpload)',
      'CompleteMultipartUpload',
      {
        Part: [
          { PartNumber: 1, ETag: '"e"' },
          { PartNumber: 2, ETag: '"e"', ChecksumCRC32: 'abc\u0001' },
        ],
      },
      'CompleteMultipartUpload.Part[1].ChecksumCRC32',
    ],
    ['an unpaired surrogate', 'R', { Key: 'a\uD800' }, 'R.Key'],
    ['U+FFFE', 'R', { Key: '\uFFFE' }, 'R.Key'],
    [
      'an attribute smuggled in as an @_ key',
      'R',
      { ChecksumCRC32: { '@_evil': 'x', '#text': 'abc' } },
      'R.ChecksumCRC32.@_evil',
    ],
    ['a #text key', 'R', { ChecksumCRC32: { '#text': 'abc' } }, 'R.ChecksumCRC32.#text'],
    ['an element name that is not a name', 'R', { 'a b': 'x' }, 'R.a b'],
    ['a number that is not finite', 'R', { Days: Number.NaN }, 'R.Days'],
    ['a function', 'R', { Days: () => 1 }, 'R.Days'],
    ['a control character in an attribute', 'R', { G: { [ATTRIBUTES]: { a: 'x\u0002' } } }, 'R.G@a'],
  ])('refuses %s with an InputError naming the element (issue 12.7)', (_what, root, content, field) => {
    let thrown: unknown
    try {
      buildDocument(root, content)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    expect((thrown as InputError).field).toBe(field)
  })

  it('escapes attribute values, including whitespace an attribute would lose', () => {
    expect(escapeXml('a"b\t\n\r<&', true)).toBe('a&quot;b&#9;&#10;&#13;&lt;&amp;')
    const doc = readXml(`<R a="${escapeXml('x"\ty\n', true)}"/>`, none) as { R: Record<string, string> }
    expect(doc.R['@_a']).toBe('x"\ty\n')
  })
})

describe('parseErrorDocument', () => {
  it('reads the fields of an <Error> document (S3 API reference, Error responses)', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The resource you ' +
      'requested does not exist</Message><Resource>/mybucket/myfoto.jpg</Resource>' +
      '<RequestId>4442587FB7D0A2F9</RequestId></Error>'
    expect(parseErrorDocument(xml)).toEqual({
      Code: 'NoSuchKey',
      Message: 'The resource you requested does not exist',
      Resource: '/mybucket/myfoto.jpg',
      RequestId: '4442587FB7D0A2F9',
    })
    expect(isErrorDocument(xml)).toBe(true)
  })

  it('finds an <Error> after comments and processing instructions, and reads CDATA and references (issue 12.7)', () => {
    const xml =
      '\uFEFF<?xml version="1.0"?>\r\n<!-- proxy --><?pi x?><Error><!-- c --><Code>Slow<!-- x ' +
      '-->Down</Code><Message><![CDATA[a <b> & c]]> ' +
      '&amp;&#x0001F600;\r\n</Message><Nested><A>x</A></Nested><Empty/></Error>'
    expect(isErrorDocument(xml)).toBe(true)
    expect(parseErrorDocument(xml)).toEqual({ Code: 'SlowDown', Message: 'a <b> & c &😀\n', Empty: '' })
  })

  it('is not fooled by comments, CDATA or other roots', () => {
    for (const xml of [
      '<!-- <Error><Code>X</Code></Error> --><R/>',
      'text<Error/>',
      '<![CDATA[<Error/>]]>',
      '<html><Error/></html>',
      '',
      '{"Error":1}',
    ]) {
      expect(isErrorDocument(xml)).toBe(false)
      expect(parseErrorDocument(xml)).toBeUndefined()
    }
    expect(parseErrorDocument('<Error><Message><![CDATA[<Code>X</Code>]]></Message></Error>')).toEqual({
      Message: '<Code>X</Code>',
    })
  })

  it('stays linear on huge bodies', () => {
    expect(parseErrorDocument(`<Error>${'<!--'.repeat(2_000_000)}`)).toEqual({})
    expect(parseErrorDocument(`<Error><a ${'"x"'.repeat(3_000_000)}`)).toEqual({})
    expect(parseErrorDocument(`<Error><${'a'.repeat(8_000_000)}`)).toEqual({})
  })
})
