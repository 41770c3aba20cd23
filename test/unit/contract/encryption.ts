import { DeleteBucketEncryption } from '../../../commands/DeleteBucketEncryption.js'
import { GetBucketEncryption } from '../../../commands/GetBucketEncryption.js'
import { PutBucketEncryption } from '../../../commands/PutBucketEncryption.js'
import { xml } from '../../support/fake-client.js'
import type { ContractRow } from './types.js'

const rule = (rule: object) => ({ Bucket: 'bucket', ServerSideEncryptionConfiguration: { Rules: [rule] } })

export const rows: Record<string, ContractRow> = {
  GetBucketEncryption: {
    command: GetBucketEncryption,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'bucket?' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, GetBucketEncryption, Sample Response',
      response: () =>
        xml(
          '<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n  <Rule>\n    <ApplyServerSideEncryptionByDefault>\n      <SSEAlgorithm>aws:kms</SSEAlgorithm>\n      <KMSMasterKeyID>arn:aws:kms:us-east-1:1234/5678example</KMSMasterKeyID>\n    </ApplyServerSideEncryptionByDefault>\n  </Rule>\n</ServerSideEncryptionConfiguration>',
        ),
      expected: {
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: 'arn:aws:kms:us-east-1:1234/5678example',
              },
            },
          ],
        },
      },
    },
  },
  PutBucketEncryption: {
    command: PutBucketEncryption,
    valid: rule({
      ApplyServerSideEncryptionByDefault: {
        SSEAlgorithm: 'aws:kms',
        KMSMasterKeyID: 'arn:aws:kms:us-east-1:1234/5678example',
      },
      BucketKeyEnabled: true,
    }),
    invalid: [
      [
        rule({ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES128' } }),
        'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm',
      ],
      [
        rule({ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: 'key' } }),
        'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.KMSMasterKeyID',
      ],
      [rule({ BucketKeyEnabled: 'true' }), 'ServerSideEncryptionConfiguration.Rules[0].BucketKeyEnabled'],
      [rule({}), 'ServerSideEncryptionConfiguration.Rules[0]'],
      [
        { Bucket: 'bucket', ServerSideEncryptionConfiguration: { Rules: [] } },
        'ServerSideEncryptionConfiguration.Rules',
      ],
    ],
    sample: {
      source: 'S3 API reference, PutBucketEncryption, Response Syntax (HTTP/1.1 200, no body)',
      response: () => new Response(null, { status: 200 }),
      expected: {},
    },
  },
  DeleteBucketEncryption: {
    command: DeleteBucketEncryption,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'bu' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeleteBucketEncryption, Sample Response (204 No Content)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
}
