import type { Client } from '../core/client.js'
import { type Credentials, resolveCredentials } from '../core/credentials.js'
import { InputError } from '../core/errors.js'
import { hex } from '../core/hex.js'
import { clockOffset } from '../core/send.js'
import { objectUrl } from '../core/url.js'
import { checkBucket, checkDate, checkInteger, checkKey, checkString } from '../core/validate.js'

/**
 * One condition of a POST policy, as S3 writes them (user guide "POST Policy"), and as
 * `@aws-sdk/s3-presigned-post` takes them: `{ acl: 'public-read' }` (exact match),
 * `['eq', '$Content-Type', 'image/png']`, `['starts-with', '$Content-Type', 'image/']`, or
 * `['content-length-range', min, max]` (bytes, both inclusive).
 */
export type PostPolicyCondition =
  | Readonly<Record<string, string>>
  | readonly ['eq' | 'starts-with', string, string]
  | readonly ['content-length-range', number, number]

/** What `presignPost` takes: the fields of `@aws-sdk/s3-presigned-post`'s `createPresignedPost`. */
export interface PresignPostInput {
  readonly Bucket: string
  /**
   * The object's key. `${filename}` in it is replaced by S3 with the name of the uploaded file;
   * the policy then allows any key that starts with what comes before it.
   */
  readonly Key: string
  /** Further conditions the upload must meet: size, type, metadata, ACL, … */
  readonly Conditions?: readonly PostPolicyCondition[]
  /**
   * Form fields to send with the file (`Content-Type`, `acl`, `success_action_status`,
   * `x-amz-meta-*`, …). Each is also added to the policy as an exact-match condition.
   */
  readonly Fields?: Readonly<Record<string, string>>
  /** Seconds the policy stays valid: 1 to 604,800 (7 days). Default 3600, as the AWS SDK. */
  readonly Expires?: number
}

/** Options of `presignPost` that the AWS SDK does not have. */
export interface PresignPostOptions {
  /** When the validity starts; now by default (tests pin it to reproduce documented signatures). */
  readonly signingDate?: Date
}

/**
 * Where and what to POST: `url` is the form's `action`, `fields` its fields (hidden inputs, or
 * `FormData` entries), to be sent before the file, which must be the last field, named `file`.
 */
export interface PresignedPost {
  readonly url: string
  readonly fields: Readonly<Record<string, string>>
}

// Fields presignPost writes itself; a caller's field of the same name (S3 reads field names in
// any case) would contradict the policy or the signature.
const RESERVED = [
  'bucket',
  'key',
  'policy',
  'file',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-signature',
  'x-amz-security-token',
]
// biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder, sent literally.
const FILENAME = '${filename}'
const encoder = /* @__PURE__ */ new TextEncoder()

/**
 * Presigns a browser form upload (POST Object with a SigV4 POST policy): the page gets a URL and
 * form fields, no credentials, and S3 accepts a file only while the policy holds, so the server
 * decides the key (or its prefix), the size range, the type and the metadata, and the browser
 * sends the file straight to S3. Shaped as `createPresignedPost` of `@aws-sdk/s3-presigned-post`.
 * A policy signed with temporary credentials stops working when they expire.
 *
 * @example
 * const { url, fields } = await presignPost(client, {
 *   Bucket: 'uploads',
 *   Key: 'avatars/${filename}',
 *   Conditions: [['content-length-range', 1, 5_000_000], ['starts-with', '$Content-Type', 'image/']],
 *   Fields: { 'Content-Type': 'image/png' },
 *   Expires: 600,
 * })
 * // in the browser: FormData with every field, then the file last
 * const form = new FormData()
 * for (const [name, value] of Object.entries(fields)) form.append(name, value)
 * form.append('file', file)
 * await fetch(url, { method: 'POST', body: form })
 */
