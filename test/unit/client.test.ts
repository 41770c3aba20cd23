import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient } from '../../src/core/client.js'
import { resolveCredentials } from '../../src/core/credentials.js'
import { InputError } from '../../src/core/errors.js'

afterEach(() => vi.unstubAllEnvs())

describe('createClient', () => {
  it('reads region, endpoint and keys from the environment', async () => {
    vi.stubEnv('AWS_REGION', 'eu-central-1')
    vi.stubEnv('AWS_ENDPOINT_URL_S3', 'http://127.0.0.1:7480/')
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKID')
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'SECRET')
    vi.stubEnv('AWS_SESSION_TOKEN', 'TOKEN')
    const client = createClient()
    expect(client).toMatchObject({ region: 'eu-central-1', endpoint: 'http://127.0.0.1:7480', forcePathStyle: false })
    expect(await client.credentials()).toEqual({
      accessKeyId: 'AKID',
      secretAccessKey: 'SECRET',
      sessionToken: 'TOKEN',
    })
  })

  it('prefers explicit settings, and falls back to AWS_DEFAULT_REGION and AWS_ENDPOINT_URL', () => {
    vi.stubEnv('AWS_REGION', '')
    vi.stubEnv('AWS_DEFAULT_REGION', 'ap-south-1')
    vi.stubEnv('AWS_ENDPOINT_URL_S3', '')
    vi.stubEnv('AWS_ENDPOINT_URL', 'https://gateway.example.com')
    expect(createClient()).toMatchObject({ region: 'ap-south-1', endpoint: 'https://gateway.example.com' })
    expect(createClient({ region: 'us-west-2', endpoint: 'https://other.example.com' })).toMatchObject({
      region: 'us-west-2',
      endpoint: 'https://other.example.com',
    })
  })

  it('defaults to AWS us-east-1 when nothing is set', () => {
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'])
      vi.stubEnv(name, '')
    expect(createClient()).toMatchObject({ region: 'us-east-1', endpoint: 'https://s3.us-east-1.amazonaws.com' })
  })

  it("defaults to the regional endpoint in the region's partition", () => {
    for (const name of ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL']) vi.stubEnv(name, '')
    expect(createClient({ region: 'cn-northwest-1' }).endpoint).toBe('https://s3.cn-northwest-1.amazonaws.com.cn')
    expect(createClient({ region: 'us-gov-west-1' }).endpoint).toBe('https://s3.us-gov-west-1.amazonaws.com')
  })

  it('reads credentials with an expiration from a provider, and says where to look when there are none', async () => {
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) vi.stubEnv(name, '')
    const expiration = new Date('2030-01-01T00:00:00Z')
    const client = createClient({
      credentials: () => ({ accessKeyId: 'a', secretAccessKey: 'b', sessionToken: 'c', expiration }),
    })
    expect((await client.credentials()).expiration).toBe(expiration)
    await expect(resolveCredentials(createClient().credentials)).rejects.toThrow(
      /credentials: none found: .*s3kit\/credentials.*AWS_ACCESS_KEY_ID/,
    )
  })

  it('works where there is no process (browsers, workers)', () => {
    const saved = globalThis.process
    // @ts-expect-error -- simulating a runtime without `process`
    delete globalThis.process
    try {
      const client = createClient({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
      expect(client.region).toBe('us-east-1')
    } finally {
      globalThis.process = saved
    }
  })

  it('is a frozen plain object that keeps the secret out of sight', () => {
    const client = createClient({ credentials: { accessKeyId: 'AKID', secretAccessKey: 'very-secret' } })
    expect(Object.isFrozen(client)).toBe(true)
    expect(JSON.stringify(client)).not.toContain('very-secret')
    expect(String(client)).not.toContain('very-secret')
    expect(Object.values(client).map(String).join(' ')).not.toContain('very-secret')
  })

  it('accepts a credentials provider', async () => {
    let calls = 0
    const client = createClient({ credentials: async () => ({ accessKeyId: `k${++calls}`, secretAccessKey: 's' }) })
    expect((await client.credentials()).accessKeyId).toBe('k1')
    expect((await client.credentials()).accessKeyId).toBe('k2')
  })

  it('rejects endpoints that are not http(s) URLs, and bad retry settings', () => {
    expect(() => createClient({ endpoint: 'not a url' })).toThrow(InputError)
    expect(() => createClient({ endpoint: 'ftp://example.com' })).toThrow(/http: or https:/)
    expect(() => createClient({ endpoint: 'https://example.com/?x=1' })).toThrow(/query/)
    expect(() => createClient({ retry: { maxAttempts: 0 } })).toThrow(/maxAttempts/)
  })
})
