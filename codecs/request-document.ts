import { contentMd5 } from '../src/core/md5.js'
import { buildDocument } from './xml.js'

/**
 * What the bucket-configuration and ACL commands send: an XML document with the `Content-MD5`
 * S3 requires for them (the S3 model marks PutBucketAcl, PutObjectAcl, PutBucketCors and
 * PutBucketLifecycleConfiguration "request checksum required"; Ceph RGW validates it too).
 */
export function xmlRequest(root: string, content: Record<string, unknown>): { body: string; headers: Record<string, string> } {
  const body = buildDocument(root, content)
  return { body, headers: { 'content-type': 'application/xml', 'content-md5': contentMd5(body) } }
}
