import { describe, expect, it } from 'vitest'
import { GetObject } from '../../commands/GetObject.js'
import { PutObject } from '../../commands/PutObject.js'
import { createClient } from '../../src/core/client.js'
import { InputError } from '../../src/core/errors.js'
import { presign } from '../../src/helpers/presign.js'

// The worked example of the S3 API reference, "Authenticating Requests: Using Query Parameters
// (AWS Signature Version 4)": these credentials, date and expiry give this signature.
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
const client = createClient({ endpoint: 'https://s3.amazonaws.com', region: 'us-east-1', credentials })

describe('presign', () => {
  it('reproduces the presigned GET of the S3 API reference', async () => {
    const signed = await presign(client, GetObject({ Bucket: 'examplebucket', Key: 'test.txt' }), {
      expiresIn: 86_400,
      signingDate: new Date('2013-05-24T00:00:00Z'),
    })
    const url = new URL(signed.url)
    expect(url.origin + url.pathname).toBe('https://examplebucket.s3.amazonaws.com/test.txt')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request',
      'X-Amz-Date': '20130524T000000Z',
      'X-Amz-Expires': '86400',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    })
    expect(signed).toMatchObject({ method: 'GET', headers: {}, expiresAt: new Date('2013-05-25T00:00:00Z') })
  })

  it('encodes spaces in the query as %20, and returns the headers the request must carry', async () => {
    const signed = await presign(
      client,
      PutObject({ Bucket: 'examplebucket', Key: 'a b.txt', ContentType: 'text/plain', Metadata: { note: 'x y' } }),
    )
    expect(signed.url).toMatch(/^https:\/\/examplebucket\.s3\.amazonaws\.com\/a%20b\.txt\?/)
    expect(signed.url).not.toContain('+')
    expect(signed.headers).toEqual({ 'content-type': 'text/plain', 'x-amz-meta-note': 'x y' })
    expect(new URL(signed.url).searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-amz-meta-note')
    expect(new URL(signed.url).searchParams.get('X-Amz-Expires')).toBe('900')
  })

  it('carries a session token in the URL', async () => {
    const temporary = createClient({
      endpoint: 'https://s3.amazonaws.com',
      credentials: { ...credentials, sessionToken: 'token/+=' },
    })
    const signed = await presign(temporary, GetObject({ Bucket: 'examplebucket', Key: 'k' }))
    expect(new URL(signed.url).searchParams.get('X-Amz-Security-Token')).toBe('token/+=')
  })

  it('refuses a body and expiries S3 would refuse', async () => {
    await expect(presign(client, PutObject({ Bucket: 'examplebucket', Key: 'k', Body: 'x' }))).rejects.toThrow(
      InputError,
    )
    await expect(
      presign(client, GetObject({ Bucket: 'examplebucket', Key: 'k' }), { expiresIn: 604_801 }),
    ).rejects.toMatchObject({ field: 'expiresIn' })
    await expect(
      presign(client, GetObject({ Bucket: 'examplebucket', Key: 'k' }), { expiresIn: 0 }),
    ).rejects.toMatchObject({ field: 'expiresIn' })
  })
})
