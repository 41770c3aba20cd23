import { buildDocument } from '../codecs/xml.js'
import { BUCKET_CANNED_ACLS, type BucketCannedACL } from '../src/core/canned-acl.js'
import { compact, definedHeaders, type Command } from '../src/core/command.js'
import { checkOneOf, checkNewBucket } from '../src/core/validate.js'

export interface CreateBucketInput {
  readonly Bucket: string
  readonly ACL?: BucketCannedACL
  /** Where the bucket lives; see `Location`. Leave it out (or '') for us-east-1. */
  readonly CreateBucketConfiguration?: { readonly LocationConstraint?: string }
  readonly ObjectOwnership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter'
  readonly ObjectLockEnabledForBucket?: boolean
}

export interface CreateBucketOutput {
  /** The bucket's path or URL, as S3 reports it. */
  readonly Location?: string
}

/**
 * Creates a bucket (boto's `create_bucket`). us-east-1 takes no location document, so none is sent
 * for it; every other location is sent as `<CreateBucketConfiguration>`.
 *
 * @example
 * await send(client, CreateBucket({ Bucket: 'my-bucket', CreateBucketConfiguration: { LocationConstraint: Location.EU } }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function CreateBucket(input: CreateBucketInput): Command<CreateBucketOutput> {
  const bucket = checkNewBucket(input.Bucket)
  const location = input.CreateBucketConfiguration?.LocationConstraint
  return {
    operation: 'CreateBucket',
    method: 'PUT',
    bucket,
    headers: definedHeaders({
      'x-amz-acl': input.ACL === undefined ? undefined : checkOneOf(input.ACL, 'ACL', BUCKET_CANNED_ACLS),
      'x-amz-object-ownership': input.ObjectOwnership,
      'x-amz-bucket-object-lock-enabled': input.ObjectLockEnabledForBucket === undefined ? undefined : String(input.ObjectLockEnabledForBucket),
      'content-type': location ? 'application/xml' : undefined,
    }),
    body: location && location !== 'us-east-1' ? buildDocument('CreateBucketConfiguration', { LocationConstraint: location }) : undefined,
    parse: (response) => compact<CreateBucketOutput>({ Location: response.headers.get('location') ?? undefined }),
  }
}
