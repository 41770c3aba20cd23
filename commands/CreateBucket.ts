import { flag, oneOf, readHeaders, writeHeaders } from '../codecs/headers.js'
import { buildDocument } from '../codecs/xml.js'
import { BUCKET_CANNED_ACLS, type BucketCannedACL } from '../src/core/canned-acl.js'
import type { Command } from '../src/core/command.js'
import { checkNewBucket, checkObject, checkText } from '../src/core/validate.js'

/**
 * The input of `CreateBucket`: the new bucket's name and location
 * (`CreateBucketConfiguration.LocationConstraint`, none for us-east-1), and optionally a canned
 * ACL, its Object Ownership and whether Object Lock is enabled (which also turns versioning on).
 */
export interface CreateBucketInput {
  readonly Bucket: string
  readonly ACL?: BucketCannedACL
  /** Where the bucket lives; see `Location`. Leave it out (or '') for us-east-1. */
  readonly CreateBucketConfiguration?: { readonly LocationConstraint?: string }
  readonly ObjectOwnership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter'
  readonly ObjectLockEnabledForBucket?: boolean
}

/**
 * What `CreateBucket` returns: the new bucket's location, as S3 reports it in the `Location`
 * header.
 */
export interface CreateBucketOutput {
  /** The bucket's path or URL, as S3 reports it. */
  readonly Location?: string
}

/**
 * Creates a bucket. us-east-1 takes no location document, so none is sent for it; every other
 * location is sent as `<CreateBucketConfiguration>`.
 *
 * @example
 * await send(
 *   client,
 *   CreateBucket({ Bucket: 'my-bucket', CreateBucketConfiguration: { LocationConstraint: Location.eu_west_1 } }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function CreateBucket(input: CreateBucketInput): Command<CreateBucketOutput> {
  const bucket = checkNewBucket(input.Bucket)
  const config =
    input.CreateBucketConfiguration === undefined
      ? {}
      : checkObject<NonNullable<CreateBucketInput['CreateBucketConfiguration']>>(
          input.CreateBucketConfiguration,
          'CreateBucketConfiguration',
        )
  const location =
    config.LocationConstraint === undefined
      ? undefined
      : checkText(config.LocationConstraint, 'CreateBucketConfiguration.LocationConstraint', { empty: true })
  const body =
    location && location !== 'us-east-1'
      ? buildDocument('CreateBucketConfiguration', { LocationConstraint: location })
      : undefined
  return {
    operation: 'CreateBucket',
    method: 'PUT',
    bucket,
    headers: {
      ...writeHeaders(input, {
        ACL: ['x-amz-acl', oneOf(BUCKET_CANNED_ACLS)],
        ObjectOwnership: [
          'x-amz-object-ownership',
          oneOf(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']),
        ],
        ObjectLockEnabledForBucket: ['x-amz-bucket-object-lock-enabled', flag],
      }),
      ...(body && { 'content-type': 'application/xml' }),
    },
    body,
    parse: (response, context) => readHeaders<CreateBucketOutput>(response, context, { Location: 'location' }),
  }
}
