/**
 * S3's `<Error>` document is flat (Code, Message, RequestId, HostId and a few context fields), so
 * it is read here with one regular expression instead of the XML parser: the commands that carry
 * no XML (PutObject, GetObject, …) then stay free of the parser's weight.
 */

export interface ErrorDocument {
  readonly Code?: string
  readonly Message?: string
  readonly RequestId?: string
  readonly HostId?: string
  readonly Region?: string
  readonly [field: string]: string | undefined
}

const ERROR_START = /^\s*(?:<\?xml[^>]*\?>\s*)?<Error[\s>]/

/** True when a body is an `<Error>` document (S3 sends some inside a 200 response). */
export function isErrorDocument(text: string): boolean {
  return ERROR_START.test(text)
}

export function parseErrorDocument(text: string): ErrorDocument | undefined {
  if (!isErrorDocument(text)) return undefined
  const fields: Record<string, string> = {}
  for (const [, name, value] of text.matchAll(/<([A-Za-z]+)>([^<]*)<\/\1>/g)) {
    if (name && value !== undefined && !(name in fields)) fields[name] = decodeEntities(value)
  }
  return fields
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (entity, name: string) => {
    const lower = name.toLowerCase()
    if (lower[0] === '#') {
      const code = lower[1] === 'x' ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10)
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[lower] ?? entity
  })
}

const STATUS_CODES: Record<number, string> = {
  301: 'PermanentRedirect',
  304: 'NotModified',
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  412: 'PreconditionFailed',
  416: 'InvalidRange',
  429: 'TooManyRequests',
  501: 'NotImplemented',
  503: 'ServiceUnavailable',
}

/** Codes for statuses whose responses carry no body (HEAD, 304), named as S3's SDKs name them. */
export function codeForStatus(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'InternalError' : `Http${status}`)
}
