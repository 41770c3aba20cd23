/// <reference types="node" />
import { open } from 'node:fs/promises'
import type { Client } from '../core/client.js'
import { InputError } from '../core/errors.js'
import { rangeSource } from '../helpers/part-source.js'
import { type UploadFields, type UploadOptions, type UploadOutput, uploadFrom } from '../helpers/upload.js'
import { guessContentType } from './put-file.js'

/**
 * The input of `uploadFile`: what `upload` takes, with the file's `path` in place of `Body`;
 * `ContentType` is guessed from the file name unless given.
 */
export interface UploadFileInput extends UploadFields {
  /** The file to upload. */
  readonly path: string
}

/**
 * Uploads a file of any size with the multipart `upload` helper: each part is read from its own
 * offset of the file while others are being sent, so reading is as parallel as sending, and a
 * failed part is re-read and retried on its own. A file up to one part goes up as one `PutObject`.
 * `ContentType` is guessed from the file name (with `mime`) unless you give one. Options and errors
 * are those of `upload`; the file is closed whatever happens.
 *
 * @example
 * import { uploadFile } from 's3kit/node'
 * await uploadFile(client, { Bucket: 'my-bucket', Key: 'backups/disk.img', path: './disk.img' }, {
 *   onProgress: ({ loaded, total }) => process.stdout.write(`\r${Math.round((100 * loaded) / total!)}%`),
 * })
 */
export async function uploadFile(
  client: Client,
  input: UploadFileInput,
  options: UploadOptions = {},
): Promise<UploadOutput> {
  const { path, ...fields } = input
  if (typeof path !== 'string' || path === '') throw new InputError('path', 'must be the path of the file to upload.')
  const file = await open(path, 'r')
  let closed: Promise<void> | undefined
  const close = (): Promise<void> => (closed ??= file.close())
  try {
    const info = await file.stat()
    if (!info.isFile()) throw new InputError('path', `"${path}" is not a regular file.`)
    const ContentType = fields.ContentType ?? (await guessContentType(path))
    const source = rangeSource(
      info.size,
      async (buffer, length, position) => (await file.read(buffer, 0, length, position)).bytesRead,
      close,
    )
    return await uploadFrom(client, { ...fields, ...(ContentType ? { ContentType } : {}) }, source, options)
  } finally {
    await close()
  }
}
