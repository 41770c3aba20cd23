import { ListObjectsV2 } from '../../../commands/ListObjectsV2.js'
import { xml } from '../../support/fake-client.js'
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

export const rows: Record<string, ContractRow> = {
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
        Contents: [{ Key: 'ExampleObject.txt', Size: 857, StorageClass: 'REDUCED_REDUNDANCY', ETag: '"599bab3ed2c697f1d26842727561fd94"' }],
        CommonPrefixes: [],
      },
    },
    pages: {
      repeated: [{ Bucket: 'quotes', ContinuationToken: '1ueGcxLPRx1Tr' }, () => listPage('\n  <NextContinuationToken>1ueGcxLPRx1Tr</NextContinuationToken>')],
      unmarked: () => listPage('\n'),
    },
  },
}
