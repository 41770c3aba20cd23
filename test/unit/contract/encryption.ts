import { DeleteBucketEncryption } from '../../../commands/DeleteBucketEncryption.js'
import { GetBucketEncryption } from '../../../commands/GetBucketEncryption.js'
import { PutBucketEncryption } from '../../../commands/PutBucketEncryption.js'
import type { ContractRow } from './types.js'

const rule = (rule: object) => ({ Bucket: 'bucket', ServerSideEncryptionConfiguration: { Rules: [rule] } })

export const rows: Record<string, ContractRow> = {
  GetBucketEncryption: {
    command: GetBucketEncryption,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'bucket?' }, 'Bucket']],
    sample: {
      // As the page prints it (the version with BlockedEncryptionTypes, dated 19 Nov 2025). The
      // sample names the key <KMSKeyID>, where the Response Syntax and the ServerSideEncryptionByDefault
      // data type name it <KMSMasterKeyID>, the element the codec reads: the sample's key is not
      // read, and BlockedEncryptionTypes is not read either (the codec does not know it yet).
      source: 'S3 API reference, GetBucketEncryption, Examples, Sample Response for a general purpose bucket',
      response: () =>
        new Response(
          '<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n  ' +
            '<Rule>\n    <ApplyServerSideEncryptionByDefault>\n      ' +
            '<SSEAlgorithm>aws:kms</SSEAlgorithm>\n      ' +
            '<KMSKeyID>arn:aws:kms:us-east-1:1234/5678example</KMSKeyID>\n    ' +
            '</ApplyServerSideEncryptionByDefault>\n    <BlockedEncryptionTypes>\n      ' +
            '<EncryptionType>SSE-C</EncryptionType>\n    </BlockedEncryptionTypes>\n  ' +
            '</Rule>\n</ServerSideEncryptionConfiguration>',
          {
            status: 200,
            headers: {
              'x-amz-id-2': 'kDmqsuw5FDmgLmxQaUkd9A4NJ/PIiE0c1rAU/ue2Yp60toXs4I5k5fqlwZsA6fV+wJQCzRRwygQ=',
              'x-amz-request-id': '5D8706FCB2673B7D',
              date: 'Wed, 19 Nov 2025 12:00:00 GMT',
              'transfer-encoding': 'chunked',
              server: 'AmazonS3',
            },
          },
        ),
      expected: {
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
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
      // The page's examples are request bodies only.
      source:
        'S3 API reference, PutBucketEncryption, Response Syntax (HTTP/1.1 200; Response Elements: an empty HTTP body)',
      response: () => new Response(null, { status: 200 }),
      expected: {},
    },
  },
  DeleteBucketEncryption: {
    command: DeleteBucketEncryption,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'bu' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeleteBucketEncryption, Examples, Sample Response for a general purpose bucket',
      response: () =>
        new Response(null, {
          status: 204,
          headers: {
            'x-amz-id-2': '0FmFIWsh/PpBuzZ0JFRC55ZGVmQW4SHJ7xVDqKwhEdJmf3q63RtrvH8ZuxW1Bol5',
            'x-amz-request-id': '0CF038E9BCF63097',
            date: 'Wed, 06 Sep 2017 12:00:00 GMT',
            server: 'AmazonS3',
          },
        }),
      expected: {},
    },
  },
}
