import { DeleteBucketOwnershipControls } from '../../../commands/DeleteBucketOwnershipControls.js'
import { GetBucketLocation } from '../../../commands/GetBucketLocation.js'
import { GetBucketOwnershipControls } from '../../../commands/GetBucketOwnershipControls.js'
import { PutBucketOwnershipControls } from '../../../commands/PutBucketOwnershipControls.js'
import type { ContractRow } from './types.js'

const controls = (Rules: unknown) => ({ Bucket: 'amzn-s3-demo-bucket', OwnershipControls: { Rules } })

export const rows: Record<string, ContractRow> = {
  GetBucketOwnershipControls: {
    command: GetBucketOwnershipControls,
    valid: { Bucket: 'amzn-s3-demo-bucket' },
    invalid: [[{ Bucket: 'UPPER CASE' }, 'Bucket']],
    sample: {
      // The first of the two Sample Responses. Its "Content-Length: 194" is left out: the body
      // below has its white space compacted.
      source:
        'S3 API reference, GetBucketOwnershipControls, Examples, ' +
        'Sample GetBucketOwnershipControls Response (BucketOwnerEnforced)',
      response: () =>
        new Response(
          '<OwnershipControls xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n  <Rule>\n    ' +
            '<ObjectOwnership>BucketOwnerEnforced</ObjectOwnership>\n  </Rule>\n</OwnershipControls>',
          {
            status: 200,
            headers: {
              'x-amz-id-2': 'Adphn7MaAHDEg9mh5JmcTN8mzyVX0JhIztSiQNaqTxnXXcYi4uiZbYdwWC3JXmh/XXVUUQwO4Vs=',
              'x-amz-request-id': '252631E05F84A415',
              date: 'Mon, 29 Nov 2021 00:17:22 GMT',
              server: 'AmazonS3',
            },
          },
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
      source:
        'S3 API reference, PutBucketOwnershipControls, Examples, ' +
        'Sample Response with BucketOwnerPreferred OwnershipControls',
      response: () =>
        new Response(null, {
          status: 200,
          headers: {
            'x-amz-id-2': 'zkDVX0gbz8oKcjNz7GPz8XhXkhNArHtA8/WOf5hyEj6SbisSRdqITZvSuAMik7HK4PY+izDZZI0=',
            'x-amz-request-id': 'BK7Y8M3G7Z0RFRCP',
            date: 'Thu, 18 Jun 2020 23:01:33 GMT',
            'content-length': '0',
            server: 'AmazonS3',
          },
        }),
      expected: {},
    },
  },
  DeleteBucketOwnershipControls: {
    command: DeleteBucketOwnershipControls,
    valid: { Bucket: 'amzn-s3-demo-bucket' },
    invalid: [[{ Bucket: 'ab' }, 'Bucket']],
    sample: {
      source:
        'S3 API reference, DeleteBucketOwnershipControls, Examples, Sample DeleteBucketOwnershipControls Response',
      response: () =>
        new Response(null, {
          status: 204,
          headers: {
            'x-amz-id-2': 'dVrxJD3XHDcjZHFtd7eSB+ovpY8hQ6kSe9jPzyRVkWp27cij05qV1pTIvz/hjlsrupiy9gEkSdw=',
            'x-amz-request-id': '4BFC0B777B448C97',
            date: 'Thu, 18 Jun 2020 22:54:03 GMT',
            server: 'AmazonS3',
          },
        }),
      expected: {},
    },
  },
  GetBucketLocation: {
    command: GetBucketLocation,
    valid: { Bucket: 'myBucket' },
    invalid: [[{ Bucket: null }, 'Bucket']],
    sample: {
      // The page prints only the body; the status is the Response Syntax's 200.
      source: 'S3 API reference, GetBucketLocation, Examples, Sample Response',
      response: () =>
        new Response(
          '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint ' +
            'xmlns="http://s3.amazonaws.com/doc/2006-03-01/">us-west-2</LocationConstraint>',
          { status: 200 },
        ),
      expected: { LocationConstraint: 'us-west-2' },
    },
  },
}
