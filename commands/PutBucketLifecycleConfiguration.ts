import { oneOf, readHeaders, writeHeaders } from '../codecs/headers.js'
import {
  type LifecycleConfiguration,
  lifecycleRequest,
  type TransitionDefaultMinimumObjectSize,
} from '../codecs/lifecycle.js'
import type { Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/**
 * The input of `PutBucketLifecycleConfiguration`: the bucket, its lifecycle rules (which replace
 * all the old ones), and how objects smaller than 128 KiB transition.
 */
export interface PutBucketLifecycleConfigurationInput {
  readonly Bucket: string
  /** Replaces the bucket's whole lifecycle configuration. */
  readonly LifecycleConfiguration: LifecycleConfiguration
  readonly TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize
}

/**
 * What `PutBucketLifecycleConfiguration` returns: the transition rule for small objects the bucket
 * now applies, when S3 says (`x-amz-transition-default-minimum-object-size`).
 */
export interface PutBucketLifecycleConfigurationOutput {
  readonly TransitionDefaultMinimumObjectSize?: string
}

const MINIMUM_SIZE = 'x-amz-transition-default-minimum-object-size'

/**
 * Sets a bucket's lifecycle rules: move objects to cheaper storage classes and expire them, by
 * prefix, tag or size. The rules are checked before sending (exactly one filter kind, Days or
 * Date, ExpiredObjectDeleteMarker alone, ≤ 1,000 rules, …).
 *
 * @example
 * await send(
 *   client,
 *   PutBucketLifecycleConfiguration({
 *     Bucket: 'my-bucket',
 *     LifecycleConfiguration: {
 *       Rules: [
 *         {
 *           ID: 'ruleid',
 *           Status: 'Enabled',
 *           Filter: { Prefix: 'logs/' },
 *           Transitions: [
 *             { Days: 30, StorageClass: StorageClass.STANDARD_IA },
 *             { Days: 90, StorageClass: StorageClass.GLACIER },
 *           ],
 *           Expiration: { Days: 120 },
 *         },
 *       ],
 *     },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutBucketLifecycleConfiguration(
  input: PutBucketLifecycleConfigurationInput,
): Command<PutBucketLifecycleConfigurationOutput> {
  const bucket = checkBucket(input.Bucket)
  const { headers, body } = lifecycleRequest(input.LifecycleConfiguration)
  return {
    operation: 'PutBucketLifecycleConfiguration',
    method: 'PUT',
    bucket,
    query: { lifecycle: '' },
    headers: {
      ...headers,
      ...writeHeaders(input, {
        TransitionDefaultMinimumObjectSize: [
          MINIMUM_SIZE,
          oneOf(['varies_by_storage_class', 'all_storage_classes_128K']),
        ],
      }),
    },
    body,
    parse: (response, context) =>
      readHeaders<PutBucketLifecycleConfigurationOutput>(response, context, {
        TransitionDefaultMinimumObjectSize: MINIMUM_SIZE,
      }),
  }
}
