/**
 * Bucket locations by the names boto's `Location` gave them, mapped to S3's `LocationConstraint`
 * values. `DEFAULT` (US Standard, us-east-1) is the empty string: CreateBucket then sends no
 * configuration at all, which is what S3 requires for us-east-1.
 *
 * @example
 * await send(client, CreateBucket({ Bucket: 'my-bucket', CreateBucketConfiguration: { LocationConstraint: Location.EU } }))
 */
export const Location = {
  DEFAULT: '',
  EU: 'EU',
  EUWest1: 'eu-west-1',
  EUWest2: 'eu-west-2',
  EUCentral1: 'eu-central-1',
  USEast2: 'us-east-2',
  USWest: 'us-west-1',
  USWest2: 'us-west-2',
  SAEast: 'sa-east-1',
  APNortheast: 'ap-northeast-1',
  APSoutheast: 'ap-southeast-1',
  APSoutheast2: 'ap-southeast-2',
  APSouth1: 'ap-south-1',
  CACentral1: 'ca-central-1',
  CNNorth1: 'cn-north-1',
} as const

export type Location = (typeof Location)[keyof typeof Location]

/**
 * The region a `LocationConstraint` stands for: none or '' is us-east-1 and the legacy `EU` is
 * eu-west-1 (S3 API reference, GetBucketLocation).
 */
export function regionOfLocation(locationConstraint: string | null | undefined): string {
  if (!locationConstraint) return 'us-east-1'
  return locationConstraint === 'EU' ? 'eu-west-1' : locationConstraint
}
