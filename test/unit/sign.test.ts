import { describe, expect, it } from 'vitest'
import { preparePayload } from '../../src/core/body.js'
import { signRequest } from '../../src/core/sign.js'

// The worked example of the AWS S3 API reference, "Signature Calculations for the Authorization
// Header: Transferring Payload in a Single Chunk (AWS Signature Version 4)", section
// "Example: PUT Object": these credentials, date, headers and body must give this signature.
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }

describe('signRequest', () => {
  it('reproduces the PUT Object signature of the S3 API reference', async () => {
    const payload = await preparePayload('Welcome to Amazon S3.', undefined)
    expect(payload.sha256).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072')
    const headers = await signRequest(
      {
        method: 'PUT',
        url: 'https://examplebucket.s3.amazonaws.com/test$file.text',
        headers: { date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        payloadHash: payload.sha256,
        datetime: '20130524T000000Z',
      },
      credentials,
      'us-east-1',
    )
    expect(headers.get('authorization')).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, ' +
        'Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    )
  })

  it('sends the session token and signs it', async () => {
    const headers = await signRequest(
      { method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/', headers: {}, payloadHash: 'UNSIGNED-PAYLOAD' },
      { ...credentials, sessionToken: 'token-123' },
      'us-east-1',
    )
    expect(headers.get('x-amz-security-token')).toBe('token-123')
    expect(headers.get('authorization')).toContain('x-amz-security-token')
    expect(headers.get('x-amz-content-sha256')).toBe('UNSIGNED-PAYLOAD')
  })
})
