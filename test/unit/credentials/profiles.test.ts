// fromIni, fromProcess, fromTokenFile and fromSSO with real files in a temporary HOME. The file
// contents are the examples of the AWS CLI user guide ("Configuration and credential file
// settings", "Use an IAM role in the AWS CLI", "Sourcing credentials with an external process",
// "Configuring IAM Identity Center authentication", "Service-specific endpoints"); STS, the SSO
// portal and SSO OIDC are loopback servers answering the documented responses (STS API reference
// examples; SSO API reference GetRoleCredentials; SSO OIDC API reference CreateToken).
import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CredentialsError } from '../../../src/core/credentials.js'
import { fromIni } from '../../../src/node/credentials/from-ini.js'
import { fromProcess } from '../../../src/node/credentials/from-process.js'
import { fromSSO } from '../../../src/node/credentials/from-sso.js'
import { fromTokenFile } from '../../../src/node/credentials/from-token-file.js'
import { loadSharedFiles, parseIni } from '../../../src/node/credentials/shared-files.js'
import { clearAwsEnv, inMinutes, json, listen, xml } from './loopback.js'

const CREDENTIALS = `[default]
aws_access_key_id=AKIAIOSFODNN7EXAMPLE
aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[user1]
aws_access_key_id=AKIAI44QH8DHBEXAMPLE
aws_secret_access_key=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
`

const CONFIG = `[default]
region=us-west-2
output=json

[profile user1]
region=us-east-1
output=text

# Use an IAM role in the AWS CLI
[profile marketingadmin]
role_arn = arn:aws:iam::123456789012:role/marketingadminrole
source_profile = user1
role_session_name = session_name
external_id = 123456

[profile mfa]
role_arn = arn:aws:iam::123456789012:role/marketingadminrole
source_profile = default
mfa_serial = arn:aws:iam::123456789012:mfa/cli-user
duration_seconds = 3600

[profile chained]
role_arn = arn:aws:iam::123456789012:role/second
source_profile = marketingadmin

[profile loop-a]
role_arn = arn:aws:iam::123456789012:role/a
source_profile = loop-b

[profile loop-b]
role_arn = arn:aws:iam::123456789012:role/b
source_profile = loop-a

[profile env-role]
role_arn = arn:aws:iam::234567890123:role/SomeRole
credential_source = Environment

[profile developer]
credential_process = "PROCESS" --username helen

[profile development]
s3 =
  max_concurrent_requests = 20
  max_queue_size = 10000
region = eu-west-1 ; an inline comment

[profile dev]
services = testing-s3
[services testing-s3]
s3 =
  endpoint_url = http://localhost:4567

[profile my-dev-profile]
sso_session = my-sso
sso_account_id = 123456789011
sso_role_name = readOnly
region = us-west-2
output = json

[sso-session my-sso]
sso_region = us-east-1
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_registration_scopes = sso:account:access

[profile my-sso-profile]
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = readOnly

[profile output-only]
output = json
`

const assumeRole = (accessKeyId: string): string =>
  `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>` +
  `<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/demo/TestAR</Arn>` +
  `<AssumedRoleId>ARO123EXAMPLE123:TestAR</AssumedRoleId></AssumedRoleUser><Credentials>` +
  `<AccessKeyId>${accessKeyId}</AccessKeyId>` +
  `<SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>` +
  `<SessionToken>session-of-${accessKeyId}</SessionToken>` +
  `<Expiration>${inMinutes(60)}</Expiration></Credentials>` +
  `<PackedPolicySize>6</PackedPolicySize></AssumeRoleResult><ResponseMetadata>` +
  `<RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>`

let home: string

beforeEach(async () => {
  clearAwsEnv()
  home = await mkdtemp(join(tmpdir(), 's3kit-home-'))
  await mkdir(join(home, '.aws'))
  const process = join(home, 'awscreds-custom')
  await writeFile(
    process,
    `#!/bin/sh\n[ "$2" = helen ] || { echo "unknown user $2" >&2; exit 3; }\necho '{"Version": 1, ` +
      `"AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "process-secret", "SessionToken": "process-token", ` +
      `"Expiration": "${inMinutes(60)}"}'\n`,
  )
  await chmod(process, 0o755)
  await writeFile(join(home, '.aws', 'credentials'), CREDENTIALS)
  await writeFile(join(home, '.aws', 'config'), CONFIG.replace('PROCESS', process))
  vi.stubEnv('HOME', home)
})
afterEach(() => vi.unstubAllEnvs())

async function stsServer() {
  let n = 0
  const server = await listen((_, response) => xml(response, 200, assumeRole(`ASIAROLE${++n}`)))
  vi.stubEnv('AWS_ENDPOINT_URL_STS', server.url)
  return server
}

