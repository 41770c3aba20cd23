// STS over fetch. Answers are the documented ones: the AssumeRole and AssumeRoleWithWebIdentity
// examples of the AWS STS API reference (API_AssumeRole.html, API_AssumeRoleWithWebIdentity.html,
// "Example" sections; session tokens shortened to one line as real answers have them), and the
// Query API error document (`<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`,
// STS "Common Errors"; `Throttling` / "Rate exceeded" is the code STS sends with HTTP 400).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FetchLike } from '../../../src/core/client.js'
import { S3Error } from '../../../src/core/errors.js'
import { fromTemporaryCredentials } from '../../../src/helpers/credentials/from-temporary-credentials.js'
import { fromWebToken } from '../../../src/helpers/credentials/from-web-token.js'
import { clearAwsEnv, inMinutes, listen, xml } from './loopback.js'

const assumeRoleAnswer = (expiration: string): string =>
  `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<AssumeRoleResult>
<SourceIdentity>Alice</SourceIdentity>
  <AssumedRoleUser>
    <Arn>arn:aws:sts::123456789012:assumed-role/demo/TestAR</Arn>
    <AssumedRoleId>ARO123EXAMPLE123:TestAR</AssumedRoleId>
  </AssumedRoleUser>
  <Credentials>
    <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
    <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
    <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIY` +
  `RqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvl` +
  `Rd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSI` +
  `lTJabIQwj2ICCR/oLxBA==</SessionToken>
    <Expiration>${expiration}</Expiration>
  </Credentials>
  <PackedPolicySize>6</PackedPolicySize>
</AssumeRoleResult>
<ResponseMetadata>
  <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
</ResponseMetadata>
</AssumeRoleResponse>`

const webIdentityAnswer = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>amzn1.account.AF6RHO7KZU5XRVQJGXK6HB56KR2A</SubjectFromWebIdentityToken>
    <Audience>client.5498841531868486423.1548@apps.example.com</Audience>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/FederatedWebIdentityRole/app1</Arn>
      <AssumedRoleId>AROACLKWSDQRAOEXAMPLE:app1</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <SessionToken>AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE</SessionToken>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <Expiration>2014-10-24T23:00:23Z</Expiration>
      <AccessKeyId>ASgeIAIOSFODNN7EXAMPLE</AccessKeyId>
    </Credentials>
    <SourceIdentity>SourceIdentityValue</SourceIdentity>
    <Provider>www.amazon.com</Provider>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata>
    <RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId>
  </ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`

const errorAnswer = (code: string, message: string): string =>
  `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
  `<Code>${code}</Code><Message>${message}</Message></Error>` +
  `<RequestId>4c3b0d4a-example</RequestId></ErrorResponse>`

const master = { accessKeyId: 'AKIDMASTER', secretAccessKey: 'master-secret' }

beforeEach(clearAwsEnv)
afterEach(() => vi.unstubAllEnvs())

