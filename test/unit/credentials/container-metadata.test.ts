// fromContainerMetadata against loopback servers answering as the documented endpoints do: the
// ECS task role endpoint ("Task IAM role", Amazon ECS developer guide: GET 169.254.170.2$RELATIVE_URI
// → {AccessKeyId, Expiration, RoleArn, SecretAccessKey, Token}) and the EKS Pod Identity agent
// ("EKS Pod Identity", Amazon EKS user guide: AWS_CONTAINER_CREDENTIALS_FULL_URI
// http://169.254.170.23/v1/credentials with the token of AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE in
// Authorization; the answer adds AccountId). Which hosts plain http may use comes from the AWS SDKs
// and Tools reference guide, "Container credential provider".
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FetchLike } from '../../../src/core/client.js'
import { fromContainerMetadata } from '../../../src/helpers/credentials/from-container-metadata.js'
import { clearAwsEnv, inMinutes, json, listen } from './loopback.js'

const document = (expiration: string) => ({
  AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  Expiration: expiration,
  RoleArn: 'arn:aws:iam::123456789012:role/task',
  SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  Token: 'IQoJb3JpZ2luX2VjEXAMPLE',
})

beforeEach(clearAwsEnv)
afterEach(() => vi.unstubAllEnvs())

describe('fromContainerMetadata', () => {
  it('reads the ECS task role endpoint at 169.254.170.2 + AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', async () => {
    const urls: string[] = []
    const fetch: FetchLike = async (input) => {
      urls.push(String(input))
      return Response.json(document(inMinutes(60)))
    }
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', '/v2/credentials/8e0c6d7a-example')
    const credentials = await fromContainerMetadata({ fetch })()
    expect(credentials).toMatchObject({ accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE' })
    expect(urls).toEqual(['http://169.254.170.2/v2/credentials/8e0c6d7a-example'])
  })

  it('sends the Pod Identity token from the token file, read again on refresh', async () => {
    let expiration = inMinutes(2) // inside the refresh window: every call refreshes
    const agent = await listen((request, response) => {
      if (request.headers.authorization?.startsWith('pod-token'))
        json(response, 200, { ...document(expiration), AccountId: '123456789012' })
      else json(response, 400, { code: 'InvalidToken', message: 'missing or invalid token' })
    })
    try {
      const dir = await mkdtemp(join(tmpdir(), 's3kit-pod-'))
      const tokenFile = join(dir, 'eks-pod-identity-token')
      await writeFile(tokenFile, 'pod-token-1\n')
      vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', `${agent.url}/v1/credentials`)
      vi.stubEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE', tokenFile)
      vi.stubEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN', 'ignored-when-a-file-is-set')
      const provider = fromContainerMetadata()
      expect((await provider()).accessKeyId).toBe('ASIAIOSFODNN7EXAMPLE')
      await writeFile(tokenFile, 'pod-token-2\n')
      expiration = inMinutes(60)
      await provider()
      expect(agent.seen.map((r) => `${r.url} ${r.headers.authorization}`)).toEqual([
        '/v1/credentials pod-token-1',
        '/v1/credentials pod-token-2',
      ])

      await writeFile(tokenFile, 'wrong\n')
      vi.stubEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE', '')
      vi.stubEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN', 'not-a-pod-token')
      const refused = await Promise.resolve(fromContainerMetadata()()).catch((e: unknown) => e)
      expect(refused).toMatchObject({ name: 'CredentialsError', tryNext: false })
      expect((refused as Error).message).toContain(
        'answered HTTP 400: {"code":"InvalidToken","message":"missing or invalid token"}',
      )
    } finally {
      await agent.close()
    }
  })

  it('retries 5xx answers, then gives up naming the endpoint', async () => {
    let failures = 2
    const agent = await listen((_, response) =>
      failures-- > 0 ? response.writeHead(500).end() : json(response, 200, document(inMinutes(60))),
    )
    try {
      vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', `${agent.url}/creds`)
      expect((await fromContainerMetadata({ maxRetries: 2 })()).accessKeyId).toBe('ASIAIOSFODNN7EXAMPLE')
      failures = 5
      await expect(Promise.resolve(fromContainerMetadata({ maxRetries: 1 })())).rejects.toThrow(
        `GET ${agent.url}/creds answered HTTP 500 (2 attempts)`,
      )
    } finally {
      await agent.close()
    }
  })

  it('allows plain http only to loopback and the AWS agents, and refuses header injection', async () => {
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', 'http://metadata.example.com/creds')
    await expect(Promise.resolve(fromContainerMetadata()())).rejects.toThrow(/must be https, or http to loopback/)
    const urls: string[] = []
    const fetch: FetchLike = async (input) => {
      urls.push(String(input))
      return Response.json(document(inMinutes(60)))
    }
    for (const uri of [
      'https://metadata.example.com/creds',
      'http://169.254.170.23/v1/credentials',
      'http://[fd00:ec2::23]/v1/credentials',
      'http://localhost:8080/c',
    ]) {
      vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', uri)
      await fromContainerMetadata({ fetch })()
    }
    expect(urls).toHaveLength(4)
    vi.stubEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN', 'token\r\nx-injected: 1')
    await expect(Promise.resolve(fromContainerMetadata({ fetch })())).rejects.toThrow(/line break/)
  })

  it('finds nothing when neither variable is set, and says so', async () => {
    await expect(Promise.resolve(fromContainerMetadata()())).rejects.toMatchObject({
      tryNext: true,
      message:
        'fromContainerMetadata: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor ' +
        'AWS_CONTAINER_CREDENTIALS_FULL_URI is set',
    })
  })
})

describe('the credentials document', () => {
  it('must have the keys as strings; the error names the field, never a value', async () => {
    for (const [body, problem] of [
      ['not json', 'is not JSON'],
      [{ AccessKeyId: 'A' }, 'has no SecretAccessKey'],
      [{ AccessKeyId: 'A', SecretAccessKey: 'hidden-secret', Token: 5 }, 'Token is not a string'],
      [{ AccessKeyId: 'A', SecretAccessKey: 'hidden-secret', Expiration: 'soon' }, 'Expiration is not a time'],
    ] as const) {
      const fetch: FetchLike = async () => new Response(typeof body === 'string' ? body : JSON.stringify(body))
      vi.stubEnv('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', '/v2/credentials/x')
      const error = await Promise.resolve(fromContainerMetadata({ fetch })()).catch((e: unknown) => e)
      expect((error as Error).message).toContain(problem)
      expect((error as Error).message).not.toContain('hidden-secret')
    }
  })
})