const signer = (authorization: string | string[] | undefined): string | undefined =>
  /Credential=([^/]+)\//.exec(String(authorization))?.[1]

describe('shared files', () => {
  it('parse as the AWS CLI does: profiles, nested blocks, comments, sso-session and services sections', async () => {
    const files = await loadSharedFiles()
    expect(files.profiles.default).toMatchObject({
      aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE',
      region: 'us-west-2',
      output: 'json',
    })
    expect(files.profiles.user1).toMatchObject({ aws_access_key_id: 'AKIAI44QH8DHBEXAMPLE', region: 'us-east-1' })
    expect(files.profiles.development).toEqual({
      s3: { max_concurrent_requests: '20', max_queue_size: '10000' },
      region: 'eu-west-1',
    })
    expect(files.ssoSessions['my-sso']).toMatchObject({ sso_region: 'us-east-1' })
    expect(files.services['testing-s3']).toEqual({ s3: { endpoint_url: 'http://localhost:4567' } })
    expect(parseIni('[a]\nx = 1 # note\ny=2;3\n; whole line\n[ b ]\nz=\n  k = v\nw=4')).toEqual({
      a: { x: '1', y: '2;3' },
      b: { z: { k: 'v' }, w: '4' },
    })
  })

  it('come from AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE when set', async () => {
    const other = join(home, 'elsewhere')
    await writeFile(other, '[default]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\n')
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', other)
    vi.stubEnv('AWS_CONFIG_FILE', join(home, 'missing-config'))
    expect(await fromIni()()).toMatchObject({ accessKeyId: 'AKIDOTHER' })
  })
})

