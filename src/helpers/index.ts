// s3kit/helpers: the helpers' public exports, hand-written (a helper's internals stay out). Each
// helper is built only from commands and `send`. The root entry re-exports this list.
export { abortIncompleteUploads, type AbortIncompleteUploadsOptions } from './abort-incomplete-uploads.js'
export { deleteBucket, type DeleteBucketOptions } from './delete-bucket.js'
export { emptyBucket, type EmptyBucketOptions, type EmptyBucketResult } from './empty-bucket.js'
export { AclErrorCode, CorsErrorCode, LifecycleErrorCode, RestoreErrorCode, explainS3Error } from './explain-error.js'
export { addGrant, removeGrant, type GrantTarget } from './grants.js'
export { headObjectOrNull, lookupBucket } from './lookups.js'
export { paginate, paginateItems, type PaginateOptions } from './paginate.js'
export { presign, type PresignOptions, type PresignedRequest } from './presign.js'
export { upload, type UploadInput, type UploadOptions, type UploadOutput, type UploadProgress } from './upload.js'
