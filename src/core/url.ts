import type { Client } from './client.js'
import { isDnsBucket } from './validate.js'

/** Percent-encodes as S3's canonical form expects: all but RFC 3986 unreserved characters. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** A key in a URL path: each segment encoded, `/` kept (S3 keys are not normalized). */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeRfc3986).join('/')
}

/**
 * Query strings are written by hand rather than by URLSearchParams, which encodes a space as `+`:
 * S3 and the signer must see the same bytes, and `+` in a query means a space to some servers.
 * Entries are sorted so the URL is stable; a sub-resource such as `?uploads` has the value ''.
 */
export function encodeQuery(query: Readonly<Record<string, string | undefined>> | undefined): string {
  if (!query) return ''
  const parts: string[] = []
  for (const name of Object.keys(query).sort()) {
    const value = query[name]
    if (value === undefined) continue
    parts.push(value === '' ? encodeRfc3986(name) : `${encodeRfc3986(name)}=${encodeRfc3986(value)}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

/**
 * Virtual-hosted style (`bucket.host/key`) unless the client asks for path style, the endpoint is
 * an IP address or localhost, or the bucket name cannot be a host label (upper case, underscores,
 * or dots under https, where the wildcard certificate would not match).
 */
export function objectUrl(
  client: Client,
  bucket: string | undefined,
  key: string | undefined,
  query: Readonly<Record<string, string | undefined>> | undefined,
): string {
  const base = new URL(client.endpoint)
  const path = key === undefined ? '' : `/${encodeKey(key)}`
  const search = encodeQuery(query)
  if (bucket === undefined) return `${base.origin}${base.pathname.replace(/\/$/, '')}/${search}`
  if (usePathStyle(client, base, bucket)) {
    return `${base.origin}${base.pathname.replace(/\/$/, '')}/${encodeRfc3986(bucket)}${path}${search}`
  }
  return `${base.protocol}//${bucket}.${base.host}${base.pathname.replace(/\/$/, '')}${path || '/'}${search}`
}

function usePathStyle(client: Client, base: URL, bucket: string): boolean {
  return (
    client.forcePathStyle ||
    !isDnsBucket(bucket) ||
    (base.protocol === 'https:' && bucket.includes('.')) ||
    base.hostname === 'localhost' ||
    /^\d+\.\d+\.\d+\.\d+$/.test(base.hostname) ||
    base.hostname.startsWith('[')
  )
}
