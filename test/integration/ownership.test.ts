import { expect, it } from 'vitest'
import { DeleteBucketOwnershipControls } from '../../commands/DeleteBucketOwnershipControls.js'
import { GetBucketOwnershipControls } from '../../commands/GetBucketOwnershipControls.js'
import { PutBucketOwnershipControls } from '../../commands/PutBucketOwnershipControls.js'
import { CreateBucket, deleteBucket, ListObjectsV2, lookupBucket, PutObject, S3Error, send } from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

const client = testClient()

// Ceph RGW 16 has no ownership controls and does not refuse the sub-resource either: it answers
// the request as if `?ownershipControls` were not there. These tests pin down exactly what that
// does; the commands themselves are tested on S3's documented responses (test/unit/contract/ownership.ts).
it(
  'RGW 16: GetBucketOwnershipControls gets a bucket listing (InvalidResponse), ' +
    'PutBucketOwnershipControls 400 InvalidArgument',
  async () => {
    const Bucket = uniqueBucket('ownership')
    await send(client, CreateBucket({ Bucket }))
    try {
      await send(client, PutObject({ Bucket, Key: 'keep.txt', Body: 'keep' }))
      const read = await send(client, GetBucketOwnershipControls({ Bucket })).catch((e: unknown) => e)
      expect(read).toBeInstanceOf(S3Error)
      expect(read).toMatchObject({
        code: 'InvalidResponse',
        status: 200,
        operation: 'GetBucketOwnershipControls',
        bucket: Bucket,
      })
      expect((read as S3Error).message).toContain('does not implement GetBucketOwnershipControls')

      const write = await send(
        client,
        PutBucketOwnershipControls({
          Bucket,
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
        }),
      ).catch((e: unknown) => e)
      expect(write).toBeInstanceOf(S3Error)
      expect(write).toMatchObject({
        code: 'InvalidArgument',
        status: 400,
        operation: 'PutBucketOwnershipControls',
        bucket: Bucket,
      })
      expect((await send(client, ListObjectsV2({ Bucket }))).Contents.map((o) => o.Key)).toEqual(['keep.txt'])
    } finally {
      await deleteBucket(client, Bucket, { force: true })
    }
  },
)

it(
  'RGW 16: DeleteBucketOwnershipControls is taken for DeleteBucket — 409 BucketNotEmpty, ' +
    'and an empty bucket is deleted',
  async () => {
    const Bucket = uniqueBucket('ownership-delete')
    await send(client, CreateBucket({ Bucket }))
    try {
      await send(client, PutObject({ Bucket, Key: 'keep.txt', Body: 'keep' }))
      const refused = await send(client, DeleteBucketOwnershipControls({ Bucket })).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(S3Error)
      expect(refused).toMatchObject({
        code: 'BucketNotEmpty',
        status: 409,
        operation: 'DeleteBucketOwnershipControls',
        bucket: Bucket,
      })
      expect(await lookupBucket(client, Bucket)).not.toBeNull()
    } finally {
      await deleteBucket(client, Bucket, { force: true })
    }

    const Empty = uniqueBucket('ownership-empty')
    await send(client, CreateBucket({ Bucket: Empty }))
    expect(await send(client, DeleteBucketOwnershipControls({ Bucket: Empty }))).toEqual({})
    expect(await lookupBucket(client, Empty)).toBeNull()
  },
)
