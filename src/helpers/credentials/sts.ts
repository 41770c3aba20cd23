import { AwsV4Signer } from 'aws4fetch'
import * as z from 'zod/mini'
import { parseDocument, text, timestamp, xmlDocument } from '../../../codecs/xml.js'
import { readXml } from '../../../codecs/xml-reader.js'
import type { FetchLike } from '../../core/client.js'
import { type Credentials, type CredentialsProvider, resolveCredentials } from '../../core/credentials.js'
import { readEnv } from '../../core/env.js'
import { codeForStatus } from '../../core/error-document.js'
import { InputError, S3Error } from '../../core/errors.js'
import { retrying } from '../../core/retry.js'
import { dnsSuffix, encodeRfc3986 } from '../../core/url.js'

/** Where and how to reach STS; the names follow `@aws-sdk/client-sts`'s client config. */
export interface StsClientConfig {
  /** Region of the STS endpoint: defaults to `AWS_REGION`, then `AWS_DEFAULT_REGION`, then `us-east-1`. */
  readonly region?: string
  /**
   * e.g. `http://127.0.0.1:7480` for Ceph RGW. Defaults to `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`, then
   * `https://sts.<region>.amazonaws.com` (regional, as AWS recommends).
   */
  readonly endpoint?: string
  readonly fetch?: FetchLike
  /** Attempts in all (default 3); throttling, 5xx and network failures are retried with jittered backoff. */
  readonly maxAttempts?: number
  /** Abort an attempt without response headers after this long (default 10 s). */
  readonly requestTimeoutMs?: number
}

export type StsAction = 'AssumeRole' | 'AssumeRoleWithWebIdentity'

/**
 * Calls an STS Query API action (POST, form-encoded, `Version=2011-06-15`), signed for service
 * `sts` unless `signWith` is absent (AssumeRoleWithWebIdentity is unsigned: the token is the proof),
 * and returns the temporary credentials from the answer. Errors are `S3Error`s carrying STS's own
 * code (`AccessDenied`, `ExpiredToken`, `RegionDisabledException`, …) and `operation` set to the
 * action; throttling and server faults are retried as `send` retries S3's.
 */
export async function callSts(
  action: StsAction,
  params: Readonly<Record<string, string | undefined>>,
  config: StsClientConfig,
  signWith?: CredentialsProvider,
): Promise<Credentials> {
  const region = config.region ?? readEnv('AWS_REGION') ?? readEnv('AWS_DEFAULT_REGION') ?? 'us-east-1'
  const endpoint =
    config.endpoint ??
    readEnv('AWS_ENDPOINT_URL_STS') ??
    readEnv('AWS_ENDPOINT_URL') ??
    `https://sts.${region}.${dnsSuffix(region)}`
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw new InputError('clientConfig.endpoint', `"${endpoint}" is not a URL.`)
  }
  const body = formBody({ Action: action, Version: '2011-06-15', ...params })
  const fetcher = config.fetch ?? ((...args: Parameters<FetchLike>) => globalThis.fetch(...args))
  const policy = { maxAttempts: config.maxAttempts ?? 3, baseDelayMs: 100, maxDelayMs: 5_000 }
  // The same loop (and the same idea of what is worth retrying) as send's for S3.
  return retrying(policy, undefined, async () => {
    let response: Response
    try {
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }
      const signed = signWith
        ? (
            await new AwsV4Signer({
              method: 'POST',
              url: url.href,
              headers,
              body,
              ...credentialFields(await resolveCredentials(signWith)),
              service: 'sts',
              region,
            }).sign()
          ).headers
        : headers
      response = await fetchWithTimeout(
        fetcher,
        url.href,
        { method: 'POST', headers: signed, body },
        config.requestTimeoutMs ?? 10_000,
      )
    } catch (error) {
      // fetch rejects with a TypeError when no answer came, and the deadline with a TimeoutError.
      const noAnswer =
        (error instanceof TypeError && !(error instanceof InputError)) ||
        (error as Error | undefined)?.name === 'TimeoutError'
      if (!noAnswer) throw error
      throw new S3Error({
        code: 'NetworkError',
        status: 0,
        message: `${action} could not reach ${url.host}: ${(error as Error).message}`,
        operation: action,
        cause: error,
      })
    }
    const answer = await response.text()
    if (response.ok) return readCredentials(action, answer, response.status)
    throw stsError(action, response, answer)
  })
}

function credentialFields(credentials: Credentials): {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
} {
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
  }
}

/** `fetch` with a deadline for the response headers; the abort reason is a `TimeoutError`. */
export async function fetchWithTimeout(
  fetcher: FetchLike,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Response> {
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')),
    timeoutMs,
  )
  try {
    return await fetcher(url, { ...init, signal: controller.signal })
  } finally {
    clearTimeout(timer)
  }
}

/** Form encoding as the Query API signs it: RFC 3986, `%20` for a space. */
export function formBody(params: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(value)}`)
    .join('&')
}

/* @__NO_SIDE_EFFECTS__ */
function resultDocument<A extends StsAction>(action: A) {
  // Only what s3kit reads; AssumedRoleUser, PackedPolicySize, SourceIdentity… may be there or not.
  return xmlDocument([], () =>
    z.object({
      [`${action}Response`]: z.object({
        [`${action}Result`]: z.object({
          Credentials: z.object({
            AccessKeyId: text(),
            SecretAccessKey: text(),
            SessionToken: text(),
            Expiration: timestamp(),
          }),
        }),
      }),
    }),
  )
}

// Built on first use, one per action, like the commands' documents.
const documents = {
  AssumeRole: /* @__PURE__ */ resultDocument('AssumeRole'),
  AssumeRoleWithWebIdentity: /* @__PURE__ */ resultDocument('AssumeRoleWithWebIdentity'),
}

function readCredentials(action: StsAction, answer: string, status: number): Credentials {
  const document = parseDocument(answer, documents[action], { operation: action, status }) as Record<
    string,
    Record<
      string,
      { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: Date } }
    >
  >
  const c = document[`${action}Response`]![`${action}Result`]!.Credentials
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
  }
}

/**
 * STS answers errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>` (STS
 * API reference, "Common Errors"); Ceph RGW as S3 does, `<Error><Code/>…<RequestId/></Error>`
 * (captured from RGW 16.2.15). Anything else keeps the status's meaning.
 */
function stsError(action: StsAction, response: Response, answer: string): S3Error {
  let fields: Record<string, unknown> = {}
  let requestId: unknown
  try {
    const document = readXml(answer, new Set()) as Record<string, Record<string, unknown> | undefined>
    const error = (document.ErrorResponse?.Error ?? document.Error) as Record<string, unknown> | undefined
    if (error && typeof error === 'object') fields = error
    requestId = document.ErrorResponse?.RequestId ?? fields.RequestId
  } catch {
    // Not XML (a proxy's page, an empty body): the status code says enough.
  }
  const code = typeof fields.Code === 'string' && fields.Code ? fields.Code : codeForStatus(response.status)
  return new S3Error({
    code,
    status: response.status,
    message: typeof fields.Message === 'string' && fields.Message ? fields.Message : undefined,
    requestId:
      (typeof requestId === 'string' ? requestId : undefined) ??
      response.headers.get('x-amzn-requestid') ??
      response.headers.get('x-amz-request-id') ??
      undefined,
    operation: action,
  })
}
