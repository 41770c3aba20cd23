import { readLifecycle, type LifecycleRule } from '../codecs/lifecycle.js'
import { compact, type Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

export interface GetBucketLifecycleConfigurationInput {
  readonly Bucket: string
}

export interface GetBucketLifecycleConfigurationOutput {
  readonly Rules: LifecycleRule[]
  readonly TransitionDefaultMinimumObjectSize?: string
}

/**
 * Reads a bucket's lifecycle rules (boto's `bucket.get_lifecycle_config`), in the same shape
 * PutBucketLifecycleConfiguration takes, so a configuration can be read, changed and written back.
 * A bucket without rules is an `S3Error` with code `NoSuchLifecycleConfiguration`.
 *
 * @example
 * const { Rules } = await send(client, GetBucketLifecycleConfiguration({ Bucket: 'my-bucket' }))
 * console.log(Rules[0]?.Transitions, Rules[0]?.Expiration)
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketLifecycleConfiguration(input: GetBucketLifecycleConfigurationInput): Command<GetBucketLifecycleConfigurationOutput> {
  const bucket = checkBucket(input.Bucket)
  return {
    operation: 'GetBucketLifecycleConfiguration',
    method: 'GET',
    bucket,
    query: { lifecycle: '' },
    parse: async (response) =>
      compact<GetBucketLifecycleConfigurationOutput>({
        TransitionDefaultMinimumObjectSize: response.headers.get('x-amz-transition-default-minimum-object-size') ?? undefined,
        Rules: await readLifecycle(response, { operation: 'GetBucketLifecycleConfiguration', bucket }),
      }),
  }
}
