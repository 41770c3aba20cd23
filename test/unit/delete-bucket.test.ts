import { describe, expect, it } from 'vitest'
import { InputError, S3Error } from '../../src/core/errors.js'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import { emptyBucket } from '../../src/helpers/empty-bucket.js'
import { fakeClient } from '../support/fake-client.js'

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const urlKey = (key: string) => encodeURIComponent(key)

/**
 * A bucket server answering with the documented response shapes (S3 API reference: ListObjectsV2,
 * DeleteObjects, ListObjectVersions, ListMultipartUploads, DeleteObject, DeleteBucket). It keeps the
 * keys (listing them as version "null" too, as S3 does for an unversioned bucket), refuses to
 * delete those in `protectedKeys`, and records how many DeleteObjects requests were in flight at
 * once: it holds each answer until two are waiting or the listing has ended, so that requests
 * overlap whenever the client lets them.
 */
function bucketServer(initial: string[], protectedKeys: string[] = []) {
  const keys = new Set(initial)
  const log: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  let listed = false
  const waiting: (() => void)[] = []
  const release = () => {
    if (inFlight >= 2 || listed) for (const go of waiting.splice(0)) go()
  }
  const { client } = fakeClient(
    [
      async (request) => {
        const url = new URL(request.url)
        const method = request.method
        const q = url.searchParams
        if (method === 'GET' && q.get('list-type') === '2') {
          log.push('list')
          const sorted = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
          const after = q.get('continuation-token') ?? ''
          const page = sorted.filter((k) => Buffer.compare(Buffer.from(k), Buffer.from(after)) > 0).slice(0, 1000)
          const truncated = page.length > 0 && page.at(-1) !== sorted.at(-1)
          if (!truncated) {
            listed = true
            release()
          }
          const contents = page.map(
            (k) =>
              `<Contents><Key>${urlKey(k)}</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified>` +
              `<ETag>"e"</ETag><Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>`,
          )
          return new Response(
            `<ListBucketResult><Name>bucket</Name><Prefix></Prefix><KeyCount>${page.length}</KeyCount>` +
              `<MaxKeys>1000</MaxKeys><EncodingType>url</EncodingType><IsTruncated>${truncated}</IsTruncated>` +
              `${truncated ? `<NextContinuationToken>${xmlText(page.at(-1)!)}</NextContinuationToken>` : ''}` +
              `${contents.join('')}</ListBucketResult>`,
          )
        }
        if (method === 'POST' && q.has('delete')) {
          log.push('delete-objects')
          inFlight++
          maxInFlight = Math.max(maxInFlight, inFlight)
          await new Promise<void>((resolve) => {
            waiting.push(resolve)
            release()
          })
          inFlight--
          const body = await request.text()
          const named = [...body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) =>
            m[1]!.replace(/&lt;/g, '<').replace(/&amp;/g, '&'),
          )
          const errors = named.filter((k) => protectedKeys.includes(k))
          for (const k of named) if (!protectedKeys.includes(k)) keys.delete(k)
          return new Response(
            '<DeleteResult>' +
              errors
                .map(
                  (k) =>
                    `<Error><Key>${xmlText(k)}</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`,
                )
                .join('') +
              '</DeleteResult>',
          )
        }
        if (method === 'DELETE' && url.pathname !== '/bucket') {
          log.push('delete-object')
          keys.delete(decodeURIComponent(url.pathname.slice('/bucket/'.length)))
          return new Response(null, { status: 204 })
        }
        if (method === 'GET' && q.has('versions')) {
          log.push('list-versions')
          const versions = [...keys].map(
            (k) =>
              `<Version><Key>${urlKey(k)}</Key><VersionId>null</VersionId><IsLatest>true</IsLatest>` +
              `<LastModified>2024-01-01T00:00:00.000Z</LastModified><ETag>"e"</ETag>` +
              `<Size>1</Size></Version>`,
          )
          return new Response(
            `<ListVersionsResult><Name>bucket</Name><Prefix></Prefix><KeyMarker></KeyMarker>` +
              `<VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys><EncodingType>url</EncodingType>` +
              `<IsTruncated>false</IsTruncated>${versions.join('')}</ListVersionsResult>`,
          )
        }
        if (method === 'GET' && q.has('uploads')) {
          log.push('list-uploads')
          return new Response(
            '<ListMultipartUploadsResult><Bucket>bucket</Bucket><KeyMarker></KeyMarker>' +
              '<UploadIdMarker></UploadIdMarker><MaxUploads>1000</MaxUploads>' +
              '<IsTruncated>false</IsTruncated></ListMultipartUploadsResult>',
          )
        }
        if (method === 'DELETE') {
          log.push('delete-bucket')
          return keys.size === 0
            ? new Response(null, { status: 204 })
            : new Response(
                '<Error><Code>BucketNotEmpty</Code><Message>The bucket you tried to delete is not ' +
                  'empty</Message></Error>',
                { status: 409 },
              )
        }
        throw new Error(`unexpected request ${method} ${url}`)
      },
    ],
    { retry: { maxAttempts: 1 } },
  )
  return { client, keys, log, maxInFlight: () => maxInFlight }
}

