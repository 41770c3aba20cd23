import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { CORSRule } from '../../codecs/cors.js'
import { DeleteBucketCors } from '../../commands/DeleteBucketCors.js'
import { GetBucketCors } from '../../commands/GetBucketCors.js'
import { PutBucketCors } from '../../commands/PutBucketCors.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { CorsErrorCode, explainS3Error } from '../../src/helpers/explain-error.js'
import { parseWith } from '../support/fake-client.js'
import { fixture } from '../support/fixtures.js'

const parse = (xml: string) => parseWith(GetBucketCors({ Bucket: 'bkt' }), new Response(xml))

describe('GetBucketCors', () => {
  it('parses Example 1 of the S3 user guide (three rules)', async () => {
    expect(await parse(fixture('cors/aws-example-1.xml'))).toEqual({
      CORSRules: [
        {
          AllowedOrigins: ['http://www.example1.com'],
          AllowedMethods: ['PUT', 'POST', 'DELETE'],
          AllowedHeaders: ['*'],
        },
        {
          AllowedOrigins: ['http://www.example2.com'],
          AllowedMethods: ['PUT', 'POST', 'DELETE'],
          AllowedHeaders: ['*'],
        },
        { AllowedOrigins: ['*'], AllowedMethods: ['GET'] },
      ],
    })
  })

  it('parses Example 2 (MaxAgeSeconds and ExposeHeader)', async () => {
    expect(await parse(fixture('cors/aws-example-2.xml'))).toEqual({
      CORSRules: [
        {
          AllowedOrigins: ['http://www.example.com'],
          AllowedMethods: ['PUT', 'POST', 'DELETE'],
          AllowedHeaders: ['*'],
          MaxAgeSeconds: 3000,
          ExposeHeaders: ['x-amz-server-side-encryption', 'x-amz-request-id', 'x-amz-id-2'],
        },
      ],
    })
  })

  it('parses what Ceph RGW returns (ID, its own element order)', async () => {
    const { CORSRules } = await parse(fixture('cors/rgw-get-bucket-cors.xml'))
    expect(CORSRules[0]).toEqual({
      ID: 'web',
      AllowedOrigins: ['http://www.example.com'],
      AllowedMethods: ['GET', 'PUT'],
      AllowedHeaders: ['*'],
      MaxAgeSeconds: 3000,
      ExposeHeaders: ['ETag', 'x-amz-request-id'],
    })
    expect(CORSRules[1]).toEqual({ AllowedOrigins: ['*'], AllowedMethods: ['GET'] })
  })

  it('refuses a rule with a method CORS does not know', async () => {
    await expect(
      parse(
        '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>' +
          '<AllowedMethod>PATCH</AllowedMethod></CORSRule></CORSConfiguration>',
      ),
    ).rejects.toMatchObject({
      code: 'InvalidResponse',
      operation: 'GetBucketCors',
    })
  })
})

