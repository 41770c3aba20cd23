import { expect, it } from 'vitest'
import type { PolicyDocument } from '../../codecs/policy.js'
import { DeleteBucketPolicy } from '../../commands/DeleteBucketPolicy.js'
import { DeletePublicAccessBlock } from '../../commands/DeletePublicAccessBlock.js'
import { GetBucketLocation } from '../../commands/GetBucketLocation.js'
import { GetBucketPolicy } from '../../commands/GetBucketPolicy.js'
import { GetBucketPolicyStatus } from '../../commands/GetBucketPolicyStatus.js'
import { GetPublicAccessBlock } from '../../commands/GetPublicAccessBlock.js'
import { PutBucketPolicy } from '../../commands/PutBucketPolicy.js'
import { PutPublicAccessBlock } from '../../commands/PutPublicAccessBlock.js'
import { CreateBucket, deleteBucket, PutObject, S3Error, send } from '../../src/index.js'
import { server, testClient, uniqueBucket } from './env.js'

const client = testClient()
const { endpoint } = server()
const allOff = {
  BlockPublicAcls: false,
  IgnorePublicAcls: false,
  BlockPublicPolicy: false,
  RestrictPublicBuckets: false,
}
const publicRead = (Bucket: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${Bucket}/*`,
    },
  ],
})
/** An anonymous GET, as anyone on the web would send it. */
const anonymous = (Bucket: string, Key: string) => fetch(`${endpoint}/${Bucket}/${Key}`)

it('a public-read policy: none, set (object or JSON text), read back, public, removed', async () => {
  const Bucket = uniqueBucket('policy')
  await send(client, CreateBucket({ Bucket }))
  try {
    await send(client, PutObject({ Bucket, Key: 'index.html', Body: '<h1>hello</h1>' }))
    const none = await send(client, GetBucketPolicy({ Bucket })).catch((e: unknown) => e)
    expect(none).toBeInstanceOf(S3Error)
    expect(none).toMatchObject({
      code: 'NoSuchBucketPolicy',
      status: 404,
      operation: 'GetBucketPolicy',
      bucket: Bucket,
    })
    expect(await send(client, GetBucketPolicyStatus({ Bucket }))).toEqual({ PolicyStatus: { IsPublic: false } })
    expect((await anonymous(Bucket, 'index.html')).status).toBe(403)

    await send(client, PutBucketPolicy({ Bucket, Policy: publicRead(Bucket) }))
    expect(await send(client, GetBucketPolicy({ Bucket }))).toEqual({ Policy: publicRead(Bucket) })
    expect(await send(client, GetBucketPolicyStatus({ Bucket }))).toEqual({ PolicyStatus: { IsPublic: true } })
    const read = await anonymous(Bucket, 'index.html')
    expect(read.status).toBe(200)
    expect(await read.text()).toBe('<h1>hello</h1>')

    // JSON text is sent as it is; a policy refusing anonymous reads of private/ wins over the allow.
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        ...(publicRead(Bucket).Statement as object[]),
        {
          Sid: 'NoPrivate',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${Bucket}/private/*`,
        },
      ],
    })
    await send(client, PutObject({ Bucket, Key: 'private/secret.txt', Body: 'secret' }))
    await send(client, PutBucketPolicy({ Bucket, Policy: text }))
    expect((await send(client, GetBucketPolicy({ Bucket }))).Policy).toEqual(JSON.parse(text))
    expect((await anonymous(Bucket, 'private/secret.txt')).status).toBe(403)

    await send(client, DeleteBucketPolicy({ Bucket }))
    await expect(send(client, GetBucketPolicy({ Bucket }))).rejects.toMatchObject({
      code: 'NoSuchBucketPolicy',
      status: 404,
    })
    expect(await send(client, GetBucketPolicyStatus({ Bucket }))).toEqual({ PolicyStatus: { IsPublic: false } })
    expect((await anonymous(Bucket, 'index.html')).status).toBe(403)
  } finally {
    await deleteBucket(client, Bucket, { force: true })
  }
})

it(
  'Block Public Access: RGW reports all off when unset, keeps settings, ' +
    'and refuses a public policy under BlockPublicPolicy',
  async () => {
    const Bucket = uniqueBucket('public-access')
    await send(client, CreateBucket({ Bucket }))
    try {
      // AWS answers 404 NoSuchPublicAccessBlockConfiguration here; RGW 16 answers with all four off.
      expect(await send(client, GetPublicAccessBlock({ Bucket }))).toEqual({ PublicAccessBlockConfiguration: allOff })

      await send(
        client,
        PutPublicAccessBlock({
          Bucket,
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true },
        }),
      )
      expect(await send(client, GetPublicAccessBlock({ Bucket }))).toEqual({
        PublicAccessBlockConfiguration: { ...allOff, BlockPublicAcls: true, BlockPublicPolicy: true },
      })

      const refused = await send(client, PutBucketPolicy({ Bucket, Policy: publicRead(Bucket) })).catch(
        (e: unknown) => e,
      )
      expect(refused).toBeInstanceOf(S3Error)
      expect(refused).toMatchObject({ code: 'AccessDenied', status: 403, operation: 'PutBucketPolicy', bucket: Bucket })
      await expect(send(client, GetBucketPolicy({ Bucket }))).rejects.toMatchObject({ code: 'NoSuchBucketPolicy' })

      await send(client, DeletePublicAccessBlock({ Bucket }))
      expect(await send(client, GetPublicAccessBlock({ Bucket }))).toEqual({ PublicAccessBlockConfiguration: allOff })
      await send(client, PutBucketPolicy({ Bucket, Policy: publicRead(Bucket) }))
      expect(await send(client, GetBucketPolicyStatus({ Bucket }))).toEqual({ PolicyStatus: { IsPublic: true } })
    } finally {
      await deleteBucket(client, Bucket, { force: true })
    }
  },
)

it(
  "GetBucketLocation names the zonegroup's api_name (us-east-1 on the test server), " +
    'where AWS sends none for us-east-1',
  async () => {
    const Bucket = uniqueBucket('location')
    await send(client, CreateBucket({ Bucket }))
    try {
      expect(await send(client, GetBucketLocation({ Bucket }))).toEqual({ LocationConstraint: 'us-east-1' })
    } finally {
      await deleteBucket(client, Bucket)
    }
  },
)
