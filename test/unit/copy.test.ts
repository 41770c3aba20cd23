import { describe, expect, it } from 'vitest'
import { copySourceHeader } from '../../codecs/copy-source.js'
import { CopyObject } from '../../commands/CopyObject.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { fakeClient } from '../support/fake-client.js'

/** The fake client answering 200 with `body` and `headers`. */
function answer(body: string, headers: Record<string, string> = {}) {
  return fakeClient([
    () => new Response(body, { status: 200, headers: { 'content-type': 'application/xml', ...headers } }),
  ]).client
}

describe('copy source', () => {
  it('encodes the key segment by segment and keeps the slashes', () => {
    expect(copySourceHeader({ Bucket: 'src-bucket', Key: 'photos/2024/cat.jpg' })).toBe(
      'src-bucket/photos/2024/cat.jpg',
    )
    expect(copySourceHeader({ Bucket: 'b-1', Key: 'we ird+k%ey?#&=/ü€ 日本.txt' })).toBe(
      'b-1/we%20ird%2Bk%25ey%3F%23%26%3D/%C3%BC%E2%82%AC%20%E6%97%A5%E6%9C%AC.txt',
    )
    expect(copySourceHeader({ Bucket: 'b-1', Key: "it's (1)*!~" })).toBe('b-1/it%27s%20%281%29%2A%21~')
  })

  it('adds an encoded versionId', () => {
    expect(
      copySourceHeader({
        Bucket: 'b-1',
        Key: 'k',
        VersionId: '3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo',
      }),
    ).toBe('b-1/k?versionId=3%2FL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY%2BMTRCxf3vjVBH40Nr8X8gdRQBpUMLUo')
  })

  it('refuses a pre-encoded string and bad parts, naming the field', () => {
    expect(() => copySourceHeader('b-1/k' as never)).toThrow(/^CopySource: must be \{ Bucket, Key, VersionId\? \}/)
    expect(() => copySourceHeader({ Bucket: 'no', Key: 'k' })).toThrow(/^CopySource\.Bucket:/)
    expect(() => copySourceHeader({ Bucket: 'b-1', Key: '' })).toThrow(/^CopySource\.Key:/)
    expect(() => copySourceHeader({ Bucket: 'b-1', Key: 'a/../b' })).toThrow(/^CopySource\.Key:/)
    expect(() => copySourceHeader({ Bucket: 'b-1', Key: 'k', VersionId: '' })).toThrow(/^CopySource\.VersionId:/)
  })
})