describe('fromTemporaryCredentials', () => {
  it('posts a signed AssumeRole with every parameter and reads the documented answer', async () => {
    const expiration = inMinutes(60)
    const sts = await listen((_, response) => xml(response, 200, assumeRoleAnswer(expiration)))
    try {
      const provider = fromTemporaryCredentials({
        params: {
          RoleArn: 'arn:aws:iam::123456789012:role/demo',
          RoleSessionName: 'TestAR',
          DurationSeconds: 1800,
          ExternalId: 'ext id/1',
          Policy: '{"Version":"2012-10-17"}',
          SerialNumber: 'arn:aws:iam::123456789012:mfa/user',
          Tags: [{ Key: 'team', Value: 'a b' }],
        },
        mfaCodeProvider: async (serial) => (serial.endsWith('/user') ? '123456' : 'wrong'),
        masterCredentials: master,
        clientConfig: { endpoint: sts.url, region: 'eu-west-1' },
      })
      const credentials = await provider()
      expect(credentials).toMatchObject({
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
      })
      expect(credentials.sessionToken).toMatch(/^AQoDYXdzEPT\/\//)
      expect(credentials.expiration?.toISOString()).toBe(expiration)
      const [request] = sts.seen
      expect(request!.method).toBe('POST')
      expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8')
      expect(request!.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDMASTER\/\d{8}\/eu-west-1\/sts\/aws4_request, /,
      )
      expect(Object.fromEntries(new URLSearchParams(request!.body))).toEqual({
        Action: 'AssumeRole',
        Version: '2011-06-15',
        RoleArn: 'arn:aws:iam::123456789012:role/demo',
        RoleSessionName: 'TestAR',
        DurationSeconds: '1800',
        ExternalId: 'ext id/1',
        Policy: '{"Version":"2012-10-17"}',
        SerialNumber: 'arn:aws:iam::123456789012:mfa/user',
        TokenCode: '123456',
        'Tags.member.1.Key': 'team',
        'Tags.member.1.Value': 'a b',
      })
      // Spaces as %20, as SigV4's canonical form of the body expects.
      expect(request!.body).toContain('ExternalId=ext%20id%2F1')
    } finally {
      await sts.close()
    }
  })

  it('uses the regional STS endpoint of the region, in its partition', async () => {
    const urls: string[] = []
    const fetch: FetchLike = async (input) => {
      urls.push(String(input))
      return new Response(assumeRoleAnswer(inMinutes(60)), { status: 200 })
    }
    for (const region of ['eu-central-1', 'cn-north-1', 'us-gov-west-1']) {
      await fromTemporaryCredentials({
        params: { RoleArn: 'arn:aws:iam::123456789012:role/demo' },
        masterCredentials: master,
        clientConfig: { region, fetch },
      })()
    }
    vi.stubEnv('AWS_REGION', 'ap-south-1')
    await fromTemporaryCredentials({
      params: { RoleArn: 'arn:aws:iam::123456789012:role/demo' },
      masterCredentials: master,
      clientConfig: { fetch },
    })()
    vi.stubEnv('AWS_ENDPOINT_URL_STS', 'https://sts.internal.example/')
    await fromTemporaryCredentials({
      params: { RoleArn: 'arn:aws:iam::123456789012:role/demo' },
      masterCredentials: master,
      clientConfig: { fetch },
    })()
    expect(urls).toEqual([
      'https://sts.eu-central-1.amazonaws.com/',
      'https://sts.cn-north-1.amazonaws.com.cn/',
      'https://sts.us-gov-west-1.amazonaws.com/',
      'https://sts.ap-south-1.amazonaws.com/',
      'https://sts.internal.example/',
    ])
  })

  it('retries Throttling and 5xx answers, and not AccessDenied, RegionDisabledException or ExpiredToken', async () => {
    let answers = [
      [400, errorAnswer('Throttling', 'Rate exceeded')],
      [503, ''],
      [200, assumeRoleAnswer(inMinutes(60))],
    ] as [number, string][]
    const sts = await listen((_, response) => {
      const [status, body] = answers.shift()!
      xml(response, status, body)
    })
    try {
      const provider = fromTemporaryCredentials({
        params: { RoleArn: 'arn:aws:iam::1:role/r' },
        masterCredentials: master,
        clientConfig: { endpoint: sts.url, region: 'us-east-1' },
      })
      expect((await provider()).accessKeyId).toBe('ASIAIOSFODNN7EXAMPLE')
      expect(sts.seen).toHaveLength(3)

      for (const [status, code] of [
        [403, 'AccessDenied'],
        [403, 'RegionDisabledException'],
        [400, 'ExpiredToken'],
      ] as const) {
        answers = [[status, errorAnswer(code, 'STS said no')]]
        const before = sts.seen.length
        const failing = fromTemporaryCredentials({
          params: { RoleArn: 'arn:aws:iam::1:role/r' },
          masterCredentials: master,
          clientConfig: { endpoint: sts.url, region: 'us-east-1' },
        })
        const error = await Promise.resolve(failing()).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(S3Error)
        expect(error).toMatchObject({
          code,
          status,
          operation: 'AssumeRole',
          requestId: '4c3b0d4a-example',
          message: expect.stringContaining('STS said no'),
        })
        expect(sts.seen.length - before).toBe(1)
        expect(JSON.stringify(error)).not.toContain('master-secret')
      }
    } finally {
      await sts.close()
    }
  })

  it('gives up after maxAttempts on a network failure, saying which host it could not reach', async () => {
    const sts = await listen(() => undefined)
    const url = sts.url
    await sts.close()
    const provider = fromTemporaryCredentials({
      params: { RoleArn: 'arn:aws:iam::1:role/r' },
      masterCredentials: master,
      clientConfig: { endpoint: url, maxAttempts: 2 },
    })
    await expect(Promise.resolve(provider())).rejects.toMatchObject({
      code: 'NetworkError',
      status: 0,
      message: expect.stringContaining(new URL(url).host),
    })
  })

  it('says what to change for a missing role or MFA code; rejects a malformed answer as InvalidResponse', async () => {
    expect(() => fromTemporaryCredentials({ params: {} as never })).toThrow(/RoleArn/)
    const fetch: FetchLike = async () =>
      new Response(
        '<AssumeRoleResponse><AssumeRoleResult><Credentials>' +
          '<AccessKeyId>A</AccessKeyId></Credentials></AssumeRoleResult></AssumeRoleResponse>',
      )
    const noMfa = fromTemporaryCredentials({
      params: { RoleArn: 'arn:aws:iam::1:role/r', SerialNumber: 'arn:aws:iam::1:mfa/u' },
      masterCredentials: master,
      clientConfig: { fetch },
    })
    await expect(Promise.resolve(noMfa())).rejects.toThrow(/mfaCodeProvider/)
    const malformed = fromTemporaryCredentials({
      params: { RoleArn: 'arn:aws:iam::1:role/r' },
      masterCredentials: master,
      clientConfig: { fetch },
    })
    await expect(Promise.resolve(malformed())).rejects.toMatchObject({
      code: 'InvalidResponse',
      operation: 'AssumeRole',
    })
  })

  it('chains roles: a provider as masterCredentials signs with its session token', async () => {
    const sts = await listen((_, response) => xml(response, 200, assumeRoleAnswer(inMinutes(60))))
    try {
      const first = fromTemporaryCredentials({
        params: { RoleArn: 'arn:aws:iam::1:role/a' },
        masterCredentials: master,
        clientConfig: { endpoint: sts.url },
      })
      const second = fromTemporaryCredentials({
        params: { RoleArn: 'arn:aws:iam::1:role/b' },
        masterCredentials: first,
        clientConfig: { endpoint: sts.url },
      })
      await second()
      expect(sts.seen).toHaveLength(2)
      expect(sts.seen[1]!.headers.authorization).toContain('Credential=ASIAIOSFODNN7EXAMPLE/')
      expect(sts.seen[1]!.headers['x-amz-security-token']).toMatch(/^AQoDYXdzEPT/)
    } finally {
      await sts.close()
    }
  })
})

describe('fromWebToken', () => {
  it('posts an unsigned AssumeRoleWithWebIdentity with a fresh token for each refresh', async () => {
    const sts = await listen((_, response) => xml(response, 200, webIdentityAnswer))
    try {
      let n = 0
      const provider = fromWebToken({
        roleArn: 'arn:aws:iam::123456789012:role/FederatedWebIdentityRole',
        roleSessionName: 'app1',
        webIdentityToken: () => `token-${++n}`,
        providerId: 'www.amazon.com',
        durationSeconds: 900,
        clientConfig: { endpoint: sts.url },
      })
      const credentials = await provider()
      expect(credentials).toMatchObject({
        accessKeyId: 'ASgeIAIOSFODNN7EXAMPLE',
        sessionToken: 'AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE',
      })
      // The documented example expired in 2014, so the next call refreshes, with a new token.
      await provider()
      expect(sts.seen.map((r) => new URLSearchParams(r.body).get('WebIdentityToken'))).toEqual(['token-1', 'token-2'])
      expect(sts.seen[0]!.headers.authorization).toBeUndefined()
      expect(Object.fromEntries(new URLSearchParams(sts.seen[0]!.body))).toMatchObject({
        Action: 'AssumeRoleWithWebIdentity',
        RoleArn: 'arn:aws:iam::123456789012:role/FederatedWebIdentityRole',
        RoleSessionName: 'app1',
        ProviderId: 'www.amazon.com',
        DurationSeconds: '900',
      })
    } finally {
      await sts.close()
    }
  })

  it('types the documented web identity errors', async () => {
    const sts = await listen((_, response) =>
      xml(
        response,
        400,
        errorAnswer('InvalidIdentityToken', 'The web identity token that was passed could not be validated by AWS.'),
      ),
    )
    try {
      const provider = fromWebToken({
        roleArn: 'arn:aws:iam::1:role/r',
        webIdentityToken: 'bad',
        clientConfig: { endpoint: sts.url },
      })
      await expect(Promise.resolve(provider())).rejects.toMatchObject({
        code: 'InvalidIdentityToken',
        status: 400,
        operation: 'AssumeRoleWithWebIdentity',
      })
      expect(sts.seen).toHaveLength(1)
    } finally {
      await sts.close()
    }
  })
})
