import { describe, expect, it } from 'vitest'
import { metadataHeaders, readMetadata } from '../../codecs/metadata.js'
import { InputError } from '../../src/core/errors.js'

/** What a server that stores headers verbatim (RGW; AWS for ASCII) gives back, read as s3kit reads it. */
const roundTrip = (metadata: Record<string, string>) => readMetadata(new Headers(metadataHeaders(metadata)))

describe('user metadata', () => {
  const tricky = [
    'plain ASCII',
    '',
    ' leading',
    'trailing ',
    '  both  ',
    'inner  double   spaces',
    'tab\tinside',
    'café',
    'naïve — “quotes”',
    '日本語',
    '🎉🐈',
    '=?UTF-8?B?w6k=?=',
    '=?iso-8859-1?q?caf=E9?=',
    'a =?utf-8?q?x?= b',
    'a?= =?b',
    '=?',
    '?=',
    'x=?y?z',
    'semi; colon, comma "quoted" \\ back',
  ]

  it.each(tricky)('round-trips %j unchanged', (value) => {
    expect(roundTrip({ v: value })).toEqual({ v: value })
  })

  it('sends plain printable ASCII as it is', () => {
    expect(metadataHeaders({ color: 'blue', note: 'a=b; c="d"' })).toEqual({
      'x-amz-meta-color': 'blue',
      'x-amz-meta-note': 'a=b; c="d"',
    })
  })

  it('encodes what a header cannot carry as one RFC 2047 B-encoded UTF-8 word', () => {
    expect(metadataHeaders({ v: 'café' })).toEqual({
      'x-amz-meta-v': `=?UTF-8?B?${Buffer.from('café').toString('base64')}?=`,
    })
    expect(metadataHeaders({ v: ' padded ' })['x-amz-meta-v']).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/)
    // Text that a reader would take for an encoded word is encoded too, so it comes back as written.
    expect(metadataHeaders({ v: '=?UTF-8?B?w6k=?=' })['x-amz-meta-v']).not.toBe('=?UTF-8?B?w6k=?=')
  })

  it('decodes words that other clients wrote: B and Q, any charset TextDecoder knows', () => {
    const read = (value: string) => readMetadata(new Headers({ 'x-amz-meta-v': value })).v
    expect(read('=?UTF-8?B?w6k=?=')).toBe('é')
    expect(read('=?utf-8?q?caf=C3=A9_cr=C3=A8me?=')).toBe('café crème')
    expect(read('=?ISO-8859-1?Q?caf=E9?=')).toBe('café')
    // RFC 2047 §6.2: space between adjacent encoded words goes; space next to text stays.
    expect(read('=?UTF-8?Q?a?= =?UTF-8?Q?b?=')).toBe('ab')
    expect(read('x =?UTF-8?Q?a?= y')).toBe('x a y')
    // What cannot be decoded is kept as it came.
    expect(read('=?no-such-charset?Q?a?=')).toBe('=?no-such-charset?Q?a?=')
    expect(read('=?UTF-8?B?/w==?=')).toBe('=?UTF-8?B?/w==?=')
  })

  it('lower-cases names, as S3 stores them, and reads only x-amz-meta- headers', () => {
    expect(metadataHeaders({ Color: 'blue' })).toEqual({ 'x-amz-meta-color': 'blue' })
    expect(
      readMetadata(new Headers({ 'X-Amz-Meta-Color': 'blue', 'content-type': 'text/plain', 'x-amz-version-id': 'v' })),
    ).toEqual({ color: 'blue' })
  })

  it(
    'refuses, naming the entry: control characters, names that are not HTTP tokens, duplicate names, ' + 'non-strings',
    () => {
      const refuse = (metadata: Record<string, unknown>, message: RegExp) => {
        expect(() => metadataHeaders(metadata as Record<string, string>)).toThrow(InputError)
        expect(() => metadataHeaders(metadata as Record<string, string>)).toThrow(message)
      }
      refuse({ note: 'line\nbreak' }, /^Metadata\.note: .*control characters/)
      refuse({ note: 'nul\u0000' }, /control characters/)
      refuse({ 'two words': 'x' }, /^Metadata\.two words: .*HTTP token/)
      refuse({ naïve: 'x' }, /HTTP token/)
      refuse({ Color: 'a', color: 'b' }, /twice/)
      refuse({ size: 3 }, /must be a string/)
      expect(() => metadataHeaders('color=blue' as unknown as Record<string, string>)).toThrow(
        /Metadata: must be an object/,
      )
    },
  )
})
