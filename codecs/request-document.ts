import { contentMd5 } from '../src/core/md5.js'
import { buildDocument } from './xml.js'

/**
 * What the bucket-configuration and ACL commands send: an XML document with the `Content-MD5`
 * S3 requires for them (the S3 model marks PutBucketAcl, PutObjectAcl, PutBucketCors and
 * PutBucketLifecycleConfiguration "request checksum required"; Ceph RGW validates it too).
 */
export function xmlRequest(
  root: string,
  content: Record<string, unknown>,
): { body: string; headers: Record<string, string> } {
  const body = buildDocument(root, content)
  return { body, headers: { 'content-type': 'application/xml', 'content-md5': contentMd5(body) } }
}

/**
 * An optional member of a request document: `check(value, field)` when the caller gave it,
 * otherwise undefined, which leaves the element out (see buildDocument).
 */
export function optional<V, T>(
  value: V | undefined,
  field: string,
  check: (value: V, field: string) => T,
): T | undefined {
  return value === undefined ? undefined : check(value, field)
}
