/** Canned ACLs for objects (`x-amz-acl` on PutObject, CopyObject, PutObjectAcl, …). */
export const ObjectCannedACL = {
  private: 'private',
  publicRead: 'public-read',
  publicReadWrite: 'public-read-write',
  authenticatedRead: 'authenticated-read',
  awsExecRead: 'aws-exec-read',
  bucketOwnerRead: 'bucket-owner-read',
  bucketOwnerFullControl: 'bucket-owner-full-control',
} as const
export type ObjectCannedACL = (typeof ObjectCannedACL)[keyof typeof ObjectCannedACL]

/** Canned ACLs for buckets (`x-amz-acl` on CreateBucket and PutBucketAcl). */
export const BucketCannedACL = {
  private: 'private',
  publicRead: 'public-read',
  publicReadWrite: 'public-read-write',
  authenticatedRead: 'authenticated-read',
  logDeliveryWrite: 'log-delivery-write',
} as const
export type BucketCannedACL = (typeof BucketCannedACL)[keyof typeof BucketCannedACL]

export const OBJECT_CANNED_ACLS = /* @__PURE__ */ Object.values(ObjectCannedACL)
export const BUCKET_CANNED_ACLS = /* @__PURE__ */ Object.values(BucketCannedACL)
