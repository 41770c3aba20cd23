import { describe, expect, it } from 'vitest'
import { CreateBucket } from '../../commands/CreateBucket.js'
import { GetObject } from '../../commands/GetObject.js'
import { HeadBucket } from '../../commands/HeadBucket.js'
import { PutObject } from '../../commands/PutObject.js'
import { InputError } from '../../src/core/errors.js'

function inputError(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('input validation', () => {
  it.each(['', 'ab', 'has space', 'a'.repeat(256), 'semi;colon', 'slash/name'])('rejects bucket name %j', (Bucket) => {
    expect(inputError(() => HeadBucket({ Bucket })).field).toBe('Bucket')
  })

  it('accepts legacy names for existing buckets but only DNS names for new ones', () => {
    expect(HeadBucket({ Bucket: 'Legacy_Bucket' }).bucket).toBe('Legacy_Bucket')
    for (const Bucket of ['Legacy_Bucket', 'a..b', '192.168.1.1', '-start', 'end-', 'a.-b']) {
      expect(inputError(() => CreateBucket({ Bucket })).field).toBe('Bucket')
    }
  })

  it('rejects keys that are empty, too long, malformed or would be rewritten by URL parsing', () => {
    expect(inputError(() => GetObject({ Bucket: 'b-1', Key: '' })).field).toBe('Key')
    expect(inputError(() => GetObject({ Bucket: 'b-1', Key: 'é'.repeat(513) })).message).toMatch(/1,024 bytes/)
    expect(GetObject({ Bucket: 'b-1', Key: 'é'.repeat(512) }).key).toHaveLength(512)
    expect(inputError(() => GetObject({ Bucket: 'b-1', Key: 'a/../b' })).message).toMatch(/"\.\."/)
    expect(inputError(() => GetObject({ Bucket: 'b-1', Key: './b' })).field).toBe('Key')
    expect(GetObject({ Bucket: 'b-1', Key: 'a..b/.c/d.' }).key).toBe('a..b/.c/d.')
    expect(inputError(() => GetObject({ Bucket: 'b-1', Key: 'bad\ud800' })).message).toMatch(/surrogate/)
  })

  it('rejects metadata that cannot be a header, naming the entry', () => {
    expect(inputError(() => PutObject({ Bucket: 'b-1', Key: 'k', Metadata: { 'has space': 'v' } })).field).toBe(
      'Metadata.has space',
    )
    expect(inputError(() => PutObject({ Bucket: 'b-1', Key: 'k', Metadata: { ok: 'line\nbreak' } })).field).toBe(
      'Metadata.ok',
    )
    expect(inputError(() => PutObject({ Bucket: 'b-1', Key: 'k', Metadata: { A: '1', a: '2' } })).message).toMatch(
      /twice/,
    )
  })

  it('rejects header fields, ACLs and bodies S3 would refuse', () => {
    expect(inputError(() => PutObject({ Bucket: 'b-1', Key: 'k', ContentType: 'text/plain\r\nx-evil: 1' })).field).toBe(
      'ContentType',
    )
    expect(inputError(() => PutObject({ Bucket: 'b-1', Key: 'k', ACL: 'everyone' as never })).field).toBe('ACL')
    expect(inputError(() => PutObject({ Bucket: 'b-1', Key: 'k', Body: 42 as never })).field).toBe('Body')
    expect(inputError(() => PutObject({ Bucket: 'b-1', Key: 'k', Body: 'abc', ContentLength: 4 })).field).toBe(
      'ContentLength',
    )
    expect(inputError(() => PutObject({ Bucket: 'b-1', Key: 'k', Body: new ReadableStream() })).message).toMatch(
      /upload/,
    )
    expect(inputError(() => GetObject({ Bucket: 'b-1', Key: 'k', PartNumber: 0 })).field).toBe('PartNumber')
  })
})
