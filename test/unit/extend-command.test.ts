import { describe, expect, it } from 'vitest'
import { DeleteObject } from '../../commands/DeleteObject.js'
import { ListObjectsV2 } from '../../commands/ListObjectsV2.js'
import { extendCommand } from '../../src/core/extend-command.js'
import { parseWith } from '../support/fake-client.js'

describe('extendCommand', () => {
  it('adds headers over the command’s own and leaves the command it extends as it was', () => {
    const command = DeleteObject({ Bucket: 'b-1', Key: 'k', IfMatch: '"a"' })
    const extended = extendCommand(command, { 'x-amz-expected-bucket-owner': '111122223333', 'if-match': '"b"' })
    expect(extended.headers).toEqual({ 'x-amz-expected-bucket-owner': '111122223333', 'if-match': '"b"' })
    expect(command.headers).toEqual({ 'if-match': '"a"' })
    expect(extended).toMatchObject({ operation: 'DeleteObject', method: 'DELETE', bucket: 'b-1', key: 'k' })
  })

  it('merges what `read` finds in the response over the command’s output', async () => {
    // DeleteObject's response headers in a versioned bucket, as the DeleteObject API reference lists them.
    const response = new Response(null, {
      status: 204,
      headers: { 'x-amz-version-id': 'v1', 'x-amz-request-charged': 'requester' },
    })
    const extended = extendCommand(DeleteObject({ Bucket: 'b-1', Key: 'k' }), {}, (r, _context, output) => ({
      RequestCharged: r.headers.get('x-amz-request-charged'),
      seen: output.VersionId,
    }))
    expect(await parseWith(extended, response)).toEqual({ VersionId: 'v1', RequestCharged: 'requester', seen: 'v1' })
  })

  it('keeps its headers and reader on every page a paginated command leads to', () => {
    const extended = extendCommand(ListObjectsV2({ Bucket: 'b-1' }), { 'x-amz-request-payer': 'requester' })
    const page = { IsTruncated: true, NextContinuationToken: 't2', Contents: [], CommonPrefixes: [] }
    const next = extended.pagination.next(page as never)
    expect(next?.headers).toMatchObject({ 'x-amz-request-payer': 'requester' })
    expect(next?.query).toMatchObject({ 'continuation-token': 't2' })
    const sized = extended.pagination.withPageSize(5)
    expect(sized.headers).toMatchObject({ 'x-amz-request-payer': 'requester' })
    expect(sized.query).toMatchObject({ 'max-keys': '5' })
  })
})
