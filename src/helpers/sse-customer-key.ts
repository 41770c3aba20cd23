import { md5 } from '@noble/hashes/legacy.js'
import { toBase64 } from '../core/checksums/checksum.js'
import type { ResponseContext } from '../core/command.js'
import { InputError } from '../core/errors.js'
import type { RequestOption } from '../core/extend-command.js'
import { operations, requestOption } from './request-options.js'

/** What `sseCustomerKey(key)` adds to an output, when S3 sends it: the algorithm, and the MD5 of the key used. */
export interface SSECustomerKeyOutput {
  /** `AES256`. */
  readonly SSECustomerAlgorithm?: string
  /** The MD5 (base64) of the key S3 used: compare it with your key's. */
  readonly SSECustomerKeyMD5?: string
}

// The operations whose input has the SSECustomer… fields in the S3 API reference, among those
// s3kit has: CompleteMultipartUpload and ListParts want the key when the upload's parts carry checksums.
const TAKEN = /* @__PURE__ */ operations(
  'PutObject',
  'GetObject',
  'HeadObject',
  'CopyObject',
  'CreateMultipartUpload',
  'UploadPart',
  'UploadPartCopy',
  'CompleteMultipartUpload',
  'ListParts',
)

const readKey = (response: Response, _context: ResponseContext): SSECustomerKeyOutput => {
  const algorithm = response.headers.get('x-amz-server-side-encryption-customer-algorithm')
  const md5 = response.headers.get('x-amz-server-side-encryption-customer-key-md5')
  return {
    ...(algorithm !== null && { SSECustomerAlgorithm: algorithm }),
    ...(md5 !== null && { SSECustomerKeyMD5: md5 }),
  }
}

/**
 * The request option of server-side encryption with your own 256-bit key (SSE-C): S3 encrypts
 * the object with it, and wants it again on every read of the object and on every part of its
 * multipart upload. It sends the three `x-amz-server-side-encryption-customer-*` headers
 * (algorithm `AES256`, the key, its MD5) on `PutObject`, `GetObject`, `HeadObject`, `CopyObject`
 * (the copy's key), `CreateMultipartUpload`, `UploadPart`, `UploadPartCopy`,
 * `CompleteMultipartUpload` and `ListParts`, and leaves other commands as they are; their output
 * gains `SSECustomerAlgorithm` and `SSECustomerKeyMD5` when S3 sends them.
 *
 * The key is 32 bytes, or their standard base64 text (44 characters): anything else is an
 * `InputError` here, which never shows the key. Its MD5, which S3 checks the key against, is
 * computed here unless given as `keyMD5` (base64). A command built with the option holds the key
 * in its `headers`: do not log it. `presign` of such a command returns the key in the headers the
 * request must carry, never in the URL.
 *
 * @example
 * const key = crypto.getRandomValues(new Uint8Array(32)) // keep it: the object cannot be read without it
 * const sse = sseCustomerKey(key)
 * await send(client, sse(PutObject({ Bucket: 'vault', Key: 'secret.txt', Body: 'hush' })))
 * const { Body } = await send(client, sse(GetObject({ Bucket: 'vault', Key: 'secret.txt' })))
 */
/* @__NO_SIDE_EFFECTS__ */
export function sseCustomerKey(key: Uint8Array | string, keyMD5?: string): RequestOption<SSECustomerKeyOutput> {
  return requestOption(
    TAKEN,
    keyHeaders('x-amz-server-side-encryption-customer-', 'SSECustomerKey', key, keyMD5),
    readKey,
  )
}

/**
 * The request option that gives a copy the SSE-C key its source was written with: the three
 * `x-amz-copy-source-server-side-encryption-customer-*` headers, on `CopyObject` and
 * `UploadPartCopy` only (other commands are left as they are). The copy's own key, if any, is
 * `sseCustomerKey`. The key and `keyMD5` are checked as `sseCustomerKey` checks them.
 *
 * @example
 * await send(client, copySourceSSECustomerKey(oldKey)(sseCustomerKey(newKey)(CopyObject({
 *   Bucket: 'vault', Key: 'rotated.txt', CopySource: { Bucket: 'vault', Key: 'secret.txt' },
 * }))))
 */
/* @__NO_SIDE_EFFECTS__ */
export function copySourceSSECustomerKey(key: Uint8Array | string, keyMD5?: string): RequestOption {
  return requestOption(
    operations('CopyObject', 'UploadPartCopy'),
    keyHeaders('x-amz-copy-source-server-side-encryption-customer-', 'CopySourceSSECustomerKey', key, keyMD5),
  )
}

// The key is a secret: no message here includes it.
function keyHeaders(prefix: string, field: string, key: unknown, keyMD5: unknown): Record<string, string> {
  const bytes =
    key instanceof Uint8Array
      ? key
      : typeof key === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(key)
        ? Uint8Array.from(atob(key), (c) => c.charCodeAt(0))
        : undefined
  if (bytes?.length !== 32)
    throw new InputError(
      field,
      'must be a 256-bit AES key: 32 bytes as a Uint8Array, or their standard base64 text (44 characters).',
    )
  if (keyMD5 !== undefined && (typeof keyMD5 !== 'string' || !/^[A-Za-z0-9+/]{22}==$/.test(keyMD5)))
    throw new InputError(`${field}MD5`, "must be the key's MD5 as base64 (24 characters), or left out to be computed.")
  return {
    [`${prefix}algorithm`]: 'AES256',
    [`${prefix}key`]: toBase64(bytes),
    [`${prefix}key-md5`]: keyMD5 ?? toBase64(md5(bytes)),
  }
}
