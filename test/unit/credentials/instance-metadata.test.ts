// fromInstanceMetadata against a loopback server that follows the IMDSv2 protocol as the EC2 user
// guide documents it ("Use the Instance Metadata Service to access instance metadata", "Retrieve
// security credentials from instance metadata", "Instance metadata service responses"):
// PUT /latest/api/token needs X-aws-ec2-metadata-token-ttl-seconds (1–21600, else 400) and answers
// the token with the TTL header; a GET with a missing or invalid token gets 401 when IMDSv2 is
// required; 403 means IMDS is turned off; 404 is "not found" (no role); 429 is throttling; 503
// "could not be completed, retry". The credentials document is the guide's example.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CredentialsError } from '../../../src/core/credentials.js'
import { fromInstanceMetadata } from '../../../src/helpers/credentials/from-instance-metadata.js'
import { clearAwsEnv, inMinutes, json, listen } from './loopback.js'

interface ImdsBehaviour {
  /** 'required': IMDSv2 only; 'optional': tokens accepted but not needed; 'v1only': no token endpoint (404). */
  mode: 'required' | 'optional' | 'v1only'
  role?: string | undefined
  throttle?: number
  code?: string
}

async function imds(behaviour: ImdsBehaviour) {
  const tokens = new Set<string>()
  let issued = 0
  const expiration = inMinutes(360)
  const server = await listen((request, response) => {
    if (request.method === 'PUT' && request.url === '/latest/api/token') {
      if (behaviour.mode === 'v1only') return response.writeHead(404).end()
      const ttl = Number(request.headers['x-aws-ec2-metadata-token-ttl-seconds'])
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21_600) return response.writeHead(400).end()
      const token = `token-${++issued}`
      tokens.add(token)
      return response
        .writeHead(200, { 'x-aws-ec2-metadata-token-ttl-seconds': String(ttl), 'content-type': 'text/plain' })
        .end(token)
    }
    const token = request.headers['x-aws-ec2-metadata-token'] as string | undefined
    if (behaviour.mode === 'required' && (!token || !tokens.has(token))) return response.writeHead(401).end()
    if (behaviour.throttle && behaviour.throttle-- > 0) return response.writeHead(429).end()
    const base = '/latest/meta-data/iam/security-credentials/'
    if (request.url === base)
      return behaviour.role
        ? response.writeHead(200, { 'content-type': 'text/plain' }).end(behaviour.role)
        : response.writeHead(404).end()
    if (behaviour.role && request.url === `${base}${behaviour.role}`) {
      return json(response, 200, {
        Code: behaviour.code ?? 'Success',
        LastUpdated: '2012-04-26T16:39:16Z',
        Type: 'AWS-HMAC',
        AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        Token: 'token',
        Expiration: expiration,
      })
    }
    response.writeHead(404).end()
  })
  return { ...server, tokens, expiration, expire: () => tokens.clear() }
}

beforeEach(clearAwsEnv)
afterEach(() => vi.unstubAllEnvs())

