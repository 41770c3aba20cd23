// fromTemporaryCredentials against Ceph RGW's STS (scripts/s3-server.sh enables it and creates the
// role S3_ROLE_ARN that the first user may assume; see /work/shared/ceph-rgw.md "STS").
import { afterAll, afterEach, describe, expect, inject, it, vi } from 'vitest'
import { CreateBucket } from '../../commands/CreateBucket.js'
import { DeleteBucket } from '../../commands/DeleteBucket.js'
import { DeleteObject } from '../../commands/DeleteObject.js'
import { GetObject } from '../../commands/GetObject.js'
import { HeadObject } from '../../commands/HeadObject.js'
import { PutObject } from '../../commands/PutObject.js'
import { createClient, type FetchLike } from '../../src/core/client.js'
import { S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { fromTemporaryCredentials, fromWebToken } from '../../src/helpers/credentials/index.js'
import { server, uniqueBucket } from './env.js'

function sts() {
  const s = server()
  const env = inject('s3')
  const roleArn = env.S3_ROLE_ARN
  if (!roleArn)
    throw new Error(
      'this test needs S3_ROLE_ARN: restart the server with scripts/s3-server.sh (stop, then start) so that STS is enabled',
    )
  return { ...s, roleArn, stsEndpoint: env.S3_STS_ENDPOINT ?? s.endpoint }
}

/** A fetch that counts the STS calls (POSTs to / with Action=…) it forwards. */
function countingFetch(): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    fetch: async (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : ''
      calls.push(/Action=(\w+)/.exec(body)?.[1] ?? 'other')
      return globalThis.fetch(input, init)
    },
  }
}

const buckets: string[] = []
afterEach(() => vi.useRealTimers())
afterAll(async () => {
  const s = sts()
  const admin = createClient({
    endpoint: s.endpoint,
    region: s.region,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
  })
  for (const Bucket of buckets) {
    await send(admin, DeleteObject({ Bucket, Key: 'hello.txt' })).catch(() => undefined)
    await send(admin, DeleteBucket({ Bucket })).catch(() => undefined)
  }
})

