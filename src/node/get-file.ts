/// <reference types="node" />
import { randomBytes } from 'node:crypto'
import { type FileHandle, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { ChecksumOutput } from '../../codecs/checksum.js'
import { GetObject, type GetObjectInput, type GetObjectOutput } from '../../commands/GetObject.js'
import type { ChecksumVerification } from '../core/checksums/checksum.js'
import type { Client } from '../core/client.js'
import { InputError, S3Error } from '../core/errors.js'
import type { RequestOption } from '../core/extend-command.js'
import { type SendOptions, send } from '../core/send.js'
import { applyOptions, checkOptions } from '../helpers/request-options.js'

/** GetObject's fields, plus the file to write. */
export interface GetFileInput extends GetObjectInput {
  /** Where to write the object. An existing file is replaced, but only once the download is complete. */
  readonly path: string
}

/** `send`'s options, and request options for the GetObject. */
export interface GetFileOptions extends SendOptions {
  /**
   * Request options for the GetObject: e.g. `[verifyChecksum(CRC64NVME)]`, whose `BadDigest` on a
   * mismatch leaves no file, or `[sseCustomerKey(key)]`.
   */
  readonly requestOptions?: readonly RequestOption[] | undefined
}

/**
 * What GetObject says about the object, without the body (it is in the file); with
 * `verifyChecksum`, the object's checksum and whether the body was checked against it.
 */
export interface GetFileOutput extends Omit<GetObjectOutput, 'Body'>, ChecksumOutput, ChecksumVerification {}

/**
 * Downloads an object into a file, streaming it at flat memory.
 * The bytes go to a temporary file beside the target, which is renamed onto `path` only when the
 * whole body has arrived: a failed, cut or aborted download leaves no partial file behind, and an
 * existing file at `path` is left as it was.
 *
 * @example
 * import { getFile } from 's3kit/node'
 * const { ContentType, Metadata } = await getFile(client, {
 *   Bucket: 'my-bucket',
 *   Key: 'photos/cat.jpg',
 *   path: './cat.jpg',
 * })
 */
export async function getFile(
  client: Client,
  input: GetFileInput,
  options: GetFileOptions = {},
): Promise<GetFileOutput> {
  const { path, ...fields } = input
  const { requestOptions, ...sendOptions } = options
  const command = applyOptions<GetObjectOutput & GetFileOutput>(
    GetObject(fields),
    checkOptions(requestOptions, 'requestOptions'),
  )
  return writeAtomically(path, async (file) => {
    const { Body, ...output } = await send(client, command, sendOptions)
    const reader = Body.getReader()
    let written = 0
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        options.signal?.throwIfAborted()
        written += next.value.byteLength
        await file.write(next.value)
      }
    } catch (error) {
      await reader.cancel().catch(() => undefined)
      throw error
    }
    // fetch decodes a Content-Encoding, after which the length no longer matches what S3 stored.
    if (output.ContentEncoding === undefined && written !== output.ContentLength) {
      throw new S3Error({
        code: 'IncompleteBody',
        status: 200,
        message: `the body ended after ${written} of ${output.ContentLength} bytes.`,
        operation: 'GetObject',
        bucket: command.bucket,
        key: command.key,
      })
    }
    return output
  })
}

/**
 * Runs `write` on a new temporary file beside `path` (same directory, so the final rename stays on
 * one file system and is atomic), renames it onto `path` when `write` succeeds, and removes it
 * when anything fails: a failed, cut or aborted transfer leaves nothing partial behind, and an
 * existing file at `path` is left as it was. What getFile and downloadFile share.
 */
export async function writeAtomically<T>(path: string, write: (file: FileHandle) => Promise<T>): Promise<T> {
  if (typeof path !== 'string' || path === '') throw new InputError('path', 'must be the path of the file to write.')
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.s3kit-partial`)
  const file = await open(temp, 'wx')
  try {
    const result = await write(file)
    await file.close()
    await rename(temp, path)
    return result
  } catch (error) {
    await file.close().catch(() => undefined)
    await rm(temp, { force: true })
    throw error
  }
}
