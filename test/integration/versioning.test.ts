import { expect, it } from 'vitest'
import { GetBucketVersioning } from '../../commands/GetBucketVersioning.js'
import { PutBucketVersioning } from '../../commands/PutBucketVersioning.js'
import { CreateBucket, deleteBucket, GetObject, ListObjectVersions, PutObject, S3Error, send } from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

const client = testClient()

it('versioning: unset, Enabled (two versions of one key), Suspended (version "null")', async () => {
  const Bucket = uniqueBucket('versioning')
  await send(client, CreateBucket({ Bucket }))
  try {
    // Never set: an empty document, so no Status.
    expect(await send(client, GetBucketVersioning({ Bucket }))).toEqual({})

    await send(client, PutBucketVersioning({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }))
    // RGW adds MfaDelete Disabled once versioning has been set.
    expect(await send(client, GetBucketVersioning({ Bucket }))).toEqual({ Status: 'Enabled', MFADelete: 'Disabled' })
    const first = await send(client, PutObject({ Bucket, Key: 'doc.txt', Body: 'one' }))
    const second = await send(client, PutObject({ Bucket, Key: 'doc.txt', Body: 'two' }))
    expect(first.VersionId).toBeTruthy()
    expect(second.VersionId).toBeTruthy()
    expect(second.VersionId).not.toBe(first.VersionId)
    expect(
      await (await send(client, GetObject({ Bucket, Key: 'doc.txt', VersionId: first.VersionId! }))).Body.text(),
    ).toBe('one')

    await send(client, PutBucketVersioning({ Bucket, VersioningConfiguration: { Status: 'Suspended' } }))
    expect(await send(client, GetBucketVersioning({ Bucket }))).toEqual({ Status: 'Suspended', MFADelete: 'Disabled' })
    await send(client, PutObject({ Bucket, Key: 'doc.txt', Body: 'three' }))
    const { Versions } = await send(client, ListObjectVersions({ Bucket }))
    expect(Versions.map((v) => v.VersionId).sort()).toEqual([first.VersionId, second.VersionId, 'null'].sort())

    // Without an MFA device registered for the user, RGW refuses to turn MFA delete on: 403 AccessDenied.
    const mfa = await send(
      client,
      PutBucketVersioning({
        Bucket,
        VersioningConfiguration: { Status: 'Enabled', MFADelete: 'Enabled' },
        MFA: '20899872 301749',
      }),
    ).catch((e: unknown) => e)
    expect(mfa).toBeInstanceOf(S3Error)
    expect(mfa).toMatchObject({ code: 'AccessDenied', status: 403, operation: 'PutBucketVersioning', bucket: Bucket })
    expect(await send(client, GetBucketVersioning({ Bucket }))).toEqual({ Status: 'Suspended', MFADelete: 'Disabled' })
  } finally {
    await deleteBucket(client, Bucket, { force: true })
  }
})

it('GetBucketVersioning of a missing bucket is NoSuchBucket', async () => {
  const Bucket = uniqueBucket('versioning-none')
  await expect(send(client, GetBucketVersioning({ Bucket }))).rejects.toMatchObject({
    code: 'NoSuchBucket',
    status: 404,
    bucket: Bucket,
  })
})
