import { type FieldTable, flagHeader, type HeaderTable, oneOf } from './headers.js'

/**
 * Header fields that many commands share, as tables each command spreads into its own
 * (`writeHeaders(input, { ...OWNER_HEADERS, … })`), so that every command names them the same way
 * and a bundle carries each table once.
 */

/** `ExpectedBucketOwner` and `RequestPayer`: S3 takes them on (almost) every bucket and object operation. */
export interface OwnerFields {
  /** The account ID the bucket must belong to; S3 answers 403 AccessDenied otherwise. */
  readonly ExpectedBucketOwner?: string
  /** `'requester'` to agree to pay for a Requester Pays bucket's request. */
  readonly RequestPayer?: 'requester'
}

export const OWNER_HEADERS: FieldTable<OwnerFields> = {
  ExpectedBucketOwner: 'x-amz-expected-bucket-owner',
  RequestPayer: ['x-amz-request-payer', /* @__PURE__ */ oneOf(['requester'])],
}

/** What a Requester Pays request answers: `RequestCharged: 'requester'` when the requester paid. */
export interface ChargedFields {
  readonly RequestCharged?: 'requester'
}

export const CHARGED_HEADERS: HeaderTable<ChargedFields> = { RequestCharged: 'x-amz-request-charged' }

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
