import { type ObjectLockConfigurationOutput, objectLockConfigurationDocument } from '../codecs/object-lock.js'
import { readSubresource } from '../codecs/subresource.js'
import { type Command, compact } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetObjectLockConfiguration`: the bucket whose Object Lock configuration to read. */
export interface GetObjectLockConfigurationInput {
  readonly Bucket: string
}

/**
 * What `GetObjectLockConfiguration` returns: whether Object Lock is enabled on the bucket and the
 * default retention new object versions get.
 */
export interface GetObjectLockConfigurationOutput {
  readonly ObjectLockConfiguration: ObjectLockConfigurationOutput
}

/**
 * Reads a bucket's Object Lock configuration: whether it is enabled and the default retention of
 * new object versions. A bucket created without Object Lock is an `S3Error` with code
 * `ObjectLockConfigurationNotFoundError` (HTTP 404).
 *
 * @example
 * const { ObjectLockConfiguration } = await send(client, GetObjectLockConfiguration({ Bucket: 'my-bucket' }))
 * console.log(ObjectLockConfiguration.Rule?.DefaultRetention)
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetObjectLockConfiguration(
  input: GetObjectLockConfigurationInput,
): Command<GetObjectLockConfigurationOutput> {
  return {
    operation: 'GetObjectLockConfiguration',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { 'object-lock': '' },
    parse: async (response, context) => {
      const { ObjectLockConfiguration: found } = await readSubresource(
        response,
        objectLockConfigurationDocument,
        context,
      )
      if (typeof found !== 'object') return { ObjectLockConfiguration: {} }
      const retention = found.Rule?.DefaultRetention
      return {
        ObjectLockConfiguration: compact<ObjectLockConfigurationOutput>({
          ObjectLockEnabled: found.ObjectLockEnabled,
          Rule: found.Rule && compact({ DefaultRetention: retention && compact(retention) }),
        }),
      }
    },
  }
}
