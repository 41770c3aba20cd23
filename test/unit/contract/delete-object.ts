import { DeleteObject } from '../../../commands/DeleteObject.js'
import type { ContractRow } from './types.js'

export const rows: Record<string, ContractRow> = {
  DeleteObject: {
    command: DeleteObject,
    valid: { Bucket: 'bucket', Key: 'sample.txt' },
    invalid: [
      [{ Bucket: 'bucket', Key: '' }, 'Key'],
      [{ Bucket: 'bucket', Key: 'a/./b' }, 'Key'],
      [{ Bucket: 'bucket', Key: 'k', IfMatch: '"e"\r\nx-amz-bypass-governance-retention: true' }, 'IfMatch'],
      [{ Bucket: 'bucket', Key: 'k', IfMatchSize: -1 }, 'IfMatchSize'],
      [{ Bucket: 'bucket', Key: 'k', IfMatchLastModifiedTime: '2024-01-01' }, 'IfMatchLastModifiedTime'],
    ],
    sample: {
      // A DELETE without versionId in a versioned bucket: S3 (and RGW) answer with the delete marker it made.
      source: 'DeleteObject in a versioning-enabled bucket, captured from Ceph RGW 16.2.15 (headers trimmed)',
      response: () =>
        new Response(null, {
          status: 204,
          headers: {
            'x-amz-delete-marker': 'true',
            'x-amz-request-id': 'tx0000085c6176b0940dab0-006b0f48eb-1031-default',
            'x-amz-version-id': 'E9MJuW0NRhRPx5SOwBWHRBJclaEfFZi',
          },
        }),
      expected: { DeleteMarker: true, VersionId: 'E9MJuW0NRhRPx5SOwBWHRBJclaEfFZi' },
    },
  },
}