export async function presignPost(
  client: Client,
  input: PresignPostInput,
  options: PresignPostOptions = {},
): Promise<PresignedPost> {
  // Every input is checked before the credentials are asked for, so a bad call fails at once.
  const bucket = checkBucket(input?.Bucket)
  const key = checkKey(input.Key)
  const expires = checkInteger(input.Expires, 'Expires', 1, 604_800) ?? 3600
  // The server's time when the client has seen its clock differ (RequestTimeTooSkewed), as `send` signs.
  const signingDate =
    options.signingDate === undefined
      ? new Date(Date.now() + clockOffset(client))
      : checkDate(options.signingDate, 'signingDate')
  const conditions = (checkArray(input.Conditions, 'Conditions') ?? []).map(checkCondition)
  const extra = checkFields(input.Fields)

  const credentials = await resolveCredentials(client.credentials)
  const datetime = signingDate.toISOString().replace(/[:-]|\.\d{3}/g, '')
  const date = datetime.slice(0, 8)
  const fields: Record<string, string> = {
    ...extra,
    bucket,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${date}/${client.region}/s3/aws4_request`,
    'X-Amz-Date': datetime,
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  }
  // The key: exact, or, with ${filename}, whatever S3 makes of it under the part before it.
  const at = key.indexOf(FILENAME)
  const keyCondition = at < 0 ? { key } : ['starts-with', '$key', key.slice(0, at)]
  const policy = {
    expiration: new Date(signingDate.getTime() + expires * 1000).toISOString(),
    conditions: [...conditions, ...Object.entries(fields).map(([name, value]) => ({ [name]: value })), keyCondition],
  }
  const encoded = base64(encoder.encode(JSON.stringify(policy)))
  return {
    url: objectUrl(client, bucket, undefined, undefined),
    fields: {
      ...fields,
      key,
      Policy: encoded,
      'X-Amz-Signature': await signPolicy(encoded, credentials, date, client.region),
    },
  }
}

/**
 * The POST signature (S3 API reference, "Authenticating Requests: Browser-Based Uploads Using
 * POST"): hex HMAC-SHA256 of the base64 policy with the SigV4 signing key of `date` (YYYYMMDD),
 * the region and `s3`. WebCrypto, as aws4fetch signs; aws4fetch exports no key derivation.
 */
export async function signPolicy(
  policyBase64: string,
  credentials: Credentials,
  date: string,
  region: string,
): Promise<string> {
  let key: ArrayBuffer | Uint8Array = encoder.encode(`AWS4${credentials.secretAccessKey}`)
  for (const part of [date, region, 's3', 'aws4_request', policyBase64]) key = await hmac(key, part)
  return hex(key)
}

async function hmac(key: ArrayBuffer | Uint8Array, data: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    key as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data))
}

// btoa takes a "binary string"; the policy's UTF-8 bytes go in one character per byte (a loop,
// not a spread, so a long policy cannot overflow the argument list).
function base64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function checkArray(value: unknown, field: string): unknown[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) throw new InputError(field, `must be an array, not ${JSON.stringify(value)}.`)
  return value
}

function checkCondition(condition: unknown, index: number): PostPolicyCondition {
  const field = `Conditions[${index}]`
  if (Array.isArray(condition)) {
    const [op, a, b] = condition as unknown[]
    if (condition.length !== 3)
      throw new InputError(field, 'must have three entries: an operator and its two operands.')
    if (op === 'content-length-range') {
      const min = checkInteger(a, `${field}[1]`, 0)
      checkInteger(b, `${field}[2]`, min ?? 0)
      return condition as unknown as PostPolicyCondition
    }
    if (op !== 'eq' && op !== 'starts-with') {
      throw new InputError(
        `${field}[0]`,
        `must be "eq", "starts-with" or "content-length-range", not ${JSON.stringify(op)}.`,
      )
    }
    if (typeof a !== 'string' || !/^\$./.test(a)) {
      throw new InputError(
        `${field}[1]`,
        `must name a form field with a leading "$", such as "$Content-Type", not ${JSON.stringify(a)}.`,
      )
    }
    checkString(b, `${field}[2]`)
    return condition as unknown as PostPolicyCondition
  }
  if (typeof condition !== 'object' || condition === null) {
    throw new InputError(
      field,
      'must be an array such as ["starts-with", "$key", "uploads/"] or an object such as { acl: "private" }.',
    )
  }
  const entries = Object.entries(condition)
  if (entries.length !== 1)
    throw new InputError(field, 'an exact-match condition must have one field: { name: value }.')
  checkString(entries[0]![1], `${field}.${entries[0]![0]}`)
  return condition as PostPolicyCondition
}

function checkFields(value: unknown): Record<string, string> {
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('Fields', `must be an object of form fields, not ${JSON.stringify(value)}.`)
  }
  for (const [name, field] of Object.entries(value)) {
    if (RESERVED.includes(name.toLowerCase())) {
      throw new InputError(
        `Fields.${name}`,
        'is written by presignPost itself (from Bucket, Key and the credentials): leave it out.',
      )
    }
    checkString(field, `Fields.${name}`)
  }
  return value as Record<string, string>
}
