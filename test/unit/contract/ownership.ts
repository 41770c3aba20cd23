import { DeleteBucketOwnershipControls } from '../../../commands/DeleteBucketOwnershipControls.js'
import { GetBucketLocation } from '../../../commands/GetBucketLocation.js'
import { GetBucketOwnershipControls } from '../../../commands/GetBucketOwnershipControls.js'
import { PutBucketOwnershipControls } from '../../../commands/PutBucketOwnershipControls.js'
import { xml } from '../../support/fake-client.js'
import type { ContractRow } from './types.js'

const controls = (Rules: unknown) => ({ Bucket: 'amzn-s3-demo-bucket', OwnershipControls: { Rules } })

export const rows: Record<string, ContractRow> = {
  GetBucketOwnershipControls: {
    command: GetBucketOwnershipControls,
    valid: { Bucket: 'amzn-s3-demo-bucket' },
    invalid: [[{ Bucket: 'UPPER CASE' }, 'Bucket']],
    sample: {
      source:
        'S3 API reference, GetBucketOwnershipControls, Response Syntax, with the value of the AWS CLI example (get-bucket-ownership-controls)',
      response: () =>
        xml(
          '<?xml version="1.0" encoding="UTF-8"?>\n<OwnershipControls xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n   <Rule>\n      <ObjectOwnership>BucketOwnerEnforced</ObjectOwnership>\n   </Rule>\n</OwnershipControls>',
        ),
      expected: { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } },
    },
  },
  PutBucketOwnershipControls: {
    command: PutBucketOwnershipControls,
    valid: controls([{ ObjectOwnership: 'BucketOwnerPreferred' }]),
    invalid: [
      [controls([{ ObjectOwnership: 'BucketOwner' }]), 'OwnershipControls.Rules[0].ObjectOwnership'],
      [controls([]), 'OwnershipControls.Rules'],
      [controls([{ ObjectOwnership: 'ObjectWriter' }, { ObjectOwnership: 'ObjectWriter' }]), 'OwnershipControls.Rules'],
      [{ Bucket: 'amzn-s3-demo-bucket' }, 'OwnershipControls'],
    ],
    sample: {
      source: 'S3 API reference, PutBucketOwnershipControls, Response Syntax (HTTP/1.1 200, no body)',
      response: () => new Response(null, { status: 200 }),
      expected: {},
    },
  },
  DeleteBucketOwnershipControls: {
    command: DeleteBucketOwnershipControls,
    valid: { Bucket: 'amzn-s3-demo-bucket' },
    invalid: [[{ Bucket: 'ab' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeleteBucketOwnershipControls, Response Syntax (HTTP/1.1 204)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
  GetBucketLocation: {
    command: GetBucketLocation,
    valid: { Bucket: 'myBucket' },
    invalid: [[{ Bucket: null }, 'Bucket']],
    sample: {
      source: 'S3 API reference, GetBucketLocation, Sample Response',
      response: () =>
        xml(
          '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">Europe</LocationConstraint>',
        ),
      expected: { LocationConstraint: 'Europe' },
    },
  },
}
