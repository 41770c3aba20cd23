import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteBucket } from '../../src/helpers/delete-bucket.js'
import { emptyBucket } from '../../src/helpers/empty-bucket.js'
import {
  type Client,
  type Command,
  CreateBucket,
  DeleteObjects,
  ListObjectsV2,
  PutObject,
  paginateItems,
  S3Error,
  send,
} from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'
import { putAll, trickyKeys } from './list-keys.js'

async function listKeys(client: Client, Bucket: string): Promise<string[]> {
  const keys: string[] = []
  for await (const object of paginateItems(client, ListObjectsV2({ Bucket }))) keys.push(object.Key)
  return keys
}

/** PutBucketPolicy / DeleteBucketPolicy are not s3kit commands yet: plain command objects do here. */
function bucketPolicy(Bucket: string, policy: object | undefined): Command<number> {
  return {
    operation: policy ? 'PutBucketPolicy' : 'DeleteBucketPolicy',
    method: policy ? 'PUT' : 'DELETE',
    bucket: Bucket,
    query: { policy: '' },
    body: policy && JSON.stringify(policy),
    parse: (response) => response.status,
  }
}

const denyDelete = (Bucket: string, Key: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
      Resource: `arn:aws:s3:::${Bucket}/${Key}`,
    },
  ],
})

describe('DeleteObjects against a real server', () => {
  const client = testClient()
  const Bucket = uniqueBucket('delete')

  beforeAll(async () => {
    await send(client, CreateBucket({ Bucket }))
  })
  afterAll(async () => {
    await send(client, bucketPolicy(Bucket, undefined)).catch(() => undefined)
    await deleteBucket(client, Bucket, { force: true })
  })

  it('deletes 2,500 tricky keys in batches of 1,000', async () => {
    const keys = trickyKeys(2500, { controlCharacters: false })
    await putAll(client, Bucket, keys)
    expect(await listKeys(client, Bucket)).toHaveLength(2500)
    const deleted: string[] = []
    for (let i = 0; i < keys.length; i += 1000) {
      const { Deleted, Errors } = await send(
        client,
        DeleteObjects({ Bucket, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })) } }),
      )
      expect(Errors).toEqual([])
      deleted.push(...Deleted.map((d) => d.Key))
    }
    expect(deleted.sort()).toEqual([...keys].sort())
    expect(await listKeys(client, Bucket)).toEqual([])
  })

  it('reports a key it could not delete (a bucket policy denies it) and deletes the rest', async () => {
    await putAll(client, Bucket, ['protected', 'free 1', 'free&2'])
    await send(client, bucketPolicy(Bucket, denyDelete(Bucket, 'protected')))
    const { Deleted, Errors } = await send(
      client,
      DeleteObjects({ Bucket, Delete: { Objects: [{ Key: 'protected' }, { Key: 'free 1' }, { Key: 'free&2' }] } }),
    )
    expect(Errors).toEqual([{ Key: 'protected', Code: 'AccessDenied', Message: expect.any(String) }])
    expect(Deleted.map((d) => d.Key).sort()).toEqual(['free 1', 'free&2'])
    expect(await listKeys(client, Bucket)).toEqual(['protected'])

    // Quiet mode leaves out what was deleted and still reports the failure.
    await send(client, PutObject({ Bucket, Key: 'free 3', Body: 'x' }))
    const quiet = await send(
      client,
      DeleteObjects({ Bucket, Delete: { Objects: [{ Key: 'protected' }, { Key: 'free 3' }], Quiet: true } }),
    )
    expect(quiet.Deleted).toEqual([])
    expect(quiet.Errors.map((e) => [e.Key, e.Code])).toEqual([['protected', 'AccessDenied']])

    // emptyBucket deletes everything it may, then names what is left.
    await putAll(client, Bucket, ['other/a', 'other/b'])
    const refused = await emptyBucket(client, Bucket).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(S3Error)
    expect(refused).toMatchObject({ code: 'AccessDenied', key: 'protected', bucket: Bucket })
    expect((refused as S3Error).message).toContain('1 key could not be deleted')
    expect(await listKeys(client, Bucket)).toEqual(['protected'])

    await send(client, bucketPolicy(Bucket, undefined))
    expect(await emptyBucket(client, Bucket)).toEqual({ deletedObjects: 1, deletedVersions: 0, abortedUploads: 0 })
    expect(await listKeys(client, Bucket)).toEqual([])
  })
})
