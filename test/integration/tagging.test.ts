import { expect, it } from 'vitest'
import { DeleteBucketTagging } from '../../commands/DeleteBucketTagging.js'
import { DeleteObjectTagging } from '../../commands/DeleteObjectTagging.js'
import { GetBucketTagging } from '../../commands/GetBucketTagging.js'
import { GetObjectTagging } from '../../commands/GetObjectTagging.js'
import { PutBucketTagging } from '../../commands/PutBucketTagging.js'
import { PutBucketVersioning } from '../../commands/PutBucketVersioning.js'
import { PutObjectTagging } from '../../commands/PutObjectTagging.js'
import { CreateBucket, deleteBucket, PutObject, S3Error, send } from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

const client = testClient()

// Ten tags, the most an object takes, with the longest key and value S3 allows. AWS counts
// Unicode characters; RGW 16 counts UTF-8 bytes, so 64 four-byte emoji are its longest value.
const fullSet = [
  { Key: 'k'.repeat(128), Value: 'v'.repeat(256) },
  { Key: 'ünïcødé', Value: '😀'.repeat(64) },
  { Key: 'empty', Value: '' },
  { Key: 'with space', Value: 'a value & <markup>' },
  ...Array.from({ length: 6 }, (_, i) => ({ Key: `tag${i}`, Value: `value${i}` })),
]
const byKey = (tags: readonly { Key: string }[]) => [...tags].sort((a, b) => (a.Key < b.Key ? -1 : 1))

it('object tags: set ten, read them back, replace, delete', async () => {
  const Bucket = uniqueBucket('tagging')
  const Key = 'report.pdf'
  await send(client, CreateBucket({ Bucket }))
  try {
    await send(client, PutObject({ Bucket, Key, Body: 'pdf' }))
    expect(await send(client, GetObjectTagging({ Bucket, Key }))).toEqual({ TagSet: [] })

    await send(client, PutObjectTagging({ Bucket, Key, Tagging: { TagSet: fullSet } }))
    const { TagSet } = await send(client, GetObjectTagging({ Bucket, Key }))
    expect(byKey(TagSet)).toEqual(byKey(fullSet))

    // 256 characters pass s3kit's check (AWS's rule) but are 1,024 bytes: RGW 16 answers 400 InvalidTag.
    const long = await send(
      client,
      PutObjectTagging({ Bucket, Key, Tagging: { TagSet: [{ Key: 'emoji', Value: '😀'.repeat(256) }] } }),
    ).catch((e: unknown) => e)
    expect(long).toBeInstanceOf(S3Error)
    expect(long).toMatchObject({ code: 'InvalidTag', status: 400, operation: 'PutObjectTagging', key: Key })
    expect(byKey((await send(client, GetObjectTagging({ Bucket, Key }))).TagSet)).toEqual(byKey(fullSet))

    await send(client, PutObjectTagging({ Bucket, Key, Tagging: { TagSet: [{ Key: 'project', Value: 'blue' }] } }))
    expect(await send(client, GetObjectTagging({ Bucket, Key }))).toEqual({
      TagSet: [{ Key: 'project', Value: 'blue' }],
    })

    expect(await send(client, DeleteObjectTagging({ Bucket, Key }))).toEqual({})
    expect(await send(client, GetObjectTagging({ Bucket, Key }))).toEqual({ TagSet: [] })

    const missing = await send(client, GetObjectTagging({ Bucket, Key: 'nothing-here' })).catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(S3Error)
    expect(missing).toMatchObject({ code: 'NoSuchKey', status: 404, key: 'nothing-here' })
  } finally {
    await deleteBucket(client, Bucket, { force: true })
  }
})

it('object tags per version in a versioned bucket', async () => {
  const Bucket = uniqueBucket('tagging-versions')
  const Key = 'doc.txt'
  await send(client, CreateBucket({ Bucket }))
  try {
    await send(client, PutBucketVersioning({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }))
    const v1 = (await send(client, PutObject({ Bucket, Key, Body: 'one' }))).VersionId!
    const v2 = (await send(client, PutObject({ Bucket, Key, Body: 'two' }))).VersionId!

    // RGW 16 sends no x-amz-version-id with PutObjectTagging (AWS does), so VersionId is absent.
    expect(
      await send(
        client,
        PutObjectTagging({ Bucket, Key, VersionId: v1, Tagging: { TagSet: [{ Key: 'v', Value: '1' }] } }),
      ),
    ).toEqual({})
    await send(client, PutObjectTagging({ Bucket, Key, Tagging: { TagSet: [{ Key: 'v', Value: 'current' }] } }))
    // Nor with GetObjectTagging.
    expect(await send(client, GetObjectTagging({ Bucket, Key, VersionId: v1 }))).toEqual({
      TagSet: [{ Key: 'v', Value: '1' }],
    })
    expect(await send(client, GetObjectTagging({ Bucket, Key }))).toEqual({ TagSet: [{ Key: 'v', Value: 'current' }] })

    // With a VersionId, RGW removes that version's tags and leaves the others.
    await send(client, DeleteObjectTagging({ Bucket, Key, VersionId: v1 }))
    expect((await send(client, GetObjectTagging({ Bucket, Key, VersionId: v1 }))).TagSet).toEqual([])
    expect((await send(client, GetObjectTagging({ Bucket, Key }))).TagSet).toEqual([{ Key: 'v', Value: 'current' }])

    // Without one, RGW 16 answers 204 and removes nothing (AWS removes the current version's
    // tags): name the version to be sure.
    await send(client, DeleteObjectTagging({ Bucket, Key }))
    expect((await send(client, GetObjectTagging({ Bucket, Key }))).TagSet).toEqual([{ Key: 'v', Value: 'current' }])
    await send(client, DeleteObjectTagging({ Bucket, Key, VersionId: v2 }))
    expect((await send(client, GetObjectTagging({ Bucket, Key }))).TagSet).toEqual([])
  } finally {
    await deleteBucket(client, Bucket, { force: true })
  }
})

it('bucket tags: none (NoSuchTagSet), fifty, delete', async () => {
  const Bucket = uniqueBucket('tagging-bucket')
  await send(client, CreateBucket({ Bucket }))
  try {
    const none = await send(client, GetBucketTagging({ Bucket })).catch((e: unknown) => e)
    expect(none).toBeInstanceOf(S3Error)
    expect(none).toMatchObject({ code: 'NoSuchTagSet', status: 404, operation: 'GetBucketTagging', bucket: Bucket })

    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `cost-center-${i}`, Value: `${i}` }))
    await send(client, PutBucketTagging({ Bucket, Tagging: { TagSet: fifty } }))
    expect(byKey((await send(client, GetBucketTagging({ Bucket }))).TagSet)).toEqual(byKey(fifty))

    await send(client, PutBucketTagging({ Bucket, Tagging: { TagSet: [{ Key: 'Project', Value: 'Project One' }] } }))
    expect(await send(client, GetBucketTagging({ Bucket }))).toEqual({
      TagSet: [{ Key: 'Project', Value: 'Project One' }],
    })

    await send(client, DeleteBucketTagging({ Bucket }))
    await expect(send(client, GetBucketTagging({ Bucket }))).rejects.toMatchObject({
      code: 'NoSuchTagSet',
      status: 404,
    })
  } finally {
    await deleteBucket(client, Bucket, { force: true })
  }
})