describe('CopyObject', () => {
  const source = { Bucket: 'src-1', Key: 'a b.txt' }

  it('sends the source, directives, conditions and new-object headers', () => {
    const command = CopyObject({
      Bucket: 'dst-1',
      Key: 'copy.txt',
      CopySource: { ...source, VersionId: 'v1' },
      MetadataDirective: 'REPLACE',
      ContentType: 'text/plain',
      Metadata: { reviewer: 'Zoë' },
      TaggingDirective: 'REPLACE',
      Tagging: 'a=1',
      StorageClass: 'STANDARD_IA',
      ACL: 'private',
      CopySourceIfMatch: '"e1"',
      CopySourceIfNoneMatch: '"e2"',
      CopySourceIfModifiedSince: new Date('2024-01-02T03:04:05Z'),
      CopySourceIfUnmodifiedSince: new Date('2025-01-02T03:04:05Z'),
    })
    expect(command).toMatchObject({ operation: 'CopyObject', method: 'PUT', bucket: 'dst-1', key: 'copy.txt' })
    expect(command.body).toBeUndefined()
    // Header names as in the CopyObject page of the S3 API reference.
    expect(command.headers).toEqual({
      'x-amz-copy-source': 'src-1/a%20b.txt?versionId=v1',
      'x-amz-metadata-directive': 'REPLACE',
      'x-amz-tagging-directive': 'REPLACE',
      'x-amz-tagging': 'a=1',
      'content-type': 'text/plain',
      'x-amz-meta-reviewer': `=?UTF-8?B?${Buffer.from('Zoë').toString('base64')}?=`,
      'x-amz-storage-class': 'STANDARD_IA',
      'x-amz-acl': 'private',
      'x-amz-copy-source-if-match': '"e1"',
      'x-amz-copy-source-if-none-match': '"e2"',
      'x-amz-copy-source-if-modified-since': 'Tue, 02 Jan 2024 03:04:05 GMT',
      'x-amz-copy-source-if-unmodified-since': 'Thu, 02 Jan 2025 03:04:05 GMT',
    })
  })

  it('refuses fields that COPY would ignore, and unknown directives, before sending', () => {
    for (const field of [
      'Metadata',
      'ContentType',
      'CacheControl',
      'ContentDisposition',
      'ContentEncoding',
      'ContentLanguage',
      'Expires',
    ] as const) {
      const value = field === 'Metadata' ? { a: 'b' } : field === 'Expires' ? new Date() : 'x'
      expect(() => CopyObject({ Bucket: 'dst-1', Key: 'k', CopySource: source, [field]: value })).toThrow(
        new RegExp(`^${field}: .*MetadataDirective: 'REPLACE'`),
      )
    }
    expect(() =>
      CopyObject({ Bucket: 'dst-1', Key: 'k', CopySource: source, Tagging: 'a=1', TaggingDirective: 'COPY' }),
    ).toThrow(/^Tagging: .*TaggingDirective/)
    expect(() =>
      CopyObject({ Bucket: 'dst-1', Key: 'k', CopySource: source, MetadataDirective: 'replace' as never }),
    ).toThrow(InputError)
    expect(() =>
      CopyObject({ Bucket: 'dst-1', Key: 'k', CopySource: source, CopySourceIfModifiedSince: new Date('nope') }),
    ).toThrow(/^CopySourceIfModifiedSince:/)
    // Headers that COPY does honour need no directive.
    expect(() =>
      CopyObject({ Bucket: 'dst-1', Key: 'k', CopySource: source, StorageClass: 'GLACIER', ACL: 'public-read' }),
    ).not.toThrow()
  })

  it('reads the result of the S3 API reference example, with version headers', async () => {
    // CopyObject "Sample Response" (S3 API reference): result document and version headers.
    const client = answer(
      '<?xml version="1.0" encoding="UTF-8"?>\n<CopyObjectResult>\n   ' +
        '<LastModified>2009-10-28T22:32:00.000Z</LastModified>\n   ' +
        '<ETag>"9b2cf535f27731c974343645a3985328"</ETag>\n</CopyObjectResult>',
      {
        'x-amz-version-id': 'QUpfdndhfd8438MNFDN93jdnJFkdmqnh893',
        'x-amz-copy-source-version-id': '09df8234529fjs0dfi0w52935029wefdj',
        'x-amz-server-side-encryption': 'AES256',
      },
    )
    const out = await send(client, CopyObject({ Bucket: 'dst-1', Key: 'k', CopySource: source }))
    expect(out).toEqual({
      CopyObjectResult: {
        ETag: '"9b2cf535f27731c974343645a3985328"',
        LastModified: new Date('2009-10-28T22:32:00.000Z'),
      },
      VersionId: 'QUpfdndhfd8438MNFDN93jdnJFkdmqnh893',
      CopySourceVersionId: '09df8234529fjs0dfi0w52935029wefdj',
      ServerSideEncryption: 'AES256',
    })
  })

  it("quotes RGW's unquoted ETag", async () => {
    // Captured from Ceph RGW 16.2 (the integration test server).
    const client = answer(
      '<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<LastModified>2026-11-25T20:58:06.040Z</LastModified>' +
        '<ETag>0bd6506986ec42e732ffb866d33bb14e</ETag></CopyObjectResult>',
    )
    const out = await send(client, CopyObject({ Bucket: 'dst-1', Key: 'k', CopySource: source }))
    expect(out.CopyObjectResult.ETag).toBe('"0bd6506986ec42e732ffb866d33bb14e"')
    expect(Object.keys(out)).toEqual(['CopyObjectResult'])
  })

  it('turns an <Error> inside a 200 into an S3Error, and an empty or cut 200 into InvalidResponse', async () => {
    // S3 API reference, CopyObject: "the error response is embedded in the 200 OK response".
    const embedded = answer(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>We encountered an ' +
        'internal error. Please try again.</Message><RequestId>656c76696e6727732072657175657374</RequestId>' +
        '<HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId></Error>',
    )
    const error = await send(embedded, CopyObject({ Bucket: 'dst-1', Key: 'k', CopySource: source })).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      code: 'InternalError',
      operation: 'CopyObject',
      requestId: '656c76696e6727732072657175657374',
    })
    // aws-sdk-js #3259: a 200 whose body is empty or stops short is not a success either.
    for (const body of [
      '',
      '<?xml version="1.0" encoding="UTF-8"?>\n<CopyObjectResult><LastModified>2009-10-28T22:32:00.000Z</LastModified>',
    ]) {
      await expect(
        send(answer(body), CopyObject({ Bucket: 'dst-1', Key: 'k', CopySource: source })),
      ).rejects.toMatchObject({ code: 'InvalidResponse' })
    }
  })
})
