/// <reference types="node" />
import type { Client } from '../core/client.js'
import { type DownloadInput, type DownloadOptions, type DownloadOutput, planDownload } from '../helpers/download.js'
import { writeAtomically } from './get-file.js'

/** `download`'s object fields, plus the file to write. */
export interface DownloadFileInput extends DownloadInput {
  /** Where to write the object. An existing file is replaced, but only once the download is complete. */
  readonly path: string
}

/** What GetObject says about the whole object, without the body (it is in the file). */
export type DownloadFileOutput = Omit<DownloadOutput, 'Body'>

/**
 * Downloads an object into a file in parallel ranged GETs (the `download` helper's parts, each
 * pinned to the object's ETag, retried and resumed on its own), writing each part in place as it
 * arrives, so memory holds at most `concurrency` parts whatever the object's size. The file is
 * written as a temporary file beside `path` and renamed onto it only when every part is in: a
 * failed, aborted or timed-out download leaves nothing partial behind.
 *
 * @example
 * import { downloadFile } from 's3kit/node'
 * await downloadFile(client, { Bucket: 'backups', Key: 'db.tar', path: './db.tar' }, { concurrency: 8 })
 */
export async function downloadFile(
  client: Client,
  input: DownloadFileInput,
  options: DownloadOptions = {},
): Promise<DownloadFileOutput> {
  const { path, ...fields } = input
  return writeAtomically(path, async (file) => {
    const plan = await planDownload(client, fields, options)
    await plan.run(async (bytes, offset) => {
      // Positional writes: parts land where they belong, in whatever order they arrive.
      for (let written = 0; written < bytes.byteLength; ) {
        written += (await file.write(bytes, written, bytes.byteLength - written, offset + written)).bytesWritten
      }
    })
    return plan.head
  })
}
