import { describe, expect, it } from 'vitest'
import { createClient } from '../../src/core/client.js'
import { encodeKey, encodeQuery, objectUrl } from '../../src/core/url.js'

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
    expect(encodeQuery({ prefix: 'a b+c', uploads: '', 'max-keys': '5', skip: undefined })).toBe('?max-keys=5&prefix=a%20b%2Bc&uploads')
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
    expect(objectUrl(aws, 'my-bucket', undefined, { 'list-type': '2' })).toBe('https://my-bucket.s3.eu-west-1.amazonaws.com/?list-type=2')
  })
  it('falls back to path style for names that cannot be a TLS host label', () => {
    expect(objectUrl(aws, 'my.dotted.bucket', 'k', undefined)).toBe('https://s3.eu-west-1.amazonaws.com/my.dotted.bucket/k')
    expect(objectUrl(aws, 'Legacy_Bucket', 'k', undefined)).toBe('https://s3.eu-west-1.amazonaws.com/Legacy_Bucket/k')
  })
  it('uses path style when asked, and for IP and localhost endpoints', () => {
    expect(objectUrl(createClient({ forcePathStyle: true, credentials }), 'b-1', 'k', undefined)).toBe('https://s3.us-east-1.amazonaws.com/b-1/k')
    expect(objectUrl(createClient({ endpoint: 'http://127.0.0.1:7480', credentials }), 'b-1', '/k', undefined)).toBe('http://127.0.0.1:7480/b-1//k')
    expect(objectUrl(createClient({ endpoint: 'http://localhost:9000/', credentials }), 'b-1', 'k', undefined)).toBe('http://localhost:9000/b-1/k')
  })
  it('addresses the service itself without a bucket', () => {
    expect(objectUrl(aws, undefined, undefined, undefined)).toBe('https://s3.eu-west-1.amazonaws.com/')
  })
  it('keeps a path prefix of the endpoint', () => {
    const gateway = { endpoint: 'https://gw.example.com/s3/', credentials }
    expect(objectUrl(createClient({ ...gateway, forcePathStyle: true }), 'b-1', 'k', undefined)).toBe('https://gw.example.com/s3/b-1/k')
    expect(objectUrl(createClient(gateway), 'b-1', 'k', undefined)).toBe('https://b-1.gw.example.com/s3/k')
  })
})
