/**
 * S3's canned ACLs (`x-amz-acl`), as the AWS ACL overview defines them:
 * - `private`: the owner gets FULL_CONTROL, no one else has access (the default);
 * - `public-read`: owner FULL_CONTROL, the AllUsers group READ;
 * - `public-read-write`: owner FULL_CONTROL, AllUsers READ and WRITE;
 * - `aws-exec-read`: owner FULL_CONTROL, Amazon EC2 READ (to fetch AMI bundles);
 * - `authenticated-read`: owner FULL_CONTROL, the AuthenticatedUsers group READ;
 * - `bucket-owner-read` (objects): object owner FULL_CONTROL, bucket owner READ;
 * - `bucket-owner-full-control` (objects): object owner and bucket owner FULL_CONTROL;
 * - `log-delivery-write` (buckets): the LogDelivery group WRITE and READ_ACP.
 */

/**
 * Canned ACLs for objects (`x-amz-acl` on PutObject, CopyObject, PutObjectAcl, …), each under its
 * own value with `-` written `_`, the key style of every constant table in s3kit.
 */
export const ObjectCannedACL = {
  private: 'private',
  public_read: 'public-read',
  public_read_write: 'public-read-write',
  authenticated_read: 'authenticated-read',
  aws_exec_read: 'aws-exec-read',
  bucket_owner_read: 'bucket-owner-read',
  bucket_owner_full_control: 'bucket-owner-full-control',
} as const
export type ObjectCannedACL = (typeof ObjectCannedACL)[keyof typeof ObjectCannedACL]

/** Canned ACLs for buckets (`x-amz-acl` on CreateBucket and PutBucketAcl), keyed as ObjectCannedACL. */
export const BucketCannedACL = {
  private: 'private',
  public_read: 'public-read',
  public_read_write: 'public-read-write',
  authenticated_read: 'authenticated-read',
  aws_exec_read: 'aws-exec-read',
  log_delivery_write: 'log-delivery-write',
} as const
export type BucketCannedACL = (typeof BucketCannedACL)[keyof typeof BucketCannedACL]

// Spelled out rather than Object.values(…): PutObject validates against the list, and this way
// its bundle does not also carry the constant objects above (≈50 bytes gzipped on the Put+Get entry).
export const OBJECT_CANNED_ACLS: readonly ObjectCannedACL[] = [
  'private',
  'public-read',
  'public-read-write',
  'authenticated-read',
  'aws-exec-read',
  'bucket-owner-read',
  'bucket-owner-full-control',
]
export const BUCKET_CANNED_ACLS: readonly BucketCannedACL[] = [
  'private',
  'public-read',
  'public-read-write',
  'authenticated-read',
  'aws-exec-read',
  'log-delivery-write',
]
