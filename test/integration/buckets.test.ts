import { describe, expect, it, vi } from 'vitest'
import {
  CreateBucket,
  DeleteBucket,
  DeleteObject,
  HeadBucket,
  InputError,
  ListBuckets,
  Location,
  PutObject,
  S3Error,
  send,
} from '../../src/index.js'
import { secondClient, server, testClient, uniqueBucket } from './env.js'

async function failure(promise: Promise<unknown>): Promise<S3Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(S3Error)
  return error as S3Error
}

describe('buckets against a real server', () => {
  const client = testClient()

  it('creates, finds, lists and deletes a bucket', async () => {
    const Bucket = uniqueBucket('life')
    await send(client, CreateBucket({ Bucket }))
    try {
      await expect(send(client, HeadBucket({ Bucket }))).resolves.toBeTypeOf('object')
      const { Buckets, Owner } = await send(client, ListBuckets())
      const mine = Buckets.find((b) => b.Name === Bucket)
      expect(mine?.CreationDate).toBeInstanceOf(Date)
      expect(Math.abs(mine!.CreationDate.getTime() - Date.now())).toBeLessThan(10 * 60_000)
      expect(Owner?.ID).toBe(server().userId ?? Owner?.ID)
    } finally {
      await send(client, DeleteBucket({ Bucket }))
    }
    const gone = await failure(send(client, HeadBucket({ Bucket })))
    expect(gone).toMatchObject({ code: 'NotFound', status: 404, bucket: Bucket, operation: 'HeadBucket' })
  })

  it('reports NoSuchBucket and BucketNotEmpty with S3 codes', async () => {
    const missing = uniqueBucket('missing')
    expect(await failure(send(client, DeleteBucket({ Bucket: missing })))).toMatchObject({
      code: 'NoSuchBucket',
      status: 404,
      bucket: missing,
    })
    expect(await failure(send(client, PutObject({ Bucket: missing, Key: 'k', Body: 'x' })))).toMatchObject({
      code: 'NoSuchBucket',
      key: 'k',
    })

    const Bucket = uniqueBucket('full')
    await send(client, CreateBucket({ Bucket }))
    try {
      await send(client, PutObject({ Bucket, Key: 'keep-me', Body: 'x' }))
      const error = await failure(send(client, DeleteBucket({ Bucket })))
      expect(error).toMatchObject({ code: 'BucketNotEmpty', status: 409 })
      expect(error.requestId).toBeTruthy()
    } finally {
      await send(client, DeleteObject({ Bucket, Key: 'keep-me' }))
      await send(client, DeleteBucket({ Bucket }))
    }
  })

  it("refuses another user's bucket name with BucketAlreadyExists", async () => {
    const Bucket = uniqueBucket('taken')
    await send(client, CreateBucket({ Bucket }))
    try {
      const error = await failure(send(secondClient(), CreateBucket({ Bucket })))
      expect(error).toMatchObject({ code: 'BucketAlreadyExists', status: 409, operation: 'CreateBucket' })
      // The other user cannot see into it either.
      expect(await failure(send(secondClient(), HeadBucket({ Bucket })))).toMatchObject({
        code: 'Forbidden',
        status: 403,
      })
    } finally {
      await send(client, DeleteBucket({ Bucket }))
    }
  })

  it('creates a bucket in a location the server knows, and refuses one it does not', async () => {
    // The test server's zone group is named us-east-1, so that is the one location it accepts.
    const Bucket = uniqueBucket('located')
    await send(client, CreateBucket({ Bucket, CreateBucketConfiguration: { LocationConstraint: Location.us_east_1 } }))
    await send(client, DeleteBucket({ Bucket }))
    const refused = await failure(
      send(
        client,
        CreateBucket({ Bucket: uniqueBucket('eu'), CreateBucketConfiguration: { LocationConstraint: Location.EU } }),
      ),
    )
    expect(refused.code).toBe('InvalidLocationConstraint')
    expect(refused.status).toBe(400)
  })

  it('rejects invalid input before any request is made', async () => {
    const fetch = vi.fn(globalThis.fetch)
    const spied = testClient({ fetch })
    await expect(async () => send(spied, CreateBucket({ Bucket: 'Not_Valid' }))).rejects.toThrow(InputError)
    await expect(async () => send(spied, HeadBucket({ Bucket: 'x' }))).rejects.toThrow(/not a valid bucket name/)
    await expect(async () => send(spied, PutObject({ Bucket: 'ok-bucket', Key: '' }))).rejects.toThrow(InputError)
    await expect(async () =>
      send(spied, PutObject({ Bucket: 'ok-bucket', Key: 'k', Metadata: { 'bad name': 'v' } })),
    ).rejects.toThrow(/Metadata\.bad name/)
    expect(fetch).not.toHaveBeenCalled()
  })
})
