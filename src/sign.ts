import { AwsV4Signer } from 'aws4fetch'
import type { Credentials } from './credentials.js'

export interface UnsignedRequest {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  readonly payloadHash: string
  /** `YYYYMMDDTHHMMSSZ`; now when absent (tests pin it to check documented signatures). */
  readonly datetime?: string
}

// Derived signing keys, per credentials object: deriving one takes four HMACs, so reusing it keeps
// the per-request cost to the two that SigV4 cannot avoid. A WeakMap lets it go with the credentials.
const signingKeys = /* @__PURE__ */ new WeakMap<Credentials, Map<string, ArrayBuffer>>()

/**
 * Signs with SigV4 (header form) through aws4fetch. The payload hash is supplied by the caller,
 * computed once per send, so a retried request is re-signed (fresh date) without hashing again.
 */
export async function signRequest(request: UnsignedRequest, credentials: Credentials, region: string): Promise<Headers> {
  let cache = signingKeys.get(credentials)
  if (!cache) signingKeys.set(credentials, (cache = new Map()))
  const signer = new AwsV4Signer({
    method: request.method,
    url: request.url,
    headers: { ...request.headers, 'x-amz-content-sha256': request.payloadHash },
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    service: 's3',
    region,
    cache,
    ...(request.datetime ? { datetime: request.datetime } : {}),
  })
  const signed = await signer.sign()
  return signed.headers
}
