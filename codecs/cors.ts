import * as z from 'zod/mini'
import { compact, type ResponseContext } from '../src/core/command.js'
import { InputError } from '../src/core/errors.js'
import { checkInteger, checkList, checkOneOf, checkText } from '../src/core/validate.js'
import { optional, xmlRequest } from './request-document.js'
import { integer, readDocument, text, xmlDocument } from './xml.js'

/** The `<CORSConfiguration>` document of PutBucketCors and GetBucketCors. */

/** An HTTP method a CORS rule can allow: S3 accepts these five only. */
export type CORSMethod = 'GET' | 'PUT' | 'HEAD' | 'POST' | 'DELETE'
const METHODS: readonly CORSMethod[] = ['GET', 'PUT', 'HEAD', 'POST', 'DELETE']

/**
 * One CORS rule. S3 answers a cross-origin request with the first rule whose origin and method
 * (for a preflight, `Access-Control-Request-Method`) match and that allows every header named in
 * `Access-Control-Request-Headers`.
 */
export interface CORSRule {
  /** Up to 255 characters. */
  readonly ID?: string
  /** e.g. `https://www.example.com`, `http://*.example.com` or `*`; each may hold one `*`. */
  readonly AllowedOrigins: readonly string[]
  readonly AllowedMethods: readonly CORSMethod[]
  /** Headers a preflight may ask for (`Access-Control-Request-Headers`); each may hold one `*`, e.g. `x-amz-*`. */
  readonly AllowedHeaders?: readonly string[]
  /** Response headers a browser script may read, e.g. `ETag` (needed by multipart uploads from a page). */
  readonly ExposeHeaders?: readonly string[]
  /** How long a browser may cache the preflight answer. */
  readonly MaxAgeSeconds?: number
}

/**
 * A bucket's CORS configuration, as `PutBucketCors` takes it: the rules S3 checks a cross-origin
 * request against, in order.
 */
export interface CORSConfiguration {
  /** 1 to 100 rules. */
  readonly CORSRules: readonly CORSRule[]
}

/** A rule as GetBucketCors returns it: lists S3 left out are left out here too. */
export interface CORSRuleOutput {
  readonly ID?: string
  readonly AllowedOrigins: string[]
  readonly AllowedMethods: CORSMethod[]
  readonly AllowedHeaders?: string[]
  readonly ExposeHeaders?: string[]
  readonly MaxAgeSeconds?: number
}

// "You can add up to 100 rules" (S3 user guide, CORS configuration); "The document is limited to
// 64 KB in size" (S3 API reference, PutBucketCors).
const MAX_RULES = 100
const MAX_DOCUMENT = 64 * 1024

export function corsRequest(configuration: CORSConfiguration): { body: string; headers: Record<string, string> } {
  const field = 'CORSConfiguration.CORSRules'
  const rules = checkList(configuration?.CORSRules, field, MAX_RULES, ruleElement)
  const request = xmlRequest('CORSConfiguration', { CORSRule: rules })
  const size = new TextEncoder().encode(request.body).length
  if (size > MAX_DOCUMENT) throw new InputError(field, `make a document of ${size} bytes; S3 accepts at most 64 KB.`)
  return request
}

function ruleElement(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new InputError(field, 'must be an object.')
  const rule = value as CORSRule
  const wildcardText = (max: number) => (item: unknown, name: string) => {
    const checked = checkText(item, name, { maxLength: max })
    if (checked.split('*').length > 2)
      throw new InputError(name, `"${checked}" has more than one * wildcard; S3 allows one.`)
    return checked
  }
  return {
    ID: optional(rule.ID, `${field}.ID`, ruleId),
    AllowedOrigin: checkList(rule.AllowedOrigins, `${field}.AllowedOrigins`, Infinity, wildcardText(Infinity)),
    AllowedMethod: checkList(rule.AllowedMethods, `${field}.AllowedMethods`, METHODS.length, (method, name) =>
      checkOneOf(method, name, METHODS),
    ),
    AllowedHeader: optionalList(rule.AllowedHeaders, `${field}.AllowedHeaders`, wildcardText(Infinity)),
    ExposeHeader: optionalList(rule.ExposeHeaders, `${field}.ExposeHeaders`, (item, name) => checkText(item, name)),
    MaxAgeSeconds: checkInteger(rule.MaxAgeSeconds, `${field}.MaxAgeSeconds`, 0),
  }
}

/** A rule's ID: up to 255 characters. */
const ruleId = (value: unknown, field: string): string => checkText(value, field, { maxLength: 255 })

function optionalList<T>(value: unknown, field: string, item: (value: unknown, field: string) => T): T[] | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return undefined
  return checkList(value, field, Infinity, item)
}

/** `<CORSConfiguration>` (S3 API reference, GetBucketCors); a string is an empty document. */
const corsDocument = /* @__PURE__ */ xmlDocument(
  [
    'CORSConfiguration.CORSRule',
    'CORSConfiguration.CORSRule.AllowedOrigin',
    'CORSConfiguration.CORSRule.AllowedMethod',
    'CORSConfiguration.CORSRule.AllowedHeader',
    'CORSConfiguration.CORSRule.ExposeHeader',
  ],
  () => {
    const list = z.optional(z.array(text()))
    const rule = z.object({
      ID: z.optional(text()),
      AllowedOrigin: z.array(text()),
      AllowedMethod: z.array(z.enum(['GET', 'PUT', 'HEAD', 'POST', 'DELETE'])),
      AllowedHeader: list,
      ExposeHeader: list,
      MaxAgeSeconds: z.optional(integer()),
    })
    return z.object({
      CORSConfiguration: z.union([
        z.string().check(z.regex(/^\s*$/)),
        z.object({ CORSRule: z.optional(z.array(rule)) }),
      ]),
    })
  },
)

export async function readCors(response: Response, context: ResponseContext): Promise<CORSRuleOutput[]> {
  const { CORSConfiguration: document } = await readDocument(response, corsDocument, context)
  return ((typeof document === 'object' && document.CORSRule) || []).map((rule) =>
    compact<CORSRuleOutput>({
      ID: rule.ID,
      AllowedOrigins: rule.AllowedOrigin,
      AllowedMethods: rule.AllowedMethod,
      AllowedHeaders: rule.AllowedHeader,
      ExposeHeaders: rule.ExposeHeader,
      MaxAgeSeconds: rule.MaxAgeSeconds,
    }),
  )
}
