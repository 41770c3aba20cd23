import { AbortMultipartUpload } from '../../../commands/AbortMultipartUpload.js'
import { CompleteMultipartUpload } from '../../../commands/CompleteMultipartUpload.js'
import { CreateMultipartUpload } from '../../../commands/CreateMultipartUpload.js'
import { ListMultipartUploads } from '../../../commands/ListMultipartUploads.js'
import { ListParts } from '../../../commands/ListParts.js'
import { UploadPart } from '../../../commands/UploadPart.js'
import { UploadPartCopy } from '../../../commands/UploadPartCopy.js'
import { xml } from '../../support/fake-client.js'
import { fixture } from '../../support/fixtures.js'
import type { ContractRow } from './types.js'

const UploadId = 'XXBsb2FkIElEIGZvciBlbHZpbmcncyVcdS1tb3ZpZS5tMnRzEEEwbG9hZA'

// S3 API reference, ListParts, "Sample Response for general purpose buckets"; `next` replaces its
// NextPartNumberMarker to make the truncated variants.
const partsPage = (next: string) =>
  xml(`<?xml version="1.0" encoding="UTF-8"?>
<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Bucket>example-bucket</Bucket>
  <Key>example-object</Key>
  <UploadId>${UploadId}</UploadId>
  <Initiator>
      <ID>arn:aws:iam::111122223333:user/some-user-11116a31-17b5-4fb7-9df5-b288870f11xx</ID>
      <DisplayName>umat-user-11116a31-17b5-4fb7-9df5-b288870f11xx</DisplayName>
  </Initiator>
  <Owner>
    <ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID>
    <DisplayName>someName</DisplayName>
  </Owner>
  <StorageClass>STANDARD</StorageClass>
  <PartNumberMarker>1</PartNumberMarker>${next}
  <MaxParts>2</MaxParts>
  <IsTruncated>true</IsTruncated>
  <Part>
    <PartNumber>2</PartNumber>
    <LastModified>2010-11-10T20:48:34.000Z</LastModified>
    <ETag>"7778aef83f66abc1fa1e8477f296d394"</ETag>
    <Size>10485760</Size>
  </Part>
  <Part>
    <PartNumber>3</PartNumber>
    <LastModified>2010-11-10T20:48:33.000Z</LastModified>
    <ETag>"aaaa18db4cc2f85cedef654fccc4a4x8"</ETag>
    <Size>10485760</Size>
  </Part>
</ListPartsResult>`)

// S3 API reference, ListMultipartUploads, "Sample Response" (two of its three uploads); `next`
// replaces its NextKeyMarker to make the variants.
const uploadsPage = (next: string) =>
  xml(
    fixture('multipart/aws-list-multipart-uploads.xml').replace(
      '\n  <NextKeyMarker>my-movie.m2ts</NextKeyMarker>',
      next,
    ),
  )

const where = { Bucket: 'example-bucket', Key: 'example-object', UploadId }

