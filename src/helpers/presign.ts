import type { Client } from '../core/client.js'
import type { Command } from '../core/command.js'
import { resolveCredentials } from '../core/credentials.js'
import { InputError } from '../core/errors.js'
import { clockOffset } from '../core/send.js'
import { signQuery } from '../core/sign.js'
import { encodeQuery, objectUrl } from '../core/url.js'
import { checkDate, checkInteger } from '../core/validate.js'

/** Options of `presign`: how long the URL stays valid, and from when. */
export interface PresignOptions {
  /** Seconds the URL stays valid: 1 to 604,800 (7 days, S3's limit). Default 900. */
  readonly expiresIn?: number
  /** When the validity starts; now by default. */
  readonly signingDate?: Date
}

/** A request anyone can make without credentials until it expires. */
export interface PresignedRequest {
  readonly method: string
  readonly url: string
  /**
   * Headers the request must carry as given (`Content-Type`, `Cache-Control`, metadata, …): they
   * were part of the command, and all but `Content-Type` are signed.
   */
  readonly headers: Readonly<Record<string, string>>
  readonly expiresAt: Date
}

/**
 * Presigns a command (query-string SigV4), so that a browser or any HTTP client can perform it
 * without credentials until `expiresIn` runs out: the usual way to let a browser upload straight
 * to S3, or to hand out a download link. The payload is not signed (`UNSIGNED-PAYLOAD`), so the
 * command must not carry a body: whoever uses the URL sends it. A URL signed with temporary
 * credentials stops working when they expire, whatever `expiresIn` says.
 *
 * @example
 * const { url, headers } = await presign(
 *   client,
 *   PutObject({ Bucket: 'uploads', Key: 'photo.jpg', ContentType: 'image/jpeg' }),
 *   { expiresIn: 600 },
 * )
 * await fetch(url, { method: 'PUT', headers, body: file }) // in the browser, no credentials needed
 */
export async function presign(
  client: Client,
  command: Command<unknown>,
  options: PresignOptions = {},
): Promise<PresignedRequest> {
  if (command.body !== undefined) {
    throw new InputError(
      'Body',
      'a presigned request is signed without its body: build the command without Body, ' +
        'and send the content to the URL.',
    )
  }
  const expiresIn = checkInteger(options.expiresIn, 'expiresIn', 1, 604_800) ?? 900
  // The server's time when the client has seen its clock differ (RequestTimeTooSkewed), as `send` signs.
  const signingDate =
    options.signingDate === undefined
      ? new Date(Date.now() + clockOffset(client))
      : checkDate(options.signingDate, 'signingDate')
  const credentials = await resolveCredentials(client.credentials)
  const url = objectUrl(client, command.bucket, command.key, { ...command.query, 'X-Amz-Expires': String(expiresIn) })
  const headers = command.headers ?? {}
  const params = await signQuery(
    { method: command.method, url, headers, datetime: signingDate.toISOString().replace(/[:-]|\.\d{3}/g, '') },
    credentials,
    client.region,
  )
  // Re-encoded here: URLSearchParams would write spaces as '+', which S3 need not read as spaces.
  return {
    method: command.method,
    url: url.slice(0, url.includes('?') ? url.indexOf('?') : undefined) + encodeQuery(Object.fromEntries(params)),
    headers,
    expiresAt: new Date(signingDate.getTime() + expiresIn * 1000),
  }
}
