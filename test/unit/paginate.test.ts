import { describe, expect, it } from 'vitest'
import { ListBuckets } from '../../commands/ListBuckets.js'
import { ListObjects } from '../../commands/ListObjects.js'
import { ListObjectsV2 } from '../../commands/ListObjectsV2.js'
import { InputError } from '../../src/core/errors.js'
import { paginate, paginateItems } from '../../src/helpers/paginate.js'
import { fakeClient } from '../support/fake-client.js'

const keys = Array.from({ length: 25 }, (_, i) => `key-${String(i).padStart(3, '0')}`)

/**
 * A listing server over `keys`, answering with the documented shapes of ListObjectsV2 / ListObjects
 * (S3 API reference, ListObjectsV2 and ListObjects, response syntax): pages of max-keys entries,
 * a continuation token while truncated (V2), no NextMarker without a delimiter (V1).
 */
function listingServer() {
  const requests: URLSearchParams[] = []
  const { client } = fakeClient([
    (request) => {
      const query = new URL(request.url).searchParams
      requests.push(query)
      const max = Number(query.get('max-keys') ?? 1000)
      const after = query.get('continuation-token') ?? query.get('marker') ?? ''
      const page = keys.filter((k) => k > after).slice(0, max)
      const truncated = keys.indexOf(page.at(-1) ?? '') < keys.length - 1 && page.length > 0
      const contents = page
        .map(
          (k) =>
            `<Contents><Key>${k}</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified><ETag>"e"</ETag>` +
            `<Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>`,
        )
        .join('')
      const v2 = query.get('list-type') === '2'
      const body =
        `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bucket</Name><Prefix></Prefix>` +
        (v2 ? `<KeyCount>${page.length}</KeyCount>` : `<Marker>${after}</Marker>`) +
        `<MaxKeys>${max}</MaxKeys><IsTruncated>${truncated}</IsTruncated>` +
        (v2 && truncated ? `<NextContinuationToken>${page.at(-1)}</NextContinuationToken>` : '') +
        `${contents}</ListBucketResult>`
      return new Response(body, { status: 200 })
    },
  ])
  return { client, requests }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

describe('paginate', () => {
  it.each([1, 7, 1000])('lists every key exactly once with ListObjectsV2 and page size %i', async (pageSize) => {
    const { client, requests } = listingServer()
    const pages = await collect(paginate(client, ListObjectsV2({ Bucket: 'bucket' }), { pageSize }))
    expect(pages.flatMap((p) => p.Contents.map((o) => o.Key))).toEqual(keys)
    expect(pages).toHaveLength(Math.ceil(keys.length / pageSize))
    expect(requests.every((q) => q.get('max-keys') === String(pageSize))).toBe(true)
  })

  it('follows the last key as marker with ListObjects (v1)', async () => {
    const { client, requests } = listingServer()
    const items = await collect(paginateItems(client, ListObjects({ Bucket: 'bucket' }), { pageSize: 10 }))
    expect(items.map((o) => o.Key)).toEqual(keys)
    expect(requests.map((q) => q.get('marker'))).toEqual([null, 'key-009', 'key-019'])
  })

  it('makes no request until iterated, and none after the loop stops', async () => {
    const { client, requests } = listingServer()
    const pages = paginate(client, ListObjectsV2({ Bucket: 'bucket' }), { pageSize: 5 })
    expect(requests).toHaveLength(0)
    for await (const page of pages) {
      expect(page.KeyCount).toBe(5)
      break
    }
    expect(requests).toHaveLength(1)
  })

  it('stops with the signal', async () => {
    const { client, requests } = listingServer()
    const controller = new AbortController()
    const seen: string[] = []
    await expect(async () => {
      for await (const object of paginateItems(client, ListObjectsV2({ Bucket: 'bucket' }), {
        pageSize: 5,
        signal: controller.signal,
      })) {
        seen.push(object.Key)
        if (seen.length === 7) controller.abort(new Error('enough'))
      }
    }).rejects.toThrow('enough')
    expect(requests).toHaveLength(2)
  })

  it('checks the page size before any request', async () => {
    const { client, requests } = listingServer()
    await expect(paginate(client, ListObjectsV2({ Bucket: 'bucket' }), { pageSize: 0 }).next()).rejects.toThrow(
      InputError,
    )
    expect(requests).toHaveLength(0)
    expect(() => ListObjectsV2({ Bucket: 'bucket' }).pagination.withPageSize(1001)).toThrow(/MaxKeys/)
  })

  it('pages through ListBuckets with ContinuationToken and MaxBuckets', async () => {
    // ListBuckets response syntax with ContinuationToken (S3 API reference, ListBuckets).
    const seen: URLSearchParams[] = []
    const { client } = fakeClient([
      (request) => {
        const query = new URL(request.url).searchParams
        seen.push(query)
        const first = !query.has('continuation-token')
        const name = first ? 'bucket-one' : 'bucket-two'
        return new Response(
          `<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Buckets><Bucket>` +
            `<Name>${name}</Name><CreationDate>2019-12-11T23:32:47+00:00</CreationDate></Bucket></Buckets>` +
            `<Owner><DisplayName>owner</DisplayName>` +
            `<ID>id</ID></Owner>${first ? '<ContinuationToken>next-please</ContinuationToken>' : ''}` +
            `</ListAllMyBucketsResult>`,
        )
      },
    ])
    const buckets = await collect(paginateItems(client, ListBuckets(), { pageSize: 1 }))
    expect(buckets.map((b) => b.Name)).toEqual(['bucket-one', 'bucket-two'])
    expect(seen.map((q) => [q.get('max-buckets'), q.get('continuation-token')])).toEqual([
      ['1', null],
      ['1', 'next-please'],
    ])
  })
})

describe('ListBuckets pages', () => {
  it('ends in a typed error when the server hands back the token it was given', async () => {
    // ListBuckets response syntax with ContinuationToken (S3 API reference, ListBuckets).
    const { client, calls } = fakeClient([
      () =>
        new Response(
          '<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Buckets><Bucket>' +
            '<Name>bucket-one</Name><CreationDate>2019-12-11T23:32:47+00:00</CreationDate></Bucket></Buckets>' +
            '<ContinuationToken>same</ContinuationToken></ListAllMyBucketsResult>',
        ),
    ])
    await expect(collect(paginate(client, ListBuckets({ ContinuationToken: 'same' })))).rejects.toMatchObject({
      code: 'InvalidResponse',
      operation: 'ListBuckets',
    })
    expect(calls).toHaveLength(1)
  })
})
