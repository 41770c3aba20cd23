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
  send,
  StorageClass,
} from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

const client = testClient()

// Ceph RGW 16 has no RestoreObject. It does not answer 501 NotImplemented, as an S3 server
// without the operation should: it routes POST ?restore to its browser form-upload handler and
// answers 400 InvalidArgument "Request Content-Type is not multipart/form-data". The request
// shape and the documented answers are covered by test/unit/restore.test.ts.
it('RestoreObject on a server without it fails clearly, as NotImplemented, and changes nothing', async () => {
  const Bucket = uniqueBucket('restore')
  const Key = 'logs/testlog1.log'
  await send(client, CreateBucket({ Bucket }))
  try {
    const { ETag } = await send(client, PutObject({ Bucket, Key, Body: 'archived log', StorageClass: StorageClass.GLACIER }))
    const before = await send(client, HeadObject({ Bucket, Key }))
    expect(before.StorageClass).toBe('GLACIER')
    expect('Restore' in before).toBe(false)

    const error = await send(client, RestoreObject({ Bucket, Key, RestoreRequest: { Days: 5, GlacierJobParameters: { Tier: 'Bulk' } } })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    const raw = error as S3Error
    expect(raw).toMatchObject({ operation: 'RestoreObject', bucket: Bucket, key: Key })
    // 501 from a server that says so; RGW 16's InvalidArgument otherwise.
    expect([501, 400]).toContain(raw.status)

    const explained = explainS3Error(raw)
    expect(explained).toMatchObject({ code: RestoreErrorCode.NotImplemented, operation: 'RestoreObject', bucket: Bucket, key: Key, status: raw.status })
    expect(explained.message).toMatch(/^RestoreObject failed with NotImplemented \(HTTP \d+\) \(bucket "[^"]+", key "logs\/testlog1.log"\): this server does not implement RestoreObject/)
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
