import { toBase64 } from '../src/core/checksums/checksum.js'
import type { ResponseContext } from '../src/core/command.js'
import { InputError } from '../src/core/errors.js'
import { checkHeaderValue, checkOneOf } from '../src/core/validate.js'
import { type FieldTable, type FieldWriter, flag, flagHeader, type HeaderTable, oneOf, readHeaders } from './headers.js'

/**
 * Header fields that many commands share, as tables each command spreads into its own
 * (`writeHeaders(input, { ...OWNER_HEADERS, … })`), so that every command names them the same way
 * and a bundle carries each table once.
 */

/** `ExpectedBucketOwner`: S3 takes it on every bucket and object operation but CreateBucket and ListBuckets. */
export interface BucketOwnerFields {
  /** The account ID the bucket must belong to; S3 answers 403 AccessDenied otherwise. */
  readonly ExpectedBucketOwner?: string
}

/** `ExpectedBucketOwner` and `RequestPayer`: what S3 takes on (almost) every object operation. */
export interface OwnerFields extends BucketOwnerFields {
  /** `'requester'` to agree to pay for a Requester Pays bucket's request. */
  readonly RequestPayer?: 'requester'
}

export const BUCKET_OWNER_HEADERS: FieldTable<BucketOwnerFields> = {
  ExpectedBucketOwner: 'x-amz-expected-bucket-owner',
}

export const OWNER_HEADERS: FieldTable<OwnerFields> = {
  ...BUCKET_OWNER_HEADERS,
  RequestPayer: ['x-amz-request-payer', /* @__PURE__ */ oneOf(['requester'])],
}

/** What a Requester Pays request answers: `RequestCharged: 'requester'` when the requester paid. */
export interface ChargedFields {
  readonly RequestCharged?: 'requester'
}

export const CHARGED_HEADERS: HeaderTable<ChargedFields> = { RequestCharged: 'x-amz-request-charged' }

/** The parse of a command S3 answers with no document: only `RequestCharged`, when S3 sends it. */
export function readCharged(response: Response, context: ResponseContext): ChargedFields {
  return readHeaders(response, context, CHARGED_HEADERS)
}

/**
 * Server-side encryption with a key the caller keeps (SSE-C): the object is encrypted with it, and
 * every read of the object (and every part of its multipart upload) must send it again. The three
 * fields go together; `sseCustomerKey(key)` returns them from the key alone.
 */
export interface SSECustomerFields {
  /** `AES256`, the only algorithm S3 takes for SSE-C. */
  readonly SSECustomerAlgorithm?: 'AES256'
  /** The 256-bit key: 32 bytes, or their standard base64 text. A secret: never shown in an error. */
  readonly SSECustomerKey?: Uint8Array | string
  /**
   * The key's MD5 as base64, with which S3 checks the key arrived intact. Required with a key:
   * commands do not compute it (MD5 would then weigh on every bundle); `sseCustomerKey(key)` does.
   */
  readonly SSECustomerKeyMD5?: string
}

/** The SSE-C key of a copy's source (CopyObject, UploadPartCopy): the key the source was written with. */
export interface CopySourceSSECustomerFields {
  /** `AES256`. */
  readonly CopySourceSSECustomerAlgorithm?: 'AES256'
  /** The source's 256-bit key: 32 bytes, or their standard base64 text. Never shown in an error. */
  readonly CopySourceSSECustomerKey?: Uint8Array | string
  /** The source key's MD5 as base64; required with the key (`sseCustomerKey(key)` computes it). */
  readonly CopySourceSSECustomerKeyMD5?: string
}

// The three SSE-C fields of one table are named alike (`SSECustomer…`, `CopySourceSSECustomer…`):
// each writer finds the others from its own name, so that one set of writers serves both tables and
// a missing partner is refused before S3 answers 400.
const partner = (input: object | undefined, field: string, name: string): void => {
  if ((input as Record<string, unknown> | undefined)?.[name] === undefined)
    throw new InputError(
      name,
      `is required with ${field} (${name[0] === 'C' ? 'copySourceSSECustomerKey' : 'sseCustomerKey'}(key) gives all three).`,
    )
}