describe('fromInstanceMetadata', () => {
  it('takes a token with a TTL, then the role and its credentials with the token', async () => {
    const server = await imds({ mode: 'required', role: 's3access' })
    try {
      const credentials = await fromInstanceMetadata({ probeTimeout: 5_000, endpoint: server.url })()
      expect(credentials).toMatchObject({
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        sessionToken: 'token',
      })
      expect(credentials.expiration?.toISOString()).toBe(server.expiration)
      expect(server.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
        'PUT /latest/api/token',
        'GET /latest/meta-data/iam/security-credentials/',
        'GET /latest/meta-data/iam/security-credentials/s3access',
      ])
      expect(server.seen[0]!.headers['x-aws-ec2-metadata-token-ttl-seconds']).toBe('21600')
      expect(server.seen[1]!.headers['x-aws-ec2-metadata-token']).toBe('token-1')
      expect(server.seen[2]!.headers['x-aws-ec2-metadata-token']).toBe('token-1')
    } finally {
      await server.close()
    }
  })

  it('takes a new token after a 401, and retries throttling (429)', async () => {
    const server = await imds({ mode: 'required', role: 's3access' })
    try {
      let now = Date.now()
      const provider = fromInstanceMetadata({ probeTimeout: 5_000, endpoint: server.url, cache: { now: () => now } })
      await provider()
      server.expire()
      now += 6 * 60 * 60_000 // past the cached credentials' refresh time
      expect((await provider()).accessKeyId).toBe('ASIAIOSFODNN7EXAMPLE')
      expect(server.seen.filter((r) => r.method === 'PUT')).toHaveLength(2)

      const throttled = await imds({ mode: 'required', role: 's3access', throttle: 2 })
      try {
        expect(
          (await fromInstanceMetadata({ probeTimeout: 5_000, endpoint: throttled.url, maxRetries: 2 })()).accessKeyId,
        ).toBe('ASIAIOSFODNN7EXAMPLE')
        expect(throttled.seen.filter((r) => r.method === 'GET')).toHaveLength(4)
      } finally {
        await throttled.close()
      }
    } finally {
      await server.close()
    }
  })

  it('falls back to IMDSv1 only when allowed', async () => {
    const server = await imds({ mode: 'v1only', role: 's3access' })
    try {
      const refused = await Promise.resolve(
        fromInstanceMetadata({ probeTimeout: 5_000, endpoint: server.url })(),
      ).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(CredentialsError)
      expect((refused as Error).message).toMatch(/HTTP 404; IMDSv1 fallback is disabled/)
      expect(server.seen.filter((r) => r.method === 'GET')).toHaveLength(0)

      const allowed = await fromInstanceMetadata({
        probeTimeout: 5_000,
        endpoint: server.url,
        ec2MetadataV1Disabled: false,
      })()
      expect(allowed.accessKeyId).toBe('ASIAIOSFODNN7EXAMPLE')
      expect(
        server.seen.filter((r) => r.method === 'GET').every((r) => r.headers['x-aws-ec2-metadata-token'] === undefined),
      ).toBe(true)

      vi.stubEnv('AWS_EC2_METADATA_V1_DISABLED', 'false')
      expect((await fromInstanceMetadata({ probeTimeout: 5_000, endpoint: server.url })()).accessKeyId).toBe(
        'ASIAIOSFODNN7EXAMPLE',
      )
    } finally {
      await server.close()
    }
  })

  it('finds nothing, and says why, when disabled, without a role, or when nothing answers', async () => {
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true')
    await expect(Promise.resolve(fromInstanceMetadata({ endpoint: 'http://127.0.0.1:9' })())).rejects.toMatchObject({
      tryNext: true,
      message: expect.stringContaining('AWS_EC2_METADATA_DISABLED'),
    })
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', '')

    const noRole = await imds({ mode: 'required' })
    try {
      await expect(
        Promise.resolve(fromInstanceMetadata({ probeTimeout: 5_000, endpoint: noRole.url })()),
      ).rejects.toMatchObject({ tryNext: true, message: expect.stringContaining('no IAM role') })
    } finally {
      await noRole.close()
    }

    // A host that takes the connection and never answers: the token probe gives up after
    // probeTimeout and is not retried.
    const silent = await listen(() => undefined)
    try {
      vi.stubEnv('AWS_EC2_METADATA_SERVICE_ENDPOINT', silent.url)
      const error = await Promise.resolve(fromInstanceMetadata({ probeTimeout: 100 })()).catch((e: unknown) => e)
      expect(error).toMatchObject({ name: 'CredentialsError', tryNext: true })
      expect((error as Error).message).toBe(
        `fromInstanceMetadata: no answer from ${silent.url}/latest/api/token within 100 ms`,
      )
      expect(silent.seen).toHaveLength(1)
    } finally {
      await silent.close()
    }
  })

  it('refuses a credentials document whose Code is not Success', async () => {
    const server = await imds({ mode: 'optional', role: 's3access', code: 'AssumeRoleUnauthorizedAccess' })
    try {
      await expect(
        Promise.resolve(fromInstanceMetadata({ probeTimeout: 5_000, endpoint: server.url })()),
      ).rejects.toThrow(/Code "AssumeRoleUnauthorizedAccess"/)
    } finally {
      await server.close()
    }
  })
})
