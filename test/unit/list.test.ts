import { describe, expect, it } from 'vitest'
import { ListObjects } from '../../commands/ListObjects.js'
import { ListObjectsV2 } from '../../commands/ListObjectsV2.js'
import { ListObjectVersions } from '../../commands/ListObjectVersions.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { fakeClient, xml } from '../support/fake-client.js'
import { fixture } from '../support/fixtures.js'

/** The fake client answering every request with `body`. */
const stub = (body: string) => fakeClient([() => xml(body)])

// S3 API reference, ListObjectsV2, "Example 2: Listing keys using the delimiter and prefix parameters"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html#API_ListObjectsV2_Examples).
const documentedV2 = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>example-bucket</Name>
  <Prefix></Prefix>
  <KeyCount>2</KeyCount>
  <MaxKeys>1000</MaxKeys>
  <Delimiter>/</Delimiter>
  <IsTruncated>false</IsTruncated>
  <Contents>
    <Key>sample.jpg</Key>
    <LastModified>2011-02-26T01:56:20.000Z</LastModified>
    <ETag>"bf1d737a4d46a19f3bced6905cc8b902"</ETag>
    <Size>142863</Size>
    <StorageClass>STANDARD</StorageClass>
  </Contents>
  <CommonPrefixes>
    <Prefix>photos/</Prefix>
  </CommonPrefixes>
</ListBucketResult>`

// Same page, "Example: using a continuation token": a truncated page.
const documentedTruncated = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>bucket</Name>
  <Prefix></Prefix>
  <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
  <KeyCount>1</KeyCount>
  <MaxKeys>1</MaxKeys>
  <IsTruncated>true</IsTruncated>
  <Contents>
    <Key>happyface.jpg</Key>
    <LastModified>2014-11-21T19:40:05.000Z</LastModified>
    <ETag>"70ee1738b6b21e2c8a43f3a5ab0eee71"</ETag>
    <Size>11</Size>
    <StorageClass>STANDARD</StorageClass>
  </Contents>
</ListBucketResult>`

// Captured from Ceph RGW 16.2 (the test server) listing with encoding-type=url: a space is %20,
// "+" is %2B, "/" in a key is %2F, control characters are percent-encoded, "'" stays an entity.
const capturedRgwEncoded =
  `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult ` +
  `xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><EncodingType>url</EncodingType><Name>probe</Name>` +
  `<Prefix></Prefix><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><IsTruncated>false</IsTruncated>` +
  `<CommonPrefixes><Prefix>%C3%A9/</Prefix></CommonPrefixes><Contents><Key>%20</Key>` +
  `<LastModified>2026-11-25T21:00:24.082Z</LastModified>` +
  `<ETag>&quot;9dd4e461268c8034f5c8564e155c67a6&quot;</ETag><Size>1</Size>` +
  `<StorageClass>STANDARD</StorageClass><Type>Normal</Type></Contents><Contents><Key>%2541</Key>` +
  `<LastModified>2026-11-25T21:00:24.092Z</LastModified>` +
  `<ETag>&quot;9dd4e461268c8034f5c8564e155c67a6&quot;</ETag><Size>1</Size>` +
  `<StorageClass>STANDARD</StorageClass><Type>Normal</Type></Contents><Contents><Key>a%20b</Key>` +
  `<LastModified>2026-11-25T21:00:23.929Z</LastModified>` +
  `<ETag>&quot;9dd4e461268c8034f5c8564e155c67a6&quot;</ETag><Size>1</Size>` +
  `<StorageClass>STANDARD</StorageClass><Type>Normal</Type></Contents><Contents><Key>a%2Bb</Key>` +
  `<LastModified>2026-11-25T21:00:23.938Z</LastModified>` +
  `<ETag>&quot;9dd4e461268c8034f5c8564e155c67a6&quot;</ETag><Size>1</Size>` +
  `<StorageClass>STANDARD</StorageClass><Type>Normal</Type></Contents><Contents><Key>ctl%01x</Key>` +
  `<LastModified>2026-11-25T21:00:24.015Z</LastModified>` +
  `<ETag>&quot;9dd4e461268c8034f5c8564e155c67a6&quot;</ETag><Size>1</Size>` +
  `<StorageClass>STANDARD</StorageClass><Type>Normal</Type></Contents><Contents><Key>q%22&apos;</Key>` +
  `<LastModified>2026-11-25T21:00:23.991Z</LastModified>` +
  `<ETag>&quot;9dd4e461268c8034f5c8564e155c67a6&quot;</ETag><Size>1</Size>` +
  `<StorageClass>STANDARD</StorageClass><Type>Normal</Type></Contents><Contents><Key>%F0%9F%98%80</Key>` +
  `<LastModified>2026-11-25T21:00:24.000Z</LastModified>` +
  `<ETag>&quot;9dd4e461268c8034f5c8564e155c67a6&quot;</ETag><Size>1</Size>` +
  `<StorageClass>STANDARD</StorageClass><Type>Normal</Type></Contents>` +
  `<KeyCount>8</KeyCount></ListBucketResult>`