const customerAlgorithm: FieldWriter = (value, field, input) => {
  const algorithm = checkOneOf(value, field, ['AES256'])
  partner(input, field, `${field.slice(0, -9)}Key`)
  return algorithm
}

// The key is a secret: no message here ever includes it.
const customerKey: FieldWriter = (value, field, input) => {
  const text = value instanceof Uint8Array ? toBase64(value) : value
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(text))
    throw new InputError(field, 'must be a 256-bit key: 32 bytes, or their base64.')
  partner(input, field, `${field.slice(0, -3)}Algorithm`)
  partner(input, field, `${field}MD5`)
  return text
}

const customerKeyMD5: FieldWriter = (value, field, input) => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]{22}==$/.test(value))
    throw new InputError(field, "must be the key's base64 MD5.")
  partner(input, field, field.slice(0, -3))
  return value
}

export const SSE_C_HEADERS: FieldTable<SSECustomerFields> = {
  SSECustomerAlgorithm: ['x-amz-server-side-encryption-customer-algorithm', customerAlgorithm],
  SSECustomerKey: ['x-amz-server-side-encryption-customer-key', customerKey],
  SSECustomerKeyMD5: ['x-amz-server-side-encryption-customer-key-md5', customerKeyMD5],
}

export const COPY_SOURCE_SSE_C_HEADERS: FieldTable<CopySourceSSECustomerFields> = {
  CopySourceSSECustomerAlgorithm: ['x-amz-copy-source-server-side-encryption-customer-algorithm', customerAlgorithm],
  CopySourceSSECustomerKey: ['x-amz-copy-source-server-side-encryption-customer-key', customerKey],
  CopySourceSSECustomerKeyMD5: ['x-amz-copy-source-server-side-encryption-customer-key-md5', customerKeyMD5],
}

/** Server-side encryption with a KMS key (with `ServerSideEncryption: 'aws:kms'` or `'aws:kms:dsse'`). */
export interface SSEKMSFields {
  /** The KMS key's ID or ARN; the account's default S3 key when left out. */
  readonly SSEKMSKeyId?: string
  /**
   * Extra encryption context, as S3 takes it: the base64 text of a UTF-8 JSON object of string
   * pairs; an object of pairs is encoded for you.
   */
  readonly SSEKMSEncryptionContext?: string | Readonly<Record<string, string>>
  /** Use an S3 Bucket Key for this object (fewer KMS calls). */
  readonly BucketKeyEnabled?: boolean
}

const encryptionContext: FieldWriter = (value, field) =>
  typeof value === 'object' && value !== null
    ? toBase64(new TextEncoder().encode(JSON.stringify(value)))
    : checkHeaderValue(value, field)

export const SSE_KMS_HEADERS: FieldTable<SSEKMSFields> = {
  SSEKMSKeyId: 'x-amz-server-side-encryption-aws-kms-key-id',
  SSEKMSEncryptionContext: ['x-amz-server-side-encryption-context', encryptionContext],
  BucketKeyEnabled: ['x-amz-server-side-encryption-bucket-key-enabled', flag],
}

/** The encryption S3 reports on reads and writes, besides `ServerSideEncryption`. */
export interface EncryptionResultFields {
  readonly SSECustomerAlgorithm?: string
  readonly SSECustomerKeyMD5?: string
  readonly SSEKMSKeyId?: string
  readonly BucketKeyEnabled?: boolean
}

export const ENCRYPTION_RESULT_HEADERS: HeaderTable<EncryptionResultFields> = {
  SSECustomerAlgorithm: 'x-amz-server-side-encryption-customer-algorithm',
  SSECustomerKeyMD5: 'x-amz-server-side-encryption-customer-key-md5',
  SSEKMSKeyId: 'x-amz-server-side-encryption-aws-kms-key-id',
  BucketKeyEnabled: ['x-amz-server-side-encryption-bucket-key-enabled', flagHeader],
}
