import { describe, expect, it, onTestFinished } from 'vitest'
import { CreateBucket } from '../../commands/CreateBucket.js'
import { ListBuckets } from '../../commands/ListBuckets.js'
import { PutObject } from '../../commands/PutObject.js'
import { Location, regionOfLocation } from '../../src/core/locations.js'
import { parseWith } from '../support/fake-client.js'

describe('CreateBucket', () => {
  it('sends the location document for locations other than us-east-1', () => {
    const command = CreateBucket({
      Bucket: 'my-bucket',
      ACL: 'public-read',
      CreateBucketConfiguration: { LocationConstraint: Location.EU },
    })
    expect(command).toMatchObject({ method: 'PUT', bucket: 'my-bucket', headers: { 'x-amz-acl': 'public-read' } })
    // Shape of the request example in the S3 API reference (CreateBucket, "Sample Request: Specify the Region").
    expect(command.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><CreateBucketConfiguration ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<LocationConstraint>EU</LocationConstraint></CreateBucketConfiguration>',
    )
  })

  it('sends no body for us-east-1, as S3 requires', () => {
    expect(CreateBucket({ Bucket: 'my-bucket' }).body).toBeUndefined()
    expect(
      CreateBucket({ Bucket: 'my-bucket', CreateBucketConfiguration: { LocationConstraint: Location.us_east_1 } }).body,
    ).toBeUndefined()
    expect(
      CreateBucket({ Bucket: 'my-bucket', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' } }).body,
    ).toBeUndefined()
    // Nor a content type for the body it does not send.
    expect(
      CreateBucket({ Bucket: 'my-bucket', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' } }).headers,
    ).toEqual({})
  })

  it('maps legacy locations to regions', () => {
    expect(regionOfLocation(Location.EU)).toBe('eu-west-1')
    expect(regionOfLocation('')).toBe('us-east-1')
    expect(regionOfLocation(Location.us_east_1)).toBe('us-east-1')
    expect(regionOfLocation(Location.us_west_2)).toBe('us-west-2')
  })
})

describe('PutObject', () => {
  it('turns fields into headers', () => {
    const command = PutObject({
      Bucket: 'b-1',
      Key: 'k',
      Body: 'x',
      ContentType: 'text/plain',
      CacheControl: 'max-age=60',
      ContentDisposition: 'attachment; filename="a.txt"',
      StorageClass: 'STANDARD_IA',
      ACL: 'public-read',
      Expires: new Date('2030-01-01T00:00:00Z'),
      Metadata: { Color: 'blue', greeting: 'Grüße' },
    })
    expect(command.headers).toEqual({
      'content-type': 'text/plain',
      'cache-control': 'max-age=60',
      'content-disposition': 'attachment; filename="a.txt"',
      'x-amz-storage-class': 'STANDARD_IA',
      'x-amz-acl': 'public-read',
      expires: 'Tue, 01 Jan 2030 00:00:00 GMT',
      'x-amz-meta-color': 'blue',
      'x-amz-meta-greeting': '=?UTF-8?B?R3LDvMOfZQ==?=',
    })
    expect(command.contentLength).toBe(1)
  })
})

describe('ListBuckets', () => {
  const parse = (xml: string) => parseWith(ListBuckets(), new Response(xml, { status: 200 }))

  it('parses the ListBuckets response example of the S3 API reference', async () => {
    // S3 API reference, ListBuckets, "Sample Response".
    const out = await parse(`<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01">
  <Owner>
    <ID>bcaf1ffd86f461ca5fb16fd081034f</ID>
    <DisplayName>webfile</DisplayName>
  </Owner>
  <Buckets>
    <Bucket>
      <Name>quotes</Name>
      <CreationDate>2006-02-03T16:45:09.000Z</CreationDate>
    </Bucket>
    <Bucket>
      <Name>samples</Name>
      <CreationDate>2006-02-03T16:41:58.000Z</CreationDate>
    </Bucket>
  </Buckets>
</ListAllMyBucketsResult>`)
    expect(out).toEqual({
      Owner: { ID: 'bcaf1ffd86f461ca5fb16fd081034f', DisplayName: 'webfile' },
      Buckets: [
        { Name: 'quotes', CreationDate: new Date('2006-02-03T16:45:09.000Z') },
        { Name: 'samples', CreationDate: new Date('2006-02-03T16:41:58.000Z') },
      ],
    })
  })

  it('gives arrays for one bucket and for none', async () => {
    const one = await parse(
      '<ListAllMyBucketsResult><Buckets><Bucket><Name>only</Name>' +
        '<CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>',
    )
    expect(one.Buckets.map((b) => b.Name)).toEqual(['only'])
    expect((await parse('<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>')).Buckets).toEqual([])
    expect(
      (
        await parse(
          '<ListAllMyBucketsResult><Owner><ID>test</ID></Owner><Buckets>\n  </Buckets></ListAllMyBucketsResult>',
        )
      ).Buckets,
    ).toEqual([])
    expect(
      (await parse('<ListAllMyBucketsResult><Owner><ID>test</ID></Owner></ListAllMyBucketsResult>')).Buckets,
    ).toEqual([])
  })

  it('keeps names that look like numbers as strings', async () => {
    const out = await parse(
      '<ListAllMyBucketsResult><Buckets><Bucket><Name>0012</Name>' +
        '<CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>',
    )
    expect(out.Buckets[0]!.Name).toBe('0012')
  })

  it('reports a malformed document as InvalidResponse', async () => {
    await expect(
      parse(
        '<ListAllMyBucketsResult><Buckets><Bucket><Name>x</Name>' +
          '<CreationDate>yesterday</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>',
      ),
    ).rejects.toMatchObject({ code: 'InvalidResponse', operation: 'ListBuckets' })
    await expect(parse('not xml <<<')).rejects.toMatchObject({ code: 'InvalidResponse' })
  })
})

describe('timestamps in documents', () => {
  it('reads a time without a zone as UTC, as S3 means it', async () => {
    // A zone far from UTC, so that reading the time as local time would show.
    const saved = process.env.TZ
    process.env.TZ = 'America/New_York'
    onTestFinished(() => {
      process.env.TZ = saved
    })
    expect(new Date('2024-05-06T07:08:09.000').toISOString()).not.toBe('2024-05-06T07:08:09.000Z')
    const parse = (xml: string) => parseWith(ListBuckets(), new Response(xml, { status: 200 }))
    const out = await parse(
      '<ListAllMyBucketsResult><Buckets><Bucket><Name>b-1</Name>' +
        '<CreationDate>2024-05-06T07:08:09.000</CreationDate></Bucket><Bucket><Name>b-2</Name>' +
        '<CreationDate>2024-05-06T07:08:09.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>',
    )
    expect(out.Buckets.map((b) => b.CreationDate.toISOString())).toEqual([
      '2024-05-06T07:08:09.000Z',
      '2024-05-06T07:08:09.000Z',
    ])
  })
})
