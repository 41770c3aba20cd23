import { type Client, PutObject, send } from '../../src/index.js'

/**
 * Key names for the listing and delete tests: every character an XML listing or a URL mangles
 * (space, +, =, &, <, quotes, emoji, control characters that only `encoding-type=url` can carry),
 * strings a lax parser turns into numbers or booleans, whitespace-only names and nested paths.
 */
const NAMES = [
  'plain',
  'with space',
  'plus+sign',
  'eq=ual',
  'amp&ersand',
  'less<than',
  'quote"d',
  "apos'",
  'emoji😀',
  '0012',
  '1e3',
  'true',
  '%41',
  'é',
  '~!*()',
  'tab\tchar',
  'cr\rchar',
  'nl\nchar',
]
const CONTROL = ['ctl\u0001char', 'vt\u000bchar']
const DIRS = ['', 'a/', 'a/b/', 'a/b/c/', 'x y/', 'é/', '😀/', 'p+q/', '&/', 'a/b/c/d e/']

/** `count` distinct keys; without `controlCharacters`, only keys an XML request body can carry. */
export function trickyKeys(count: number, { controlCharacters = true } = {}): string[] {
  const names = controlCharacters ? [...NAMES, ...CONTROL] : NAMES
  const keys = [' ', '  ', 'a/b/c/ ']
  for (let i = 0; keys.length < count; i++) keys.push(`${DIRS[i % DIRS.length]}${names[i % names.length]}-${i}`)
  return keys
}

/** S3's listing order: UTF-8 bytes, not JavaScript's UTF-16 order. */
export function s3Order(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
}

/** Uploads a tiny object per key, `concurrency` requests in flight. */
export async function putAll(client: Client, Bucket: string, keys: readonly string[], concurrency = 16): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const Key = keys[next++]!
      await send(client, PutObject({ Bucket, Key, Body: 'x' }))
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}
