import type { ResponseContext } from '../core/command.js'
import type { RequestOption } from '../core/extend-command.js'
import { operations, requestOption } from './request-options.js'

/** What `requesterPays()` adds to an output: `'requester'` when S3 charged the request to you. */
export interface RequestChargedOutput {
  readonly RequestCharged?: 'requester'
}

// The operations whose input has RequestPayer in botocore's S3 model (and the S3 API reference),
// among those s3kit has: the object reads, writes, deletes, ACLs, tags, retention, legal hold,
// restore, multipart uploads and the listings.
const TAKEN = /* @__PURE__ */ operations(
  'AbortMultipartUpload',
  'CompleteMultipartUpload',
  'CopyObject',
  'CreateMultipartUpload',
  'DeleteObject',
  'DeleteObjects',
  'GetObject',
  'GetObjectAcl',
  'GetObjectAttributes',
  'GetObjectLegalHold',
  'GetObjectRetention',
  'GetObjectTagging',
  'GetObjectTorrent',
  'HeadObject',
  'ListMultipartUploads',
  'ListObjectVersions',
  'ListObjects',
  'ListObjectsV2',
  'ListParts',
  'PutObject',
  'PutObjectAcl',
  'PutObjectLegalHold',
  'PutObjectLockConfiguration',
  'PutObjectRetention',
  'PutObjectTagging',
  'RestoreObject',
  'UploadPart',
  'UploadPartCopy',
)

// Read wherever the header is sent: S3 sends it only on the operations that charge the requester.
const readCharged = (response: Response, _context: ResponseContext): RequestChargedOutput =>
  response.headers.get('x-amz-request-charged') === 'requester' ? { RequestCharged: 'requester' } : {}

/**
 * The request option that agrees to pay for a request to a Requester Pays bucket
 * (`x-amz-request-payer: requester`), which S3 refuses (403) without it. It applies to the object
 * operations S3 takes it on (reads, writes, deletes, ACLs, tags, retention, legal hold, restore,
 * multipart uploads and the four listings) and leaves bucket operations as they are; the output
 * gains `RequestCharged: 'requester'` when S3 says it charged you. Ceph RGW 16 accepts the header
 * and never answers `RequestCharged`.
 *
 * @example
 * const paid = requesterPays()
 * for await (const object of paginateItems(client, paid(ListObjectsV2({ Bucket: 'open-data' })))) console.log(object.Key)
 * const { Body, RequestCharged } = await send(client, paid(GetObject({ Bucket: 'open-data', Key: 'a.csv' })))
 */
/* @__NO_SIDE_EFFECTS__ */
export function requesterPays(): RequestOption<RequestChargedOutput> {
  return requestOption(TAKEN, { 'x-amz-request-payer': 'requester' }, readCharged)
}
