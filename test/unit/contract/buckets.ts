import { CreateBucket } from '../../../commands/CreateBucket.js'
import { DeleteBucket } from '../../../commands/DeleteBucket.js'
import { HeadBucket } from '../../../commands/HeadBucket.js'
import type { ContractRow } from './types.js'

export const rows: Record<string, ContractRow> = {
  CreateBucket: {
    command: CreateBucket,
    valid: {
      Bucket: 'colorpictures',
      ACL: 'private',
      ObjectOwnership: 'BucketOwnerEnforced',
      CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
    },
    invalid: [
      [{ Bucket: 'Legacy_Bucket' }, 'Bucket'],
      [{ Bucket: 'colorpictures', ACL: 'bucket-owner-read' }, 'ACL'],
      [{ Bucket: 'colorpictures', ObjectOwnership: 'Bucket Owner\r\n' }, 'ObjectOwnership'],
    ],
    sample: {
      source: 'S3 API reference, CreateBucket, Sample Response (headers trimmed)',
      response: () =>
        new Response(null, {
          status: 200,
          headers: { 'x-amz-request-id': '236A8905248E5A01', location: '/colorpictures' },
        }),
      expected: { Location: '/colorpictures' },
    },
  },
  DeleteBucket: {
    command: DeleteBucket,
    valid: { Bucket: 'quotes' },
    invalid: [[{ Bucket: 'a'.repeat(256) }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeleteBucket, Sample Response (204 No Content)',
      response: () => new Response(null, { status: 204, headers: { 'x-amz-request-id': '32FE2CEB32F5EE25' } }),
      expected: {},
    },
  },
  HeadBucket: {
    command: HeadBucket,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'semi;colon' }, 'Bucket']],
    sample: {
      // The first of the Sample responses (200 OK); its Date is printed as the page has it, without
      // the month.
      source: 'S3 API reference, HeadBucket, Examples, Sample responses for general purpose buckets (the 200 OK one)',
      response: () =>
        new Response(null, {
          status: 200,
          headers: {
            'x-amz-id-2': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            'x-amz-request-id': '28PG2CEB32F5EE25',
            'x-amz-bucket-region': 'us-west-2',
            'x-amz-access-point-alias': 'false',
            date: 'Fri, 10 2012 21:34:56 GMT',
            server: 'AmazonS3',
          },
        }),
      expected: { BucketRegion: 'us-west-2' },
    },
  },
}
