import { locationDocument } from '../codecs/location.js'
import { readSubresource } from '../codecs/subresource.js'
import { type Command, compact } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetBucketLocation`: the bucket whose location to read. */
export interface GetBucketLocationInput {
  readonly Bucket: string
}

/**
 * What `GetBucketLocation` returns: the bucket's location constraint as S3 states it;
 * `regionOfLocation` turns it into a region name.
 */
export interface GetBucketLocationOutput {
  /**
   * The bucket's location constraint, e.g. `eu-west-1` or the legacy `EU`; left out for us-east-1, where S3 sends none.
   */
  readonly LocationConstraint?: string
}

/**
 * Reads the region a bucket was created in (see `regionOfLocation` for `EU` and the empty
 * us-east-1 answer). AWS recommends HeadBucket's `x-amz-bucket-region` instead, which works even
 * without permission on the bucket.
 *
 * @example
 * const { LocationConstraint } = await send(client, GetBucketLocation({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketLocation(input: GetBucketLocationInput): Command<GetBucketLocationOutput> {
  return {
    operation: 'GetBucketLocation',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { location: '' },
    parse: async (response, context) => {
      const location = (await readSubresource(response, locationDocument, context)).LocationConstraint.trim()
      return compact<GetBucketLocationOutput>({ LocationConstraint: location || undefined })
    },
  }
}
