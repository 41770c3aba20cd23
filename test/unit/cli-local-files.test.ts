import { join, resolve } from 'node:path'
import { expect, test } from 'vitest'
import { humanBytes } from '../../src/cli/format.js'
import { pathInside } from '../../src/cli/local-files.js'
import { asPrefix, parseLocation } from '../../src/cli/location.js'

// A key is any text. Other tools can store keys such as "../../etc/x" (s3kit itself refuses to
// address them, since fetch would collapse the dots); downloading one must not escape the target.
test('a key suffix lands inside the target directory, or is refused', () => {
  expect(pathInside('/tmp/target', 'a/b.txt')).toBe(join(resolve('/tmp/target'), 'a/b.txt'))
  expect(pathInside('/tmp/target', 'a/../b.txt')).toBe(join(resolve('/tmp/target'), 'b.txt'))
  // A leading '/' is an empty first segment, not the root of the disk.
  expect(pathInside('/tmp/target', '/etc/passwd')).toBe(join(resolve('/tmp/target'), 'etc/passwd'))
  for (const name of ['../outside.txt', 'a/../../outside.txt', '..', '.', '']) {
    expect(() => pathInside('/tmp/target', name), name).toThrow(/would be written outside/)
  }
})

test('command-line locations: s3://bucket/key, "-" and local paths', () => {
  expect(parseLocation('s3://b/k/ey', 'x')).toEqual({ kind: 's3', bucket: 'b', key: 'k/ey' })
  expect(parseLocation('S3://b', 'x')).toEqual({ kind: 's3', bucket: 'b', key: '' })
  expect(parseLocation('-', 'x')).toEqual({ kind: 'stdio' })
  expect(parseLocation('./s3:/b', 'x')).toEqual({ kind: 'local', path: './s3:/b' })
  expect(() => parseLocation('s3:///k', 'source')).toThrow('source: "s3:///k" names no bucket')
  expect([asPrefix(''), asPrefix('a'), asPrefix('a/')]).toEqual(['', 'a/', 'a/'])
})

test('sizes in binary units', () => {
  expect([0, 1023, 1536, 10 * 2 ** 20, 5.5 * 2 ** 30].map(humanBytes)).toEqual([
    '0 B',
    '1023 B',
    '1.5 KiB',
    '10 MiB',
    '5.5 GiB',
  ])
})
