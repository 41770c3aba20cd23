import { afterAll, describe, expect, it } from 'vitest'
import { ListMultipartUploads } from '../../commands/ListMultipartUploads.js'
import { ListObjectVersions } from '../../commands/ListObjectVersions.js'
import { contentMd5 } from '../../src/core/md5.js'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import { emptyBucket } from '../../src/helpers/empty-bucket.js'
import {
  type Client,
  type Command,
  CreateBucket,
  CreateMultipartUpload,
  DeleteObject,
  HeadBucket,
  ListObjectsV2,
  PutObject,
  S3Error,
  send,
  UploadPart,
} from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'
import { putAll, trickyKeys } from './list-keys.js'

/** PutBucketVersioning is not an s3kit command yet: a plain command object does here. */
function enableVersioning(Bucket: string): Command<number> {
  const body =
    '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    '<Status>Enabled</Status></VersioningConfiguration>'
  return {
    operation: 'PutBucketVersioning',
    method: 'PUT',
    bucket: Bucket,
    query: { versioning: '' },
    headers: { 'content-md5': contentMd5(body) },
    body,
    parse: (r) => r.status,
  }
}

async function leftovers(client: Client, Bucket: string) {
  const [objects, versions, uploads] = await Promise.all([
    send(client, ListObjectsV2({ Bucket })),
    send(client, ListObjectVersions({ Bucket })),
    send(client, ListMultipartUploads({ Bucket })),
  ])
  return {
    objects: objects.Contents.length,
    versions: versions.Versions.length + versions.DeleteMarkers.length,
    uploads: uploads.Uploads.length,
  }
}

describe('emptyBucket and deleteBucket against a real server', () => {
  const client = testClient()
  const created: string[] = []
  const bucket = async (label: string) => {
    const Bucket = uniqueBucket(label)
    await send(client, CreateBucket({ Bucket }))
    created.push(Bucket)
    return Bucket
  }
  afterAll(async () => {
    for (const Bucket of created)
      await deleteBucket(client, Bucket, { force: true }).catch((error: unknown) => {
        if (!(error instanceof S3Error && error.code === 'NoSuchBucket')) throw error
      })
  })

  it(
    'empties a versioned bucket: objects, old versions, delete markers, ' +
      'control-character keys and incomplete uploads',
    async () => {
      const Bucket = await bucket('empty')
      await send(client, enableVersioning(Bucket))
      const keys = trickyKeys(40)
      expect(keys.some((k) => k.includes('\u0001'))).toBe(true)
      await putAll(client, Bucket, keys)
      await putAll(client, Bucket, keys) // a second version of each
      await send(client, DeleteObject({ Bucket, Key: keys[5]! })) // a delete marker
      const { UploadId } = await send(client, CreateMultipartUpload({ Bucket, Key: 'big/upload 1.bin' }))
      await send(client, UploadPart({ Bucket, Key: 'big/upload 1.bin', UploadId, PartNumber: 1, Body: 'part one' }))
      await send(client, CreateMultipartUpload({ Bucket, Key: 'big/upload 2.bin' }))
      expect(await leftovers(client, Bucket)).toEqual({ objects: 39, versions: 81, uploads: 2 })

      const result = await emptyBucket(client, Bucket, { concurrency: 2 })
      // The 39 current objects get delete markers first; then 80 versions and 40 markers go.
      expect(result).toEqual({ deletedObjects: 39, deletedVersions: 120, abortedUploads: 2 })
      expect(await leftovers(client, Bucket)).toEqual({ objects: 0, versions: 0, uploads: 0 })
      await deleteBucket(client, Bucket)
      await expect(send(client, HeadBucket({ Bucket }))).rejects.toMatchObject({ status: 404 })
    },
  )

  it(
    'deleteBucket refuses a bucket with keys unless forced, like S3; ' + 'with force it deletes everything first',
    async () => {
      const Bucket = await bucket('force')
      await putAll(client, Bucket, trickyKeys(1200))
      await send(client, CreateMultipartUpload({ Bucket, Key: 'unfinished' }))
      await expect(deleteBucket(client, Bucket)).rejects.toMatchObject({ code: 'BucketNotEmpty' })
      expect(await deleteBucket(client, Bucket, { force: true })).toEqual({
        deletedObjects: 1200,
        deletedVersions: 0,
        abortedUploads: 1,
      })
      await expect(send(client, HeadBucket({ Bucket }))).rejects.toMatchObject({ status: 404 })
    },
  )

  it('stops when its signal aborts', async () => {
    const Bucket = await bucket('abort')
    await send(client, PutObject({ Bucket, Key: 'stays', Body: 'x' }))
    const controller = new AbortController()
    controller.abort(new Error('changed my mind'))
    await expect(emptyBucket(client, Bucket, { signal: controller.signal })).rejects.toThrow('changed my mind')
    expect((await send(client, ListObjectsV2({ Bucket }))).Contents.map((o) => o.Key)).toEqual(['stays'])
  })
})
