// fromNodeProviderChain finds each source in turn, and with none lists what it tried. The
// metadata endpoints are loopback servers (protocols as in container-metadata.test.ts and
// instance-metadata.test.ts); with nothing configured, the IMDS endpoint is a server that never
// answers, so the chain's failure is bounded by the IMDS probe's timeout, not by luck.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CredentialsError } from '../../../src/core/credentials.js'
import { createCredentialChain } from '../../../src/helpers/credentials/chain.js'
import { createClient } from '../../../src/node/create-client.js'
import { fromNodeProviderChain } from '../../../src/node/credentials/from-node-provider-chain.js'
import { clearAwsEnv, inMinutes, json, listen, xml } from './loopback.js'

let home: string
beforeEach(async () => {
  clearAwsEnv()
  home = await mkdtemp(join(tmpdir(), 's3kit-chain-'))
  vi.stubEnv('HOME', home)
})
afterEach(() => vi.unstubAllEnvs())

// Generous timeouts where the endpoints are there: a busy test machine must not make them look absent.
const patient = { probeTimeout: 5_000, timeout: 5_000 }

const metadataDocument = (accessKeyId: string) => ({
  Code: 'Success',
  AccessKeyId: accessKeyId,
  SecretAccessKey: 'secret',
  Token: 'token',
  Expiration: inMinutes(60),
})

describe('fromNodeProviderChain', () => {
  it('finds each source in turn: env, profile, token file, container, instance metadata', async () => {
    const sts = await listen((_, response) =>
      xml(
        response,
        200,
        `<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials>` +
          `<SessionToken>t</SessionToken><SecretAccessKey>s</SecretAccessKey>` +
          `<Expiration>${inMinutes(60)}</Expiration>` +
          `<AccessKeyId>ASIAWEBIDENTITY</AccessKeyId></Credentials></AssumeRoleWithWebIdentityResult>` +
          `</AssumeRoleWithWebIdentityResponse>`,
      ),
    )
    const container = await listen((_, response) => json(response, 200, metadataDocument('ASIACONTAINER')))
    const imds = await listen((request, response) =>
      request.method === 'PUT'
        ? response.writeHead(200).end('imds-token')
        : request.url!.endsWith('/security-credentials/')
          ? response.writeHead(200).end('role')
          : json(response, 200, metadataDocument('ASIAINSTANCE')),
    )
    try {
      vi.stubEnv('AWS_EC2_METADATA_SERVICE_ENDPOINT', imds.url)
      expect((await fromNodeProviderChain(patient)()).accessKeyId).toBe('ASIAINSTANCE')

      vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', `${container.url}/v1/credentials`)
      expect((await fromNodeProviderChain(patient)()).accessKeyId).toBe('ASIACONTAINER')

      await writeFile(join(home, 'token'), 'jwt')
      vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', join(home, 'token'))
      vi.stubEnv('AWS_ROLE_ARN', 'arn:aws:iam::123456789012:role/irsa')
      vi.stubEnv('AWS_ENDPOINT_URL_STS', sts.url)
      expect((await fromNodeProviderChain(patient)()).accessKeyId).toBe('ASIAWEBIDENTITY')

      await mkdir(join(home, '.aws'))
      await writeFile(
        join(home, '.aws', 'credentials'),
        '[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = ' +
          'profile-secret\n[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\n',
      )
      expect((await fromNodeProviderChain(patient)()).accessKeyId).toBe('AKIDPROFILE')

      vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDENV')
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'env-secret')
      expect((await fromNodeProviderChain(patient)()).accessKeyId).toBe('AKIDENV')

      // A named profile wins over the environment's keys, as in the AWS SDKs.
      vi.stubEnv('AWS_PROFILE', 'other')
      expect((await fromNodeProviderChain(patient)()).accessKeyId).toBe('AKIDOTHER')
    } finally {
      await Promise.all([sts.close(), container.close(), imds.close()])
    }
  })

  it('with nothing set, fails with every source it tried and why each gave nothing', async () => {
    const silent = await listen(() => undefined)
    try {
      vi.stubEnv('AWS_EC2_METADATA_SERVICE_ENDPOINT', silent.url)
      const error = await Promise.resolve(fromNodeProviderChain()()).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(CredentialsError)
      const { tried, message } = error as CredentialsError
      expect(tried).toEqual([
        { source: 'fromEnv', reason: 'AWS_ACCESS_KEY_ID is not set' },
        {
          source: 'fromIni',
          reason:
            `no profile "default" in ${join(home, '.aws', 'credentials')} or ${join(home, '.aws', 'config')} ` +
            `(neither exists)`,
        },
        { source: 'fromTokenFile', reason: 'AWS_WEB_IDENTITY_TOKEN_FILE is not set' },
        {
          source: 'fromContainerMetadata',
          reason: 'neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set',
        },
        { source: 'fromInstanceMetadata', reason: `no answer from ${silent.url}/latest/api/token within 250 ms` },
      ])
      for (const { source } of tried) expect(message).toContain(`  - ${source}: `)
      // The probe was made once, not retried.
      expect(silent.seen).toHaveLength(1)
    } finally {
      await silent.close()
    }
  })

  it('stops at a source that is configured but broken instead of passing over it', async () => {
    await mkdir(join(home, '.aws'))
    await writeFile(
      join(home, '.aws', 'config'),
      '[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Nowhere\n',
    )
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true')
    await expect(Promise.resolve(fromNodeProviderChain()())).rejects.toThrow(
      /credential_source "Nowhere" is not one of/,
    )
  })
})

