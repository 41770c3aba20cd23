// fromTemporaryCredentials against Ceph RGW's STS (scripts/s3-server.sh enables it and creates the
// role S3_ROLE_ARN that the first user may assume; see /work/shared/ceph-rgw.md "STS").
import { execFileSync } from 'node:child_process'
import { createSign, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AwsClient } from 'aws4fetch'
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
import { fromTokenFile } from '../../src/node/credentials/from-token-file.js'
import { server, uniqueBucket } from './env.js'

function sts() {
  const s = server()
  const env = inject('s3')
  const roleArn = env.S3_ROLE_ARN
  if (!roleArn)
    throw new Error(
      'this test needs S3_ROLE_ARN: restart the server with scripts/s3-server.sh (stop, ' +
        'then start) so that STS is enabled',
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

/**
 * An OpenID Connect provider on loopback, as RGW 16 consults one: it fetches
 * `<iss>/.well-known/openid-configuration`, then the `jwks_uri` document, takes the certificate in
 * a key's `x5c`, checks its SHA-1 thumbprint against the provider registered with
 * CreateOpenIDConnectProvider, and verifies the token's RS256 signature with it (Ceph
 * documentation, "STS in Ceph" / "OpenID Connect Provider"; measured on RGW 16.2.15).
 */
async function openIdProvider() {
  const dir = mkdtempSync(join(tmpdir(), 's3kit-oidc-'))
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-subj',
      '/CN=s3kit-oidc',
      '-days',
      '1',
    ],
    { stdio: 'ignore' },
  )
  const key = readFileSync(join(dir, 'key.pem'), 'utf8')
  const certificate = readFileSync(join(dir, 'cert.pem'), 'utf8')
  const server = createServer((request, response) => {
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    if (request.url === '/.well-known/openid-configuration')
      return response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }))
    if (request.url === '/jwks') {
      const x5c = certificate.replace(/-----[^-]+-----|\s/g, '')
      return response.end(JSON.stringify({ keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid: 'k1', x5c: [x5c] }] }))
    }
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return {
    issuer,
    dir,
    thumbprint: new X509Certificate(certificate).fingerprint.replace(/:/g, '').toLowerCase(),
    /** A fresh RS256 ID token for audience `s3kit-app`. */
    token: (subject = 'app-user'): string => {
      const now = Math.floor(Date.now() / 1000)
      const unsigned =
        `${b64({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.` +
        `${b64({ iss: issuer, sub: subject, aud: 's3kit-app', iat: now, exp: now + 600 })}`
      return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** RGW's IAM API (POST / signed for service iam), for the provider and role this test registers. */
async function iam(params: Record<string, string>): Promise<string> {
  const s = sts()
  const client = new AwsClient({
    accessKeyId: s.accessKeyId,
    secretAccessKey: s.secretAccessKey,
    service: 'iam',
    region: s.region,
  })
  const response = await client.fetch(`${s.endpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ Version: '2010-05-08', ...params }).toString(),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${params.Action} answered ${response.status}: ${text}`)
  return text
}

describe('fromWebToken and fromTokenFile with RGW and an OpenID Connect provider on loopback', () => {
  it('exchange ID tokens for role credentials that create a bucket, put and get', async () => {
    const s = sts()
    const idp = await openIdProvider()
    const host = new URL(idp.issuer).host
    const roleName = `s3kit-web-${host.replace(/\W/g, '-')}`
    await iam({
      Action: 'CreateOpenIDConnectProvider',
      Url: idp.issuer,
      'ClientIDList.member.1': 's3kit-app',
      'ThumbprintList.member.1': idp.thumbprint,
    })
    try {
      await iam({
        Action: 'CreateRole',
        RoleName: roleName,
        Path: '/',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: [`arn:aws:iam:::oidc-provider/${host}`] },
              Action: ['sts:AssumeRoleWithWebIdentity'],
            },
          ],
        }),
      })
      await iam({
        Action: 'PutRolePolicy',
        RoleName: roleName,
        PolicyName: 'all',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['s3:*'], Resource: 'arn:aws:s3:::*' }],
        }),
      })
      const clientConfig = { endpoint: s.stsEndpoint, region: s.region }

      const subjects: string[] = []
      const credentials = fromWebToken({
        roleArn: `arn:aws:iam:::role/${roleName}`,
        roleSessionName: 'web',
        durationSeconds: 900,
        webIdentityToken: () => {
          subjects.push('app-user')
          return idp.token()
        },
        clientConfig,
      })
      const client = createClient({ endpoint: s.endpoint, region: s.region, credentials })
      const Bucket = uniqueBucket('web-identity')
      buckets.push(Bucket)
      await send(client, CreateBucket({ Bucket }))
      await send(client, PutObject({ Bucket, Key: 'hello.txt', Body: 'from a web identity' }))
      expect(await (await send(client, GetObject({ Bucket, Key: 'hello.txt' }))).Body.text()).toBe(
        'from a web identity',
      )
      expect(subjects).toHaveLength(1)
      expect((await client.credentials()).expiration!.getTime()).toBeGreaterThan(Date.now() + 13 * 60_000)

      // IRSA's shape: the token in a file, read by fromTokenFile.
      const tokenFile = join(idp.dir, 'token')
      writeFileSync(tokenFile, idp.token('pod'))
      const fromFile = createClient({
        endpoint: s.endpoint,
        region: s.region,
        credentials: fromTokenFile({
          webIdentityTokenFile: tokenFile,
          roleArn: `arn:aws:iam:::role/${roleName}`,
          clientConfig,
        }),
      })
      expect(await (await send(fromFile, GetObject({ Bucket, Key: 'hello.txt' }))).Body.text()).toBe(
        'from a web identity',
      )

      // A token signed by another key is refused.
      const forged = `${idp.token().split('.').slice(0, 2).join('.')}.${Buffer.from('forged').toString('base64url')}`
      const refused = fromWebToken({
        roleArn: `arn:aws:iam:::role/${roleName}`,
        webIdentityToken: forged,
        clientConfig,
      })
      await expect(Promise.resolve(refused())).rejects.toMatchObject({
        name: 'S3Error',
        status: 403,
        operation: 'AssumeRoleWithWebIdentity',
      })
    } finally {
      await iam({ Action: 'DeleteRolePolicy', RoleName: roleName, PolicyName: 'all' }).catch(() => undefined)
      await iam({ Action: 'DeleteRole', RoleName: roleName }).catch(() => undefined)
      await iam({
        Action: 'DeleteOpenIDConnectProvider',
        OpenIDConnectProviderArn: `arn:aws:iam:::oidc-provider/${host}`,
      }).catch(() => undefined)
      await idp.close()
    }
  })
})
