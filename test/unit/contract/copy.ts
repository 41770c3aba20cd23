import { CopyObject } from '../../../commands/CopyObject.js'
import { xml } from '../../support/fake-client.js'
import type { ContractRow } from './types.js'

const source = { Bucket: 'source-bucket', Key: 'reports/2024 q1.csv' }

export const rows: Record<string, ContractRow> = {
  CopyObject: {
    command: CopyObject,
    valid: {
      Bucket: 'dest-bucket',
      Key: 'copy.csv',
      CopySource: source,
      MetadataDirective: 'REPLACE',
      ContentType: 'text/csv',
    },
    invalid: [
      [{ Bucket: 'dest-bucket', Key: 'k', CopySource: 'source-bucket/k' }, 'CopySource'],
      [{ Bucket: 'dest-bucket', Key: 'k', CopySource: { ...source, Key: '' } }, 'CopySource.Key'],
      [{ Bucket: 'dest-bucket', Key: 'k', CopySource: source, MetadataDirective: 'MERGE' }, 'MetadataDirective'],
      [{ Bucket: 'dest-bucket', Key: 'k', CopySource: source, ContentType: 'text/csv' }, 'ContentType'],
      [{ Bucket: 'dest-bucket', Key: 'k', CopySource: source, Tagging: 'a=1' }, 'Tagging'],
      [{ Bucket: 'dest-bucket', Key: 'k', CopySource: source, CopySourceIfMatch: '"e"\n' }, 'CopySourceIfMatch'],
    ],
    sample: {
      source: 'S3 API reference, CopyObject, Sample Response (result document and version headers)',
      response: () => {
        const response = xml(
          '<?xml version="1.0" encoding="UTF-8"?>\n<CopyObjectResult>\n   ' +
            '<LastModified>2009-10-28T22:32:00.000Z</LastModified>\n   ' +
            '<ETag>"9b2cf535f27731c974343645a3985328"</ETag>\n</CopyObjectResult>',
        )
        response.headers.set('x-amz-version-id', 'QUpfdndhfd8438MNFDN93jdnJFkdmqnh893')
        response.headers.set('x-amz-copy-source-version-id', '09df8234529fjs0dfi0w52935029wefdj')
        return response
      },
      expected: {
        CopyObjectResult: {
          ETag: '"9b2cf535f27731c974343645a3985328"',
          LastModified: new Date('2009-10-28T22:32:00.000Z'),
        },
        VersionId: 'QUpfdndhfd8438MNFDN93jdnJFkdmqnh893',
        CopySourceVersionId: '09df8234529fjs0dfi0w52935029wefdj',
      },
    },
  },
}
