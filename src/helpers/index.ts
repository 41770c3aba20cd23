/**
 * The helpers built from commands and `send`: `upload` and `download`, `paginate`, `presign`,
 * `emptyBucket` and `deleteBucket`, `abortIncompleteUploads`, ACL grants, lookups that answer
 * `null` for what does not exist, and error explanations. Also exported by the root entry, `s3kit`.
 *
 * @module s3kit/helpers
 */
// s3kit/helpers: the helpers' public exports, hand-written (a helper's internals stay out). Each
// helper is built only from commands and `send`. The root entry re-exports this list.
export { type AbortIncompleteUploadsOptions, abortIncompleteUploads } from './abort-incomplete-uploads.js'
export { type ChecksumResult, type ChecksumSettings, checksum } from './checksum.js'
export { type CopyInput, type CopyOptions, type CopyOutput, type CopyProgress, copy } from './copy.js'
export { type DeleteBucketOptions, deleteBucket } from './delete-bucket.js'
export {
  type DownloadInput,
  type DownloadOptions,
  type DownloadOutput,
  type DownloadProgress,
  download,
} from './download.js'
export { type EmptyBucketOptions, type EmptyBucketResult, emptyBucket } from './empty-bucket.js'
export { type EncryptionDetails, encryptionDetails } from './encryption-details.js'
export { expectedBucketOwner, expectedSourceBucketOwner } from './expected-bucket-owner.js'
export { AclErrorCode, CorsErrorCode, explainS3Error, LifecycleErrorCode, RestoreErrorCode } from './explain-error.js'
export { addGrant, type GrantTarget, removeGrant } from './grants.js'
export { headObjectOrNull, lookupBucket } from './lookups.js'
export { type PaginateOptions, paginate, paginateItems } from './paginate.js'
export { type PresignedRequest, type PresignOptions, presign } from './presign.js'
export {
  type PostPolicyCondition,
  type PresignedPost,
  type PresignPostInput,
  type PresignPostOptions,
  presignPost,
} from './presign-post.js'
export { type RequestChargedOutput, requesterPays } from './requester-pays.js'
export { copySourceSSECustomerKey, type SSECustomerKeyOutput, sseCustomerKey } from './sse-customer-key.js'
export { type SSEKMSInput, type SSEKMSOutput, sseKms } from './sse-kms.js'
export { type UploadInput, type UploadOptions, type UploadOutput, type UploadProgress, upload } from './upload.js'
export {
  type PartToSign,
  type SignedPart,
  type StoredPart,
  type UploadPresignedOptions,
  uploadPresigned,
} from './upload-presigned.js'
export { verifyChecksum } from './verify-checksum.js'
