/// <reference types="node" />
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { PutObject, type PutObjectInput, type PutObjectOutput } from '../../commands/PutObject.js'
import type { Client } from '../core/client.js'
import { InputError } from '../core/errors.js'
import type { RequestOption } from '../core/extend-command.js'
import { type SendOptions, send } from '../core/send.js'
import { applyOptions, checkOptions } from '../helpers/request-options.js'

/**
 * The input of `putFile`: what `PutObjectInput` takes, with the file's `path` in place of `Body`
 * and `ContentLength`; `ContentType` is guessed from the file name unless given.
 */
export interface PutFileInput extends Omit<PutObjectInput, 'Body' | 'ContentLength'> {
  /** The file to upload. */
  readonly path: string
}

/** `send`'s options, and request options for the PutObject. */
export interface PutFileOptions extends SendOptions {
  /**
   * Request options for the PutObject: e.g. `[sseCustomerKey(key)]`. A checksum computed by s3kit
   * needs the bytes before they are sent: use `uploadFile` with `ChecksumAlgorithm` for that.
   */
  readonly requestOptions?: readonly RequestOption[] | undefined
}

/**
 * Uploads a file as one object. The file is streamed, never
 * read into memory, with its length from `stat`; `ContentType` is guessed from the file name
 * (with `mime`) unless you give one, and left to S3's default when the extension is unknown. A
 * streamed body cannot be re-sent, so a failed attempt is not retried: call again, or use the
 * multipart `upload` helper for large files on unreliable links.
 *
 * @example
 * import { putFile } from 's3kit/node'
 * const { ETag } = await putFile(client, { Bucket: 'my-bucket', Key: 'photos/cat.jpg', path: './cat.jpg' })
 */
export async function putFile(
  client: Client,
  input: PutFileInput,
  options: PutFileOptions = {},
): Promise<PutObjectOutput> {
  const { path, ...fields } = input
  const { requestOptions, ...sendOptions } = options
  if (typeof path !== 'string' || path === '') throw new InputError('path', 'must be the path of the file to upload.')
  const info = await stat(path)
  if (!info.isFile()) throw new InputError('path', `"${path}" is not a regular file.`)
  const ContentType = fields.ContentType ?? (await guessContentType(path))
  const stream = createReadStream(path)
  try {
    const command = PutObject({
      ...fields,
      ...(ContentType ? { ContentType } : {}),
      Body: stream,
      ContentLength: info.size,
    })
    return await send(client, applyOptions(command, checkOptions(requestOptions, 'requestOptions')), sendOptions)
  } finally {
    // Closes the file whatever happened: an invalid input, a refused request, an abort.
    stream.destroy()
  }
}

/**
 * Loaded on first use, so that `s3kit/node` costs nothing until a type has to be guessed, and so
 * that the CommonJS build can load the ES-module-only `mime` package.
 */
export async function guessContentType(path: string): Promise<string | undefined> {
  const { default: mime } = await import('mime')
  return mime.getType(path) ?? undefined
}
