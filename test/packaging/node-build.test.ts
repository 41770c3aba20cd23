import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AwsV4Signer } from 'aws4fetch'
import { describe, expect, it } from 'vitest'
import { sha256Hex as webSha256 } from '../../src/core/sha256.js'
import { sha256Hex as nodeSha256 } from '../../src/core/sha256.node.js'
import { V4Signer as NodeSigner } from '../../src/core/v4-signer.node.js'

/**
 * The Node build (dist/bundled, the `node` export condition) swaps a few files for `x.node.ts`
 * twins that compute the same digests with node:crypto instead of WebCrypto. They must give exactly
 * what the browser build gives.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }

const requests = [
  {
    method: 'GET',
    url: 'https://examplebucket.s3.amazonaws.com/test.txt',
    headers: {
      range: 'bytes=0-9',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    },
  },
  {
    method: 'PUT',
    url: 'http://127.0.0.1:7480/bucket/a%20key/%E2%9C%93.txt?partNumber=2&uploadId=x%2By',
    headers: { 'content-type': 'text/plain', 'x-amz-meta-name': 'ü', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
  },
  {
    method: 'POST',
    url: 'https://s3.eu-west-3.amazonaws.com/b/k?uploads',
    headers: { 'x-amz-content-sha256': 'abc' },
    sessionToken: 'token/with+chars=',
  },
]

describe('the Node build signs and hashes exactly like the browser build', () => {
  it.each(requests)('header signature of $method $url', async (request) => {
    const cacheA = new Map<string, ArrayBuffer>()
    const cacheB = new Map<string, ArrayBuffer>()
    for (const datetime of ['20130524T000000Z', '20130524T235959Z', '20250101T120000Z']) {
      const options = { ...credentials, ...request, service: 's3', region: 'us-east-1', datetime }
      // Twice each: the second signature comes from the cached signing key.
      for (let i = 0; i < 2; i++) {
        const web = await new AwsV4Signer({ ...options, cache: cacheA }).sign()
        const node = await new NodeSigner({ ...options, cache: cacheB }).sign()
        expect(node.headers.get('authorization')).toBe(web.headers.get('authorization'))
        expect(node.url.href).toBe(web.url.href)
      }
    }
  })

  it('query signature (presigned URL)', async () => {
    const options = {
      ...credentials,
      method: 'GET',
      url: 'https://b.s3.amazonaws.com/k?X-Amz-Expires=900',
      service: 's3',
      region: 'us-east-1',
      signQuery: true,
      datetime: '20130524T000000Z',
    }
    const web = await new AwsV4Signer(options).sign()
    const node = await new NodeSigner(options).sign()
    expect(node.url.href).toBe(web.url.href)
  })

  it('payload hashes, small (node:crypto) and large (WebCrypto)', async () => {
    for (const size of [0, 1, 1024, 64 * 1024, 64 * 1024 + 1, 1 << 20]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31) & 0xff)
      expect(await nodeSha256(bytes)).toBe(await webSha256(bytes))
      expect(await nodeSha256(bytes.buffer)).toBe(await webSha256(bytes.buffer))
    }
  })

  it('the twins are in the Node build only', () => {
    const read = (dir: string) =>
      readdirSync(join(root, dir))
        .filter((file) => /\.(c?js)$/.test(file))
        .map((file) => readFileSync(join(root, dir, file), 'utf8'))
        .join('\n')
    expect(read('dist/bundled')).toMatch(/createHmac/)
    expect(read('dist')).not.toMatch(/createHmac|node:crypto/)
  })
})