const many = (n: number) => Array.from({ length: n }, (_, i) => `dir/key ${String(i).padStart(5, '0')}&<`)

describe('emptyBucket', () => {
  it(
    'deletes 1,000 keys a request with at most `concurrency` requests in flight, ' + 'and XML-unsafe keys one by one',
    async () => {
      const server = bucketServer([...many(3500), 'ctl\u0001key'])
      const result = await emptyBucket(server.client, 'bucket', { concurrency: 2 })
      expect(result).toEqual({ deletedObjects: 3501, deletedVersions: 0, abortedUploads: 0 })
      expect(server.keys.size).toBe(0)
      expect(server.log.filter((l) => l === 'delete-objects')).toHaveLength(4)
      expect(server.log.filter((l) => l === 'delete-object')).toHaveLength(1)
      expect(server.maxInFlight()).toBe(2)
    },
  )

  it('keeps deleting past refused keys, then names them in an S3Error', async () => {
    const server = bucketServer(many(1500), ['dir/key 00007&<'])
    const error = await emptyBucket(server.client, 'bucket').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({
      code: 'AccessDenied',
      key: 'dir/key 00007&<',
      bucket: 'bucket',
      operation: 'DeleteObjects',
    })
    expect((error as S3Error).message).toContain('1 key could not be deleted')
    expect([...server.keys]).toEqual(['dir/key 00007&<'])
    expect(server.log).toContain('list-uploads')
  })

  it('checks its input before any request', async () => {
    const server = bucketServer([])
    await expect(emptyBucket(server.client, 'bucket', { concurrency: 0 })).rejects.toThrow(InputError)
    await expect(emptyBucket(server.client, 'Not A Bucket!')).rejects.toThrow(InputError)
    expect(server.log).toEqual([])
  })
})

describe('deleteBucket', () => {
  it('is plain DeleteBucket without force, and empties first with force', async () => {
    const server = bucketServer(many(3))
    await expect(deleteBucket(server.client, 'bucket')).rejects.toMatchObject({ code: 'BucketNotEmpty', status: 409 })
    expect(server.log).toEqual(['delete-bucket'])
    expect(await deleteBucket(server.client, 'bucket', { force: true })).toEqual({
      deletedObjects: 3,
      deletedVersions: 0,
      abortedUploads: 0,
    })
    expect(server.log.at(-1)).toBe('delete-bucket')
  })

  it('refuses a force other than true', async () => {
    const server = bucketServer([])
    await expect(deleteBucket(server.client, 'bucket', { force: 'yes' as unknown as true })).rejects.toThrow(InputError)
    expect(server.log).toEqual([])
  })
})
