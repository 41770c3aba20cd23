// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${filename}` is S3's placeholder, sent literally.
import { describe, expect, it } from 'vitest'
import { createClient } from '../../src/core/client.js'
import { InputError } from '../../src/core/errors.js'
import { presignPost, signPolicy } from '../../src/helpers/presign-post.js'

// The worked example of the S3 API reference, "Example: Browser-Based Upload using HTTP POST
// (Using AWS Signature Version 4)" (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-post-example.html):
// its example credentials, the Base64 policy it publishes (the policy text with CRLF line ends,
// as the page says) and the signature it publishes, copied as they stand there.
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
const PUBLISHED_POLICY =
  'eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6' +
  'ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFj' +
  'bCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tl' +
  'dC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5' +
  'cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZl' +
  'ci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoN' +
  'CiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVx' +
  'dWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAx' +
  'NTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9'
const PUBLISHED_SIGNATURE = '8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e'

const client = createClient({ endpoint: 'https://s3.amazonaws.com', region: 'us-east-1', credentials })
const decode = (policy: string) =>
  JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(policy), (c) => c.charCodeAt(0))))
// Conditions are a list S3 reads in any order and field names in any case: compare them so.
const normalize = (conditions: unknown[]) =>
  conditions
    .map((c) =>
      Array.isArray(c)
        ? JSON.stringify(c)
        : JSON.stringify(Object.entries(c as object).map(([k, v]) => [k.toLowerCase(), v])),
    )
    .sort()

describe('presignPost', () => {
  it('signs the published policy of the S3 API reference to the published signature, bit for bit', async () => {
    expect(await signPolicy(PUBLISHED_POLICY, credentials, '20151229', 'us-east-1')).toBe(PUBLISHED_SIGNATURE)
  })

  it('writes the policy of that example from its inputs, with the fields of its form', async () => {
    const post = await presignPost(
      client,
      {
        Bucket: 'sigv4examplebucket',
        Key: 'user/user1/${filename}',
        Conditions: [
          ['starts-with', '$Content-Type', 'image/'],
          ['starts-with', '$x-amz-meta-tag', ''],
        ],
        Fields: {
          acl: 'public-read',
          success_action_redirect: 'http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html',
          'x-amz-meta-uuid': '14365123651274',
          'x-amz-server-side-encryption': 'AES256',
        },
        Expires: 36 * 3600,
      },
      { signingDate: new Date('2015-12-29T00:00:00Z') },
    )
    const published = decode(PUBLISHED_POLICY)
    const ours = decode(post.fields.Policy!)
    expect(ours.expiration).toBe(published.expiration)
    expect(normalize(ours.conditions)).toEqual(normalize(published.conditions))
    expect(post.url).toBe('https://sigv4examplebucket.s3.amazonaws.com/')
    expect(post.fields).toMatchObject({
      key: 'user/user1/${filename}',
      acl: 'public-read',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request',
      'X-Amz-Date': '20151229T000000Z',
    })
    // The signature is of the policy as we wrote it.
    expect(post.fields['X-Amz-Signature']).toBe(
      await signPolicy(post.fields.Policy!, credentials, '20151229', 'us-east-1'),
    )
    expect(post.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/)
  })

  it('matches an exact key, adds the session token, and defaults to one hour', async () => {
    const temporary = createClient({
      endpoint: 'http://127.0.0.1:7480',
      region: 'eu-west-1',
      credentials: { ...credentials, sessionToken: 'token/+=' },
    })
    const post = await presignPost(
      temporary,
      { Bucket: 'photos', Key: 'a b/ü.png', Conditions: [['content-length-range', 0, 10_485_760]] },
      { signingDate: new Date('2020-01-01T00:00:00Z') },
    )
    expect(post.url).toBe('http://127.0.0.1:7480/photos')
    expect(post.fields['X-Amz-Security-Token']).toBe('token/+=')
    expect(post.fields['X-Amz-Credential']).toBe('AKIAIOSFODNN7EXAMPLE/20200101/eu-west-1/s3/aws4_request')
    const policy = decode(post.fields.Policy!)
    expect(policy.expiration).toBe('2020-01-01T01:00:00.000Z')
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 0, 10_485_760],
        { key: 'a b/ü.png' },
        { bucket: 'photos' },
        { 'X-Amz-Security-Token': 'token/+=' },
      ]),
    )
    expect(JSON.stringify(post)).not.toContain(credentials.secretAccessKey)
  })

  it('checks its input before asking for credentials, naming the field', async () => {
    let asked = 0
    const counting = createClient({
      credentials: () => {
        asked++
        return credentials
      },
    })
    const cases: [unknown, string][] = [
      [{ Key: 'k' }, 'Bucket'],
      [{ Bucket: 'b-1' }, 'Key'],
      [{ Bucket: 'b-1', Key: 'k', Expires: 604_801 }, 'Expires'],
      [{ Bucket: 'b-1', Key: 'k', Expires: 0 }, 'Expires'],
      [{ Bucket: 'b-1', Key: 'k', Conditions: {} }, 'Conditions'],
      [{ Bucket: 'b-1', Key: 'k', Conditions: [['content-length-range', 10, 5]] }, 'Conditions[0][2]'],
      [{ Bucket: 'b-1', Key: 'k', Conditions: [['content-length-range', -1, 5]] }, 'Conditions[0][1]'],
      [{ Bucket: 'b-1', Key: 'k', Conditions: [['matches', '$key', 'x']] }, 'Conditions[0][0]'],
      [{ Bucket: 'b-1', Key: 'k', Conditions: [['starts-with', 'key', 'x']] }, 'Conditions[0][1]'],
      [{ Bucket: 'b-1', Key: 'k', Conditions: [['eq', '$key']] }, 'Conditions[0]'],
      [{ Bucket: 'b-1', Key: 'k', Conditions: [{ acl: 'private', x: 'y' }] }, 'Conditions[0]'],
      [{ Bucket: 'b-1', Key: 'k', Conditions: [{ acl: 1 }] }, 'Conditions[0].acl'],
      [{ Bucket: 'b-1', Key: 'k', Fields: { 'Content-Type': 3 } }, 'Fields.Content-Type'],
      [{ Bucket: 'b-1', Key: 'k', Fields: { Policy: 'x' } }, 'Fields.Policy'],
      [{ Bucket: 'b-1', Key: 'k', Fields: { 'x-amz-signature': 'x' } }, 'Fields.x-amz-signature'],
      [{ Bucket: 'b-1', Key: 'k', Fields: [] }, 'Fields'],
    ]
    for (const [input, field] of cases) {
      const error = await presignPost(counting, input as never).catch((e: unknown) => e)
      expect(error, JSON.stringify(input)).toBeInstanceOf(InputError)
      expect((error as InputError).field, JSON.stringify(input)).toBe(field)
    }
    await expect(
      presignPost(counting, { Bucket: 'b-1', Key: 'k' }, { signingDate: new Date('x') }),
    ).rejects.toMatchObject({ field: 'signingDate' })
    expect(asked).toBe(0)
  })
})
