import { flag, flagHeader, readHeaders } from '../../codecs/headers.js'
import { toBase64 } from '../core/checksums/checksum.js'
import type { ResponseContext } from '../core/command.js'
import { InputError } from '../core/errors.js'
import type { RequestOption } from '../core/extend-command.js'
import { checkHeaderValue, checkObject, checkOneOf } from '../core/validate.js'
import { operations, requestOption } from './request-options.js'

/** What `sseKms` takes: all optional; `sseKms()` alone encrypts with the account's default S3 KMS key. */
export interface SSEKMSInput {
  /** `aws:kms` (the default), or `aws:kms:dsse` for dual-layer encryption. */
  readonly ServerSideEncryption?: 'aws:kms' | 'aws:kms:dsse'
  /** The KMS key's ID or ARN; the account's default S3 key when left out. */
  readonly SSEKMSKeyId?: string
  /**
   * Extra encryption context: an object of string pairs (encoded for you), or S3's own form, the
   * base64 text of a UTF-8 JSON object.
   */
  readonly SSEKMSEncryptionContext?: string | Readonly<Record<string, string>>
  /** Use an S3 Bucket Key for this object (fewer KMS calls). */
  readonly BucketKeyEnabled?: boolean
}

/** What S3 says of an SSE-KMS object, besides `ServerSideEncryption`: what `sseKms` and `encryptionDetails()` add to an output. */
export interface SSEKMSOutput {
  /** The KMS key's ID or ARN. */
  readonly SSEKMSKeyId?: string
  /** Whether the object uses an S3 Bucket Key. */
  readonly BucketKeyEnabled?: boolean
  /** The encryption context, as S3 sends it (base64 JSON); on writes only. */
  readonly SSEKMSEncryptionContext?: string
}

// The response headers of SSEKMSOutput.
const SSE_KMS_OUTPUT_HEADERS = {
  SSEKMSKeyId: 'x-amz-server-side-encryption-aws-kms-key-id',
  BucketKeyEnabled: ['x-amz-server-side-encryption-bucket-key-enabled', flagHeader],
  SSEKMSEncryptionContext: 'x-amz-server-side-encryption-context',
} as const

const readKms = (response: Response, context: ResponseContext): SSEKMSOutput =>
  readHeaders<SSEKMSOutput>(response, context, SSE_KMS_OUTPUT_HEADERS)

/**
 * The request option of server-side encryption with a KMS key (SSE-KMS) for a new object: the
 * `x-amz-server-side-encryption: aws:kms` header and the key, context and Bucket Key headers given,
 * on `PutObject`, `CopyObject` and `CreateMultipartUpload` (and so on `upload` and `copy`), the
 * operations S3 takes them on; other commands are left as they are (reads need no key: S3 decrypts
 * with the one recorded on the object). The output gains `SSEKMSKeyId`, `BucketKeyEnabled` and
 * `SSEKMSEncryptionContext` when S3 sends them; on reads, `encryptionDetails()` gives them.
 * Everything is checked here, as an `InputError` naming the field.
 *
 * @example
 * await send(client, sseKms({ SSEKMSKeyId: 'arn:aws:kms:us-east-1:111122223333:key/example' })(
 *   PutObject({ Bucket: 'my-bucket', Key: 'report.csv', Body: csv }),
 * ))
 */
/* @__NO_SIDE_EFFECTS__ */
export function sseKms(input: SSEKMSInput = {}): RequestOption<SSEKMSOutput> {
  const {
    ServerSideEncryption,
    SSEKMSKeyId,
    SSEKMSEncryptionContext: context,
    BucketKeyEnabled,
  } = checkObject<SSEKMSInput>(input, 'sseKms')
  const headers: Record<string, string> = {
    'x-amz-server-side-encryption':
      ServerSideEncryption === undefined
        ? 'aws:kms'
        : checkOneOf(ServerSideEncryption, 'ServerSideEncryption', ['aws:kms', 'aws:kms:dsse']),
  }
  if (SSEKMSKeyId !== undefined)
    headers['x-amz-server-side-encryption-aws-kms-key-id'] = checkHeaderValue(SSEKMSKeyId, 'SSEKMSKeyId')
  if (context !== undefined)
    headers['x-amz-server-side-encryption-context'] =
      typeof context === 'object' && context !== null
        ? toBase64(new TextEncoder().encode(JSON.stringify(checkPairs(context))))
        : checkHeaderValue(context, 'SSEKMSEncryptionContext')
  if (BucketKeyEnabled !== undefined)
    headers['x-amz-server-side-encryption-bucket-key-enabled'] = flag(BucketKeyEnabled, 'BucketKeyEnabled')
  return requestOption(operations('PutObject', 'CopyObject', 'CreateMultipartUpload'), headers, readKms)
}

// KMS takes an encryption context of string pairs only.
function checkPairs(context: object): object {
  if (Array.isArray(context) || !Object.values(context).every((value) => typeof value === 'string'))
    throw new InputError('SSEKMSEncryptionContext', 'must be an object of string pairs, or its base64 JSON text.')
  return context
}
