import { flagHeader, readHeaders } from '../../codecs/headers.js'
import type { ResponseContext } from '../core/command.js'
import type { RequestOption } from '../core/extend-command.js'
import { operations, requestOption } from './request-options.js'
import type { SSECustomerKeyOutput } from './sse-customer-key.js'
import type { SSEKMSOutput } from './sse-kms.js'

/** What `encryptionDetails()` adds to an output: how S3 says the object is encrypted, besides `ServerSideEncryption`. */
export interface EncryptionDetails extends SSECustomerKeyOutput, SSEKMSOutput {}

const HEADERS = {
  SSECustomerAlgorithm: 'x-amz-server-side-encryption-customer-algorithm',
  SSECustomerKeyMD5: 'x-amz-server-side-encryption-customer-key-md5',
  SSEKMSKeyId: 'x-amz-server-side-encryption-aws-kms-key-id',
  BucketKeyEnabled: ['x-amz-server-side-encryption-bucket-key-enabled', flagHeader],
  SSEKMSEncryptionContext: 'x-amz-server-side-encryption-context',
} as const

// The operations whose responses carry these headers (S3 API reference, Response Syntax).
const ANSWERED = /* @__PURE__ */ operations(
  'GetObject',
  'HeadObject',
  'PutObject',
  'CopyObject',
  'CreateMultipartUpload',
  'UploadPart',
  'UploadPartCopy',
  'CompleteMultipartUpload',
)

const read = (response: Response, context: ResponseContext): EncryptionDetails =>
  readHeaders<EncryptionDetails>(response, context, HEADERS)

/**
 * The request option that reads how an object is encrypted, and sends nothing: the output of
 * `GetObject`, `HeadObject`, and of the writes (`PutObject`, `CopyObject`, the multipart
 * operations) gains `SSEKMSKeyId`, `BucketKeyEnabled`, `SSEKMSEncryptionContext`,
 * `SSECustomerAlgorithm` and `SSECustomerKeyMD5` when S3 sends them. The commands themselves
 * report `ServerSideEncryption` only, so that apps that never look further carry no code for it;
 * `sseCustomerKey` and `sseKms` read their own fields already. Other commands are left as they are.
 *
 * @example
 * const { ServerSideEncryption, SSEKMSKeyId } = await send(
 *   client,
 *   encryptionDetails()(HeadObject({ Bucket: 'my-bucket', Key: 'report.csv' })),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function encryptionDetails(): RequestOption<EncryptionDetails> {
  return requestOption(ANSWERED, {}, read)
}