describe('fromTemporaryCredentials with RGW STS', () => {
  it('assumes the role and creates a bucket, puts and gets with the temporary keys and session token', async () => {
    const s = sts()
    const counter = countingFetch()
    const credentials = fromTemporaryCredentials({
      params: { RoleArn: s.roleArn, RoleSessionName: 'integration', DurationSeconds: 900 },
      masterCredentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      clientConfig: { endpoint: s.stsEndpoint, region: s.region, fetch: counter.fetch },
    })
    // The client holds no static keys: only the provider.
    const client = createClient({ endpoint: s.endpoint, region: s.region, credentials })
    const temporary = await client.credentials()
    expect(temporary.accessKeyId).not.toBe(s.accessKeyId)
    expect(temporary.sessionToken).toEqual(expect.any(String))
    // DurationSeconds 900: RGW answers an Expiration 15 minutes ahead (with nine fractional digits).
    const left = temporary.expiration!.getTime() - Date.now()
    expect(left).toBeGreaterThan(13 * 60_000)
    expect(left).toBeLessThanOrEqual(15 * 60_000 + 5_000)
    expect(JSON.stringify(temporary)).not.toContain(temporary.secretAccessKey)
    expect(JSON.stringify(temporary)).not.toContain(temporary.sessionToken)

    const Bucket = uniqueBucket('sts')
    buckets.push(Bucket)
    await send(client, CreateBucket({ Bucket }))
    await send(client, PutObject({ Bucket, Key: 'hello.txt', Body: 'from a role' }))
    const object = await send(client, GetObject({ Bucket, Key: 'hello.txt' }))
    expect(await object.Body.text()).toBe('from a role')
    expect(counter.calls).toEqual(['AssumeRole'])
  })

  it('refreshes once for 100 concurrent sends across the expiry, and the new keys work', async () => {
    const s = sts()
    const admin = createClient({
      endpoint: s.endpoint,
      region: s.region,
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    })
    const Bucket = uniqueBucket('sts-refresh')
    buckets.push(Bucket)
    await send(admin, CreateBucket({ Bucket }))
    await send(admin, PutObject({ Bucket, Key: 'hello.txt', Body: 'x' }))

    const counter = countingFetch()
    const provider = fromTemporaryCredentials({
      params: { RoleArn: s.roleArn, DurationSeconds: 900 },
      masterCredentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      clientConfig: { endpoint: s.stsEndpoint, region: s.region, fetch: counter.fetch },
    })
    const client = createClient({ endpoint: s.endpoint, region: s.region, credentials: provider })
    await Promise.all(Array.from({ length: 100 }, () => send(client, HeadObject({ Bucket, Key: 'hello.txt' }))))
    expect(counter.calls).toEqual(['AssumeRole'])
    const first = await provider()

    // Move the clock to 4 minutes before the expiry: inside the 5-minute refresh window, and
    // 11 minutes ahead of the server, within the 15 minutes of skew it accepts.
    vi.useFakeTimers({ toFake: ['Date'], now: first.expiration!.getTime() - 4 * 60_000 })
    await Promise.all(Array.from({ length: 100 }, () => send(client, HeadObject({ Bucket, Key: 'hello.txt' }))))
    expect(counter.calls).toEqual(['AssumeRole', 'AssumeRole'])
    const second = await provider()
    expect(second.accessKeyId).not.toBe(first.accessKeyId)
    expect(second.expiration!.getTime()).toBeGreaterThan(first.expiration!.getTime())
  })

  it('reports STS refusals with their code, for the action, without retrying them', async () => {
    const s = sts()
    const counter = countingFetch()
    const noRole = fromTemporaryCredentials({
      params: { RoleArn: 'arn:aws:iam:::role/NoSuchRole' },
      masterCredentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      clientConfig: { endpoint: s.stsEndpoint, region: s.region, fetch: counter.fetch },
    })
    const error = await Promise.resolve(noRole()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({ code: 'NoSuchEntity', status: 404, operation: 'AssumeRole' })
    expect(counter.calls).toEqual(['AssumeRole'])

    const wrongSecret = fromTemporaryCredentials({
      params: { RoleArn: s.roleArn },
      masterCredentials: { accessKeyId: s.accessKeyId, secretAccessKey: 'not-the-secret' },
      clientConfig: { endpoint: s.stsEndpoint, region: s.region },
    })
    const denied = await Promise.resolve(wrongSecret()).catch((e: unknown) => e)
    expect(denied).toMatchObject({ name: 'S3Error', operation: 'AssumeRole', status: 403 })
    expect(String((denied as Error).message)).not.toContain('not-the-secret')

    const tooShort = fromTemporaryCredentials({
      params: { RoleArn: s.roleArn, DurationSeconds: 10 },
      masterCredentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      clientConfig: { endpoint: s.stsEndpoint, region: s.region },
    })
    await expect(Promise.resolve(tooShort())).rejects.toMatchObject({ code: 'InvalidArgument', status: 400 })
  })

  it('sends AssumeRoleWithWebIdentity unsigned, and RGW refuses a token from no registered provider', async () => {
    // RGW accepts web identity tokens only from an OpenID Connect provider registered in it; with
    // none, a token is refused with 403 AccessDenied (captured from RGW 16.2.15).
    const s = sts()
    const seen: Headers[] = []
    const provider = fromWebToken({
      roleArn: s.roleArn,
      webIdentityToken: async () => 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
      clientConfig: {
        endpoint: s.stsEndpoint,
        region: s.region,
        fetch: (input, init) => {
          seen.push(new Headers(init?.headers))
          return globalThis.fetch(input, init)
        },
      },
    })
    await expect(Promise.resolve(provider())).rejects.toMatchObject({
      name: 'S3Error',
      code: 'AccessDenied',
      status: 403,
      operation: 'AssumeRoleWithWebIdentity',
    })
    expect(seen).toHaveLength(1)
    expect(seen[0]!.get('authorization')).toBeNull()
  })
})
