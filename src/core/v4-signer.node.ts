import { AwsV4Signer } from 'aws4fetch'
import { nodeCrypto } from './node-crypto.js'

/**
 * aws4fetch's `AwsV4Signer` with its two digests computed by node:crypto: the canonical request,
 * the headers signed and the key derivation stay aws4fetch's own, only SHA-256 and HMAC-SHA256 run
 * on the calling thread instead of as WebCrypto jobs (each of which costs some 20 µs of CPU in
 * Node, three per signature). The Node build's v4-signer.ts (scripts/build-node.mjs swaps it in);
 * test/packaging/node-build.test.ts checks that both sign alike. Where node:crypto cannot be had,
 * aws4fetch's WebCrypto digests run unchanged.
 */
export class V4Signer extends AwsV4Signer {
  override async stringToSign(): Promise<string> {
    const crypto = nodeCrypto()
    if (!crypto) return super.stringToSign()
    const canonical = await this.canonicalString()
    return [
      'AWS4-HMAC-SHA256',
      this.datetime,
      this.credentialString,
      crypto.createHash('sha256').update(canonical).digest('hex'),
    ].join('\n')
  }

  override async signature(): Promise<string> {
    const crypto = nodeCrypto()
    if (!crypto) return super.signature()
    const hmac = (key: string | Uint8Array, data: string): Uint8Array =>
      crypto.createHmac('sha256', key).update(data).digest()
    const date = this.datetime.slice(0, 8)
    // Its own cache key: the key is kept as node:crypto bytes, never shared with the WebCrypto path.
    const cacheKey = ['node', this.secretAccessKey, date, this.region, this.service].join()
    let key = this.cache.get(cacheKey) as Uint8Array | undefined
    if (!key) {
      key = hmac(hmac(hmac(hmac(`AWS4${this.secretAccessKey}`, date), this.region), this.service), 'aws4_request')
      this.cache.set(cacheKey, key as unknown as ArrayBuffer)
    }
    return crypto
      .createHmac('sha256', key)
      .update(await this.stringToSign())
      .digest('hex')
  }
}
