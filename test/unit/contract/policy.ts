import { DeleteBucketPolicy } from '../../../commands/DeleteBucketPolicy.js'
import { DeletePublicAccessBlock } from '../../../commands/DeletePublicAccessBlock.js'
import { GetBucketPolicy } from '../../../commands/GetBucketPolicy.js'
import { GetBucketPolicyStatus } from '../../../commands/GetBucketPolicyStatus.js'
import { GetPublicAccessBlock } from '../../../commands/GetPublicAccessBlock.js'
import { PutBucketPolicy } from '../../../commands/PutBucketPolicy.js'
import { PutPublicAccessBlock } from '../../../commands/PutPublicAccessBlock.js'
import type { ContractRow } from './types.js'

// The policy of the GetBucketPolicy Sample Response in the S3 API reference (as `published` below).
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

// That Sample Response's body as the page prints it, white space compacted.
const published =
  '{\n"Version":"2008-10-17",\n"Id":"aaaa-bbbb-cccc-dddd",\n"Statement" : [\n  {\n    ' +
  '"Effect":"Deny",\n    "Sid":"1",\n    "Principal" : {\n      "AWS":["111122223333","444455556666"]\n    ' +
  '},\n    "Action":["s3:*"],\n    "Resource":"arn:aws:s3:::bucket/*"\n  }\n ]\n}'

// The headers of the public access samples (GetBucketPolicyStatus, GetPublicAccessBlock,
// PutPublicAccessBlock), which the pages share.
const publicAccessHeaders = {
  'x-amz-id-2': 'ITnGT1y4REXAMPLEPi4hklTXouTf0hccUjo0iCPEXAMPLEutBj3M7fPGlWO2SEWp',
  'x-amz-request-id': '51991EXAMPLE5321',
  date: 'Thu, 15 Nov 2016 00:17:22 GMT',
  server: 'AmazonS3',
}

export const rows: Record<string, ContractRow> = {
  GetBucketPolicy: {
    command: GetBucketPolicy,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'b' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, GetBucketPolicy, Examples, Sample Response for general purpose buckets',
      response: () =>
        new Response(published, {
          status: 200,
          headers: {
            'x-amz-id-2': 'Uuag1LuByru9pO4SAMPLEAtRPfTaOFg==',
            'x-amz-request-id': '656c76696e67SAMPLE57374',
            date: 'Tue, 04 Apr 2010 20:34:56 GMT',
            connection: 'keep-alive',
            server: 'AmazonS3',
          },
        }),
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
      // The sample answers 204 No Content, where the Response Syntax says 200.
      source: 'S3 API reference, PutBucketPolicy, Examples, Sample Response for general purpose buckets',
      response: () =>
        new Response(null, {
          status: 204,
          headers: {
            'x-amz-id-2': 'Uuag1LuByR5Onimru9SAMPLEAtRPfTaOFg==',
            'x-amz-request-id': '656c76696e6727732SAMPLE7374',
            date: 'Tue, 04 Apr 2010 20:34:56 GMT',
            connection: 'keep-alive',
            server: 'AmazonS3',
          },
        }),
      expected: {},
    },
  },
  DeleteBucketPolicy: {
    command: DeleteBucketPolicy,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'bucket/key' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeleteBucketPolicy, Examples, Sample Response for general purpose buckets',
      response: () =>
        new Response(null, {
          status: 204,
          headers: {
            'x-amz-id-2': 'Uuag1LuByRx9e6j5OnimrSAMPLEtRPfTaOFg==',
            'x-amz-request-id': '656c76696e672SAMPLE5657374',
            date: 'Tue, 04 Apr 2010 20:34:56 GMT',
            connection: 'keep-alive',
            server: 'AmazonS3',
          },
        }),
      expected: {},
    },
  },
  GetBucketPolicyStatus: {
    command: GetBucketPolicyStatus,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: '' }, 'Bucket']],
    sample: {
      // As published: no namespace. The sample's "Content-Length: 0", which contradicts the body
      // printed after it, is left out.
      source: 'S3 API reference, GetBucketPolicyStatus, Examples, Sample Response',
      response: () =>
        new Response('<PolicyStatus>\n  <IsPublic>TRUE</IsPublic>\n</PolicyStatus>', {
          status: 200,
          headers: publicAccessHeaders,
        }),
      expected: { PolicyStatus: { IsPublic: true } },
    },
  },
  GetPublicAccessBlock: {
    command: GetPublicAccessBlock,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'a b c' }, 'Bucket']],
    sample: {
      // The sample's "Content-Length: 0", which contradicts the body printed after it, is left out.
      source: 'S3 API reference, GetPublicAccessBlock, Examples, Sample Response',
      response: () =>
        new Response(
          '<PublicAccessBlockConfiguration>\n  <BlockPublicAcls>TRUE</BlockPublicAcls>\n  ' +
            '<IgnorePublicAcls>FALSE</IgnorePublicAcls>\n  <BlockPublicPolicy>FALSE</BlockPublicPolicy>\n  ' +
            '<RestrictPublicBuckets>FALSE</RestrictPublicBuckets>\n</PublicAccessBlockConfiguration>',
          { status: 200, headers: publicAccessHeaders },
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
      source: 'S3 API reference, PutPublicAccessBlock, Examples, First Sample Response',
      response: () => new Response(null, { status: 200, headers: { ...publicAccessHeaders, 'content-length': '0' } }),
      expected: {},
    },
  },
  DeletePublicAccessBlock: {
    command: DeletePublicAccessBlock,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 7 }, 'Bucket']],
    sample: {
      // The page has no Examples section.
      source:
        'S3 API reference, DeletePublicAccessBlock, ' +
        'Response Syntax (HTTP/1.1 204; Response Elements: an empty HTTP body)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
}
