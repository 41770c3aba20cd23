import { DeleteBucketPolicy } from '../../../commands/DeleteBucketPolicy.js'
import { DeletePublicAccessBlock } from '../../../commands/DeletePublicAccessBlock.js'
import { GetBucketPolicy } from '../../../commands/GetBucketPolicy.js'
import { GetBucketPolicyStatus } from '../../../commands/GetBucketPolicyStatus.js'
import { GetPublicAccessBlock } from '../../../commands/GetPublicAccessBlock.js'
import { PutBucketPolicy } from '../../../commands/PutBucketPolicy.js'
import { PutPublicAccessBlock } from '../../../commands/PutPublicAccessBlock.js'
import { xml } from '../../support/fake-client.js'
import type { ContractRow } from './types.js'

// The policy of the GetBucketPolicy Sample Response in the S3 API reference.
const documented = {
  Version: '2008-10-17',
  Id: 'aaaa-bbbb-cccc-dddd',
  Statement: [
    {
      Effect: 'Deny',
      Sid: '1',
      Principal: { AWS: ['111122223333', '444455556666'] },
      Action: ['s3:*'],
      Resource: 'arn:aws:s3:::bucket/*',
    },
  ],
}

export const rows: Record<string, ContractRow> = {
  GetBucketPolicy: {
    command: GetBucketPolicy,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'b' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, GetBucketPolicy, Sample Response',
      response: () => new Response(JSON.stringify(documented, null, 1), { status: 200 }),
      expected: { Policy: documented },
    },
  },
  PutBucketPolicy: {
    command: PutBucketPolicy,
    valid: { Bucket: 'bucket', Policy: documented, ConfirmRemoveSelfBucketAccess: false },
    invalid: [
      [{ Bucket: 'bucket', Policy: '{"Version": "2012-10-17", ' }, 'Policy'],
      [{ Bucket: 'bucket', Policy: '["not", "an", "object"]' }, 'Policy'],
      [{ Bucket: 'bucket', Policy: { Version: '2012-10-17' } }, 'Policy.Statement'],
      [{ Bucket: 'bucket', Policy: { Version: '2012-10-17', Statement: [] } }, 'Policy.Statement'],
      [{ Bucket: 'bucket', Policy: { Statement: [{ Effect: 'Allow', Sid: 'x'.repeat(21 * 1024) }] } }, 'Policy'],
      [{ Bucket: 'bucket', Policy: documented, ConfirmRemoveSelfBucketAccess: 'yes' }, 'ConfirmRemoveSelfBucketAccess'],
    ],
    sample: {
      source: 'S3 API reference, PutBucketPolicy, Sample Response (204 No Content)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
  DeleteBucketPolicy: {
    command: DeleteBucketPolicy,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'bucket/key' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeleteBucketPolicy, Sample Response (204 No Content)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
  GetBucketPolicyStatus: {
    command: GetBucketPolicyStatus,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: '' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, GetBucketPolicyStatus, Sample Response',
      response: () =>
        xml(
          '<PolicyStatus xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n   <IsPublic>TRUE</IsPublic>\n</PolicyStatus>',
        ),
      expected: { PolicyStatus: { IsPublic: true } },
    },
  },
  GetPublicAccessBlock: {
    command: GetPublicAccessBlock,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'a b c' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, GetPublicAccessBlock, Sample Response',
      response: () =>
        xml(
          '<PublicAccessBlockConfiguration>\n   <BlockPublicAcls>TRUE</BlockPublicAcls>\n   <IgnorePublicAcls>FALSE</IgnorePublicAcls>\n   <BlockPublicPolicy>FALSE</BlockPublicPolicy>\n   <RestrictPublicBuckets>FALSE</RestrictPublicBuckets>\n</PublicAccessBlockConfiguration>',
        ),
      expected: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: false,
          BlockPublicPolicy: false,
          RestrictPublicBuckets: false,
        },
      },
    },
  },
  PutPublicAccessBlock: {
    command: PutPublicAccessBlock,
    valid: {
      Bucket: 'bucket',
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: false,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: false,
      },
    },
    invalid: [
      [
        { Bucket: 'bucket', PublicAccessBlockConfiguration: { BlockPublicAcls: 'TRUE' } },
        'PublicAccessBlockConfiguration.BlockPublicAcls',
      ],
      [{ Bucket: 'bucket' }, 'PublicAccessBlockConfiguration'],
    ],
    sample: {
      source: 'S3 API reference, PutPublicAccessBlock, Response Syntax (HTTP/1.1 200, no body)',
      response: () => new Response(null, { status: 200 }),
      expected: {},
    },
  },
  DeletePublicAccessBlock: {
    command: DeletePublicAccessBlock,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 7 }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeletePublicAccessBlock, Response Syntax (HTTP/1.1 204)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
}
