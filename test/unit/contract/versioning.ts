import { GetBucketVersioning } from '../../../commands/GetBucketVersioning.js'
import { PutBucketVersioning } from '../../../commands/PutBucketVersioning.js'
import { xml } from '../../support/fake-client.js'
import type { ContractRow } from './types.js'

export const rows: Record<string, ContractRow> = {
  GetBucketVersioning: {
    command: GetBucketVersioning,
    valid: { Bucket: 'myBucket' },
    invalid: [[{ Bucket: 'a' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, GetBucketVersioning, Sample Response',
      response: () =>
        xml(
          '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n  <Status>Enabled</Status>\n</VersioningConfiguration>',
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
      source: 'S3 API reference, PutBucketVersioning, Response Syntax (HTTP/1.1 200, no body)',
      response: () => new Response(null, { status: 200 }),
      expected: {},
    },
  },
}
