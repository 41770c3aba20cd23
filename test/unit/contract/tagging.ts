import { DeleteBucketTagging } from '../../../commands/DeleteBucketTagging.js'
import { DeleteObjectTagging } from '../../../commands/DeleteObjectTagging.js'
import { GetBucketTagging } from '../../../commands/GetBucketTagging.js'
import { GetObjectTagging } from '../../../commands/GetObjectTagging.js'
import { PutBucketTagging } from '../../../commands/PutBucketTagging.js'
import { PutObjectTagging } from '../../../commands/PutObjectTagging.js'
import { xml } from '../../support/fake-client.js'
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
      source: 'S3 API reference, GetObjectTagging, Sample Response',
      response: () =>
        new Response(
          '<?xml version="1.0" encoding="UTF-8"?>\n<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n  <TagSet>\n     <Tag>\n       <Key>tag1</Key>\n       <Value>val1</Value>\n     </Tag>\n     <Tag>\n       <Key>tag2</Key>\n       <Value>val2</Value>\n     </Tag>\n  </TagSet>\n</Tagging>',
          {
            status: 200,
            headers: { 'content-type': 'application/xml', 'x-amz-version-id': 'ydlaNkwWm0SfKJR.T1b1fIdPRbldTYRI' },
          },
        ),
      expected: {
        TagSet: [
          { Key: 'tag1', Value: 'val1' },
          { Key: 'tag2', Value: 'val2' },
        ],
        VersionId: 'ydlaNkwWm0SfKJR.T1b1fIdPRbldTYRI',
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
      source: 'S3 API reference, PutObjectTagging, Sample Response (200 with x-amz-version-id)',
      response: () => new Response(null, { status: 200, headers: { 'x-amz-version-id': 'null' } }),
      expected: { VersionId: 'null' },
    },
  },
  DeleteObjectTagging: {
    command: DeleteObjectTagging,
    valid: { Bucket: 'examplebucket', Key: 'HappyFace.jpg', VersionId: 'ydlaNkwWm0SfKJR.T1b1fIdPRbldTYRI' },
    invalid: [[{ Bucket: 'examplebucket', Key: 'a/./b' }, 'Key']],
    sample: {
      source: 'S3 API reference, DeleteObjectTagging, Sample Response (204 with x-amz-version-id)',
      response: () =>
        new Response(null, { status: 204, headers: { 'x-amz-version-id': 'ydlaNkwWm0SfKJR.T1b1fIdPRbldTYRI' } }),
      expected: { VersionId: 'ydlaNkwWm0SfKJR.T1b1fIdPRbldTYRI' },
    },
  },
  GetBucketTagging: {
    command: GetBucketTagging,
    valid: { Bucket: 'examplebucket' },
    invalid: [[{ Bucket: 'x' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, GetBucketTagging, Sample Response',
      response: () =>
        xml(
          '<Tagging>\n  <TagSet>\n     <Tag>\n       <Key>Project</Key>\n       <Value>Project One</Value>\n     </Tag>\n     <Tag>\n       <Key>User</Key>\n       <Value>jsmith</Value>\n     </Tag>\n  </TagSet>\n</Tagging>',
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
      source: 'S3 API reference, PutBucketTagging, Sample Response (204 No Content)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
  DeleteBucketTagging: {
    command: DeleteBucketTagging,
    valid: { Bucket: 'examplebucket' },
    invalid: [[{ Bucket: 'ab' }, 'Bucket']],
    sample: {
      source: 'S3 API reference, DeleteBucketTagging, Sample Response (204 No Content)',
      response: () => new Response(null, { status: 204 }),
      expected: {},
    },
  },
}
