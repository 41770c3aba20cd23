import { DeleteObjects } from '../../../commands/DeleteObjects.js'
import { xml } from '../../support/fake-client.js'
import type { ContractRow } from './types.js'

export const rows: Record<string, ContractRow> = {
  DeleteObjects: {
    command: DeleteObjects,
    valid: {
      Bucket: 'bucket',
      Delete: {
        Objects: [{ Key: 'sample1.txt' }, { Key: 'sample2.txt', VersionId: 'OYcLXagmS.WaD..oyH4KRguB95_YhLs7' }],
      },
    },
    invalid: [
      [{ Bucket: 'bucket', Delete: { Objects: [] } }, 'Delete.Objects'],
      [
        { Bucket: 'bucket', Delete: { Objects: Array.from({ length: 1001 }, (_, i) => ({ Key: `k${i}` })) } },
        'Delete.Objects',
      ],
      [{ Bucket: 'bucket', Delete: { Objects: [{ Key: 'a' }, { Key: 'x'.repeat(1025) }] } }, 'Delete.Objects[1].Key'],
      [{ Bucket: 'bucket', Delete: { Objects: [{ Key: 'a', VersionId: '' }] } }, 'Delete.Objects[0].VersionId'],
    ],
    sample: {
      source: 'S3 API reference, DeleteObjects, Example 1 (mixed success/error response)',
      response: () =>
        xml(`<?xml version="1.0" encoding="UTF-8"?>
<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Deleted>
    <Key>sample1.txt</Key>
  </Deleted>
  <Error>
    <Key>sample2.txt</Key>
    <Code>AccessDenied</Code>
    <Message>Access Denied</Message>
  </Error>
</DeleteResult>`),
      expected: {
        Deleted: [{ Key: 'sample1.txt' }],
        Errors: [{ Key: 'sample2.txt', Code: 'AccessDenied', Message: 'Access Denied' }],
      },
    },
  },
}
