/**
 * Bucket locations: S3's `LocationConstraint` values, each under its own name with `-` written
 * `_` (the key style of every constant table in s3kit: `StorageClass.GLACIER`,
 * `ObjectCannedACL.public_read`). `us_east_1` makes CreateBucket send no configuration at all,
 * which is what S3 requires for us-east-1; `EU` is the legacy name of eu-west-1.
 *
 * @example
 * await send(
 *   client,
 *   CreateBucket({ Bucket: 'my-bucket', CreateBucketConfiguration: { LocationConstraint: Location.eu_west_1 } }),
 * )
 */
export const Location = {
  us_east_1: 'us-east-1',
  us_east_2: 'us-east-2',
  us_west_1: 'us-west-1',
  us_west_2: 'us-west-2',
  ca_central_1: 'ca-central-1',
  sa_east_1: 'sa-east-1',
  EU: 'EU',
  eu_west_1: 'eu-west-1',
  eu_west_2: 'eu-west-2',
  eu_central_1: 'eu-central-1',
  ap_northeast_1: 'ap-northeast-1',
  ap_southeast_1: 'ap-southeast-1',
  ap_southeast_2: 'ap-southeast-2',
  ap_south_1: 'ap-south-1',
  cn_north_1: 'cn-north-1',
} as const

export type Location = (typeof Location)[keyof typeof Location]

/**
 * The region a `LocationConstraint` stands for: none or '' is us-east-1 and the legacy `EU` is
 * eu-west-1 (S3 API reference, GetBucketLocation).
 *
 * @example
 * const { LocationConstraint } = await send(client, GetBucketLocation({ Bucket: 'my-bucket' }))
 * const region = regionOfLocation(LocationConstraint) // 'us-east-1' when S3 sent none
 */
export function regionOfLocation(locationConstraint: string | null | undefined): string {
  if (!locationConstraint) return 'us-east-1'
  return locationConstraint === 'EU' ? 'eu-west-1' : locationConstraint
}