describe('PutBucketCors', () => {
  const rules: CORSRule[] = [
    {
      ID: 'web',
      AllowedOrigins: ['https://www.example.com'],
      AllowedMethods: ['PUT', 'POST', 'DELETE'],
      AllowedHeaders: ['*'],
      ExposeHeaders: ['x-amz-server-side-encryption'],
      MaxAgeSeconds: 3000,
    },
    { AllowedOrigins: ['*'], AllowedMethods: ['GET'] },
  ]

  it('writes the documented document, with Content-MD5, on the cors sub-resource', () => {
    const command = PutBucketCors({ Bucket: 'bkt', CORSConfiguration: { CORSRules: rules } })
    expect(command).toMatchObject({ operation: 'PutBucketCors', method: 'PUT', bucket: 'bkt', query: { cors: '' } })
    const body = command.body as string
    expect(body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<CORSRule><ID>web</ID><AllowedOrigin>https://www.example.com</AllowedOrigin>' +
        '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod>' +
        '<AllowedMethod>DELETE</AllowedMethod>' +
        '<AllowedHeader>*</AllowedHeader><ExposeHeader>x-amz-server-side-encryption</ExposeHeader>' +
        '<MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>' +
        '<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>',
    )
    expect(command.headers).toEqual({
      'content-type': 'application/xml',
      'content-md5': createHash('md5').update(body).digest('base64'),
    })
  })

  it('reads back what it writes, and writes back what it reads', async () => {
    const { body } = PutBucketCors({ Bucket: 'bkt', CORSConfiguration: { CORSRules: rules } })
    const { CORSRules } = await parse(body as string)
    expect(CORSRules).toEqual(rules)
    const documented = await parse(fixture('cors/aws-example-2.xml'))
    const again = await parse(PutBucketCors({ Bucket: 'bkt', CORSConfiguration: documented }).body as string)
    expect(again).toEqual(documented)
  })

  it('refuses, before any request, what S3 would refuse', () => {
    const field = (CORSRules: unknown) => {
      try {
        PutBucketCors({ Bucket: 'bkt', CORSConfiguration: { CORSRules: CORSRules as CORSRule[] } })
      } catch (error) {
        expect(error).toBeInstanceOf(InputError)
        return (error as InputError).field
      }
      throw new Error('no InputError')
    }
    const rule = { AllowedOrigins: ['*'], AllowedMethods: ['GET'] }
    expect(field([])).toBe('CORSConfiguration.CORSRules')
    // "You can add up to 100 rules to the configuration."
    expect(field(Array.from({ length: 101 }, () => rule))).toBe('CORSConfiguration.CORSRules')
    expect(field([{ ...rule, AllowedMethods: ['PATCH'] }])).toBe('CORSConfiguration.CORSRules[0].AllowedMethods[0]')
    expect(field([{ ...rule, AllowedMethods: [] }])).toBe('CORSConfiguration.CORSRules[0].AllowedMethods')
    expect(field([{ ...rule, AllowedOrigins: [] }])).toBe('CORSConfiguration.CORSRules[0].AllowedOrigins')
    // "The origin string can contain only one * wildcard character"; the same for AllowedHeader.
    expect(field([{ ...rule, AllowedOrigins: ['http://*.*.example.com'] }])).toBe(
      'CORSConfiguration.CORSRules[0].AllowedOrigins[0]',
    )
    expect(field([rule, { ...rule, AllowedHeaders: ['x-*-*'] }])).toBe(
      'CORSConfiguration.CORSRules[1].AllowedHeaders[0]',
    )
    expect(field([{ ...rule, ID: 'x'.repeat(256) }])).toBe('CORSConfiguration.CORSRules[0].ID')
    expect(field([{ ...rule, MaxAgeSeconds: -1 }])).toBe('CORSConfiguration.CORSRules[0].MaxAgeSeconds')
    expect(field([{ ...rule, ExposeHeaders: ['ETag\u0000'] }])).toBe('CORSConfiguration.CORSRules[0].ExposeHeaders[0]')
    // "The document is limited to 64 KB in size."
    const long = Array.from({ length: 60 }, (_, i) => ({
      ...rule,
      AllowedHeaders: Array.from({ length: 40 }, (_, j) => `x-amz-meta-header-${i}-${j}`),
    }))
    expect(field(long)).toBe('CORSConfiguration.CORSRules')
  })

  it('accepts up to 100 rules', () => {
    const rule = { AllowedOrigins: ['*'], AllowedMethods: ['GET' as const] }
    expect(() =>
      PutBucketCors({ Bucket: 'bkt', CORSConfiguration: { CORSRules: Array.from({ length: 100 }, () => rule) } }),
    ).not.toThrow()
  })
})

describe('DeleteBucketCors and NoSuchCORSConfiguration', () => {
  it('deletes the cors sub-resource', () => {
    expect(DeleteBucketCors({ Bucket: 'bkt' })).toMatchObject({
      operation: 'DeleteBucketCors',
      method: 'DELETE',
      bucket: 'bkt',
      query: { cors: '' },
    })
  })

  it('gives the empty-message error Ceph RGW sends a message', () => {
    const error = new S3Error({
      code: CorsErrorCode.NoSuchCORSConfiguration,
      status: 404,
      operation: 'GetBucketCors',
      bucket: 'bkt',
    })
    expect(explainS3Error(error)).toMatchObject({
      code: 'NoSuchCORSConfiguration',
      message: expect.stringContaining('the bucket has no CORS configuration'),
    })
  })
})
