import { describe, expect, it } from 'vitest'
import {
  CreateBucket,
  DeleteBucket,
  DeleteBucketLifecycle,
  DeleteObject,
  GetBucketLifecycleConfiguration,
  GetObject,
  HeadObject,
  type HeadObjectOutput,
  LifecycleErrorCode,
  type LifecycleRule,
  PutBucketLifecycleConfiguration,
  PutObject,
  S3Error,
  StorageClass,
  send,
} from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

// The test server runs with `rgw lc debug interval = 10`: a lifecycle "day" is 10 seconds, and
// RGW acts on a rule within ~15 s of an object becoming due. Waits are bounded well above that.
const LIFECYCLE_WAIT_MS = 90_000

const client = testClient()

async function withBucket(label: string, keys: string[], run: (Bucket: string) => Promise<void>): Promise<void> {
  const Bucket = uniqueBucket(label)
  await send(client, CreateBucket({ Bucket }))
  try {
    await run(Bucket)
  } finally {
    await send(client, DeleteBucketLifecycle({ Bucket }))
    for (const Key of keys) await send(client, DeleteObject({ Bucket, Key }))
    await send(client, DeleteBucket({ Bucket }))
  }
}

/** HeadObject until `done` says so, or null when the object is gone; fails after the bounded wait. */
async function watch(
  Bucket: string,
  Key: string,
  done: (head: HeadObjectOutput | null) => boolean,
): Promise<HeadObjectOutput | null> {
  const deadline = Date.now() + LIFECYCLE_WAIT_MS
  for (;;) {
    const head = await send(client, HeadObject({ Bucket, Key })).catch((error: unknown) => {
      if (error instanceof S3Error && error.code === 'NotFound') return null
      throw error
    })
    if (done(head)) return head
    if (Date.now() > deadline)
      throw new Error(`${Key} did not change within ${LIFECYCLE_WAIT_MS / 1000} s; last seen: ${JSON.stringify(head)}`)
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
}

const byDays = (rule: LifecycleRule): LifecycleRule =>
  rule.Transitions
    ? { ...rule, Transitions: [...rule.Transitions].sort((a, b) => (a.Days ?? 0) - (b.Days ?? 0)) }
    : rule

describe('lifecycle configuration against a real server', () => {
  it('round-trips every kind of rule, and is gone after DeleteBucketLifecycle', async () => {
    await withBucket('lc-config', [], async (Bucket) => {
      const none = await send(client, GetBucketLifecycleConfiguration({ Bucket })).catch((e: unknown) => e)
      expect(none).toMatchObject({
        name: 'S3Error',
        code: LifecycleErrorCode.NoSuchLifecycleConfiguration,
        status: 404,
      })

      const Rules: LifecycleRule[] = [
        // The tutorial's rule: Standard-IA after 30 days, Glacier after 90, deleted after 120.
        {
          ID: 'ruleid',
          Status: 'Enabled',
          Filter: { Prefix: 'logs/' },
          Transitions: [
            { Days: 30, StorageClass: StorageClass.STANDARD_IA },
            { Days: 90, StorageClass: StorageClass.GLACIER },
          ],
          Expiration: { Days: 120 },
        },
        {
          ID: 'tagged',
          Status: 'Disabled',
          Filter: {
            And: {
              Prefix: 'tax/',
              Tags: [
                { Key: 'class', Value: 'a' },
                { Key: 'keep', Value: 'no' },
              ],
            },
          },
          Expiration: { Days: 3650 },
        },
        {
          ID: 'one-tag',
          Status: 'Enabled',
          Filter: { Tag: { Key: 'archive', Value: 'true' } },
          Transitions: [{ Days: 1, StorageClass: StorageClass.GLACIER }],
        },
        {
          ID: 'dated',
          Status: 'Enabled',
          Filter: { Prefix: 'dated/' },
          Expiration: { Date: new Date(Date.UTC(2031, 0, 1)) },
        },
        {
          ID: 'uploads',
          Status: 'Enabled',
          Filter: { Prefix: '' },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
        {
          ID: 'versions',
          Status: 'Enabled',
          Filter: { Prefix: 'docs/' },
          NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: StorageClass.GLACIER }],
          NoncurrentVersionExpiration: { NoncurrentDays: 365 },
        },
        {
          ID: 'markers',
          Status: 'Enabled',
          Filter: { Prefix: 'old/' },
          Expiration: { ExpiredObjectDeleteMarker: true },
        },
      ]
      await send(client, PutBucketLifecycleConfiguration({ Bucket, LifecycleConfiguration: { Rules } }))
      const read = await send(client, GetBucketLifecycleConfiguration({ Bucket }))
      // RGW writes an empty filter as the legacy rule-level Prefix, and lists rules by ID and
      // transitions in its own order.
      const expected = Rules.map(
        (rule): LifecycleRule =>
          rule.ID === 'uploads'
            ? {
                ID: 'uploads',
                Status: 'Enabled',
                Prefix: '',
                AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
              }
            : rule,
      )
      const byId = (a: LifecycleRule, b: LifecycleRule) => (a.ID! < b.ID! ? -1 : 1)
      expect(read.Rules.map(byDays).sort(byId)).toEqual(expected.map(byDays).sort(byId))

      await send(client, DeleteBucketLifecycle({ Bucket }))
      const gone = await send(client, GetBucketLifecycleConfiguration({ Bucket })).catch((e: unknown) => e)
      expect(gone).toMatchObject({ code: 'NoSuchLifecycleConfiguration' })
      // Deleting again changes nothing and does not fail.
      await expect(send(client, DeleteBucketLifecycle({ Bucket }))).resolves.toEqual({})
    })
  })
})

