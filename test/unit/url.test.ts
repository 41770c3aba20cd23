import { describe, expect, it } from 'vitest'
import { createClient } from '../../src/core/client.js'
import { InputError } from '../../src/core/errors.js'
import { awsEndpoint, dnsSuffix, encodeKey, encodeQuery, objectUrl } from '../../src/core/url.js'

const credentials = { accessKeyId: 'AKID', secretAccessKey: 'SECRET' }

describe('encodeKey', () => {
  it.each([
    ['plain.txt', 'plain.txt'],
    ['with space.txt', 'with%20space.txt'],
    ['a+b=c', 'a%2Bb%3Dc'],
    ['100%', '100%25'],
    ['tilde~dash-dot._', 'tilde~dash-dot._'],
    ['what?#frag', 'what%3F%23frag'],
    ["q'(x)*!", 'q%27%28x%29%2A%21'],
    ['ünï/cødé ✓', '%C3%BCn%C3%AF/c%C3%B8d%C3%A9%20%E2%9C%93'],
    ['/leading/slash', '/leading/slash'],
    ['a//b', 'a//b'],
    ['😀', '%F0%9F%98%80'],
  ])('%s → %s', (key, encoded) => {
    expect(encodeKey(key)).toBe(encoded)
  })
})

describe('encodeQuery', () => {
  it('encodes spaces as %20 and + as %2B, sorts, and writes sub-resources bare', () => {
    expect(encodeQuery({ prefix: 'a b+c', uploads: '', 'max-keys': '5', skip: undefined })).toBe(
      '?max-keys=5&prefix=a%20b%2Bc&uploads',
    )
  })
  it('is empty without parameters', () => {
    expect(encodeQuery({ a: undefined })).toBe('')
    expect(encodeQuery(undefined)).toBe('')
  })
})

describe('objectUrl', () => {
  const aws = createClient({ region: 'eu-west-1', credentials })
  it('uses virtual-hosted style on AWS', () => {
    expect(objectUrl(aws, 'my-bucket', 'a b', undefined)).toBe('https://my-bucket.s3.eu-west-1.amazonaws.com/a%20b')
    expect(objectUrl(aws, 'my-bucket', undefined, { 'list-type': '2' })).toBe(
      'https://my-bucket.s3.eu-west-1.amazonaws.com/?list-type=2',
    )
  })
  it('falls back to path style for names that cannot be a TLS host label', () => {
    expect(objectUrl(aws, 'my.dotted.bucket', 'k', undefined)).toBe(
      'https://s3.eu-west-1.amazonaws.com/my.dotted.bucket/k',
    )
    expect(objectUrl(aws, 'Legacy_Bucket', 'k', undefined)).toBe('https://s3.eu-west-1.amazonaws.com/Legacy_Bucket/k')
  })
  it('uses path style when asked, and for IP and localhost endpoints', () => {
    expect(objectUrl(createClient({ forcePathStyle: true, credentials }), 'b-1', 'k', undefined)).toBe(
      'https://s3.us-east-1.amazonaws.com/b-1/k',
    )
    expect(objectUrl(createClient({ endpoint: 'http://127.0.0.1:7480', credentials }), 'b-1', '/k', undefined)).toBe(
      'http://127.0.0.1:7480/b-1//k',
    )
    expect(objectUrl(createClient({ endpoint: 'http://localhost:9000/', credentials }), 'b-1', 'k', undefined)).toBe(
      'http://localhost:9000/b-1/k',
    )
  })
  it('addresses the service itself without a bucket', () => {
    expect(objectUrl(aws, undefined, undefined, undefined)).toBe('https://s3.eu-west-1.amazonaws.com/')
  })
  it('keeps a path prefix of the endpoint', () => {
    const gateway = { endpoint: 'https://gw.example.com/s3/', credentials }
    expect(objectUrl(createClient({ ...gateway, forcePathStyle: true }), 'b-1', 'k', undefined)).toBe(
      'https://gw.example.com/s3/b-1/k',
    )
    expect(objectUrl(createClient(gateway), 'b-1', 'k', undefined)).toBe('https://b-1.gw.example.com/s3/k')
  })
})

