import { lifecycleRequest, type LifecycleConfiguration, type TransitionDefaultMinimumObjectSize } from '../codecs/lifecycle.js'
import { compact, type Command } from '../src/core/command.js'
import { checkBucket, checkOneOf } from '../src/core/validate.js'

export interface PutBucketLifecycleConfigurationInput {
  readonly Bucket: string
  /** Replaces the bucket's whole lifecycle configuration. */
  readonly LifecycleConfiguration: LifecycleConfiguration
  readonly TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize
}

export interface PutBucketLifecycleConfigurationOutput {
  readonly TransitionDefaultMinimumObjectSize?: string
}

/**
 * Sets a bucket's lifecycle rules (boto's `bucket.configure_lifecycle`): move objects to cheaper
 * storage classes and expire them, by prefix, tag or size. The rules are checked before sending
 * (exactly one filter kind, Days or Date, ExpiredObjectDeleteMarker alone, ≤ 1,000 rules, …).
 *
 * @example
 * await send(client, PutBucketLifecycleConfiguration({
 *   Bucket: 'my-bucket',
 *   LifecycleConfiguration: { Rules: [{
 *     ID: 'ruleid', Status: 'Enabled', Filter: { Prefix: 'logs/' },
 *     Transitions: [{ Days: 30, StorageClass: StorageClass.STANDARD_IA }, { Days: 90, StorageClass: StorageClass.GLACIER }],
 *     Expiration: { Days: 120 },
 *   }] },
 * }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutBucketLifecycleConfiguration(input: PutBucketLifecycleConfigurationInput): Command<PutBucketLifecycleConfigurationOutput> {
  const bucket = checkBucket(input.Bucket)
  const { headers, body } = lifecycleRequest(input.LifecycleConfiguration)
  const minimum = input.TransitionDefaultMinimumObjectSize
  return {
    operation: 'PutBucketLifecycleConfiguration',
    method: 'PUT',
    bucket,
    query: { lifecycle: '' },
    headers:
      minimum === undefined
        ? headers
        : {
            ...headers,
            'x-amz-transition-default-minimum-object-size': checkOneOf(minimum, 'TransitionDefaultMinimumObjectSize', ['varies_by_storage_class', 'all_storage_classes_128K']),
          },
    body,
    parse: ({ headers }) =>
      compact<PutBucketLifecycleConfigurationOutput>({
        TransitionDefaultMinimumObjectSize: headers.get('x-amz-transition-default-minimum-object-size') ?? undefined,
      }),
  }
}