describe('createCredentialChain', () => {
  it('goes straight to the provider that answered, afterwards', async () => {
    const calls: string[] = []
    const chain = createCredentialChain(
      () => {
        calls.push('a')
        throw new CredentialsError('a', 'nothing', { tryNext: true })
      },
      () => {
        calls.push('b')
        return { accessKeyId: 'B', secretAccessKey: 's' }
      },
    )
    await chain()
    await chain()
    expect(calls).toEqual(['a', 'b', 'b'])
  })
})

describe('createClient (s3kit/node)', () => {
  it('takes region and endpoint_url from the profile, the environment first; the chain for credentials', async () => {
    await mkdir(join(home, '.aws'))
    await writeFile(
      join(home, '.aws', 'config'),
      '[default]\nregion = eu-north-1\n[profile dev]\nregion = ap-southeast-2\nservices = ' +
        'local\nendpoint_url = http://127.0.0.1:9999\n[services local]\ns3 =\n  endpoint_url = ' +
        'http://127.0.0.1:7480\n',
    )
    await writeFile(
      join(home, '.aws', 'credentials'),
      '[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = dev-secret\n',
    )
    expect(createClient()).toMatchObject({ region: 'eu-north-1', endpoint: 'https://s3.eu-north-1.amazonaws.com' })
    vi.stubEnv('AWS_PROFILE', 'dev')
    const client = createClient()
    expect(client).toMatchObject({ region: 'ap-southeast-2', endpoint: 'http://127.0.0.1:7480' })
    expect((await client.credentials()).accessKeyId).toBe('AKIDDEV')
    vi.stubEnv('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'true')
    expect(createClient().endpoint).toBe('https://s3.ap-southeast-2.amazonaws.com')
    vi.stubEnv('AWS_REGION', 'us-west-1')
    vi.stubEnv('AWS_ENDPOINT_URL_S3', 'http://localhost:1234')
    expect(createClient()).toMatchObject({ region: 'us-west-1', endpoint: 'http://localhost:1234' })
    expect(createClient({ region: 'sa-east-1', credentials: { accessKeyId: 'X', secretAccessKey: 'y' } }).region).toBe(
      'sa-east-1',
    )
    expect(JSON.stringify(createClient())).not.toContain('dev-secret')
  })
})