export const rows: Record<string, ContractRow> = {
  CreateMultipartUpload: {
    command: CreateMultipartUpload,
    valid: { Bucket: 'example-bucket', Key: 'example-object', ContentType: 'video/mp2t', StorageClass: 'STANDARD_IA' },
    invalid: [
      [{ Bucket: 'example-bucket', Key: '' }, 'Key'],
      [{ Bucket: 'example-bucket', Key: 'k', StorageClass: 'cold' }, 'StorageClass'],
      [{ Bucket: 'example-bucket', Key: 'k', Metadata: { 'a b': 'x' } }, 'Metadata.a b'],
    ],
    sample: {
      source: 'S3 API reference, CreateMultipartUpload, Sample Response (abort headers as the reference names them)',
      response: () =>
        xml(`<?xml version="1.0" encoding="UTF-8"?>
<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Bucket>example-bucket</Bucket>
  <Key>example-object</Key>
  <UploadId>VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA</UploadId>
</InitiateMultipartUploadResult>`),
      expected: {
        Bucket: 'example-bucket',
        Key: 'example-object',
        UploadId: 'VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA',
      },
    },
  },
  UploadPart: {
    command: UploadPart,
    valid: { ...where, PartNumber: 1, Body: 'part one' },
    invalid: [
      [{ ...where, PartNumber: 0 }, 'PartNumber'],
      [{ ...where, PartNumber: 1, UploadId: '' }, 'UploadId'],
      [{ ...where, PartNumber: 1, ContentMD5: 'a\nb' }, 'ContentMD5'],
      [{ ...where, PartNumber: 1, Body: new Blob(['x']).stream() }, 'ContentLength'],
    ],
    sample: {
      source: 'S3 API reference, UploadPart, Sample Response (headers)',
      response: () => new Response(null, { status: 200, headers: { etag: '"b54357faf0632cce46e942fa68356b38"' } }),
      expected: { ETag: '"b54357faf0632cce46e942fa68356b38"' },
    },
  },
  UploadPartCopy: {
    command: UploadPartCopy,
    valid: {
      ...where,
      PartNumber: 1,
      CopySource: { Bucket: 'source-bucket', Key: 'source object' },
      CopySourceRange: 'bytes=0-5242879',
    },
    invalid: [
      [{ ...where, PartNumber: 1, CopySource: 'source-bucket/source-object' }, 'CopySource'],
      [
        { ...where, PartNumber: 1, CopySource: { Bucket: 'source-bucket', Key: 'k' }, CopySourceRange: 'bytes=5-1' },
        'CopySourceRange',
      ],
      [
        {
          ...where,
          PartNumber: 1,
          CopySource: { Bucket: 'source-bucket', Key: 'k' },
          CopySourceIfModifiedSince: 'today',
        },
        'CopySourceIfModifiedSince',
      ],
    ],
    sample: {
      source: 'S3 API reference, UploadPartCopy, Sample Response (S3 sends LastModified in UTC, with Z)',
      response: () =>
        xml(`<CopyPartResult>
   <LastModified>2009-10-28T22:32:00.000Z</LastModified>
   <ETag>"9b2cf535f27731c974343645a3985328"</ETag>
</CopyPartResult>`),
      expected: {
        CopyPartResult: { ETag: '"9b2cf535f27731c974343645a3985328"', LastModified: new Date('2009-10-28T22:32:00Z') },
      },
    },
  },
  CompleteMultipartUpload: {
    command: CompleteMultipartUpload,
    valid: {
      ...where,
      MultipartUpload: {
        Parts: [
          { PartNumber: 2, ETag: '"7778aef83f66abc1fa1e8477f296d394"' },
          { PartNumber: 1, ETag: '"aaaa18db4cc2f85cedef654fccc4a4x8"' },
        ],
      },
    },
    invalid: [
      [{ ...where, MultipartUpload: { Parts: [] } }, 'MultipartUpload.Parts'],
      [{ ...where, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '' }] } }, 'MultipartUpload.Parts[0].ETag'],
      [{ ...where, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"a"' }] }, IfNoneMatch: '*\r\n' }, 'IfNoneMatch'],
      [
        { ...where, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"a"', ChecksumCRC32: 'a\nb' }] } },
        'MultipartUpload.Parts[0].ChecksumCRC32',
      ],
    ],
    sample: {
      source: 'S3 API reference, CompleteMultipartUpload, Sample Response',
      response: () =>
        xml(`<?xml version="1.0" encoding="UTF-8"?>
<CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Location>http://Example-Bucket.s3.us-east-1.amazonaws.com/Example-Object</Location>
  <Bucket>Example-Bucket</Bucket>
  <Key>Example-Object</Key>
  <ETag>"3858f62230ac3c915f300c664312c11f-9"</ETag>
</CompleteMultipartUploadResult>`),
      expected: { Bucket: 'Example-Bucket', Key: 'Example-Object', ETag: '"3858f62230ac3c915f300c664312c11f-9"' },
    },
  },
  AbortMultipartUpload: {
    command: AbortMultipartUpload,
    valid: where,
    invalid: [
      [{ ...where, UploadId: undefined }, 'UploadId'],
      [{ ...where, Key: undefined }, 'Key'],
    ],
    sample: {
      source: 'S3 API reference, AbortMultipartUpload, Sample Response (204, no body)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
  ListMultipartUploads: {
    command: ListMultipartUploads,
    valid: { Bucket: 'bucket', MaxUploads: 3 },
    invalid: [
      [{ Bucket: 'bucket', MaxUploads: 0 }, 'MaxUploads'],
      [{ Bucket: 'bucket', MaxUploads: 1001 }, 'MaxUploads'],
      [{ Bucket: 'b' }, 'Bucket'],
    ],
    sample: {
      source: 'S3 API reference, ListMultipartUploads, Sample Response',
      response: () => uploadsPage('\n  <NextKeyMarker>my-movie.m2ts</NextKeyMarker>'),
      expected: {
        Bucket: 'bucket',
        IsTruncated: true,
        NextKeyMarker: 'my-movie.m2ts',
        Uploads: [{ Key: 'my-divisor' }, { Key: 'my-movie.m2ts', Initiated: new Date('2010-11-10T20:48:33Z') }],
      },
    },
    pages: {
      repeated: [
        {
          Bucket: 'bucket',
          KeyMarker: 'my-movie.m2ts',
          UploadIdMarker: 'YW55IGlkZWEgd2h5IGVsdmluZydzIHVwbG9hZCBmYWlsZWQ',
        },
        () => uploadsPage('\n  <NextKeyMarker>my-movie.m2ts</NextKeyMarker>'),
      ],
      unmarked: () => uploadsPage(''),
    },
  },
  ListParts: {
    command: ListParts,
    valid: { Bucket: 'example-bucket', Key: 'example-object', UploadId, MaxParts: 2, PartNumberMarker: 1 },
    invalid: [
      [{ Bucket: 'example-bucket', Key: 'example-object', UploadId: '' }, 'UploadId'],
      [{ Bucket: 'example-bucket', Key: 'example-object', UploadId, MaxParts: 0 }, 'MaxParts'],
      [{ Bucket: 'example-bucket', Key: 'example-object', UploadId, PartNumberMarker: 1.5 }, 'PartNumberMarker'],
    ],
    sample: {
      source: 'S3 API reference, ListParts, Sample Response',
      response: () => partsPage('\n  <NextPartNumberMarker>3</NextPartNumberMarker>'),
      expected: {
        Bucket: 'example-bucket',
        IsTruncated: true,
        NextPartNumberMarker: 3,
        Parts: [
          { PartNumber: 2, Size: 10485760, ETag: '"7778aef83f66abc1fa1e8477f296d394"' },
          { PartNumber: 3, Size: 10485760 },
        ],
        Owner: { ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a', DisplayName: 'someName' },
      },
    },
    pages: {
      repeated: [
        { Bucket: 'example-bucket', Key: 'example-object', UploadId, PartNumberMarker: 3 },
        () => partsPage('\n  <NextPartNumberMarker>3</NextPartNumberMarker>'),
      ],
      unmarked: () => partsPage(''),
    },
  },
}
