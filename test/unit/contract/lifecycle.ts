import { DeleteBucketLifecycle } from '../../../commands/DeleteBucketLifecycle.js'
import { GetBucketLifecycleConfiguration } from '../../../commands/GetBucketLifecycleConfiguration.js'
import { PutBucketLifecycleConfiguration } from '../../../commands/PutBucketLifecycleConfiguration.js'
import { RestoreObject } from '../../../commands/RestoreObject.js'
import { xml } from '../../support/fake-client.js'
import { fixture } from '../../support/fixtures.js'
import type { ContractRow } from './types.js'

// The rule of the GetBucketLifecycleConfiguration sample (rule-level Prefix); PUT with a Filter.
const actions = {
  ID: 'Archive and then delete rule',
  Status: 'Enabled',
  Transitions: [
    { Days: 30, StorageClass: 'STANDARD_IA' },
    { Days: 365, StorageClass: 'GLACIER' },
  ],
  Expiration: { Days: 3650 },
}
const rule = { ...actions, Filter: { Prefix: 'projectdocs/' } }
const put = (changed: object, extra: object = {}) => ({
  Bucket: 'bucket',
  LifecycleConfiguration: { Rules: [{ ...rule, ...changed }] },
  ...extra,
})
const restore = (RestoreRequest: unknown) => ({ Bucket: 'bucket', Key: 'logs/testlog1.log', RestoreRequest })

export const rows: Record<string, ContractRow> = {
  GetBucketLifecycleConfiguration: {
    command: GetBucketLifecycleConfiguration,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'ab' }, 'Bucket']],
    sample: {
      source:
        'S3 API reference, GetBucketLifecycleConfiguration, ' +
        'sample response (test/fixtures/lifecycle/aws-api-get-sample.xml)',
      response: () => xml(fixture('lifecycle/aws-api-get-sample.xml')),
      expected: { Rules: [{ ...actions, Prefix: 'projectdocs/' }] },
    },
  },
  PutBucketLifecycleConfiguration: {
    command: PutBucketLifecycleConfiguration,
    valid: put({}, { TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K' }),
    invalid: [
      [{ Bucket: 'bucket', LifecycleConfiguration: { Rules: [] } }, 'LifecycleConfiguration.Rules'],
      [put({ Filter: undefined }), 'LifecycleConfiguration.Rules[0].Filter'],
      [put({ Expiration: { Days: 0 } }), 'LifecycleConfiguration.Rules[0].Expiration.Days'],
      [
        put({ Transitions: [{ Days: 30, StorageClass: 'glacier' }] }),
        'LifecycleConfiguration.Rules[0].Transitions[0].StorageClass',
      ],
      [put({}, { TransitionDefaultMinimumObjectSize: 'small' }), 'TransitionDefaultMinimumObjectSize'],
    ],
    sample: {
      source:
        'S3 API reference, PutBucketLifecycleConfiguration, Sample Response (200, ' +
        'no body) with the x-amz-transition-default-minimum-object-size response header',
      response: () =>
        new Response(null, {
          status: 200,
          headers: { 'x-amz-transition-default-minimum-object-size': 'all_storage_classes_128K' },
        }),
      expected: { TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K' },
    },
  },
  DeleteBucketLifecycle: {
    command: DeleteBucketLifecycle,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 7 }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeleteBucketLifecycle, Sample Response (204 No Content)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
  RestoreObject: {
    command: RestoreObject,
    valid: restore({ Days: 2, GlacierJobParameters: { Tier: 'Bulk' } }),
    invalid: [
      [restore({ Days: 0 }), 'RestoreRequest.Days'],
      [restore({ GlacierJobParameters: { Tier: 'Fast' } }), 'RestoreRequest.GlacierJobParameters.Tier'],
      [restore({ Tier: 'Slow' }), 'RestoreRequest.Tier'],
      [restore({ Description: 'nul\u0000' }), 'RestoreRequest.Description'],
      [restore('5 days'), 'RestoreRequest'],
    ],
    sample: {
      source: 'S3 API reference, RestoreObject, Sample Response (202 Accepted)',
      response: () => new Response(null, { status: 202 }),
      expected: { AlreadyRestored: false },
    },
  },
}