// S3 API reference, ListObjects, "Sample Response"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html).
const documentedV1 = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>bucket</Name>
  <Prefix/>
  <Marker/>
  <MaxKeys>1000</MaxKeys>
  <IsTruncated>false</IsTruncated>
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
  </Contents>
</ListBucketResult>`

describe('ListObjectsV2', () => {
  it('asks for list-type=2 and encoding-type=url, with the inputs as query parameters', async () => {
    const { client, calls } = stub(documentedV2)
    await send(
      client,
      ListObjectsV2({
        Bucket: 'example-bucket',
        Prefix: 'a b/',
        Delimiter: '/',
        StartAfter: 'a b/c',
        MaxKeys: 7,
        ContinuationToken: 't+/=',
        FetchOwner: true,
      }),
    )
    const query = Object.fromEntries(new URL(calls[0]!.url).searchParams)
    expect(query).toEqual({
      'list-type': '2',
      'encoding-type': 'url',
      prefix: 'a b/',
      delimiter: '/',
      'start-after': 'a b/c',
      'max-keys': '7',
      'continuation-token': 't+/=',
      'fetch-owner': 'true',
    })
    expect(new URL(calls[0]!.url).search).toContain('prefix=a%20b%2F')
  })

  it('reads the documented response: numbers, dates, ETags, storage classes, common prefixes', async () => {
    const { client } = stub(documentedV2)
    const output = await send(client, ListObjectsV2({ Bucket: 'example-bucket', Delimiter: '/' }))
    expect(output).toEqual({
      Name: 'example-bucket',
      Prefix: '',
      Delimiter: '/',
      MaxKeys: 1000,
      KeyCount: 2,
      IsTruncated: false,
      Contents: [
        {
          Key: 'sample.jpg',
          LastModified: new Date('2011-02-26T01:56:20.000Z'),
          ETag: '"bf1d737a4d46a19f3bced6905cc8b902"',
          Size: 142863,
          StorageClass: 'STANDARD',
        },
      ],
      CommonPrefixes: [{ Prefix: 'photos/' }],
    })
  })

  it('gives empty arrays for an empty bucket', async () => {
    const { client } = stub(
      '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix/>' +
        '<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>',
    )
    const output = await send(client, ListObjectsV2({ Bucket: 'bucket' }))
    expect(output.Contents).toEqual([])
    expect(output.CommonPrefixes).toEqual([])
  })

  it('decodes keys and prefixes sent with encoding-type=url (captured from Ceph RGW)', async () => {
    const { client } = stub(capturedRgwEncoded)
    const output = await send(client, ListObjectsV2({ Bucket: 'probe', Delimiter: '/' }))
    expect(output.Contents.map((o) => o.Key)).toEqual([' ', '%41', 'a b', 'a+b', 'ctl\u0001x', 'q"\'', '😀'])
    expect(output.CommonPrefixes).toEqual([{ Prefix: 'é/' }])
    expect(output.Delimiter).toBe('/')
  })

  it("decodes AWS's form encoding, where a space is '+' and '+' is %2B", async () => {
    const { client } = stub(
      '<ListBucketResult><Name>b</Name><Prefix>my+dir%2F</Prefix><KeyCount>1</KeyCount>' +
        '<MaxKeys>1000</MaxKeys><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>' +
        '<StartAfter>a%2Bb</StartAfter>' +
        '<Contents><Key>my+dir%2Ftest_file%283%29+%2B1.png</Key>' +
        '<LastModified>2024-01-01T00:00:00.000Z</LastModified><ETag>"e"</ETag><Size>0</Size>' +
        '<StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>',
    )
    const output = await send(client, ListObjectsV2({ Bucket: 'bkt', Prefix: 'my dir/', StartAfter: 'a+b' }))
    // Echoed from the input: RGW sends these fields unencoded (see the RGW capture for ListObjects).
    expect(output.Prefix).toBe('my dir/')
    expect(output.StartAfter).toBe('a+b')
    expect(output.Contents[0]!.Key).toBe('my dir/test_file(3) +1.png')
  })

  it('leaves keys alone when the server ignored encoding-type', async () => {
    const { client } = stub(documentedV2.replace('sample.jpg', 'a%20b+c'))
    const output = await send(client, ListObjectsV2({ Bucket: 'example-bucket' }))
    expect(output.Contents[0]!.Key).toBe('a%20b+c')
  })

  it('reports a key that does not URL-decode as InvalidResponse', async () => {
    const { client } = stub(capturedRgwEncoded.replace('a%20b', 'a%zzb'))
    await expect(send(client, ListObjectsV2({ Bucket: 'probe' }))).rejects.toMatchObject({
      name: 'S3Error',
      code: 'InvalidResponse',
      operation: 'ListObjectsV2',
    })
  })

  it('fills in STANDARD when a server leaves StorageClass out, and quotes bare ETags', async () => {
    const { client } = stub(
      documentedV2
        .replace('<StorageClass>STANDARD</StorageClass>', '')
        .replace('"bf1d737a4d46a19f3bced6905cc8b902"', 'bf1d'),
    )
    const [object] = (await send(client, ListObjectsV2({ Bucket: 'example-bucket' }))).Contents
    expect(object).toMatchObject({ StorageClass: 'STANDARD', ETag: '"bf1d"' })
  })

  it('hands the continuation token to the next page, and stops after the last', async () => {
    const { client } = stub(documentedTruncated)
    const command = ListObjectsV2({ Bucket: 'bucket', Prefix: 'p', MaxKeys: 1 })
    const page = await send(client, command)
    const next = command.pagination.next(page)
    expect(next?.query).toMatchObject({
      'continuation-token': '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
      prefix: 'p',
      'max-keys': '1',
    })
    expect(command.pagination.items(page).map((o) => o.Key)).toEqual(['happyface.jpg'])
    expect(command.pagination.withPageSize(7).query).toMatchObject({ 'max-keys': '7', prefix: 'p' })
    expect(command.pagination.next({ ...page, IsTruncated: false })).toBeUndefined()
  })

  it('refuses a truncated page that cannot move the listing forward', async () => {
    const { client } = stub(documentedTruncated)
    const page = await send(client, ListObjectsV2({ Bucket: 'bucket' }))
    const { NextContinuationToken: _token, ...noToken } = page
    expect(() => ListObjectsV2({ Bucket: 'bucket' }).pagination.next(noToken)).toThrow(S3Error)
    const same = ListObjectsV2({ Bucket: 'bucket', ContinuationToken: page.NextContinuationToken! })
    expect(() => same.pagination.next(page)).toThrow(/does not move past/)
  })

  it('checks its input before any request', () => {
    expect(() => ListObjectsV2({ Bucket: 'bucket', MaxKeys: 1001 })).toThrow(InputError)
    expect(() => ListObjectsV2({ Bucket: 'bucket', MaxKeys: 1.5 })).toThrow(/MaxKeys/)
    expect(() => ListObjectsV2({ Bucket: 'no' })).toThrow(/Bucket/)
    expect(() => ListObjectsV2({ Bucket: 'bucket', Prefix: 5 as unknown as string })).toThrow(/Prefix/)
  })
})

describe('ListObjects (v1)', () => {
  it('reads the documented response, with the owner', async () => {
    const { client, calls } = stub(documentedV1)
    const output = await send(client, ListObjects({ Bucket: 'bucket', Marker: 'a b' }))
    expect(Object.fromEntries(new URL(calls[0]!.url).searchParams)).toEqual({ 'encoding-type': 'url', marker: 'a b' })
    expect(output).toEqual({
      Name: 'bucket',
      Prefix: '',
      Marker: 'a b',
      MaxKeys: 1000,
      IsTruncated: false,
      Contents: [
        {
          Key: 'my-image.jpg',
          LastModified: new Date('2009-10-12T17:50:30.000Z'),
          ETag: '"fba9dede5f27731c9771645a39863328"',
          Size: 434234,
          StorageClass: 'STANDARD',
          Owner: { ID: '8a6925ce4a7f21c32aa379004fef', DisplayName: 'mtd@amazon.com' },
        },
      ],
      CommonPrefixes: [],
    })
  })

  const page = (extra: string, entries: string) =>
    `<ListBucketResult><Name>b</Name><Prefix/><Marker/><MaxKeys>2</MaxKeys><EncodingType>url</EncodingType>` +
    `<IsTruncated>true</IsTruncated>${extra}${entries}</ListBucketResult>`
  const key = (k: string) =>
    `<Contents><Key>${k}</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified><ETag>"e"</ETag>` +
    `<Size>1</Size></Contents>`
  const prefix = (p: string) => `<CommonPrefixes><Prefix>${p}</Prefix></CommonPrefixes>`

  it("reads NextMarker encoded (AWS) or not (RGW), by matching it to the page's last key", async () => {
    // AWS encodes NextMarker under encoding-type=url (botocore decodes it).
    const { client } = stub(page('<NextMarker>a%2Bb+1</NextMarker>', key('a%2Bb+1')))
    const command = ListObjects({ Bucket: 'bkt' })
    const output = await send(client, command)
    expect(output.NextMarker).toBe('a+b 1')
    expect(command.pagination.next(output)?.query).toMatchObject({ marker: 'a+b 1' })
    // Captured from Ceph RGW 16.2: Key encoded, Marker and NextMarker not.
    const { client: rgw } = stub(
      '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><EncodingType>url</EncodingType>' +
        '<Name>probe3-mwwm9991</Name><Prefix></Prefix><MaxKeys>1</MaxKeys><Delimiter>/</Delimiter>' +
        '<IsTruncated>true</IsTruncated>' +
        '<Contents><Key>e%25f</Key><LastModified>2026-11-25T21:09:06.115Z</LastModified>' +
        '<ETag>&quot;9dd4e461268c8034f5c8564e155c67a6&quot;</ETag><Size>1</Size>' +
        '<StorageClass>STANDARD</StorageClass></Contents><Marker>c ' +
        'd/</Marker><NextMarker>e%f</NextMarker></ListBucketResult>',
    )
    const fromRgw = await send(rgw, ListObjects({ Bucket: 'bkt', Marker: 'c d/', Delimiter: '/' }))
    expect(fromRgw).toMatchObject({ Marker: 'c d/', NextMarker: 'e%f', Contents: [{ Key: 'e%f' }] })
  })

  it('without NextMarker, continues after the last key', async () => {
    const { client } = stub(page('', key('a') + key('b%20c')))
    const command = ListObjects({ Bucket: 'bkt' })
    const output = await send(client, command)
    expect(output.NextMarker).toBe('b c')
    expect(command.pagination.next(output)?.query).toMatchObject({ marker: 'b c' })
  })

  it('without NextMarker, continues after the last common prefix when it sorts after the last key', async () => {
    const { client } = stub(page('', key('a') + prefix('dir%2F')))
    expect((await send(client, ListObjects({ Bucket: 'bkt', Delimiter: '/' }))).NextMarker).toBe('dir/')
    // UTF-8 order: U+FFFD sorts before U+1F600 although its UTF-16 code unit is larger.
    const { client: other } = stub(page('', key('%F0%9F%98%80') + prefix('%EF%BF%BD%2F')))
    expect((await send(other, ListObjects({ Bucket: 'bkt', Delimiter: '/' }))).NextMarker).toBe('😀')
  })

  it('has no NextMarker on the last page', async () => {
    const { client } = stub(documentedV1)
    const command = ListObjects({ Bucket: 'bucket' })
    const output = await send(client, command)
    expect('NextMarker' in output).toBe(false)
    expect(command.pagination.next(output)).toBeUndefined()
  })
})

// S3 API reference, ListObjectVersions, "Sample Response"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html#API_ListObjectVersions_Examples).
const documentedVersions = fixture('list/aws-list-object-versions.xml')

describe('ListObjectVersions', () => {
  it('reads the documented response: one version and one delete marker, as arrays', async () => {
    const { client, calls } = stub(documentedVersions)
    const output = await send(client, ListObjectVersions({ Bucket: 'bucket', Prefix: 'my', MaxKeys: 5 }))
    expect(Object.fromEntries(new URL(calls[0]!.url).searchParams)).toEqual({
      versions: '',
      'encoding-type': 'url',
      prefix: 'my',
      'max-keys': '5',
    })
    const owner = {
      ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a',
      DisplayName: 'mtd@amazon.com',
    }
    expect(output).toEqual({
      Name: 'bucket',
      Prefix: 'my',
      MaxKeys: 5,
      IsTruncated: false,
      Versions: [
        {
          Key: 'my-image.jpg',
          VersionId: '3/L4kqtJl40Nr8X8gdRQBpUMLUo',
          IsLatest: true,
          LastModified: new Date('2009-10-12T17:50:30.000Z'),
          ETag: '"fba9dede5f27731c9771645a39863328"',
          Size: 434234,
          StorageClass: 'STANDARD',
          Owner: owner,
        },
      ],
      DeleteMarkers: [
        {
          Key: 'my-second-image.jpg',
          VersionId: '03jpff543dhffds434rfdsFDN943fdsFkdmqnh892',
          IsLatest: true,
          LastModified: new Date('2009-11-12T17:50:30.000Z'),
          Owner: owner,
        },
      ],
      CommonPrefixes: [],
    })
  })

  it("continues from RGW's unencoded NextKeyMarker and NextVersionIdMarker", async () => {
    // Captured from Ceph RGW 16.2 (encoding-type=url, max-keys=1): Key encoded, markers not.
    const { client } = stub(
      '<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><EncodingType>url</EncodingType>' +
        '<Name>probe3-mwwm9991</Name><Prefix></Prefix><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated>' +
        '<KeyMarker>a+b 1</KeyMarker><VersionIdMarker></VersionIdMarker><NextKeyMarker>a+b ' +
        '2</NextKeyMarker><NextVersionIdMarker>null</NextVersionIdMarker><Version><Key>a%2Bb%202</Key>' +
        '<VersionId>null</VersionId><IsLatest>true</IsLatest>' +
        '<LastModified>2026-11-25T21:09:06.115Z</LastModified>' +
        '<ETag>&quot;9dd4e461268c8034f5c8564e155c67a6&quot;</ETag><Size>1</Size>' +
        '<StorageClass>STANDARD</StorageClass><Owner><ID>test</ID><DisplayName>Test ' +
        'User</DisplayName></Owner><Type>Normal</Type></Version></ListVersionsResult>',
    )
    const command = ListObjectVersions({ Bucket: 'bucket', KeyMarker: 'a+b 1', MaxKeys: 1 })
    const output = await send(client, command)
    expect(output).toMatchObject({
      KeyMarker: 'a+b 1',
      NextKeyMarker: 'a+b 2',
      NextVersionIdMarker: 'null',
      Versions: [{ Key: 'a+b 2', VersionId: 'null' }],
    })
    expect(command.pagination.next(output)?.query).toMatchObject({
      'key-marker': 'a+b 2',
      'version-id-marker': 'null',
      'max-keys': '1',
    })
    expect(command.pagination.items(output)).toHaveLength(1)
  })

  it('continues from the key marker alone when a truncated page names no version marker', async () => {
    // A page that ends on a common prefix names no NextVersionIdMarker (RGW capture above, trimmed).
    const { client } = stub(
      '<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><EncodingType>url</EncodingType><Name>b</Name>' +
        '<Prefix></Prefix><Delimiter>/</Delimiter><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated>' +
        '<NextKeyMarker>dir/</NextKeyMarker><CommonPrefixes>' +
        '<Prefix>dir%2F</Prefix></CommonPrefixes></ListVersionsResult>',
    )
    const command = ListObjectVersions({ Bucket: 'bucket', Delimiter: '/', KeyMarker: 'a', VersionIdMarker: 'v1' })
    const output = await send(client, command)
    expect(output).toMatchObject({ NextKeyMarker: 'dir/', CommonPrefixes: [{ Prefix: 'dir/' }] })
    expect('NextVersionIdMarker' in output).toBe(false)
    expect(command.pagination.next(output)?.query).toEqual({
      versions: '',
      'encoding-type': 'url',
      delimiter: '/',
      'key-marker': 'dir/',
    })
    const same = ListObjectVersions({ Bucket: 'bucket', Delimiter: '/', KeyMarker: 'dir/' })
    expect(() => same.pagination.next(output)).toThrow(/does not move past/)
  })
})
