import { describe, expect, it } from 'vitest'
import { AbortMultipartUpload } from '../../commands/AbortMultipartUpload.js'
import { CompleteMultipartUpload } from '../../commands/CompleteMultipartUpload.js'
import { CreateMultipartUpload } from '../../commands/CreateMultipartUpload.js'
import { ListMultipartUploads } from '../../commands/ListMultipartUploads.js'
import { ListParts } from '../../commands/ListParts.js'
import { UploadPart } from '../../commands/UploadPart.js'
import { UploadPartCopy } from '../../commands/UploadPartCopy.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { fakeClient, parseWith } from '../support/fake-client.js'
import { fixture } from '../support/fixtures.js'

const where = { Bucket: 'example-bucket', Key: 'example-object', UploadId: 'VXBsb2FkIElE' }
const ok = (body: string, headers: Record<string, string> = {}) => new Response(body, { status: 200, headers })

// The error S3 may put in a 200 response (S3 API reference, CompleteMultipartUpload: "Example response with error").
const internalErrorIn200 = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>InternalError</Code>
  <Message>We encountered an internal error. Please try again.</Message>
  <RequestId>656c76696e6727732072657175657374</RequestId>
  <HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId>
</Error>`

describe('CreateMultipartUpload', () => {
  it('sends the object fields as headers on POST ?uploads', () => {
    const command = CreateMultipartUpload({
      Bucket: 'b-1',
      Key: 'big.iso',
      ContentType: 'application/x-iso9660-image',
      Metadata: { origin: 'dvd' },
      StorageClass: 'STANDARD_IA',
    })
    expect(command).toMatchObject({ method: 'POST', bucket: 'b-1', key: 'big.iso', query: { uploads: '' } })
    expect(command.headers).toEqual({
      'content-type': 'application/x-iso9660-image',
      'x-amz-meta-origin': 'dvd',
      'x-amz-storage-class': 'STANDARD_IA',
    })
  })

  it('reads the UploadId and the abort date', async () => {
    // S3 API reference, CreateMultipartUpload "Sample Response"; abort headers as the reference names them.
    const response = ok(
      `<?xml version="1.0" encoding="UTF-8"?>
<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Bucket>example-bucket</Bucket>
  <Key>example-object</Key>
  <UploadId>VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA</UploadId>
