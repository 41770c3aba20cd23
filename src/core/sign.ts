import type { Credentials } from './credentials.js'
import { V4Signer } from './v4-signer.js'

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
 * Signs with SigV4 (header form) through aws4fetch (whose digests the Node build computes with
 * node:crypto: v4-signer.node.ts). The payload hash is supplied by the caller,
 * computed once per send, so a retried request is re-signed (fresh date) without hashing again.
 */
export async function signRequest(
  request: UnsignedRequest,
  credentials: Credentials,
  region: string,
): Promise<Headers> {
  const signed = await signer(
    request,
    { ...request.headers, 'x-amz-content-sha256': request.payloadHash },
    credentials,
    region,
    false,
  ).sign()
  return signed.headers
}

/**
 * Signs in query-string form (a presigned URL). The payload is `UNSIGNED-PAYLOAD`, and the URL must
 * already carry `X-Amz-Expires`. Returns the signed query parameters.
 */
export async function signQuery(
  request: Omit<UnsignedRequest, 'payloadHash'>,
  credentials: Credentials,
  region: string,
): Promise<URLSearchParams> {
  const signed = await signer(request, request.headers, credentials, region, true).sign()
  return signed.url.searchParams
}

function signer(
  request: Omit<UnsignedRequest, 'payloadHash'>,
  headers: Record<string, string>,
  credentials: Credentials,
  region: string,
  signQuery: boolean,
): V4Signer {
  let cache = signingKeys.get(credentials)
  if (!cache) signingKeys.set(credentials, (cache = new Map()))
  return new V4Signer({
    method: request.method,
    url: request.url,
    headers,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken!,
    service: 's3',
    region,
    cache,
    signQuery,
    datetime: request.datetime!,
  })
}