describe('fromIni', () => {
  it('reads static keys of the default profile, of AWS_PROFILE and of the profile option', async () => {
    expect(await fromIni()()).toMatchObject({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    })
    vi.stubEnv('AWS_PROFILE', 'user1')
    expect(await fromIni()()).toMatchObject({ accessKeyId: 'AKIAI44QH8DHBEXAMPLE' })
    expect(await fromIni({ profile: 'default' })()).toMatchObject({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE' })
  })

  it('assumes role_arn with the source_profile keys, session name and external id', async () => {
    const sts = await stsServer()
    try {
      const credentials = await fromIni({ profile: 'marketingadmin' })()
      expect(credentials).toMatchObject({ accessKeyId: 'ASIAROLE1', sessionToken: 'session-of-ASIAROLE1' })
      const request = sts.seen[0]!
      expect(signer(request.headers.authorization)).toBe('AKIAI44QH8DHBEXAMPLE')
      expect(Object.fromEntries(new URLSearchParams(request.body))).toMatchObject({
        Action: 'AssumeRole',
        RoleArn: 'arn:aws:iam::123456789012:role/marketingadminrole',
        RoleSessionName: 'session_name',
        ExternalId: '123456',
      })
      // The profile's region (us-east-1 is user1's; marketingadmin has none) decides the signing region.
      expect(request.headers.authorization).toMatch(/\/us-east-1\/sts\/aws4_request/)
    } finally {
      await sts.close()
    }
  })

  it('follows a chain of role profiles, asks for MFA codes, and refuses cycles', async () => {
    const sts = await stsServer()
    try {
      expect((await fromIni({ profile: 'chained' })()).accessKeyId).toBe('ASIAROLE2')
      expect(signer(sts.seen[0]!.headers.authorization)).toBe('AKIAI44QH8DHBEXAMPLE')
      expect(signer(sts.seen[1]!.headers.authorization)).toBe('ASIAROLE1')
      expect(sts.seen[1]!.headers['x-amz-security-token']).toBe('session-of-ASIAROLE1')

      const serials: string[] = []
      await fromIni({
        profile: 'mfa',
        mfaCodeProvider: (serial) => {
          serials.push(serial)
          return '123456'
        },
      })()
      expect(serials).toEqual(['arn:aws:iam::123456789012:mfa/cli-user'])
      expect(Object.fromEntries(new URLSearchParams(sts.seen[2]!.body))).toMatchObject({
        SerialNumber: 'arn:aws:iam::123456789012:mfa/cli-user',
        TokenCode: '123456',
        DurationSeconds: '3600',
      })
      await expect(Promise.resolve(fromIni({ profile: 'mfa' })())).rejects.toThrow(/MFA code/)

      await expect(Promise.resolve(fromIni({ profile: 'loop-a' })())).rejects.toThrow(/cycle: loop-a → loop-b → loop-a/)
    } finally {
      await sts.close()
    }
  })

  it('uses credential_source Environment for the role', async () => {
    const sts = await stsServer()
    try {
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDFROMENV')
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'env-secret')
      expect((await fromIni({ profile: 'env-role' })()).accessKeyId).toBe('ASIAROLE1')
      expect(signer(sts.seen[0]!.headers.authorization)).toBe('AKIDFROMENV')
    } finally {
      await sts.close()
    }
  })

  it('runs credential_process, and reports its failures with stderr but without stdout', async () => {
    const credentials = await fromIni({ profile: 'developer' })()
    expect(credentials).toMatchObject({
      accessKeyId: 'AKIDPROCESS',
      secretAccessKey: 'process-secret',
      sessionToken: 'process-token',
    })
    expect(credentials.expiration).toBeInstanceOf(Date)
    expect((await fromProcess({ profile: 'developer' })()).accessKeyId).toBe('AKIDPROCESS')
    await writeFile(
      join(home, '.aws', 'config'),
      `[profile developer]\ncredential_process = sh -c "echo unknown user >&2; exit 3"\n[profile ` +
        `v2]\ncredential_process = echo '{"Version": 2}'\n`,
    )
    await expect(Promise.resolve(fromProcess({ profile: 'developer' })())).rejects.toThrow(
      /exited with code 3: unknown user/,
    )
    await expect(Promise.resolve(fromProcess({ profile: 'v2' })())).rejects.toThrow(/Version 2; only 1 is defined/)
    await expect(Promise.resolve(fromProcess({ profile: 'output-only' })())).rejects.toMatchObject({ tryNext: true })
  })

  it('finds nothing for a missing profile and one without credentials, saying where it looked', async () => {
    const missing = await Promise.resolve(fromIni({ profile: 'nope' })()).catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(CredentialsError)
    expect(missing).toMatchObject({
      tryNext: true,
      message: `fromIni: no profile "nope" in ${join(home, '.aws', 'credentials')} and ${join(home, '.aws', 'config')}`,
    })
    await writeFile(join(home, '.aws', 'config'), '[profile output-only]\noutput = json\n')
    await expect(Promise.resolve(fromIni({ profile: 'output-only' })())).rejects.toMatchObject({
      tryNext: true,
      message: expect.stringContaining('has none of aws_access_key_id'),
    })
    vi.stubEnv('HOME', join(home, 'empty'))
    await expect(Promise.resolve(fromIni()())).rejects.toThrow(/neither exists/)
  })
})

describe('fromTokenFile', () => {
  it('exchanges the token in AWS_WEB_IDENTITY_TOKEN_FILE for AWS_ROLE_ARN, re-reading it on refresh', async () => {
    const answer = (expiration: string) =>
      `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">` +
      `<AssumeRoleWithWebIdentityResult><SubjectFromWebIdentityToken>system:serviceaccount:default:app` +
      `</SubjectFromWebIdentityToken><Audience>sts.amazonaws.com</Audience><AssumedRoleUser>` +
      `<Arn>arn:aws:sts::123456789012:assumed-role/irsa/app</Arn>` +
      `<AssumedRoleId>AROACLKWSDQRAOEXAMPLE:app</AssumedRoleId></AssumedRoleUser><Credentials>` +
      `<SessionToken>AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE</SessionToken>` +
      `<SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>` +
      `<Expiration>${expiration}</Expiration><AccessKeyId>ASgeIAIOSFODNN7EXAMPLE</AccessKeyId>` +
      `</Credentials><Provider>arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/` +
      `EXAMPLE</Provider></AssumeRoleWithWebIdentityResult><ResponseMetadata>` +
      `<RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId></ResponseMetadata>` +
      `</AssumeRoleWithWebIdentityResponse>`
    let expiration = inMinutes(3)
    const sts = await listen((_, response) => xml(response, 200, answer(expiration)))
    try {
      vi.stubEnv('AWS_ENDPOINT_URL_STS', sts.url)
      const tokenFile = join(home, 'token')
      await writeFile(tokenFile, 'jwt-1\n')
      vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', tokenFile)
      await expect(Promise.resolve(fromTokenFile()())).rejects.toMatchObject({
        tryNext: true,
        message: 'fromTokenFile: AWS_ROLE_ARN is not set',
      })
      vi.stubEnv('AWS_ROLE_ARN', 'arn:aws:iam::123456789012:role/irsa')
      vi.stubEnv('AWS_ROLE_SESSION_NAME', 'app')
      const provider = fromTokenFile()
      expect((await provider()).accessKeyId).toBe('ASgeIAIOSFODNN7EXAMPLE')
      await writeFile(tokenFile, 'jwt-2\n')
      expiration = inMinutes(60)
      await provider()
      expect(sts.seen.map((r) => Object.fromEntries(new URLSearchParams(r.body)))).toEqual([
        expect.objectContaining({
          Action: 'AssumeRoleWithWebIdentity',
          RoleArn: 'arn:aws:iam::123456789012:role/irsa',
          RoleSessionName: 'app',
          WebIdentityToken: 'jwt-1',
        }),
        expect.objectContaining({ WebIdentityToken: 'jwt-2' }),
      ])
    } finally {
      await sts.close()
    }
  })
})

describe('fromSSO', () => {
  const cacheFile = (key: string): string =>
    join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(key).digest('hex')}.json`)

  async function portal() {
    const server = await listen((request, response) => {
      if (request.url === '/token' && request.method === 'POST') {
        const body = JSON.parse(request.body) as Record<string, string>
        if (body.grantType === 'refresh_token' && body.refreshToken === 'refresh-1')
          return json(response, 200, {
            accessToken: 'access-2',
            expiresIn: 28800,
            refreshToken: 'refresh-2',
            tokenType: 'Bearer',
          })
        return json(response, 400, { error: 'invalid_grant' })
      }
      const token = request.headers['x-amz-sso_bearer_token']
      if (token !== 'access-1' && token !== 'access-2')
        return json(response, 401, { message: 'Session token not found or invalid' })
      json(response, 200, {
        roleCredentials: {
          accessKeyId: 'ASIASSOEXAMPLE',
          secretAccessKey: 'sso-secret',
          sessionToken: 'sso-token',
          expiration: Date.now() + 3_600_000,
        },
      })
    })
    vi.stubEnv('AWS_ENDPOINT_URL_SSO', server.url)
    vi.stubEnv('AWS_ENDPOINT_URL_SSO_OIDC', server.url)
    return server
  }

  it('exchanges the cached token of an sso-session for the role credentials', async () => {
    const server = await portal()
    try {
      await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true })
      await writeFile(
        cacheFile('my-sso'),
        JSON.stringify({
          startUrl: 'https://my-sso-portal.awsapps.com/start',
          region: 'us-east-1',
          accessToken: 'access-1',
          expiresAt: inMinutes(60),
        }),
      )
      const credentials = await fromSSO({ profile: 'my-dev-profile' })()
      expect(credentials).toMatchObject({ accessKeyId: 'ASIASSOEXAMPLE', sessionToken: 'sso-token' })
      expect(server.seen[0]!.url).toBe('/federation/credentials?account_id=123456789011&role_name=readOnly')
      // fromIni resolves the same profile the same way.
      expect((await fromIni({ profile: 'my-dev-profile' })()).accessKeyId).toBe('ASIASSOEXAMPLE')
    } finally {
      await server.close()
    }
  })

  it('refreshes an expired sso-session token with its refresh token and writes it back', async () => {
    const server = await portal()
    try {
      await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true })
      await writeFile(
        cacheFile('my-sso'),
        JSON.stringify({
          accessToken: 'old',
          expiresAt: inMinutes(-1),
          refreshToken: 'refresh-1',
          clientId: 'client',
          clientSecret: 'client-secret',
        }),
      )
      expect((await fromSSO({ profile: 'my-dev-profile' })()).accessKeyId).toBe('ASIASSOEXAMPLE')
      const saved = JSON.parse(await readFile(cacheFile('my-sso'), 'utf8')) as Record<string, string>
      expect(saved).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2', clientId: 'client' })
    } finally {
      await server.close()
    }
  })

  it('reads the legacy profile form, and says to log in when the token is missing or expired', async () => {
    const server = await portal()
    try {
      await expect(Promise.resolve(fromSSO({ profile: 'my-sso-profile' })())).rejects.toThrow(
        /run "aws sso login --profile my-sso-profile"/,
      )
      await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true })
      await writeFile(
        cacheFile('https://my-sso-portal.awsapps.com/start'),
        JSON.stringify({ accessToken: 'access-1', expiresAt: inMinutes(-5) }),
      )
      await expect(Promise.resolve(fromSSO({ profile: 'my-sso-profile' })())).rejects.toThrow(
        /expired at .*aws sso login/,
      )
      await writeFile(
        cacheFile('https://my-sso-portal.awsapps.com/start'),
        JSON.stringify({ accessToken: 'access-1', expiresAt: inMinutes(30) }),
      )
      expect((await fromSSO({ profile: 'my-sso-profile' })()).accessKeyId).toBe('ASIASSOEXAMPLE')
      expect(server.seen.at(-1)!.url).toBe('/federation/credentials?account_id=111122223333&role_name=readOnly')
      await expect(Promise.resolve(fromSSO({ profile: 'user1' })())).rejects.toMatchObject({ tryNext: true })
    } finally {
      await server.close()
    }
  })
})
