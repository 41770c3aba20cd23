/// <reference types="node" />
import { rm as removeFile } from 'node:fs/promises'
import { DeleteObject } from '../../../commands/DeleteObject.js'
import { PutObject } from '../../../commands/PutObject.js'
import { InputError, send } from '../../core/index.js'
import type { Context } from '../context.js'
import { deletionLine, type Job, type JobSettings, runJob } from '../jobs.js'
import { isDirectory, pathInside, walkFiles } from '../local-files.js'
import { asPrefix, parseLocation, s3Url } from '../location.js'
import { forEachLimit } from '../pool.js'
import { listUnder } from '../remote-objects.js'
import { type ObjectFlags, objectFields, refuseObjectFields, transferOptions } from './fields.js'

export interface SyncOptions extends ObjectFlags {
  readonly delete?: boolean
  readonly dryrun?: boolean
}

const FILES_AT_ONCE = 4

/** What sync compares: the size, and when the content last changed. */
interface Entry {
  readonly size: number
  readonly modified: Date
}

/**
 * `s3kit sync SOURCE DEST`: makes DEST hold what SOURCE holds, copying only what is missing or
 * different (a local directory and an S3 prefix, either way, or two prefixes). An entry is copied
 * when the destination lacks it, its size differs, or the source changed after the destination
 * did; a downloaded file takes the object's LastModified as its modification time, so the next
 * sync sees them as equal. --delete removes what the source no longer has; --dryrun only prints.
 */
export async function sync(context: Context, source: string, destination: string, options: SyncOptions): Promise<void> {
  const from = parseLocation(source, 'source')
  const to = parseLocation(destination, 'destination')
  const fields = objectFields(options)
  if (from.kind === 'stdio' || to.kind === 'stdio')
    throw new InputError('-', 'sync works on directories and prefixes, not stdin or stdout.')
  if (from.kind !== 's3' && to.kind !== 's3')
    throw new InputError('source', 'one side must be in S3 (s3://bucket/prefix/).')
  if (to.kind === 's3') PutObject({ Bucket: to.bucket, Key: 'key', ...fields })
  else refuseObjectFields(fields)
  if (from.kind === 'local' && !(await isDirectory(from.path)))
    throw new InputError('source', `${from.path} is not a directory.`)

  const { signal } = context
  const sourceEntries = new Map<string, Entry>()
  const destinationEntries = await entries(context, to)
  const progress = context.progress()
  const settings: JobSettings = {
    fields,
    transfer: transferOptions(options),
    progress,
    dryRun: options.dryrun === true,
  }
  try {
    async function* jobs(): AsyncGenerator<Job> {
      for await (const [name, entry] of listEntries(context, from)) {
        sourceEntries.set(name, entry)
        if (!differs(entry, destinationEntries.get(name))) continue
        if (from.kind === 'local' && to.kind === 's3') {
          yield {
            kind: 'upload',
            from: { path: pathInside(from.path, name) },
            to: { bucket: to.bucket, key: asPrefix(to.key) + name },
          }
        } else if (from.kind === 's3' && to.kind === 'local') {
          yield {
            kind: 'download',
            from: { bucket: from.bucket, key: asPrefix(from.key) + name },
            to: { path: pathInside(to.path, name) },
          }
        } else if (from.kind === 's3' && to.kind === 's3') {
          yield {
            kind: 'copy',
            from: { bucket: from.bucket, key: asPrefix(from.key) + name },
            to: { bucket: to.bucket, key: asPrefix(to.key) + name },
          }
        }
      }
    }
    await forEachLimit(jobs(), FILES_AT_ONCE, signal, (job, jobSignal) => runJob(context, job, settings, jobSignal))
    if (options.delete) {
      for (const name of destinationEntries.keys()) {
        if (sourceEntries.has(name)) continue
        signal.throwIfAborted()
        if (to.kind === 's3') {
          const key = asPrefix(to.key) + name
          if (!options.dryrun) await send(context.client, DeleteObject({ Bucket: to.bucket, Key: key }), { signal })
          progress.line(deletionLine(s3Url(to.bucket, key), options.dryrun))
        } else if (to.kind === 'local') {
          const path = pathInside(to.path, name)
          if (!options.dryrun) await removeFile(path)
          progress.line(deletionLine(path, options.dryrun))
        }
      }
    }
  } finally {
    progress.finish()
  }
}

/**
 * Copy when missing, of another size, or changed later than the copy. S3 keeps LastModified to the
 * second, so local times are compared at that precision too: a file uploaded within the second it
 * was written is not seen as newer than its own upload.
 */
function differs(source: Entry, destination: Entry | undefined): boolean {
  if (!destination) return true
  if (source.size !== destination.size) return true
  return Math.floor(source.modified.getTime() / 1000) > Math.floor(destination.modified.getTime() / 1000)
}

async function* listEntries(
  context: Context,
  place: ReturnType<typeof parseLocation>,
): AsyncGenerator<[string, Entry]> {
  if (place.kind === 'local') {
    if (!(await isDirectory(place.path))) return
    for await (const file of walkFiles(place.path)) yield [file.name, { size: file.size, modified: file.mtime }]
  } else if (place.kind === 's3') {
    for await (const object of listUnder(context.client, place.bucket, asPrefix(place.key), context.signal)) {
      yield [object.name, { size: object.Size, modified: object.LastModified }]
    }
  }
}

async function entries(context: Context, place: ReturnType<typeof parseLocation>): Promise<Map<string, Entry>> {
  const map = new Map<string, Entry>()
  for await (const [name, entry] of listEntries(context, place)) map.set(name, entry)
  return map
}
