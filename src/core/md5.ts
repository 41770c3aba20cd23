import { md5 } from '@noble/hashes/legacy.js'

/**
 * Base64 MD5 of a request document, for the `Content-MD5` header that S3 requires on
 * DeleteObjects, PutBucketCors, PutBucketLifecycleConfiguration, PutBucketAcl and friends.
 * WebCrypto has no MD5, so a well-kept implementation (@noble/hashes) does the hashing.
 */
export function contentMd5(body: string | Uint8Array): string {
  const digest = md5(typeof body === 'string' ? new TextEncoder().encode(body) : body)
  let binary = ''
  for (const byte of digest) binary += String.fromCharCode(byte)
  return btoa(binary)
}
