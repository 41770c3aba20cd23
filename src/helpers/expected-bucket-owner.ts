import type { RequestOption } from '../core/extend-command.js'
import { checkHeaderValue } from '../core/validate.js'
import { operations, requestOption } from './request-options.js'

// S3 takes x-amz-expected-bucket-owner on every bucket and object operation but these two, which
// name no existing bucket (S3 API reference; botocore's model agrees).
const NOT_TAKEN = ['CreateBucket', 'ListBuckets']

/**
 * The request option that makes S3 check the bucket belongs to the account `accountId`
 * (`x-amz-expected-bucket-owner`): a bucket of another account is an `S3Error` `AccessDenied`
 * (403), so that a request never reaches a bucket that changed hands. It applies to every bucket
 * and object operation but `CreateBucket` and `ListBuckets`, and leaves those two as they are.
 * Ceph RGW 16 ignores it.
 *
 * @example
 * const owned = expectedBucketOwner('111122223333')
 * await send(client, owned(PutObject({ Bucket: 'my-bucket', Key: 'a.txt', Body: 'a' })))
 * await upload(client, { Bucket: 'my-bucket', Key: 'b.bin', Body: blob }, { requestOptions: [owned] })
 */
/* @__NO_SIDE_EFFECTS__ */
export function expectedBucketOwner(accountId: string): RequestOption {
  const headers = { 'x-amz-expected-bucket-owner': checkHeaderValue(accountId, 'ExpectedBucketOwner') }
  return requestOption((operation) => !NOT_TAKEN.includes(operation), headers)
}

/**
 * The request option that makes S3 check the source bucket of a copy belongs to the account
 * `accountId` (`x-amz-source-expected-bucket-owner`), on `CopyObject` and `UploadPartCopy`; other
 * commands are left as they are. A source bucket of another account is an `S3Error` `AccessDenied`.
 *
 * @example
 * await send(client, expectedSourceBucketOwner('111122223333')(CopyObject({
 *   Bucket: 'mine', Key: 'a.txt', CopySource: { Bucket: 'theirs', Key: 'a.txt' },
 * })))
 */
/* @__NO_SIDE_EFFECTS__ */
export function expectedSourceBucketOwner(accountId: string): RequestOption {
  const headers = { 'x-amz-source-expected-bucket-owner': checkHeaderValue(accountId, 'ExpectedSourceBucketOwner') }
  return requestOption(operations('CopyObject', 'UploadPartCopy'), headers)
}
