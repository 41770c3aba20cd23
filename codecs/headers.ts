import { S3Error } from '../src/core/errors.js'

/**
 * Readers for response headers. Header-only outputs (HeadObject, PutObject, …) are checked here
 * rather than with a zod schema: the check is a few lines and keeps zod out of bundles that carry
 * no XML. A header S3 must send that is missing or malformed is an `InvalidResponse` error.
 */

export interface HeaderContext {
  readonly operation: string
  readonly bucket?: string | undefined
  readonly key?: string | undefined
}

export function invalidResponse(context: HeaderContext, status: number, problem: string, cause?: unknown): S3Error {
  return new S3Error({ ...context, code: 'InvalidResponse', status, message: problem, cause })
}

export function optionalString(headers: Headers, name: string): string | undefined {
  return headers.get(name) ?? undefined
}

export function requiredString(response: Response, name: string, context: HeaderContext): string {
  const value = response.headers.get(name)
  if (value === null) throw missingHeader(response, name, context)
  return value
}

function missingHeader(response: Response, name: string, context: HeaderContext): S3Error {
  return invalidResponse(
    context,
    response.status,
    `the response has no ${name} header (in a browser, a cross-origin response shows it only when the bucket's CORS rule lists it in ExposeHeaders).`,
  )
}

export function requiredDate(response: Response, name: string, context: HeaderContext): Date {
  const date = optionalDate(response, name, context)
  if (date === undefined) throw missingHeader(response, name, context)
  return date
}

export function optionalNumber(response: Response, name: string, context: HeaderContext): number | undefined {
  const value = response.headers.get(name)
  if (value === null) return undefined
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number)) {
    throw invalidResponse(context, response.status, `the ${name} header is not a number: "${value}".`)
  }
  return number
}

export function optionalDate(response: Response, name: string, context: HeaderContext): Date | undefined {
  const value = response.headers.get(name)
  if (value === null) return undefined
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw invalidResponse(context, response.status, `the ${name} header is not a date: "${value}".`)
  }
  return date
}

/** Like optionalDate, but an unparsable value is kept as absent: `Expires` is free text in HTTP. */
export function lenientDate(headers: Headers, name: string): Date | undefined {
  const value = headers.get(name)
  if (value === null) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** An ETag with its quotes, whichever way the server sent it (RGW omits them in places). */
export function quoteETag(etag: string): string {
  return etag.startsWith('"') || etag.startsWith('W/"') ? etag : `"${etag}"`
}
