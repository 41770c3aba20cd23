import { md5 } from '@noble/hashes/legacy.js'
import { toBase64 } from '../core/checksums/checksum.js'
import { InputError } from '../core/errors.js'

/** The three SSE-C fields of one key, ready to spread into a command's input. */
export interface SSECustomerKeyFields {
  readonly SSECustomerAlgorithm: 'AES256'
  /** The key as standard base64. */
  readonly SSECustomerKey: string
  /** The key's MD5 as base64. */
  readonly SSECustomerKeyMD5: string
}

/** The same three fields for a copy's source (CopyObject, UploadPartCopy, `copy`). */
export interface CopySourceSSECustomerKeyFields {
  readonly CopySourceSSECustomerAlgorithm: 'AES256'
  readonly CopySourceSSECustomerKey: string
  readonly CopySourceSSECustomerKeyMD5: string
}

/**
 * The SSE-C fields of a 256-bit key (`SSECustomerAlgorithm`, `SSECustomerKey`,
 * `SSECustomerKeyMD5`), to spread into PutObject, GetObject, HeadObject, CopyObject,
 * CreateMultipartUpload, UploadPart, UploadPartCopy, `upload`, `download` or `copy`. The commands
 * want the key's MD5 beside the key and do not compute it themselves, so that MD5 stays out of
 * bundles that never use SSE-C; this computes it once. The key is 32 bytes, or their standard
 * base64 text; anything else is an `InputError` that does not show the key.
 *
 * @example
 * const key = crypto.getRandomValues(new Uint8Array(32)) // keep it: the object cannot be read without it
 * await send(client, PutObject({ Bucket: 'vault', Key: 'secret.txt', Body: 'hush', ...sseCustomerKey(key) }))
 * const { Body } = await send(client, GetObject({ Bucket: 'vault', Key: 'secret.txt', ...sseCustomerKey(key) }))
 */
export function sseCustomerKey(key: Uint8Array | string): SSECustomerKeyFields {
  const bytes = keyBytes(key, 'SSECustomerKey')
  return { SSECustomerAlgorithm: 'AES256', SSECustomerKey: toBase64(bytes), SSECustomerKeyMD5: toBase64(md5(bytes)) }
}

/**
 * `sseCustomerKey` for the source of a copy: the `CopySourceSSECustomer…` fields of the key the
 * source object was written with.
 *
 * @example
 * await send(client, CopyObject({
 *   Bucket: 'vault', Key: 'copy.txt', CopySource: { Bucket: 'vault', Key: 'secret.txt' },
 *   ...copySourceSSECustomerKey(oldKey), ...sseCustomerKey(newKey),
 * }))
 */
export function copySourceSSECustomerKey(key: Uint8Array | string): CopySourceSSECustomerKeyFields {
  const bytes = keyBytes(key, 'CopySourceSSECustomerKey')
  return {
    CopySourceSSECustomerAlgorithm: 'AES256',
    CopySourceSSECustomerKey: toBase64(bytes),
    CopySourceSSECustomerKeyMD5: toBase64(md5(bytes)),
  }
}

// The key is a secret: no message here includes it.
function keyBytes(key: unknown, field: string): Uint8Array {
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
  return bytes
}
