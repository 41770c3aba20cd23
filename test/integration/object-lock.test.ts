import { expect, it } from 'vitest'
import { GetBucketVersioning } from '../../commands/GetBucketVersioning.js'
import { GetObjectLegalHold } from '../../commands/GetObjectLegalHold.js'
import { GetObjectLockConfiguration } from '../../commands/GetObjectLockConfiguration.js'
import { GetObjectRetention } from '../../commands/GetObjectRetention.js'
import { PutObjectLegalHold } from '../../commands/PutObjectLegalHold.js'
import { PutObjectLockConfiguration } from '../../commands/PutObjectLockConfiguration.js'
import { PutObjectRetention } from '../../commands/PutObjectRetention.js'
import {
  CreateBucket,
  DeleteBucket,
  DeleteObject,
  DeleteObjects,
  deleteBucket,
  ListObjectVersions,
  PutObject,
  S3Error,
  send,
} from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

const client = testClient()
const DAY = 24 * 60 * 60 * 1000

/** Deletes every version of a lock bucket (GOVERNANCE only, legal holds released first), then the bucket. */
async function removeLockBucket(Bucket: string) {
  const { Versions } = await send(client, ListObjectVersions({ Bucket }))
  for (const { Key, VersionId } of Versions) {
    await send(client, PutObjectLegalHold({ Bucket, Key, VersionId, LegalHold: { Status: 'OFF' } }))
  }
  if (Versions.length > 0) {
    await send(
      client,
      DeleteObjects({
        Bucket,
        Delete: { Objects: Versions.map(({ Key, VersionId }) => ({ Key, VersionId })) },
        BypassGovernanceRetention: true,
      }),
    )
  }
  await send(client, DeleteBucket({ Bucket }))
}

it('object lock: a bucket created with it, a default retention, retention and legal hold per version', async () => {
  const Bucket = uniqueBucket('object-lock')
  const Key = 'invoice.pdf'
  await send(client, CreateBucket({ Bucket, ObjectLockEnabledForBucket: true }))
  try {
    // Object Lock turns versioning on.
    expect((await send(client, GetBucketVersioning({ Bucket }))).Status).toBe('Enabled')
    expect(await send(client, GetObjectLockConfiguration({ Bucket }))).toEqual({
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' },
    })

    await send(
      client,
      PutObjectLockConfiguration({
        Bucket,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } },
        },
      }),
    )
    expect(await send(client, GetObjectLockConfiguration({ Bucket }))).toEqual({
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } },
      },
    })

    // A new version gets the default retention: GOVERNANCE until about a day from now.
    const before = Date.now()
    const VersionId = (await send(client, PutObject({ Bucket, Key, Body: 'pdf' }))).VersionId!
    const { Retention } = await send(client, GetObjectRetention({ Bucket, Key, VersionId: VersionId! }))
    expect(Retention.Mode).toBe('GOVERNANCE')
    expect(Retention.RetainUntilDate.getTime()).toBeGreaterThan(before + DAY - 60_000)
    expect(Retention.RetainUntilDate.getTime()).toBeLessThan(Date.now() + DAY + 60_000)

    // Lengthening needs nothing; shortening needs BypassGovernanceRetention.
    const later = new Date('2031-01-01T00:00:00Z')
    await send(
      client,
      PutObjectRetention({ Bucket, Key, VersionId, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: later } }),
    )
    expect((await send(client, GetObjectRetention({ Bucket, Key, VersionId }))).Retention).toEqual({
      Mode: 'GOVERNANCE',
      RetainUntilDate: later,
    })
    const sooner = new Date('2030-06-01T00:00:00Z')
    const shortened = await send(
      client,
      PutObjectRetention({ Bucket, Key, VersionId, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: sooner } }),
    ).catch((e: unknown) => e)
    expect(shortened).toBeInstanceOf(S3Error)
    expect(shortened).toMatchObject({
      code: 'AccessDenied',
      status: 403,
      operation: 'PutObjectRetention',
      bucket: Bucket,
      key: Key,
    })
    await send(
      client,
      PutObjectRetention({
        Bucket,
        Key,
        VersionId,
        Retention: { Mode: 'GOVERNANCE', RetainUntilDate: sooner },
        BypassGovernanceRetention: true,
      }),
    )
    expect((await send(client, GetObjectRetention({ Bucket, Key, VersionId }))).Retention.RetainUntilDate).toEqual(
      sooner,
    )

    // The version cannot be deleted while retained.
    const deleted = await send(client, DeleteObject({ Bucket, Key, VersionId: VersionId! })).catch((e: unknown) => e)
    expect(deleted).toMatchObject({ code: 'AccessDenied', status: 403 })

    // Legal hold: none yet (RGW: 404 ObjectLockConfigurationNotFoundError), ON, OFF.
    const noHold = await send(client, GetObjectLegalHold({ Bucket, Key, VersionId })).catch((e: unknown) => e)
    expect(noHold).toBeInstanceOf(S3Error)
    expect(noHold).toMatchObject({
      code: 'ObjectLockConfigurationNotFoundError',
      status: 404,
      operation: 'GetObjectLegalHold',
    })
    await send(client, PutObjectLegalHold({ Bucket, Key, VersionId, LegalHold: { Status: 'ON' } }))
    expect(await send(client, GetObjectLegalHold({ Bucket, Key, VersionId }))).toEqual({ LegalHold: { Status: 'ON' } })
    await send(client, PutObjectLegalHold({ Bucket, Key, LegalHold: { Status: 'OFF' } }))
    expect(await send(client, GetObjectLegalHold({ Bucket, Key }))).toEqual({ LegalHold: { Status: 'OFF' } })
  } finally {
    await removeLockBucket(Bucket)
  }
})

it(
  'object lock on a bucket created without it: ' + 'RGW answers 404, 409 InvalidBucketState and 400 InvalidRequest',
  async () => {
    const Bucket = uniqueBucket('no-lock')
    const Key = 'plain.txt'
    await send(client, CreateBucket({ Bucket }))
    try {
      await send(client, PutObject({ Bucket, Key, Body: 'plain' }))
      await expect(send(client, GetObjectLockConfiguration({ Bucket }))).rejects.toMatchObject({
        code: 'ObjectLockConfigurationNotFoundError',
        status: 404,
      })
      await expect(
        send(client, PutObjectLockConfiguration({ Bucket, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } })),
      ).rejects.toMatchObject({
        code: 'InvalidBucketState',
        status: 409,
      })
      await expect(send(client, GetObjectRetention({ Bucket, Key }))).rejects.toMatchObject({
        code: 'InvalidRequest',
        status: 400,
        key: Key,
      })
      const retention = { Mode: 'GOVERNANCE', RetainUntilDate: new Date('2030-01-01T00:00:00Z') } as const
      await expect(send(client, PutObjectRetention({ Bucket, Key, Retention: retention }))).rejects.toMatchObject({
        code: 'InvalidRequest',
        status: 400,
      })
      await expect(send(client, GetObjectLegalHold({ Bucket, Key }))).rejects.toMatchObject({
        code: 'InvalidRequest',
        status: 400,
      })
    } finally {
      await deleteBucket(client, Bucket, { force: true })
    }
  },
)
