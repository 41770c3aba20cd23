import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import {
  CreateBucket,
  DeleteBucket,
  ListBuckets,
  ListObjects,
  ListObjectsV2,
  type ObjectSummary,
  type PaginatedCommand,
  PutObject,
  paginate,
  paginateItems,
  send,
} from '../../src/index.js'
import { server, testClient, uniqueBucket } from './env.js'
import { putAll, s3Order, trickyKeys } from './list-keys.js'

type Page = { Contents: ObjectSummary[]; CommonPrefixes: { Prefix: string }[]; Prefix: string; Delimiter?: string }

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

describe('listing 2,500 tricky keys against a real server', () => {
  const client = testClient()
  const Bucket = uniqueBucket('list')
  const keys = trickyKeys(2500)
  const expected = s3Order(keys)

  beforeAll(async () => {
    await send(client, CreateBucket({ Bucket }))
    await putAll(client, Bucket, keys)
  })
  afterAll(async () => {
    await deleteBucket(client, Bucket, { force: true })
  })

  it.each([1, 7, 1000])(
    'ListObjectsV2 through paginate with page size %i lists every key exactly once, in order',
    async (pageSize) => {
      const pages = await collect(paginate(client, ListObjectsV2({ Bucket }), { pageSize }))
      expect(pages.flatMap((page) => page.Contents.map((o) => o.Key))).toEqual(expected)
      expect(pages).toHaveLength(Math.ceil(keys.length / pageSize))
      expect(pages.every((page) => page.KeyCount === page.Contents.length && page.Contents.length <= pageSize)).toBe(
        true,
      )
    },
  )

  it.each([7, 1000])(
    'ListObjects (v1) through paginateItems with page size %i lists every key exactly once',
    async (pageSize) => {
      const items = await collect(paginateItems(client, ListObjects({ Bucket }), { pageSize }))
      expect(items.map((o) => o.Key)).toEqual(expected)
    },
  )

  const rolledUp = (prefix: string) => {
    const below = keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))
    return {
      Contents: s3Order(below.filter((k) => !k.includes('/')).map((k) => prefix + k)),
      CommonPrefixes: s3Order([
        ...new Set(below.filter((k) => k.includes('/')).map((k) => prefix + k.slice(0, k.indexOf('/') + 1))),
      ]),
    }
  }

  it.each(['', 'a/', 'a/b/', 'é/'])(
    'Delimiter "/" under prefix %j gives the right CommonPrefixes and keys (V2 and V1, pages of 7)',
    async (Prefix) => {
      const want = rolledUp(Prefix)
      expect(want.Contents.length + want.CommonPrefixes.length).toBeGreaterThan(0)
      const check = async <O extends Page>(command: PaginatedCommand<O, ObjectSummary>) => {
        const pages = await collect(paginate(client, command, { pageSize: 7 }))
        expect(pages.flatMap((p) => p.Contents.map((o) => o.Key))).toEqual(want.Contents)
        expect(pages.flatMap((p) => p.CommonPrefixes.map((c) => c.Prefix))).toEqual(want.CommonPrefixes)
        expect(pages.every((p) => p.Prefix === Prefix && p.Delimiter === '/')).toBe(true)
      }
      await check(ListObjectsV2({ Bucket, Prefix, Delimiter: '/' }))
      await check(ListObjects({ Bucket, Prefix, Delimiter: '/' }))
    },
  )

  it(
    'lists a whitespace-only prefix, rolls up by another delimiter under an emoji prefix, ' +
      'and starts after any key',
    async () => {
      const blank = await send(client, ListObjectsV2({ Bucket, Prefix: ' ' }))
      expect(blank.Contents.map((o) => o.Key)).toEqual([' ', '  '])
      const page = await send(client, ListObjectsV2({ Bucket, Prefix: '😀/', Delimiter: '-', MaxKeys: 1000 }))
      expect(page.CommonPrefixes.map((c) => c.Prefix)).toEqual(
        rolledUpBy(
          keys.filter((k) => k.startsWith('😀/')),
          '😀/',
          '-',
        ),
      )
      const after = expected[1234]!
      const rest = await collect(
        paginateItems(client, ListObjectsV2({ Bucket, StartAfter: after }), { pageSize: 1000 }),
      )
      expect(rest.map((o) => o.Key)).toEqual(expected.slice(1235))
    },
  )

  it('reports sizes, dates, ETags and owners', async () => {
    const { Contents } = await send(client, ListObjectsV2({ Bucket, Prefix: 'a/b/c/', MaxKeys: 3, FetchOwner: true }))
    expect(Contents).toHaveLength(3)
    for (const object of Contents) {
      expect(object).toMatchObject({ Size: 1, ETag: '"9dd4e461268c8034f5c8564e155c67a6"', StorageClass: 'STANDARD' })
      expect(Date.now() - object.LastModified.getTime()).toBeLessThan(3_600_000)
      expect(object.Owner?.ID).toBe(server().userId ?? 'test')
    }
  })
})

function rolledUpBy(keys: string[], prefix: string, delimiter: string): string[] {
  return s3Order([
    ...new Set(
      keys
        .map((k) => k.slice(prefix.length))
        .filter((k) => k.includes(delimiter))
        .map((k) => prefix + k.slice(0, k.indexOf(delimiter) + 1)),
    ),
  ])
}

describe('storage classes in listings', () => {
  const client = testClient()
  const Bucket = uniqueBucket('classes')

  beforeAll(async () => {
    await send(client, CreateBucket({ Bucket }))
  })
  afterAll(async () => {
    await deleteBucket(client, Bucket, { force: true })
  })

  it('shows STANDARD_IA and GLACIER for objects put with those classes', async () => {
    await send(client, PutObject({ Bucket, Key: 'logs/cold.log', Body: 'x', StorageClass: 'GLACIER' }))
    await send(client, PutObject({ Bucket, Key: 'logs/cool.log', Body: 'x', StorageClass: 'STANDARD_IA' }))
    await send(client, PutObject({ Bucket, Key: 'logs/hot.log', Body: 'x' }))
    const classes = (await collect(paginateItems(client, ListObjectsV2({ Bucket, Prefix: 'logs/' })))).map((o) => [
      o.Key,
      o.StorageClass,
    ])
    expect(classes).toEqual([
      ['logs/cold.log', 'GLACIER'],
      ['logs/cool.log', 'STANDARD_IA'],
      ['logs/hot.log', 'STANDARD'],
    ])
    const v1 = (await send(client, ListObjects({ Bucket, Prefix: 'logs/' }))).Contents.map((o) => o.StorageClass)
    expect(v1).toEqual(['GLACIER', 'STANDARD_IA', 'STANDARD'])
  })
})

describe('ListBuckets through paginate', () => {
  const client = testClient()
  const names = [uniqueBucket('pages-a'), uniqueBucket('pages-b'), uniqueBucket('pages-c')]

  beforeAll(async () => {
    for (const Bucket of names) await send(client, CreateBucket({ Bucket }))
  })
  afterAll(async () => {
    for (const Bucket of names) await send(client, DeleteBucket({ Bucket }))
  })

  it(
    'lists every bucket exactly once with a page size of 1 (RGW ignores MaxBuckets; AWS pages with ' +
      'ContinuationToken)',
    async () => {
      const listed = (await collect(paginateItems(client, ListBuckets(), { pageSize: 1 }))).map((b) => b.Name)
      expect(new Set(listed).size).toBe(listed.length)
      expect(listed.filter((name) => names.includes(name)).sort()).toEqual([...names].sort())
    },
  )
})
