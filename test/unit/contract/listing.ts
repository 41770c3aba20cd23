import { ListBuckets } from '../../../commands/ListBuckets.js'
import { ListObjects } from '../../../commands/ListObjects.js'
import { ListObjectsV2 } from '../../../commands/ListObjectsV2.js'
import { ListObjectVersions } from '../../../commands/ListObjectVersions.js'
import { xml } from '../../support/fake-client.js'
import { fixture } from '../../support/fixtures.js'
import type { ContractRow } from './types.js'

// S3 API reference, ListObjectsV2, "Example 2: Listing keys using the max-keys, prefix, and
// start-after parameters" (response), and the same page's truncated form with a continuation token.
const listPage = (truncated: string) =>
  xml(`<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>quotes</Name>
  <Prefix>E</Prefix>
  <StartAfter>ExampleGuide.pdf</StartAfter>
  <KeyCount>1</KeyCount>
  <MaxKeys>3</MaxKeys>
  <IsTruncated>${truncated ? 'true' : 'false'}</IsTruncated>${truncated}
  <Contents>
    <Key>ExampleObject.txt</Key>
    <LastModified>2013-09-17T18:07:53.000Z</LastModified>
    <ETag>"599bab3ed2c697f1d26842727561fd94"</ETag>
    <Size>857</Size>
    <StorageClass>REDUCED_REDUNDANCY</StorageClass>
  </Contents>
</ListBucketResult>`)

// S3 API reference, ListBuckets, "Sample Response"; `token` adds the ContinuationToken of the
// response syntax.
const bucketsPage = (token: string) =>
  xml(`<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult>
  <Buckets>
    <Bucket>
      <CreationDate>2019-12-11T23:32:47+00:00</CreationDate>
      <Name>amzn-s3-demo-bucket</Name>
    </Bucket>
    <Bucket>
      <CreationDate>2019-11-10T23:32:13+00:00</CreationDate>
      <Name>amzn-s3-demo-bucket1</Name>
    </Bucket>
  </Buckets>
  <Owner>
    <DisplayName>Account+Name</DisplayName>
    <ID>AIDACKCEVSQ6C2EXAMPLE</ID>
  </Owner>${token}
</ListAllMyBucketsResult>`)

// S3 API reference, ListObjects, "Sample Response"; `truncated` makes the truncated variants (with
// `entries` replacing its one object).
const objectV1 = `
  <Contents>
    <Key>my-image.jpg</Key>
    <LastModified>2009-10-12T17:50:30.000Z</LastModified>
    <ETag>&quot;fba9dede5f27731c9771645a39863328&quot;</ETag>
    <Size>434234</Size>
    <StorageClass>STANDARD</StorageClass>
    <Owner>
      <ID>8a6925ce4a7f21c32aa379004fef</ID>
      <DisplayName>mtd@amazon.com</DisplayName>
    </Owner>
  </Contents>`
const v1Page = (truncated: boolean, entries = objectV1) =>
  xml(`<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>bucket</Name>
  <Prefix/>
  <Marker/>
  <MaxKeys>1000</MaxKeys>
  <IsTruncated>${truncated}</IsTruncated>${entries}
</ListBucketResult>`)

// S3 API reference, ListObjectVersions, "Sample Response"; `truncated` makes the truncated variants.
const versionsPage = (truncated: string) =>
  xml(
    fixture('list/aws-list-object-versions.xml').replace(
      '<IsTruncated>false</IsTruncated>',
      `<IsTruncated>${truncated ? 'true' : 'false'}</IsTruncated>${truncated}`,
    ),
  )