describe('awsEndpoint', () => {
  // Host names from the AWS documentation: "Amazon S3 endpoints and quotas" (regional and the
  // legacy global endpoint), "Using dual-stack endpoints", "FIPS endpoints", "Configuring fast,
  // secure file transfers using Amazon S3 Transfer Acceleration", and "Amazon S3 endpoints" of
  // the China (Beijing) and GovCloud user guides.
  it.each([
    ['eu-west-1', {}, 'https://s3.eu-west-1.amazonaws.com'],
    ['us-east-1', {}, 'https://s3.us-east-1.amazonaws.com'],
    ['us-east-1', { legacyGlobal: true }, 'https://s3.amazonaws.com'],
    ['eu-west-1', { dualStack: true }, 'https://s3.dualstack.eu-west-1.amazonaws.com'],
    ['us-east-2', { fips: true }, 'https://s3-fips.us-east-2.amazonaws.com'],
    ['us-west-2', { fips: true, dualStack: true }, 'https://s3-fips.dualstack.us-west-2.amazonaws.com'],
    ['ca-central-1', { fips: true }, 'https://s3-fips.ca-central-1.amazonaws.com'],
    ['us-gov-west-1', {}, 'https://s3.us-gov-west-1.amazonaws.com'],
    ['us-gov-east-1', { fips: true }, 'https://s3-fips.us-gov-east-1.amazonaws.com'],
    ['cn-north-1', {}, 'https://s3.cn-north-1.amazonaws.com.cn'],
    ['cn-northwest-1', { dualStack: true }, 'https://s3.dualstack.cn-northwest-1.amazonaws.com.cn'],
    ['eu-central-1', { accelerate: true }, 'https://s3-accelerate.amazonaws.com'],
    ['eu-central-1', { accelerate: true, dualStack: true }, 'https://s3-accelerate.dualstack.amazonaws.com'],
    ['us-iso-east-1', {}, 'https://s3.us-iso-east-1.c2s.ic.gov'],
    ['us-isob-east-1', {}, 'https://s3.us-isob-east-1.sc2s.sgov.gov'],
  ] as const)('%s %j → %s', (region, options, url) => {
    expect(awsEndpoint(region, options)).toBe(url)
  })

  it('refuses what AWS does not offer', () => {
    expect(() => awsEndpoint('eu-west-1', { fips: true })).toThrow(/no FIPS endpoint in eu-west-1/)
    expect(() => awsEndpoint('cn-north-1', { accelerate: true })).toThrow(/not offered in cn-north-1/)
    expect(() => awsEndpoint('us-gov-west-1', { accelerate: true })).toThrow(/not offered/)
    expect(() => awsEndpoint('us-east-1', { accelerate: true, fips: true })).toThrow(/with FIPS/)
    expect(() => awsEndpoint('eu-west-1', { legacyGlobal: true })).toThrow(/us-east-1 only/)
    expect(() => awsEndpoint('https://s3.example.com')).toThrow(InputError)
  })

  it('gives accelerated and dual-stack URLs that put the bucket in the host name', () => {
    const client = createClient({
      region: 'eu-central-1',
      endpoint: awsEndpoint('eu-central-1', { accelerate: true }),
      credentials,
    })
    expect(objectUrl(client, 'photos', 'a b.jpg', undefined)).toBe(
      'https://photos.s3-accelerate.amazonaws.com/a%20b.jpg',
    )
    const dual = createClient({
      region: 'eu-west-1',
      endpoint: awsEndpoint('eu-west-1', { dualStack: true }),
      credentials,
    })
    expect(objectUrl(dual, 'photos', 'k', undefined)).toBe('https://photos.s3.dualstack.eu-west-1.amazonaws.com/k')
  })
})

describe('dnsSuffix', () => {
  it.each([
    ['eu-west-1', 'amazonaws.com'],
    ['us-gov-west-1', 'amazonaws.com'],
    ['cn-north-1', 'amazonaws.com.cn'],
    ['us-iso-east-1', 'c2s.ic.gov'],
    ['us-isob-east-1', 'sc2s.sgov.gov'],
    ['us-isof-south-1', 'csp.hci.ic.gov'],
    ['eu-isoe-west-1', 'cloud.adc-e.uk'],
    ['eusc-de-east-1', 'amazonaws.eu'],
  ])('%s → %s', (region, suffix) => {
    expect(dnsSuffix(region)).toBe(suffix)
  })
})