</InitiateMultipartUploadResult>`,
      { 'x-amz-abort-date': 'Wed, 28 Oct 2026 00:00:00 GMT', 'x-amz-abort-rule-id': 'abort-after-7-days' },
    )
    expect(
      await parseWith(CreateMultipartUpload({ Bucket: 'example-bucket', Key: 'example-object' }), response),
    ).toEqual({
      Bucket: 'example-bucket',
      Key: 'example-object',
      UploadId: 'VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA',
      AbortDate: new Date('2026-10-28T00:00:00Z'),
      AbortRuleId: 'abort-after-7-days',
    })
  })

  it('refuses a document without an UploadId', async () => {
    const response = ok(
      '<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key>' +
        '<UploadId></UploadId></InitiateMultipartUploadResult>',
    )
    await expect(parseWith(CreateMultipartUpload({ Bucket: 'b-1', Key: 'k' }), response)).rejects.toMatchObject({
      code: 'InvalidResponse',
    })
  })
})

describe('UploadPart', () => {
  it('addresses the part with partNumber and uploadId', () => {
    const command = UploadPart({ ...where, PartNumber: 2, Body: 'abc' })
    expect(command).toMatchObject({
      method: 'PUT',
      key: 'example-object',
      query: { partNumber: '2', uploadId: 'VXBsb2FkIElE' },
      contentLength: 3,
    })
  })

  it('checks the part number, the upload id and the body before any request', () => {
    for (const PartNumber of [0, 10_001, 1.5, Number.NaN]) {
      expect(() => UploadPart({ ...where, PartNumber, Body: 'x' })).toThrow(InputError)
    }
    expect(() => UploadPart({ ...where, PartNumber: undefined as never })).toThrow(/PartNumber/)
    expect(() => UploadPart({ ...where, UploadId: '', PartNumber: 1 })).toThrow(/UploadId/)
    expect(() => UploadPart({ ...where, PartNumber: 1, Body: new Blob(['x']).stream() })).toThrow(/ContentLength/)
    expect(
      UploadPart({ ...where, PartNumber: 10_000, Body: new Blob(['x']).stream(), ContentLength: 1 }).query,
    ).toMatchObject({ partNumber: '10000' })
  })

  it('returns the ETag, quoted as S3 sends it', async () => {
    // S3 API reference, UploadPart "Sample Response": the ETag header.
    const command = UploadPart({ ...where, PartNumber: 1 })
    expect(
      await parseWith(command, new Response(null, { headers: { etag: '"b54357faf0632cce46e942fa68356b38"' } })),
    ).toEqual({ ETag: '"b54357faf0632cce46e942fa68356b38"' })
    expect(
      await parseWith(command, new Response(null, { headers: { etag: 'b54357faf0632cce46e942fa68356b38' } })),
    ).toEqual({ ETag: '"b54357faf0632cce46e942fa68356b38"' })
  })
})

describe('UploadPartCopy', () => {
  it('encodes the source and sends the range', () => {
    const command = UploadPartCopy({
      ...where,
      PartNumber: 3,
      CopySource: { Bucket: 'src-1', Key: 'a b/ü.bin', VersionId: 'v1' },
      CopySourceRange: 'bytes=0-5242879',
    })
    expect(command).toMatchObject({ method: 'PUT', query: { partNumber: '3', uploadId: 'VXBsb2FkIElE' } })
    expect(command.headers).toEqual({
      'x-amz-copy-source': 'src-1/a%20b/%C3%BC.bin?versionId=v1',
      'x-amz-copy-source-range': 'bytes=0-5242879',
    })
  })

  it('refuses a range S3 would not understand', () => {
    const source = { Bucket: 'src-1', Key: 'k' }
    for (const CopySourceRange of ['0-10', 'bytes=10-5', 'bytes=5-', 'bytes=-5', 'bytes 0-1']) {
      expect(() => UploadPartCopy({ ...where, PartNumber: 1, CopySource: source, CopySourceRange })).toThrow(
        /CopySourceRange/,
      )
    }
  })

  it('reads the CopyPartResult, and an error inside a 200 is an S3Error', async () => {
    // S3 API reference, UploadPartCopy "Sample Response" (the reference's LastModified has no zone; S3 sends UTC with
    // Z).
    const result = ok(`<CopyPartResult>
   <LastModified>2009-10-28T22:32:00.000Z</LastModified>
   <ETag>"9b2cf535f27731c974343645a3985328"</ETag>
</CopyPartResult>`)
    const { client } = fakeClient([() => result, () => ok(internalErrorIn200)])
    const command = UploadPartCopy({ ...where, PartNumber: 1, CopySource: { Bucket: 'src-1', Key: 'k' } })
    expect(await send(client, command)).toEqual({
      CopyPartResult: { ETag: '"9b2cf535f27731c974343645a3985328"', LastModified: new Date('2009-10-28T22:32:00Z') },
    })
    await expect(send(client, command)).rejects.toMatchObject({
      name: 'S3Error',
      code: 'InternalError',
      operation: 'UploadPartCopy',
    })
  })
})

describe('CompleteMultipartUpload', () => {
  it('sends the parts sorted, in the documented document shape', () => {
    const command = CompleteMultipartUpload({
      ...where,
      MultipartUpload: {
        Parts: [
          { PartNumber: 3, ETag: '"acbd18db4cc2f85cedef654fccc4a4d8"' },
          { PartNumber: 1, ETag: '"a54357aff0632cce46d942af68356b38"' },
          { PartNumber: 2, ETag: '"0c78aef83f66abc1fa1e8477f296d394"', ChecksumSHA256: 'abc=' },
        ],
      },
    })
    expect(command).toMatchObject({
      method: 'POST',
      query: { uploadId: 'VXBsb2FkIElE' },
      headers: { 'content-type': 'application/xml' },
    })
    // S3 API reference, CompleteMultipartUpload "Sample Request".
    expect(command.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<Part><PartNumber>1</PartNumber><ETag>"a54357aff0632cce46d942af68356b38"</ETag></Part>' +
        '<Part><PartNumber>2</PartNumber><ETag>"0c78aef83f66abc1fa1e8477f296d394"</ETag>' +
        '<ChecksumSHA256>abc=</ChecksumSHA256></Part>' +
        '<Part><PartNumber>3</PartNumber><ETag>"acbd18db4cc2f85cedef654fccc4a4d8"</ETag></Part>' +
        '</CompleteMultipartUpload>',
    )
  })

  it('refuses part lists S3 would refuse, before any request', () => {
    const complete = (Parts: unknown) => () =>
      CompleteMultipartUpload({ ...where, MultipartUpload: { Parts: Parts as never } })
    expect(complete([])).toThrow(/at least one part/)
    expect(complete(undefined)).toThrow(InputError)
    expect(
      complete([
        { PartNumber: 1, ETag: '"a"' },
        { PartNumber: 1, ETag: '"b"' },
      ]),
    ).toThrow(/part 1 twice/)
    expect(complete([{ PartNumber: 1, ETag: '' }])).toThrow(/ETag/)
    expect(complete([{ PartNumber: 1 }])).toThrow(/ETag/)
    expect(complete([{ PartNumber: 0, ETag: '"a"' }])).toThrow(/PartNumber/)
    expect(complete([{ PartNumber: 10_001, ETag: '"a"' }])).toThrow(/PartNumber/)
  })

  it('reads the result; an empty ETag (Ceph RGW) is left out', async () => {
    // S3 API reference, CompleteMultipartUpload "Sample Response".
    const aws = ok(
      `<?xml version="1.0" encoding="UTF-8"?>
<CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Location>http://Example-Bucket.s3.us-east-1.amazonaws.com/Example-Object</Location>
  <Bucket>Example-Bucket</Bucket>
  <Key>Example-Object</Key>
  <ETag>"3858f62230ac3c915f300c664312c11f-9"</ETag>
</CompleteMultipartUploadResult>`,
      { 'x-amz-version-id': 'v7' },
    )
    const command = CompleteMultipartUpload({ ...where, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"a"' }] } })
    expect(await parseWith(command, aws)).toEqual({
      Location: 'http://Example-Bucket.s3.us-east-1.amazonaws.com/Example-Object',
      Bucket: 'Example-Bucket',
      Key: 'Example-Object',
      ETag: '"3858f62230ac3c915f300c664312c11f-9"',
      VersionId: 'v7',
    })
    // Captured from Ceph RGW 16.2 (the test server).
    const rgw = ok(
      '<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<Location>localhost/example-bucket/example-object</Location><Bucket>example-bucket</Bucket>' +
        '<Key>example-object</Key><ETag></ETag></CompleteMultipartUploadResult>',
    )
    const output = await parseWith(command, rgw)
    expect(output).toEqual({
      Location: 'localhost/example-bucket/example-object',
      Bucket: 'example-bucket',
      Key: 'example-object',
    })
    expect('ETag' in output).toBe(false)
  })

  it('turns an error sent inside a 200 into an S3Error', async () => {
    const { client } = fakeClient([() => ok(internalErrorIn200)])
    const error = await send(
      client,
      CompleteMultipartUpload({ ...where, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"a"' }] } }),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      code: 'InternalError',
      requestId: '656c76696e6727732072657175657374',
      operation: 'CompleteMultipartUpload',
    })
  })
})

describe('AbortMultipartUpload', () => {
  it('is a DELETE of the upload', async () => {
    const command = AbortMultipartUpload(where)
    expect(command).toMatchObject({
      method: 'DELETE',
      bucket: 'example-bucket',
      key: 'example-object',
      query: { uploadId: 'VXBsb2FkIElE' },
    })
    expect(await parseWith(command, new Response(null, { status: 204 }))).toEqual({})
    expect(() => AbortMultipartUpload({ ...where, UploadId: undefined as never })).toThrow(/UploadId/)
  })
})

// S3 API reference, ListParts "Sample Response".
const listPartsPage = `<?xml version="1.0" encoding="UTF-8"?>
<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Bucket>example-bucket</Bucket>
  <Key>example-object</Key>
  <UploadId>XXBsb2FkIElEIGZvciBlbHZpbmcncyVcdS1tb3ZpZS5tMnRzEEEwbG9hZA</UploadId>
  <Initiator>
      <ID>arn:aws:iam::111122223333:user/some-user-11116a31-17b5-4fb7-9df5-b288870f11xx</ID>
      <DisplayName>umat-user-11116a31-17b5-4fb7-9df5-b288870f11xx</DisplayName>
  </Initiator>
  <Owner>
    <ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID>
    <DisplayName>someName</DisplayName>
  </Owner>
  <StorageClass>STANDARD</StorageClass>
  <PartNumberMarker>1</PartNumberMarker>
  <NextPartNumberMarker>3</NextPartNumberMarker>
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
</ListPartsResult>`

describe('ListParts', () => {
  it('sends the paging parameters', () => {
    expect(ListParts({ ...where, MaxParts: 2, PartNumberMarker: 1 }).query).toEqual({
      uploadId: 'VXBsb2FkIElE',
      'max-parts': '2',
      'part-number-marker': '1',
    })
    expect(() => ListParts({ ...where, MaxParts: 1001 })).toThrow(/MaxParts/)
  })

  it('reads a page and knows the next one', async () => {
    const command = ListParts({ ...where, MaxParts: 2, PartNumberMarker: 1 })
    const page = await parseWith(command, ok(listPartsPage))
    expect(page).toMatchObject({
      Bucket: 'example-bucket',
      IsTruncated: true,
      NextPartNumberMarker: 3,
      PartNumberMarker: 1,
      MaxParts: 2,
      StorageClass: 'STANDARD',
      Owner: { ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a', DisplayName: 'someName' },
    })
    expect(page.Parts).toEqual([
      {
        PartNumber: 2,
        LastModified: new Date('2010-11-10T20:48:34.000Z'),
        ETag: '"7778aef83f66abc1fa1e8477f296d394"',
        Size: 10485760,
      },
      {
        PartNumber: 3,
        LastModified: new Date('2010-11-10T20:48:33.000Z'),
        ETag: '"aaaa18db4cc2f85cedef654fccc4a4x8"',
        Size: 10485760,
      },
    ])
    expect(command.pagination.items(page)).toBe(page.Parts)
    expect(command.pagination.next(page)?.query).toEqual({
      uploadId: 'VXBsb2FkIElE',
      'max-parts': '2',
      'part-number-marker': '3',
    })
    expect(command.pagination.next({ ...page, IsTruncated: false })).toBeUndefined()
    expect(command.pagination.withPageSize(500).query).toMatchObject({ 'max-parts': '500' })
  })

  it('reads an upload without parts as Ceph RGW sends it', async () => {
    // Captured from Ceph RGW 16.2: an empty Owner and no Initiator.
    const rgw =
      '<?xml version="1.0" encoding="UTF-8"?><ListPartsResult ' +
      'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>b</Bucket><Key>dir/z</Key>' +
      '<UploadId>2~l84O</UploadId><StorageClass>STANDARD</StorageClass>' +
      '<PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>0</NextPartNumberMarker>' +
      '<MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated><Owner><ID></ID>' +
      '<DisplayName></DisplayName></Owner></ListPartsResult>'
    const page = await parseWith(ListParts(where), ok(rgw))
    expect(page).toMatchObject({ Parts: [], IsTruncated: false, Key: 'dir/z' })
    expect(ListParts(where).pagination.next(page)).toBeUndefined()
  })

  it('refuses a truncated page that cannot be continued', async () => {
    const stuck = listPartsPage.replace('<NextPartNumberMarker>3</NextPartNumberMarker>', '')
    const command = ListParts(where)
    const page = await parseWith(command, ok(stuck))
    expect(() => command.pagination.next(page)).toThrow(expect.objectContaining({ code: 'InvalidResponse' }))
  })
})

// S3 API reference, ListMultipartUploads "Sample Response" (two of its three uploads).
const uploadsPage = fixture('multipart/aws-list-multipart-uploads.xml')

describe('ListMultipartUploads', () => {
  it('sends filters and markers only when given', () => {
    expect(ListMultipartUploads({ Bucket: 'b-1' }).query).toEqual({ uploads: '' })
    const query = ListMultipartUploads({
      Bucket: 'b-1',
      Prefix: 'photos/',
      Delimiter: '/',
      MaxUploads: 10,
      KeyMarker: 'k',
      UploadIdMarker: 'u',
    }).query
    expect(query).toEqual({
      uploads: '',
      prefix: 'photos/',
      delimiter: '/',
      'max-uploads': '10',
      'key-marker': 'k',
      'upload-id-marker': 'u',
    })
  })

  it('reads a page and continues from both markers', async () => {
    const command = ListMultipartUploads({ Bucket: 'bucket', MaxUploads: 3 })
    const page = await parseWith(command, ok(uploadsPage))
    expect(page).toMatchObject({
      Bucket: 'bucket',
      IsTruncated: true,
      MaxUploads: 3,
      NextKeyMarker: 'my-movie.m2ts',
      CommonPrefixes: [],
    })
    expect(page.Uploads.map((u) => [u.Key, u.UploadId])).toEqual([
      ['my-divisor', 'XMgbGlrZSBlbHZpbmcncyBub3QgaGF2aW5nIG11Y2ggbHVjaw'],
      ['my-movie.m2ts', 'VXBsb2FkIElEIGZvciBlbHZpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA'],
    ])
    expect(page.Uploads[0]).toMatchObject({
      Initiated: new Date('2010-11-10T20:48:33.000Z'),
      StorageClass: 'STANDARD',
      Owner: { DisplayName: 'OwnerDisplayName' },
    })
    expect(command.pagination.next(page)?.query).toEqual({
      uploads: '',
      'max-uploads': '3',
      'key-marker': 'my-movie.m2ts',
      'upload-id-marker': 'YW55IGlkZWEgd2h5IGVsdmluZydzIHVwbG9hZCBmYWlsZWQ',
    })
    expect(command.pagination.items(page)).toHaveLength(2)
  })

  it('reads common prefixes and an empty listing', async () => {
    // S3 API reference, ListMultipartUploads "Example 2: Using the delimiter and the prefix parameters" (trimmed).
    const grouped = `<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Bucket>example-bucket</Bucket>
  <KeyMarker/>
  <UploadIdMarker/>
  <NextKeyMarker/>
  <NextUploadIdMarker/>
  <Delimiter>/</Delimiter>
  <Prefix>photos/2006/</Prefix>
  <MaxUploads>1000</MaxUploads>
  <IsTruncated>false</IsTruncated>
  <CommonPrefixes>
    <Prefix>photos/2006/February/</Prefix>
  </CommonPrefixes>
  <CommonPrefixes>
    <Prefix>photos/2006/January/</Prefix>
  </CommonPrefixes>
