import { InputError } from '../core/index.js'

/** Where a command reads or writes: an S3 bucket and key (prefix), a local path, or stdin/stdout. */
export type Location =
  | { readonly kind: 's3'; readonly bucket: string; readonly key: string }
  | { readonly kind: 'local'; readonly path: string }
  | { readonly kind: 'stdio' }

/**
 * Reads a command-line argument: `s3://bucket/key` (the key may be empty or a prefix), `-` for
 * stdin/stdout, anything else a local path. Only the form is checked here; the commands check the
 * bucket and key themselves (before any request) when they build their requests.
 */
export function parseLocation(text: string, argument: string): Location {
  if (text === '-') return { kind: 'stdio' }
  if (/^s3:\/\//i.test(text)) {
    const rest = text.slice(5)
    const slash = rest.indexOf('/')
    const bucket = slash === -1 ? rest : rest.slice(0, slash)
    if (bucket === '') throw new InputError(argument, `"${text}" names no bucket; write s3://bucket/key.`)
    return { kind: 's3', bucket, key: slash === -1 ? '' : rest.slice(slash + 1) }
  }
  if (text === '') throw new InputError(argument, 'is empty; give a local path or s3://bucket/key.')
  return { kind: 'local', path: text }
}

/** An argument that must be in S3 (`rm`, `stat`, `cat`, …). */
export function parseS3(text: string, argument: string): { bucket: string; key: string } {
  const location = parseLocation(text, argument)
  if (location.kind !== 's3') throw new InputError(argument, `"${text}" is not an S3 location; write s3://bucket/key.`)
  return location
}

/** An argument that must name a bucket and nothing more (`mb`, `rb`). */
export function parseBucket(text: string, argument: string): string {
  const { bucket, key } = parseS3(text, argument)
  if (key !== '') throw new InputError(argument, `"${text}" names a key; give only the bucket, s3://${bucket}.`)
  return bucket
}

export function s3Url(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`
}

/** The key's last segment: what a file copied out of S3 is called. */
export function keyBaseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1)
}

/** A prefix to which a relative name is appended: '' or ending in '/'. */
export function asPrefix(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`
}
