import { GetObject } from '../../../commands/GetObject.js'
import { HeadObject } from '../../../commands/HeadObject.js'
import { PutObject } from '../../../commands/PutObject.js'
import type { ContractRow } from './types.js'

// Headers of the responses in the S3 API reference's examples (PutObject "Example 1", GetObject
// "Sample Response", HeadObject "Sample Response"), trimmed to what the commands read.
const objectHeaders = {
  'x-amz-id-2': 'ef8yU9AS1ed4OpIszj7UDNEHGran',
  'x-amz-request-id': '318BC8BC143432E5',
  'x-amz-version-id': '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd',
  'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT',
  etag: '"fba9dede5f27731c9771645a39863328"',
  'content-length': '434234',
  'content-type': 'text/plain',
}

export const rows: Record<string, ContractRow> = {
  PutObject: {
    command: PutObject,
    valid: { Bucket: 'myBucket', Key: 'my-image.jpg', Body: 'hello', ContentType: 'text/plain' },
    invalid: [
      [{ Bucket: 'a', Key: 'k' }, 'Bucket'],
      [{ Bucket: 'bucket', Key: '' }, 'Key'],
      [{ Bucket: 'bucket', Key: 'k', ContentType: 'text/plain\n' }, 'ContentType'],
      [{ Bucket: 'bucket', Key: 'k', Expires: new Date('x') }, 'Expires'],
      [{ Bucket: 'bucket', Key: 'k', StorageClass: 'glacier' }, 'StorageClass'],
      [{ Bucket: 'bucket', Key: 'k', ACL: 'everyone' }, 'ACL'],
      [{ Bucket: 'bucket', Key: 'k', IfMatch: ' "x"' }, 'IfMatch'],
      [{ Bucket: 'bucket', Key: 'k', Body: 'abc', ContentLength: 2 }, 'ContentLength'],
    ],
    sample: {
      source: 'S3 API reference, PutObject, Example 1 (headers)',
      response: () =>
        new Response(null, {
          status: 200,
          headers: {
            'x-amz-version-id': '43jfkodU8493jnFJD9fjj3HHNVfdsQUIFDNsidf038jfdsjGFDSIRp',
            etag: '"fbacf535f27731c9771645a39863328"',
          },
        }),
      expected: {
        ETag: '"fbacf535f27731c9771645a39863328"',
        VersionId: '43jfkodU8493jnFJD9fjj3HHNVfdsQUIFDNsidf038jfdsjGFDSIRp',
      },
    },
  },
  GetObject: {
    command: GetObject,
    valid: { Bucket: 'bucket', Key: 'my-image.jpg', Range: 'bytes=0-9', ResponseContentType: 'text/plain' },
    invalid: [
      [{ Bucket: 'bucket', Key: 'k', PartNumber: 0 }, 'PartNumber'],
      [{ Bucket: 'bucket', Key: 'k', IfModifiedSince: 'yesterday' }, 'IfModifiedSince'],
      [{ Bucket: 'bucket', Key: 'k', ResponseContentDisposition: 'a\r\nb' }, 'ResponseContentDisposition'],
      [{ Bucket: 'bucket', Key: 'k', VersionId: 7 }, 'VersionId'],
    ],
    sample: {
      source: 'S3 API reference, GetObject, Sample Response',
      response: () =>
        new Response('0123456789', {
          status: 206,
          headers: { ...objectHeaders, 'content-length': '10', 'content-range': 'bytes 0-9/443' },
        }),
      expected: {
        ETag: '"fba9dede5f27731c9771645a39863328"',
        ContentLength: 10,
        ContentRange: 'bytes 0-9/443',
        StorageClass: 'STANDARD',
        Metadata: {},
      },
    },
  },
  HeadObject: {
    command: HeadObject,
    valid: { Bucket: 'bucket', Key: 'my-image.jpg', VersionId: '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd' },
    invalid: [
      [{ Bucket: 'bucket', Key: 'a/../b' }, 'Key'],
      [{ Bucket: 'bucket', Key: 'k', IfUnmodifiedSince: 0 }, 'IfUnmodifiedSince'],
    ],
    sample: {
      source: 'S3 API reference, HeadObject, Sample Response',
      response: () =>
        new Response(null, { status: 200, headers: { ...objectHeaders, 'x-amz-restore': 'ongoing-request="true"' } }),
      expected: {
        ContentLength: 434234,
        LastModified: new Date('2009-10-12T17:50:00Z'),
        VersionId: '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd',
        Restore: { ongoingRequest: true },
      },
    },
  },
}
