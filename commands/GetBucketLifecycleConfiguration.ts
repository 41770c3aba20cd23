import { readHeaders } from '../codecs/headers.js'
import { type LifecycleRule, readLifecycle } from '../codecs/lifecycle.js'
import type { Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetBucketLifecycleConfiguration`: the bucket whose lifecycle rules to read. */
export interface GetBucketLifecycleConfigurationInput {
  readonly Bucket: string
}

/**
 * What `GetBucketLifecycleConfiguration` returns: the bucket's rules, in the shape
 * `PutBucketLifecycleConfiguration` takes (each filter read as one condition or an `And` of
 * several, whatever way the server wrote it), and how objects smaller than 128 KiB transition.
 */
export interface GetBucketLifecycleConfigurationOutput {
  readonly Rules: LifecycleRule[]
  readonly TransitionDefaultMinimumObjectSize?: string
}

/**
 * Reads a bucket's lifecycle rules, in the same shape PutBucketLifecycleConfiguration takes, so a
 * configuration can be read, changed and written back. A bucket without rules is an `S3Error`
 * with code `NoSuchLifecycleConfiguration`.
 *
 * @example
 * const { Rules } = await send(client, GetBucketLifecycleConfiguration({ Bucket: 'my-bucket' }))
 * console.log(Rules[0]?.Transitions, Rules[0]?.Expiration)
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketLifecycleConfiguration(
  input: GetBucketLifecycleConfigurationInput,
): Command<GetBucketLifecycleConfigurationOutput> {
  return {
    operation: 'GetBucketLifecycleConfiguration',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { lifecycle: '' },
    parse: async (response, context) => ({
      ...readHeaders<GetBucketLifecycleConfigurationOutput>(response, context, {
        TransitionDefaultMinimumObjectSize: 'x-amz-transition-default-minimum-object-size',
      }),
      Rules: await readLifecycle(response, context),
    }),
  }
}
