import { expect, it } from 'vitest'
import { DeleteBucketEncryption } from '../../commands/DeleteBucketEncryption.js'
import { GetBucketEncryption } from '../../commands/GetBucketEncryption.js'
import { PutBucketEncryption } from '../../commands/PutBucketEncryption.js'
import { CreateBucket, deleteBucket, ListObjectsV2, lookupBucket, PutObject, S3Error, send } from '../../src/index.js'
import { testClient, uniqueBucket } from './env.js'

const client = testClient()

// Ceph RGW 16 has no default encryption (bucket encryption) and does not refuse the sub-resource either: it answers
// the request as if `?encryption` were not there. These tests pin down exactly what that
// does; the commands themselves are tested on S3's documented responses (test/unit/contract/encryption.ts).
it(
  'RGW 16: GetBucketEncryption gets a bucket listing (InvalidResponse), ' + 'PutBucketEncryption 400 InvalidArgument',
  async () => {
    const Bucket = uniqueBucket('encryption')
    await send(client, CreateBucket({ Bucket }))
    try {
      await send(client, PutObject({ Bucket, Key: 'keep.txt', Body: 'keep' }))
      const read = await send(client, GetBucketEncryption({ Bucket })).catch((e: unknown) => e)
      expect(read).toBeInstanceOf(S3Error)
      expect(read).toMatchObject({
        code: 'InvalidResponse',
        status: 200,
        operation: 'GetBucketEncryption',
        bucket: Bucket,
      })
      expect((read as S3Error).message).toContain('does not implement GetBucketEncryption')

      const write = await send(
        client,
        PutBucketEncryption({
          Bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
          },
        }),
      ).catch((e: unknown) => e)
      expect(write).toBeInstanceOf(S3Error)
      expect(write).toMatchObject({
        code: 'InvalidArgument',
        status: 400,
        operation: 'PutBucketEncryption',
        bucket: Bucket,
      })
      expect((await send(client, ListObjectsV2({ Bucket }))).Contents.map((o) => o.Key)).toEqual(['keep.txt'])
    } finally {
      await deleteBucket(client, Bucket, { force: true })
    }
  },
)

it(
  'RGW 16: DeleteBucketEncryption is taken for DeleteBucket — 409 BucketNotEmpty, ' + 'and an empty bucket is deleted',
  async () => {
    const Bucket = uniqueBucket('encryption-delete')
    await send(client, CreateBucket({ Bucket }))
    try {
      await send(client, PutObject({ Bucket, Key: 'keep.txt', Body: 'keep' }))
      const refused = await send(client, DeleteBucketEncryption({ Bucket })).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(S3Error)
      expect(refused).toMatchObject({
        code: 'BucketNotEmpty',
        status: 409,
        operation: 'DeleteBucketEncryption',
        bucket: Bucket,
      })
      expect(await lookupBucket(client, Bucket)).not.toBeNull()
    } finally {
      await deleteBucket(client, Bucket, { force: true })
    }

    const Empty = uniqueBucket('encryption-empty')
    await send(client, CreateBucket({ Bucket: Empty }))
    expect(await send(client, DeleteBucketEncryption({ Bucket: Empty }))).toEqual({})
    expect(await lookupBucket(client, Empty)).toBeNull()
  },
)
