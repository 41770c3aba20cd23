import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DeleteObjects } from '../../commands/DeleteObjects.js'
import { InputError } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { fakeClient, xml } from '../support/fake-client.js'

/** The fake client answering every request with `body`. */
const stub = (body: string) => fakeClient([() => xml(body)])

// S3 API reference, DeleteObjects, "Example 1: Multi-object delete resulting in mixed success/error
// response" (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html#API_DeleteObjects_Examples).
const documentedMixed = `<?xml version="1.0" encoding="UTF-8"?>
<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Deleted>
    <Key>sample1.txt</Key>
  </Deleted>
  <Error>
    <Key>sample2.txt</Key>
    <Code>AccessDenied</Code>
    <Message>Access Denied</Message>
  </Error>
</DeleteResult>`

// Same page, "Example 3: Deleting an object from a versioned bucket without a version ID" (a delete marker is created).
const documentedMarker = `<?xml version="1.0" encoding="UTF-8"?>
<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Deleted>
    <Key>SampleDocument.txt</Key>
    <DeleteMarker>true</DeleteMarker>
    <DeleteMarkerVersionId>NeQt5xeFTfgPJD8B4CGWnkSLtluMr11s</DeleteMarkerVersionId>
  </Deleted>
</DeleteResult>`

// Captured from Ceph RGW 16.2: a bucket policy denies s3:DeleteObject on "keep".
const capturedRgwDenied =
  '<?xml version="1.0" encoding="UTF-8"?><DeleteResult ' +
  'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Error><Key>keep</Key><VersionId></VersionId>' +
  '<Code>AccessDenied</Code><Message>AccessDenied</Message></Error><Deleted>' +
  '<Key>go</Key></Deleted></DeleteResult>'

describe('DeleteObjects', () => {
  it('POSTs ?delete with the documented request document and its Content-MD5, and no checksum header', async () => {
    const { client, calls } = stub(documentedMixed)
    await send(
      client,
      DeleteObjects({ Bucket: 'bucket', Delete: { Objects: [{ Key: 'sample1.txt' }, { Key: 'sample2.txt' }] } }),
    )
    const [request] = calls
    const body = await request!.text()
    expect(new URL(request!.url).pathname).toBe('/bucket')
    expect(new URL(request!.url).search).toBe('?delete')
    expect(body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Delete ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>sample1.txt</Key></Object><Object>' +
        '<Key>sample2.txt</Key></Object></Delete>',
    )
    expect(request!.headers.get('content-md5')).toBe(createHash('md5').update(body).digest('base64'))
    expect(
      [...request!.headers.keys()].filter(
        (name) => name.startsWith('x-amz-checksum') || name === 'x-amz-sdk-checksum-algorithm',
      ),
    ).toEqual([])
  })

  it('sends versions, Quiet and governance bypass, escaping keys', async () => {
    const { client, calls } = stub('<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></DeleteResult>')
    const output = await send(
      client,
      DeleteObjects({
        Bucket: 'bucket',
        Delete: { Objects: [{ Key: 'a&<b>/./c\r', VersionId: 'v1' }], Quiet: true },
        BypassGovernanceRetention: true,
      }),
    )
    expect(output).toEqual({ Deleted: [], Errors: [] })
    expect(await calls[0]!.text()).toContain(
      '<Object><Key>a&amp;&lt;b&gt;/./c&#13;</Key><VersionId>v1</VersionId></Object><Quiet>true</Quiet>',
    )
    expect(calls[0]!.headers.get('x-amz-bypass-governance-retention')).toBe('true')
  })

  it('reads the documented mixed result into Deleted and Errors', async () => {
    const { client } = stub(documentedMixed)
    const output = await send(
      client,
      DeleteObjects({ Bucket: 'bucket', Delete: { Objects: [{ Key: 'sample1.txt' }, { Key: 'sample2.txt' }] } }),
    )
    expect(output).toEqual({
      Deleted: [{ Key: 'sample1.txt' }],
      Errors: [{ Key: 'sample2.txt', Code: 'AccessDenied', Message: 'Access Denied' }],
    })
  })

  it('reads delete markers', async () => {
    const { client } = stub(documentedMarker)
    const output = await send(
      client,
      DeleteObjects({ Bucket: 'bucket', Delete: { Objects: [{ Key: 'SampleDocument.txt' }] } }),
    )
    expect(output.Deleted).toEqual([
      { Key: 'SampleDocument.txt', DeleteMarker: true, DeleteMarkerVersionId: 'NeQt5xeFTfgPJD8B4CGWnkSLtluMr11s' },
    ])
  })

  it("reads RGW's per-key AccessDenied, dropping its empty VersionId", async () => {
    const { client } = stub(capturedRgwDenied)
    const output = await send(
      client,
      DeleteObjects({ Bucket: 'bucket', Delete: { Objects: [{ Key: 'keep' }, { Key: 'go' }] } }),
    )
    expect(output).toEqual({
      Deleted: [{ Key: 'go' }],
      Errors: [{ Key: 'keep', Code: 'AccessDenied', Message: 'AccessDenied' }],
    })
  })

  it('takes 1 to 1,000 keys', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}` }))
    expect(() => DeleteObjects({ Bucket: 'bucket', Delete: { Objects: keys(1000) } })).not.toThrow()
    expect(() => DeleteObjects({ Bucket: 'bucket', Delete: { Objects: keys(1001) } })).toThrow(InputError)
    expect(() => DeleteObjects({ Bucket: 'bucket', Delete: { Objects: [] } })).toThrow(/Delete.Objects/)
  })

  it('refuses keys that XML cannot carry or S3 cannot store, naming the entry', () => {
    const one = (Key: string) => () =>
      DeleteObjects({ Bucket: 'bucket', Delete: { Objects: [{ Key: 'fine' }, { Key }] } })
    expect(one('ctl\u0001')).toThrow(/Delete\.Objects\[1\]\.Key/)
    expect(one('vt\u000b')).toThrow(InputError)
    expect(one('')).toThrow(InputError)
    expect(one('é'.repeat(513))).toThrow(/1,024 bytes/)
    expect(one('\ud800')).toThrow(InputError)
  })
})
