import { InputError } from '../src/errors.js'
import { contentMd5 } from '../src/md5.js'
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

// XML 1.0 cannot carry these characters at all, escaped or not.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/

/** A string that goes into a request document as element text. */
export function checkText(value: unknown, field: string, options: { maxLength?: number; empty?: boolean } = {}): string {
  if (typeof value !== 'string') throw new InputError(field, `must be a string, not ${JSON.stringify(value)}.`)
  if (!options.empty && value === '') throw new InputError(field, 'must not be empty.')
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    throw new InputError(field, `is longer than S3 allows (${options.maxLength} characters).`)
  }
  if (NOT_XML.test(value) || !value.isWellFormed()) {
    throw new InputError(field, 'contains a control character or unpaired surrogate, which an XML document cannot carry.')
  }
  return value
}

/** A non-empty array, checked item by item. */
export function checkList<T>(value: unknown, field: string, max: number, item: (value: unknown, field: string) => T): T[] {
  if (!Array.isArray(value) || value.length === 0) throw new InputError(field, 'must be a non-empty array.')
  if (value.length > max) throw new InputError(field, `has ${value.length} entries; S3 allows at most ${max}.`)
  return value.map((entry, index) => item(entry, `${field}[${index}]`))
}
