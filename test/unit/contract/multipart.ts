import { ListParts } from '../../../commands/ListParts.js'
import { xml } from '../../support/fake-client.js'
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

export const rows: Record<string, ContractRow> = {
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
      repeated: [{ Bucket: 'example-bucket', Key: 'example-object', UploadId, PartNumberMarker: 3 }, () => partsPage('\n  <NextPartNumberMarker>3</NextPartNumberMarker>')],
      unmarked: () => partsPage(''),
    },
  },
}