// Both waits run at once: together they take as long as the slower one (~15 s here).
describe.concurrent('lifecycle actions really happen (rgw lc debug interval = 10)', () => {
  it('an expiration rule removes the object, and only the objects its filter names', {
    timeout: LIFECYCLE_WAIT_MS + 30_000,
  }, async () => {
    await withBucket('lc-expire', ['logs/old.log', 'keep/me.txt'], async (Bucket) => {
      await send(client, PutObject({ Bucket, Key: 'logs/old.log', Body: 'expires' }))
      await send(client, PutObject({ Bucket, Key: 'keep/me.txt', Body: 'stays' }))
      await send(
        client,
        PutBucketLifecycleConfiguration({
          Bucket,
          LifecycleConfiguration: {
            Rules: [{ ID: 'expire-logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 1 } }],
          },
        }),
      )
      expect(await watch(Bucket, 'logs/old.log', (head) => head === null)).toBeNull()
      expect(await (await send(client, GetObject({ Bucket, Key: 'keep/me.txt' }))).Body.text()).toBe('stays')
    })
  })

  it('a transition rule moves the object to GLACIER, and it stays readable on this server', {
    timeout: LIFECYCLE_WAIT_MS + 30_000,
  }, async () => {
    await withBucket('lc-glacier', ['archive/a.log', 'hot/b.log'], async (Bucket) => {
      await send(client, PutObject({ Bucket, Key: 'archive/a.log', Body: 'cold data' }))
      await send(client, PutObject({ Bucket, Key: 'hot/b.log', Body: 'hot data' }))
      expect((await send(client, HeadObject({ Bucket, Key: 'archive/a.log' }))).StorageClass).toBe('STANDARD')
      await send(
        client,
        PutBucketLifecycleConfiguration({
          Bucket,
          LifecycleConfiguration: {
            Rules: [
              {
                ID: 'to-glacier',
                Status: 'Enabled',
                Filter: { Prefix: 'archive/' },
                Transitions: [{ Days: 1, StorageClass: StorageClass.GLACIER }],
              },
            ],
          },
        }),
      )
      const moved = await watch(Bucket, 'archive/a.log', (head) => head?.StorageClass === StorageClass.GLACIER)
      expect(moved?.StorageClass).toBe('GLACIER')
      expect((await send(client, HeadObject({ Bucket, Key: 'hot/b.log' }))).StorageClass).toBe('STANDARD')
      // RGW's GLACIER is just another placement: no restore is needed to read it (S3 would answer InvalidObjectState).
      expect(await (await send(client, GetObject({ Bucket, Key: 'archive/a.log' }))).Body.text()).toBe('cold data')
    })
  })
})
