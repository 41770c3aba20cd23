import { GetBucketAcl } from '../../../commands/GetBucketAcl.js'
import { GetObjectAcl } from '../../../commands/GetObjectAcl.js'
import { PutBucketAcl } from '../../../commands/PutBucketAcl.js'
import { PutObjectAcl } from '../../../commands/PutObjectAcl.js'
import { xml } from '../../support/fake-client.js'
import { fixture } from '../../support/fixtures.js'
import type { ContractRow } from './types.js'

// What test/fixtures/acl/aws-sample-acl.xml reads as.
const user = (ID: string, Permission: string) => ({
  Grantee: { Type: 'CanonicalUser', ID, DisplayName: 'display-name' },
  Permission,
})
const group = (URI: string, Permission: string) => ({ Grantee: { Type: 'Group', URI }, Permission })
const sampleAcl = {
  Owner: { ID: 'Owner-canonical-user-ID', DisplayName: 'display-name' },
  Grants: [
    user('Owner-canonical-user-ID', 'FULL_CONTROL'),
    user('user1-canonical-user-ID', 'WRITE'),
    user('user2-canonical-user-ID', 'READ'),
    group('http://acs.amazonaws.com/groups/global/AllUsers', 'READ'),
    group('http://acs.amazonaws.com/groups/s3/LogDelivery', 'WRITE'),
  ],
}

// The Put*Acl sample responses of the S3 API reference: 200 with no body (headers trimmed).
const written = () => new Response(null, { status: 200, headers: { 'x-amz-request-id': 'C651BC9B4E1BD401' } })

const policy = {
  Owner: { ID: '852b113e7a2f25102679df27bb0ae12b3f85be6f290b936c4393484be31bebcc' },
  Grants: [
    {
      Grantee: { Type: 'CanonicalUser', ID: '852b113e7a2f25102679df27bb0ae12b3f85be6f290b936c4393484be31bebcc' },
      Permission: 'FULL_CONTROL',
    },
  ],
}

export const rows: Record<string, ContractRow> = {
  GetBucketAcl: {
    command: GetBucketAcl,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'a' }, 'Bucket']],
    sample: {
      source: 'S3 User Guide, ACL overview, "Sample ACL" (test/fixtures/acl/aws-sample-acl.xml)',
      response: () => xml(fixture('acl/aws-sample-acl.xml')),
      expected: sampleAcl,
    },
  },
  GetObjectAcl: {
    command: GetObjectAcl,
    valid: { Bucket: 'bucket', Key: 'my-image.jpg', VersionId: '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd' },
    invalid: [
      [{ Bucket: 'bucket', Key: '' }, 'Key'],
      [{ Bucket: 'bucket\n', Key: 'k' }, 'Bucket'],
    ],
    sample: {
      source: 'S3 User Guide, ACL overview, "Sample ACL" (test/fixtures/acl/aws-sample-acl.xml)',
      response: () => xml(fixture('acl/aws-sample-acl.xml')),
      expected: sampleAcl,
    },
  },
  PutBucketAcl: {
    command: PutBucketAcl,
    valid: { Bucket: 'bucket', AccessControlPolicy: policy },
    invalid: [
      [{ Bucket: 'bucket' }, 'ACL'],
      [{ Bucket: 'bucket', ACL: 'bucket-owner-read' }, 'ACL'],
      [{ Bucket: 'bucket', GrantRead: 'id="x"\n' }, 'GrantRead'],
      [
        {
          Bucket: 'bucket',
          AccessControlPolicy: { ...policy, Grants: [{ Grantee: { Type: 'Group', URI: '' }, Permission: 'READ' }] },
        },
        'AccessControlPolicy.Grants[0].Grantee.URI',
      ],
    ],
    sample: { source: 'S3 API reference, PutBucketAcl, Sample Response', response: written, expected: {} },
  },
  PutObjectAcl: {
    command: PutObjectAcl,
    valid: {
      Bucket: 'bucket',
      Key: 'my-image.jpg',
      VersionId: '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd',
      ACL: 'bucket-owner-full-control',
    },
    invalid: [
      [{ Bucket: 'bucket', Key: 'k', ACL: 'log-delivery-write' }, 'ACL'],
      [{ Bucket: 'bucket', Key: 'k', ACL: 'private', GrantRead: 'id="x"' }, 'ACL'],
      [{ Bucket: 'bucket', Key: 'k', AccessControlPolicy: { Grants: [] } }, 'AccessControlPolicy.Owner'],
      [{ Bucket: 'bucket', Key: 'k', GrantFullControl: 'id="x"', GrantRead: ' id="y"' }, 'GrantRead'],
    ],
    sample: { source: 'S3 API reference, PutObjectAcl, Sample Response', response: written, expected: {} },
  },
}
