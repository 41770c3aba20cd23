import { readSubresource } from '../codecs/subresource.js'
import { type BucketVersioningStatus, type MFADeleteStatus, versioningDocument } from '../codecs/versioning.js'
import { type Command, compact } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetBucketVersioning`: the bucket whose versioning state to read. */
export interface GetBucketVersioningInput {
  readonly Bucket: string
}

/**
 * What `GetBucketVersioning` returns: the versioning state and the MFA delete setting, each left
 * out when it was never set.
 */
export interface GetBucketVersioningOutput {
  /** Left out for a bucket whose versioning was never turned on. */
  readonly Status?: BucketVersioningStatus
  /** Left out unless MFA delete was ever configured. */
  readonly MFADelete?: MFADeleteStatus
}

/**
 * Reads a bucket's versioning state: `Enabled`, `Suspended`, or no `Status` at all for a bucket
 * that never had versioning turned on (every object then has the version ID `null`).
 *
 * @example
 * const { Status } = await send(client, GetBucketVersioning({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketVersioning(input: GetBucketVersioningInput): Command<GetBucketVersioningOutput> {
  return {
    operation: 'GetBucketVersioning',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { versioning: '' },
    parse: async (response, context) => {
      const { VersioningConfiguration: found } = await readSubresource(response, versioningDocument, context)
      return typeof found === 'object'
        ? compact<GetBucketVersioningOutput>({ Status: found.Status, MFADelete: found.MfaDelete })
        : {}
    },
  }
}
