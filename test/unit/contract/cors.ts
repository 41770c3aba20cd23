import { DeleteBucketCors } from '../../../commands/DeleteBucketCors.js'
import { GetBucketCors } from '../../../commands/GetBucketCors.js'
import { PutBucketCors } from '../../../commands/PutBucketCors.js'
import { xml } from '../../support/fake-client.js'
import { fixture } from '../../support/fixtures.js'
import type { ContractRow } from './types.js'

const rule = {
  AllowedOrigins: ['http://www.example.com'],
  AllowedMethods: ['PUT', 'POST', 'DELETE'],
  AllowedHeaders: ['*'],
  MaxAgeSeconds: 3000,
}
const rules = (changed: object) => ({ Bucket: 'bucket', CORSConfiguration: { CORSRules: [{ ...rule, ...changed }] } })

export const rows: Record<string, ContractRow> = {
  GetBucketCors: {
    command: GetBucketCors,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'has space' }, 'Bucket']],
    sample: {
      source: 'S3 User Guide, CORS configuration, Example 1 (test/fixtures/cors/aws-example-1.xml)',
      response: () => xml(fixture('cors/aws-example-1.xml')),
      expected: {
        CORSRules: [
          {
            AllowedOrigins: ['http://www.example1.com'],
            AllowedMethods: ['PUT', 'POST', 'DELETE'],
            AllowedHeaders: ['*'],
          },
          {
            AllowedOrigins: ['http://www.example2.com'],
            AllowedMethods: ['PUT', 'POST', 'DELETE'],
            AllowedHeaders: ['*'],
          },
          { AllowedOrigins: ['*'], AllowedMethods: ['GET'] },
        ],
      },
    },
  },
  PutBucketCors: {
    command: PutBucketCors,
    valid: rules({}),
    invalid: [
      [{ Bucket: 'bucket', CORSConfiguration: { CORSRules: [] } }, 'CORSConfiguration.CORSRules'],
      [rules({ AllowedMethods: ['PATCH'] }), 'CORSConfiguration.CORSRules[0].AllowedMethods[0]'],
      [rules({ AllowedOrigins: ['http://*.*.example.com'] }), 'CORSConfiguration.CORSRules[0].AllowedOrigins[0]'],
      [rules({ MaxAgeSeconds: -1 }), 'CORSConfiguration.CORSRules[0].MaxAgeSeconds'],
      [rules({ ID: 'x'.repeat(256) }), 'CORSConfiguration.CORSRules[0].ID'],
    ],
    sample: {
      source: 'S3 API reference, PutBucketCors, Sample Response (200, no body)',
      response: () => new Response(null, { status: 200 }),
      expected: {},
    },
  },
  DeleteBucketCors: {
    command: DeleteBucketCors,
    valid: { Bucket: 'bucket' },
    invalid: [[{ Bucket: 'Not_A_Bucket!' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeleteBucketCors, Sample Response (204 No Content)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
}
