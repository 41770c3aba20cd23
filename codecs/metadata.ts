import { InputError } from '../src/core/errors.js'

/**
 * User metadata travels as `x-amz-meta-<name>` headers. Names must be HTTP tokens and come back
 * lower-cased. Values that a header cannot carry as they are — anything beyond printable ASCII,
 * leading or trailing spaces, or text that looks like an encoded word — are sent as RFC 2047
 * encoded words (`=?UTF-8?B?…?=`), as S3 documents for non-ASCII metadata, and decoded on the way
 * out, so every string round-trips on AWS and on servers (such as Ceph RGW) that store the header
 * verbatim. Control characters are refused: S3 drops them (`x-amz-missing-meta`).
 */

const PREFIX = 'x-amz-meta-'
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

export function metadataHeaders(
  metadata: Readonly<Record<string, string>> | undefined,
  field = 'Metadata',
): Record<string, string> {
  const headers: Record<string, string> = {}
  if (metadata === undefined) return headers
  if (typeof metadata !== 'object' || metadata === null) {
    throw new InputError(field, 'must be an object of string values.')
  }
  for (const [name, value] of Object.entries(metadata)) {
    const entry = `${field}.${name}`
    if (!TOKEN.test(name)) {
      throw new InputError(entry, "the name must be an HTTP token: letters, digits and !#$%&'*+.^_`|~- only.")
    }
    if (typeof value !== 'string') throw new InputError(entry, 'the value must be a string.')
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(value)) {
      throw new InputError(entry, 'the value cannot hold control characters (S3 drops them).')
    }
    const header = PREFIX + name.toLowerCase()
    if (header in headers) throw new InputError(entry, 'appears twice once lower-cased; S3 stores names in lower case.')
    headers[header] = needsEncoding(value) ? encodeWord(value) : value
  }
  return headers
}

/** Reads every `x-amz-meta-*` header back into a record, names lower-cased, values decoded. */
export function readMetadata(headers: Headers): Record<string, string> {
  const metadata: Record<string, string> = {}
  headers.forEach((value, name) => {
    if (name.startsWith(PREFIX)) metadata[name.slice(PREFIX.length)] = decodeWords(value)
  })
  return metadata
}

function needsEncoding(value: string): boolean {
  // Beyond printable ASCII, space at either end, or what would read back as an encoded word.
  return /[^\x20-\x7e]|^\s|\s$|=\?[^?]+\?[bq]\?/i.test(value)
}

function encodeWord(value: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte)
  return `=?UTF-8?B?${btoa(binary)}?=`
}

// An encoded word, and the white space after it when another encoded word follows: RFC 2047 §6.2
// says that space is not part of the text (space anywhere else is).
const WORD = /=\?([^?]+)\?([bq])\?([^?]*)\?=(?:\s+(?==\?[^?]+\?[bq]\?[^?]*\?=))?/gi

function decodeWords(value: string): string {
  return value.replace(WORD, (word, charset: string, encoding: string, text: string) => {
    try {
      // Both encodings give one character per byte; the charset says what the bytes mean.
      const binary =
        encoding.toUpperCase() === 'B'
          ? atob(text)
          : text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      return new TextDecoder(charset, { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
    } catch {
      return word
    }
  })
}
