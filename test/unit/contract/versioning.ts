import { GetBucketVersioning } from '../../../commands/GetBucketVersioning.js'
import { PutBucketVersioning } from '../../../commands/PutBucketVersioning.js'
import type { ContractRow } from './types.js'

export const rows: Record<string, ContractRow> = {
  GetBucketVersioning: {
    command: GetBucketVersioning,
    valid: { Bucket: 'myBucket' },
    invalid: [[{ Bucket: 'a' }, 'Bucket']],
    sample: {
      // The page prints only the body of this example; the status is the Response Syntax's 200.
      source: 'S3 API reference, GetBucketVersioning, Examples, Example 2 (versioning enabled)',
      response: () =>
        new Response(
          '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n  ' +
            '<Status>Enabled</Status>\n</VersioningConfiguration>',
          { status: 200 },
        ),
      expected: { Status: 'Enabled' },
    },
  },
  PutBucketVersioning: {
    command: PutBucketVersioning,
    valid: { Bucket: 'bucket', VersioningConfiguration: { Status: 'Enabled' } },
    invalid: [
      [{ Bucket: 'a', VersioningConfiguration: { Status: 'Enabled' } }, 'Bucket'],
      [{ Bucket: 'bucket', VersioningConfiguration: { Status: 'Disabled' } }, 'VersioningConfiguration.Status'],
      [
        { Bucket: 'bucket', VersioningConfiguration: { Status: 'Enabled', MFADelete: 'On' }, MFA: '20899872 301749' },
        'VersioningConfiguration.MFADelete',
      ],
      [{ Bucket: 'bucket', VersioningConfiguration: { Status: 'Enabled', MFADelete: 'Enabled' } }, 'MFA'],
      [{ Bucket: 'bucket', VersioningConfiguration: { Status: 'Enabled' }, MFA: '20899872\n301749' }, 'MFA'],
      [{ Bucket: 'bucket' }, 'VersioningConfiguration'],
    ],
    sample: {
      // The first Sample Response (the one to the request that enables versioning); its Date is
      // printed as the page has it, "GMT3" included.
      source: 'S3 API reference, PutBucketVersioning, Examples, Sample Response (enables versioning)',
      response: () =>
        new Response(null, {
          status: 200,
          headers: {
            'x-amz-id-2': 'YgIPIfBiKa2bj0KMg95r/0zo3emzU4dzsD4rcKCHQUAdQkf3ShJTOOpXUueF6QKo',
            'x-amz-request-id': '236A8905248E5A01',
            date: 'Wed, 01 Mar  2006 12:00:00 GMT3',
          },
        }),
      expected: {},
    },
  },
}
