import { expect, it } from 'vitest'
import {
  CreateBucket,
  DeleteBucket,
  DeleteObject,
  explainS3Error,
  GetObject,
  HeadObject,
  ListObjectsV2,
  PutObject,
  RestoreErrorCode,
  RestoreObject,
  S3Error,
  StorageClass,
  send,
} from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

const client = testClient()

// Ceph RGW 16 has no RestoreObject and answers 501 NotImplemented, with an empty message. (Sent
// chunked, without Content-Length, the same request gets 400 InvalidArgument "Request Content-Type
// is not multipart/form-data" instead; explainS3Error maps that too, see the unit tests.) The
// request shape and the documented answers are covered by test/unit/restore.test.ts.
it('RestoreObject on a server without it fails clearly, as NotImplemented, and changes nothing', async () => {
  const Bucket = uniqueBucket('restore')
  const Key = 'logs/testlog1.log'
  await send(client, CreateBucket({ Bucket }))
  try {
    const { ETag } = await send(
      client,
      PutObject({ Bucket, Key, Body: 'archived log', StorageClass: StorageClass.GLACIER }),
    )
    const before = await send(client, HeadObject({ Bucket, Key }))
    expect(before.StorageClass).toBe('GLACIER')
    expect('Restore' in before).toBe(false)

    const error = await send(
      client,
      RestoreObject({ Bucket, Key, RestoreRequest: { Days: 5, GlacierJobParameters: { Tier: 'Bulk' } } }),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    const raw = error as S3Error
    expect(raw).toMatchObject({
      code: RestoreErrorCode.NotImplemented,
      status: 501,
      operation: 'RestoreObject',
      bucket: Bucket,
      key: Key,
    })
    expect(raw.requestId).toBeTruthy()

    const explained = explainS3Error(raw)
    expect(explained).toMatchObject({ code: 'NotImplemented', status: 501, bucket: Bucket, key: Key })
    expect(explained.message).toBe(
      `RestoreObject failed with NotImplemented (HTTP 501) (bucket "${Bucket}", ` +
        `key "${Key}"): this server does not implement RestoreObject.`,
    )
    expect(explained.cause).toBe(raw)

    // Nothing was restored, replaced or uploaded by the refused request.
    const after = await send(client, HeadObject({ Bucket, Key }))
    expect(after).toMatchObject({ ETag, StorageClass: 'GLACIER' })
    expect('Restore' in after).toBe(false)
    expect(await (await send(client, GetObject({ Bucket, Key }))).Body.text()).toBe('archived log')
    expect((await send(client, ListObjectsV2({ Bucket }))).Contents.map((o) => o.Key)).toEqual([Key])
  } finally {
    await send(client, DeleteObject({ Bucket, Key }))
    await send(client, DeleteBucket({ Bucket }))
  }
})
