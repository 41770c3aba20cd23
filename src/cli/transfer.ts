/// <reference types="node" />
import { mkdir, utimes } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ObjectWriteFields } from '../../codecs/object-headers.js'
import { CopyObject } from '../../commands/CopyObject.js'
import { type Client, send } from '../core/index.js'
import { download, upload } from '../helpers/index.js'
import { downloadFile, uploadFile } from '../node/index.js'
import type { Progress } from './progress.js'

/** What a copy into S3 sets on the new object, from --content-type, --storage-class, --acl, --metadata. */
export type ObjectFields = Pick<ObjectWriteFields, 'ContentType' | 'StorageClass' | 'ACL' | 'Metadata'>

export interface TransferOptions {
  readonly partSize?: number
  readonly concurrency?: number
}

/**
 * A file into S3 through `uploadFile`: one PutObject up to one part, parallel parts above (an
 * interrupted or failed multipart upload is aborted by the helper, so nothing is left to pay for).
 */
export async function uploadOne(
  client: Client,
  from: { path: string },
  to: { bucket: string; key: string },
  fields: ObjectFields,
  options: TransferOptions,
  progress: Progress,
  signal: AbortSignal,
): Promise<void> {
  await uploadFile(
    client,
    { Bucket: to.bucket, Key: to.key, path: from.path, ...fields },
    { ...options, signal, onProgress: counter(progress) },
  )
}

/** Standard input into S3, in parts as it arrives (its length is unknown until it ends). */
export async function uploadStream(
  client: Client,
  stream: NodeJS.ReadableStream,
  to: { bucket: string; key: string },
  fields: ObjectFields,
  options: TransferOptions,
  progress: Progress,
  signal: AbortSignal,
): Promise<void> {
  await upload(
    client,
    { Bucket: to.bucket, Key: to.key, Body: stream as unknown as Readable, ...fields },
    { ...options, signal, onProgress: counter(progress) },
  )
}

/**
 * An object into a file, through `downloadFile`: parallel ranged GETs pinned to the object's ETag,
 * written in place to a temporary file that is renamed into place once complete (so an
 * interrupted download leaves neither a partial file nor a damaged old one). The file's
 * modification time is set to the object's LastModified, which is what `sync` compares.
 */
export async function downloadOne(
  client: Client,
  from: { bucket: string; key: string },
  to: { path: string },
  options: TransferOptions,
  progress: Progress,
  signal: AbortSignal,
): Promise<void> {
  await mkdir(dirname(to.path), { recursive: true })
  const output = await downloadFile(
    client,
    { Bucket: from.bucket, Key: from.key, path: to.path },
    { ...options, signal, onProgress: counter(progress) },
  )
  await utimes(to.path, output.LastModified, output.LastModified)
}

/** An object to stdout (`cat`, `cp s3://… -`), in parallel ranged GETs delivered in order. */
export async function streamOut(
  client: Client,
  from: { bucket: string; key: string },
  out: NodeJS.WritableStream,
  options: TransferOptions,
  progress: Progress,
  signal: AbortSignal,
): Promise<void> {
  const { Body } = await download(
    client,
    { Bucket: from.bucket, Key: from.key },
    { ...options, signal, onProgress: counter(progress) },
  )
  await pipeline(Readable.fromWeb(Body as import('node:stream/web').ReadableStream<Uint8Array>), out, {
    signal,
    end: false,
  })
}

/**
 * The helpers report bytes so far and the total once known (a stream's only when it ends); the
 * display wants the steps, and the total as soon as there is one.
 */
function counter(progress: Progress): (update: { loaded: number; total?: number | undefined }) => void {
  let done = 0
  let expected = false
  return ({ loaded, total }) => {
    if (total !== undefined && !expected) {
      progress.expect(total)
      expected = true
    }
    progress.add(loaded - done)
    done = loaded
  }
}

/**
 * An object to another place in S3 without downloading it (CopyObject: up to 5 GiB, S3's limit
 * for one copy). Fields given on the command line replace the source's content type and metadata
 * (MetadataDirective REPLACE); otherwise they are kept, as `aws s3 cp` does.
 */
export async function copyOne(
  client: Client,
  from: { bucket: string; key: string },
  to: { bucket: string; key: string },
  fields: ObjectFields,
  signal: AbortSignal,
): Promise<void> {
  const replace = fields.ContentType !== undefined || fields.Metadata !== undefined
  await send(
    client,
    CopyObject({
      Bucket: to.bucket,
      Key: to.key,
      CopySource: { Bucket: from.bucket, Key: from.key },
      ...fields,
      ...(replace ? { MetadataDirective: 'REPLACE' as const } : {}),
    }),
    { signal },
  )
}