export const rows: Record<string, ContractRow> = {
  // No `pages`: a ListBuckets page is truncated exactly when it names a ContinuationToken, so it
  // cannot be truncated without one (the repeated token is tested in paginate.test.ts).
  ListBuckets: {
    command: ListBuckets,
    valid: { MaxBuckets: 2, Prefix: 'amzn-s3-demo' },
    invalid: [
      [{ MaxBuckets: 0 }, 'MaxBuckets'],
      [{ MaxBuckets: 10_001 }, 'MaxBuckets'],
      [{ Prefix: 5 }, 'Prefix'],
    ],
    sample: {
      source: 'S3 API reference, ListBuckets, Sample Response',
      response: () => bucketsPage(''),
      expected: {
        Buckets: [
          { Name: 'amzn-s3-demo-bucket', CreationDate: new Date('2019-12-11T23:32:47Z') },
          { Name: 'amzn-s3-demo-bucket1', CreationDate: new Date('2019-11-10T23:32:13Z') },
        ],
        Owner: { DisplayName: 'Account+Name', ID: 'AIDACKCEVSQ6C2EXAMPLE' },
      },
    },
  },
  ListObjects: {
    command: ListObjects,
    valid: { Bucket: 'bucket', MaxKeys: 1000 },
    invalid: [
      [{ Bucket: 'bucket', MaxKeys: -1 }, 'MaxKeys'],
      [{ Bucket: 'bucket', Marker: 7 }, 'Marker'],
      [{ Bucket: 'bucket', Delimiter: {} }, 'Delimiter'],
      [{ Bucket: 'b' }, 'Bucket'],
    ],
    sample: {
      source: 'S3 API reference, ListObjects, Sample Response',
      response: () => v1Page(false),
      expected: {
        Name: 'bucket',
        IsTruncated: false,
        Contents: [
          {
            Key: 'my-image.jpg',
            Size: 434234,
            ETag: '"fba9dede5f27731c9771645a39863328"',
            Owner: { ID: '8a6925ce4a7f21c32aa379004fef', DisplayName: 'mtd@amazon.com' },
          },
        ],
        CommonPrefixes: [],
      },
    },
    pages: {
      // Without a NextMarker, the next page starts after the last key: here the marker asked for.
      repeated: [{ Bucket: 'bucket', Marker: 'my-image.jpg' }, () => v1Page(true)],
      unmarked: () => v1Page(true, ''),
    },
  },
  ListObjectVersions: {
    command: ListObjectVersions,
    valid: { Bucket: 'bucket', Prefix: 'my', MaxKeys: 5 },
    invalid: [
      [{ Bucket: 'bucket', MaxKeys: 0 }, 'MaxKeys'],
      [{ Bucket: 'bucket', KeyMarker: 1 }, 'KeyMarker'],
      [{ Bucket: 'bucket', KeyMarker: 'k', VersionIdMarker: true }, 'VersionIdMarker'],
    ],
    sample: {
      source: 'S3 API reference, ListObjectVersions, Sample Response',
      response: () => versionsPage(''),
      expected: {
        Name: 'bucket',
        Prefix: 'my',
        IsTruncated: false,
        Versions: [
          {
            Key: 'my-image.jpg',
            VersionId: '3/L4kqtJl40Nr8X8gdRQBpUMLUo',
            IsLatest: true,
            ETag: '"fba9dede5f27731c9771645a39863328"',
            Size: 434234,
          },
        ],
        DeleteMarkers: [
          {
            Key: 'my-second-image.jpg',
            VersionId: '03jpff543dhffds434rfdsFDN943fdsFkdmqnh892',
            LastModified: new Date('2009-11-12T17:50:30.000Z'),
          },
        ],
        CommonPrefixes: [],
      },
    },
    pages: {
      repeated: [
        {
          Bucket: 'bucket',
          KeyMarker: 'my-second-image.jpg',
          VersionIdMarker: '03jpff543dhffds434rfdsFDN943fdsFkdmqnh892',
        },
        () =>
          versionsPage(
            '\n    <NextKeyMarker>my-second-image.jpg</NextKeyMarker>\n    ' +
              '<NextVersionIdMarker>03jpff543dhffds434rfdsFDN943fdsFkdmqnh892</NextVersionIdMarker>',
          ),
      ],
      unmarked: () => versionsPage('\n'),
    },
  },
  ListObjectsV2: {
    command: ListObjectsV2,
    valid: { Bucket: 'quotes', Prefix: 'E', StartAfter: 'ExampleGuide.pdf', MaxKeys: 3 },
    invalid: [
      [{ Bucket: 'quotes', MaxKeys: 1001 }, 'MaxKeys'],
      [{ Bucket: 'quotes', Prefix: 5 }, 'Prefix'],
      [{ Bucket: '' }, 'Bucket'],
    ],
    sample: {
      source: 'S3 API reference, ListObjectsV2, Example 2',
      response: () => listPage(''),
      expected: {
        Name: 'quotes',
        KeyCount: 1,
        IsTruncated: false,
        Contents: [
          {
            Key: 'ExampleObject.txt',
            Size: 857,
            StorageClass: 'REDUCED_REDUNDANCY',
            ETag: '"599bab3ed2c697f1d26842727561fd94"',
          },
        ],
        CommonPrefixes: [],
      },
    },
    pages: {
      repeated: [
        { Bucket: 'quotes', ContinuationToken: '1ueGcxLPRx1Tr' },
        () => listPage('\n  <NextContinuationToken>1ueGcxLPRx1Tr</NextContinuationToken>'),
      ],
      unmarked: () => listPage('\n'),
    },
  },
}