</ListMultipartUploadsResult>`
    const command = ListMultipartUploads({ Bucket: 'example-bucket', Prefix: 'photos/2006/', Delimiter: '/' })
    const page = await parseWith(command, ok(grouped))
    expect(page.CommonPrefixes).toEqual([{ Prefix: 'photos/2006/February/' }, { Prefix: 'photos/2006/January/' }])
    expect(page.Uploads).toEqual([])
    expect(command.pagination.next(page)).toBeUndefined()
    // Captured from Ceph RGW 16.2: a bucket with no unfinished upload.
    const empty = await parseWith(
      command,
      ok(
        '<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult ' +
          'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>b</Bucket><MaxUploads>1000</MaxUploads>' +
          '<IsTruncated>false</IsTruncated></ListMultipartUploadsResult>',
      ),
    )
    expect(empty).toMatchObject({ Uploads: [], CommonPrefixes: [], IsTruncated: false })
  })

  it('refuses a truncated page without a next key marker', async () => {
    const stuck = uploadsPage.replace('<NextKeyMarker>my-movie.m2ts</NextKeyMarker>', '')
    const command = ListMultipartUploads({ Bucket: 'bucket' })
    const page = await parseWith(command, ok(stuck))
    expect(() => command.pagination.next(page)).toThrow(
      expect.objectContaining({ code: 'InvalidResponse', operation: 'ListMultipartUploads' }),
    )
  })

  it('continues from the key marker alone when a page names no upload id marker', async () => {
    // A page that ends on a common prefix: AWS sends an empty NextUploadIdMarker there.
    const prefixed = uploadsPage.replace(
      '<NextUploadIdMarker>YW55IGlkZWEgd2h5IGVsdmluZydzIHVwbG9hZCBmYWlsZWQ</NextUploadIdMarker>',
      '<NextUploadIdMarker/>',
    )
    const command = ListMultipartUploads({ Bucket: 'bucket', KeyMarker: 'a', UploadIdMarker: 'earlier' })
    const next = command.pagination.next(await parseWith(command, ok(prefixed)))
    expect(next?.query).toEqual({ uploads: '', 'key-marker': 'my-movie.m2ts' })
    const repeated = ListMultipartUploads({ Bucket: 'bucket', KeyMarker: 'my-movie.m2ts' })
    const same = await parseWith(repeated, ok(prefixed))
    expect(() => repeated.pagination.next(same)).toThrow(/does not move past/)
  })
})
