// The root entry: the core, constants, helpers and every command. Each command is also its own
// entry (`s3kit/commands/PutObject`), and the core is `s3kit/core`; with any of them, bundlers keep
// only what is used.
export * from './core/index.js'
export { paginate, paginateItems, type PaginateOptions } from './helpers/paginate.js'
export { emptyBucket, type EmptyBucketOptions, type EmptyBucketResult } from './helpers/empty-bucket.js'
export { deleteBucket, type DeleteBucketOptions } from './helpers/delete-bucket.js'
export { headObjectOrNull, lookupBucket } from './helpers/lookups.js'
export { presign, type PresignOptions, type PresignedRequest } from './helpers/presign.js'
export { upload, type UploadInput, type UploadOptions, type UploadOutput, type UploadProgress } from './helpers/upload.js'
export { abortIncompleteUploads, type AbortIncompleteUploadsOptions } from './helpers/abort-incomplete-uploads.js'
export type { ObjectHeaders, ObjectWriteFields, ObjectReadFields } from '../codecs/object-headers.js'
export type { RestoreStatus } from '../codecs/restore.js'
export type { CopySource, CopySourceConditions, CopyResult } from '../codecs/copy-source.js'
export type { Owner } from '../codecs/owner.js'
export { addGrant, removeGrant, type GrantTarget } from './helpers/grants.js'
export { Permission, GroupUri } from '../codecs/acl.js'
export type { AccessControlPolicy, AclFields, AclOutput, CanonicalUserGrantee, EmailGrantee, Grant, Grantee, GroupGrantee } from '../codecs/acl.js'
export type { CORSConfiguration, CORSMethod, CORSRule, CORSRuleOutput } from '../codecs/cors.js'
export type {
  LifecycleConfiguration,
  LifecycleExpiration,
  LifecycleRule,
  LifecycleRuleAndOperator,
  LifecycleRuleFilter,
  NoncurrentVersionExpiration,
  NoncurrentVersionTransition,
  Tag as LifecycleTag,
  Transition,
  TransitionDefaultMinimumObjectSize,
} from '../codecs/lifecycle.js'
export { AclErrorCode, CorsErrorCode, LifecycleErrorCode, RestoreErrorCode, explainS3Error } from './helpers/explain-error.js'
export type { ObjectSummary, CommonPrefix } from '../codecs/list.js'

// Commands
export * from '../commands/AbortMultipartUpload.js'
export * from '../commands/CompleteMultipartUpload.js'
export * from '../commands/CopyObject.js'
export * from '../commands/CreateBucket.js'
export * from '../commands/CreateMultipartUpload.js'
export * from '../commands/DeleteBucket.js'
export * from '../commands/DeleteObject.js'
export * from '../commands/DeleteObjects.js'
export * from '../commands/GetObject.js'
export * from '../commands/HeadBucket.js'
export * from '../commands/HeadObject.js'
export * from '../commands/ListBuckets.js'
export * from '../commands/ListMultipartUploads.js'
export * from '../commands/ListObjectVersions.js'
export * from '../commands/ListObjects.js'
export * from '../commands/ListObjectsV2.js'
export * from '../commands/ListParts.js'
export * from '../commands/PutObject.js'
export * from '../commands/UploadPart.js'
export * from '../commands/UploadPartCopy.js'
export * from '../commands/DeleteBucketCors.js'
export * from '../commands/DeleteBucketLifecycle.js'
export * from '../commands/GetBucketAcl.js'
export * from '../commands/GetBucketCors.js'
export * from '../commands/GetBucketLifecycleConfiguration.js'
export * from '../commands/GetObjectAcl.js'
export * from '../commands/PutBucketAcl.js'
export * from '../commands/PutBucketCors.js'
export * from '../commands/PutBucketLifecycleConfiguration.js'
export * from '../commands/PutObjectAcl.js'
export * from '../commands/RestoreObject.js'
