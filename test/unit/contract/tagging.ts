import { DeleteBucketTagging } from '../../../commands/DeleteBucketTagging.js'
import { DeleteObjectTagging } from '../../../commands/DeleteObjectTagging.js'
import { GetBucketTagging } from '../../../commands/GetBucketTagging.js'
import { GetObjectTagging } from '../../../commands/GetObjectTagging.js'
import { PutBucketTagging } from '../../../commands/PutBucketTagging.js'
import { PutObjectTagging } from '../../../commands/PutObjectTagging.js'
import type { ContractRow } from './types.js'

const tags = (count: number) => Array.from({ length: count }, (_, i) => ({ Key: `key${i}`, Value: `value${i}` }))
const object = (TagSet: object[]) => ({ Bucket: 'examplebucket', Key: 'HappyFace.jpg', Tagging: { TagSet } })
const bucket = (TagSet: unknown[]) => ({ Bucket: 'examplebucket', Tagging: { TagSet } })

export const rows: Record<string, ContractRow> = {
  GetObjectTagging: {
    command: GetObjectTagging,
    valid: { Bucket: 'examplebucket', Key: 'example-object', VersionId: 'ydlaNkwWm0SfKJR.T1b1fIdPRbldTYRI' },
    invalid: [
      [{ Bucket: 'examplebucket', Key: '' }, 'Key'],
      [{ Bucket: 'examplebucket', Key: 'k', VersionId: 3 }, 'VersionId'],
    ],
    sample: {
      // The page's sample has no x-amz-version-id (the object is not versioned), so no VersionId.
      source: 'S3 API reference, GetObjectTagging, Examples, Sample Response',
      response: () =>
        new Response(
          '<?xml version="1.0" encoding="UTF-8"?>\n<Tagging ' +
            'xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n  <TagSet>\n    <Tag>\n      ' +
            '<Key>tag1</Key>\n      <Value>val1</Value>\n    </Tag>\n    <Tag>\n      <Key>tag2</Key>\n      ' +
            '<Value>val2</Value>\n    </Tag>\n  </TagSet>\n</Tagging>',
          {
            status: 200,
            headers: { date: 'Thu, 22 Sep 2016 21:33:08 GMT', connection: 'close', server: 'AmazonS3' },
          },
        ),
      expected: {
        TagSet: [
          { Key: 'tag1', Value: 'val1' },
          { Key: 'tag2', Value: 'val2' },
        ],
      },
    },
  },
  PutObjectTagging: {
    command: PutObjectTagging,
    valid: object([
      { Key: 'Key3', Value: 'Value3' },
      { Key: 'Key4', Value: 'Value4' },
    ]),
    invalid: [
      [object(tags(11)), 'Tagging.TagSet'],
      [object([{ Key: 'k'.repeat(129), Value: '' }]), 'Tagging.TagSet[0].Key'],
      [object([{ Key: 'k', Value: 'v'.repeat(257) }]), 'Tagging.TagSet[0].Value'],
      [
        object([
          { Key: 'k', Value: 'a' },
          { Key: 'k', Value: 'b' },
        ]),
        'Tagging.TagSet[1].Key',
      ],
      [object([{ Key: '', Value: 'v' }]), 'Tagging.TagSet[0].Key'],
      [object([{ Key: 'aws:createdBy', Value: 'me' }]), 'Tagging.TagSet[0].Key'],
      [{ Bucket: 'examplebucket', Key: 'HappyFace.jpg' }, 'Tagging.TagSet'],
    ],
    sample: {
      // The page's sample has no x-amz-version-id, so no VersionId.
      source: 'S3 API reference, PutObjectTagging, Examples, Sample Response',
      response: () =>
        new Response(null, {
          status: 200,
          headers: {
            'x-amz-id-2': 'YgIPIfBiKa2bj0KMgUAdQkf3ShJTOOpXUueF6QKo',
            'x-amz-request-id': '236A8905248E5A01',
            date: 'Fri, 23 Sep 2016 00:20:19 GMT',
          },
        }),
      expected: {},
    },
  },
  DeleteObjectTagging: {
    command: DeleteObjectTagging,
    valid: { Bucket: 'examplebucket', Key: 'HappyFace.jpg', VersionId: 'ydlaNkwWm0SfKJR.T1b1fIdPRbldTYRI' },
    invalid: [[{ Bucket: 'examplebucket', Key: 'a/./b' }, 'Key']],
    sample: {
      // The page prints the header's value as the placeholder "VersionId".
      source: 'S3 API reference, DeleteObjectTagging, Examples, Sample Response',
      response: () =>
        new Response(null, {
          status: 204,
          headers: {
            'x-amz-version-id': 'VersionId',
            date: 'Wed, 25 Nov 2016 12:00:00 GMT',
            connection: 'close',
            server: 'AmazonS3',
          },
        }),
      expected: { VersionId: 'VersionId' },
    },
  },
  GetBucketTagging: {
    command: GetBucketTagging,
    valid: { Bucket: 'examplebucket' },
    invalid: [[{ Bucket: 'x' }, 'Bucket']],
    sample: {
      // As published: no XML declaration and no namespace.
      source: 'S3 API reference, GetBucketTagging, Examples, Sample Response',
      response: () =>
        new Response(
          '<Tagging>\n  <TagSet>\n    <Tag>\n      <Key>Project</Key>\n      <Value>Project ' +
            'One</Value>\n    </Tag>\n    <Tag>\n      <Key>User</Key>\n      <Value>jsmith</Value>\n    ' +
            '</Tag>\n  </TagSet>\n</Tagging>',
          {
            status: 200,
            headers: { date: 'Wed, 25 Nov 2009 12:00:00 GMT', connection: 'close', server: 'AmazonS3' },
          },
        ),
      expected: {
        TagSet: [
          { Key: 'Project', Value: 'Project One' },
          { Key: 'User', Value: 'jsmith' },
        ],
      },
    },
  },
  PutBucketTagging: {
    command: PutBucketTagging,
    valid: bucket([
      { Key: 'Project', Value: 'Project One' },
      { Key: 'User', Value: 'jsmith' },
    ]),
    invalid: [
      [bucket(tags(51)), 'Tagging.TagSet'],
      [bucket([{ Key: 'Project', Value: 1 }]), 'Tagging.TagSet[0].Value'],
      [
        bucket([
          { Key: 'a', Value: '' },
          { Key: 'b', Value: '' },
          { Key: 'a', Value: '' },
        ]),
        'Tagging.TagSet[2].Key',
      ],
      [bucket(['Project=One']), 'Tagging.TagSet[0]'],
    ],
    sample: {
      // The sample answers 204 No Content, where the Response Syntax says 200.
      source: 'S3 API reference, PutBucketTagging, Examples, Sample Response',
      response: () =>
        new Response(null, {
          status: 204,
          headers: {
            'x-amz-id-2': 'YgIPIfBiKa2bj0KMgUAdQkf3ShJTOOpXUueF6QKo',
            'x-amz-request-id': '236A8905248E5A01',
            date: 'Wed, 01 Oct  2012 12:00:00 GMT',
          },
        }),
      expected: {},
    },
  },
  DeleteBucketTagging: {
    command: DeleteBucketTagging,
    valid: { Bucket: 'examplebucket' },
    invalid: [[{ Bucket: 'ab' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeleteBucketTagging, Examples, Sample Response',
      response: () =>
        new Response(null, {
          status: 204,
          headers: { date: 'Wed, 25 Nov 2009 12:00:00 GMT', connection: 'close', server: 'AmazonS3' },
        }),
      expected: {},
    },
  },
}
