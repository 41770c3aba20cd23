/// <reference types="node" />
import { basename, join } from 'node:path'
import { PutObject } from '../../../commands/PutObject.js'
import { InputError } from '../../core/index.js'
import type { Context } from '../context.js'
import { type Job, type JobSettings, runJob } from '../jobs.js'
import { isDirectory, pathInside, walkFiles } from '../local-files.js'
import { asPrefix, keyBaseName, type Location, parseLocation } from '../location.js'
import { forEachLimit } from '../pool.js'
import { listUnder } from '../remote-objects.js'
import { streamOut, uploadStream } from '../transfer.js'
import { type ObjectFlags, objectFields, refuseObjectFields, transferOptions } from './fields.js'

export interface CpOptions extends ObjectFlags {
  readonly recursive?: boolean
  readonly dryrun?: boolean
}

/** Files copied at once by --recursive (each large file also sends its parts in parallel). */
const FILES_AT_ONCE = 4

/**
 * `s3kit cp SOURCE DEST` (and `mv`, which removes each source once its copy is complete): a file
 * to S3, S3 to a file, S3 to S3, `-` for stdin or stdout, and with --recursive every file or key
 * under a directory or prefix. Uploads go through `uploadFile` (parallel parts above 8 MiB or
 * --part-size), downloads through `downloadFile` (parallel ranged GETs), S3-to-S3 copies through
 * CopyObject.
 */
export async function cp(
  context: Context,
  source: string,
  destination: string,
  options: CpOptions,
  move = false,
): Promise<void> {
  const from = parseLocation(source, 'source')
  const to = parseLocation(destination, 'destination')
  const fields = objectFields(options)
  if (from.kind !== 's3' && to.kind !== 's3')
    throw new InputError('source', 'one side must be in S3 (s3://bucket/key); use your shell to copy local files.')
  if (to.kind === 's3') {
    // Every flag checked once, before the first request, by the command that will carry them.
    PutObject({ Bucket: to.bucket, Key: to.key || 'key', ...fields })
  } else {
    refuseObjectFields(fields)
  }
  const progress = context.progress({ dataOnStdout: to.kind === 'stdio' })
  try {
    const settings: JobSettings = {
      fields,
      transfer: transferOptions(options),
      progress,
      move,
      dryRun: options.dryrun === true,
    }
    if (from.kind === 'stdio' || to.kind === 'stdio') {
      if (options.recursive || move)
        throw new InputError('-', `stdin and stdout cannot be used with ${move ? 'mv' : '--recursive'}.`)
      if (options.dryrun) throw new InputError('--dryrun', 'has nothing to show for stdin or stdout.')
      await streamCopy(context, from, to, settings)
      return
    }
    const jobs = options.recursive ? recursiveJobs(context, from, to) : [await singleJob(from, to)]
    await forEachLimit(jobs, FILES_AT_ONCE, context.signal, (job, signal) => runJob(context, job, settings, signal))
  } finally {
    progress.finish()
  }
}

async function streamCopy(context: Context, from: Location, to: Location, settings: JobSettings): Promise<void> {
  if (from.kind === 'stdio' && to.kind === 's3') {
    if (to.key === '' || to.key.endsWith('/'))
      throw new InputError('destination', 'name the key to write stdin to, e.g. s3://bucket/file.bin.')
    await uploadStream(
      context.client,
      context.stdin,
      to,
      settings.fields,
      settings.transfer,
      settings.progress,
      context.signal,
    )
  } else if (from.kind === 's3' && to.kind === 'stdio') {
    await streamOut(
      context.client,
      checkKey(from),
      context.stdout,
      settings.transfer,
      settings.progress,
      context.signal,
    )
  } else {
    throw new InputError('source', 'copy stdin into S3 or an object to stdout; the other side must be in S3.')
  }
}

function checkKey(place: { bucket: string; key: string }): { bucket: string; key: string } {
  if (place.key === '' || place.key.endsWith('/')) {
    throw new InputError(
      'source',
      `s3://${place.bucket}/${place.key} is a prefix, not an object: name a key, or use --recursive.`,
    )
  }
  return place
}

/** One file or object: a destination ending in '/' (or an existing directory) keeps the source's name. */
async function singleJob(from: Location, to: Location): Promise<Job> {
  if (from.kind === 'local' && to.kind === 's3') {
    if (await isDirectory(from.path)) throw new InputError('source', `${from.path} is a directory; use --recursive.`)
    return {
      kind: 'upload',
      from,
      to: { bucket: to.bucket, key: to.key === '' || to.key.endsWith('/') ? to.key + basename(from.path) : to.key },
    }
  }
  if (from.kind === 's3' && to.kind === 'local') {
    const object = checkKey(from)
    const intoDirectory = to.path.endsWith('/') || (await isDirectory(to.path))
    return {
      kind: 'download',
      from: object,
      to: { path: intoDirectory ? join(to.path, keyBaseName(object.key)) : to.path },
    }
  }
  if (from.kind === 's3' && to.kind === 's3') {
    const object = checkKey(from)
    return {
      kind: 'copy',
      from: object,
      to: { bucket: to.bucket, key: to.key === '' || to.key.endsWith('/') ? to.key + keyBaseName(object.key) : to.key },
    }
  }
  throw new InputError('source', 'one side must be in S3.')
}

/** Every file under a directory, or every key under a prefix, to the same names under the destination. */
async function* recursiveJobs(context: Context, from: Location, to: Location): AsyncGenerator<Job> {
  if (from.kind === 'local' && to.kind === 's3') {
    if (!(await isDirectory(from.path))) throw new InputError('source', `${from.path} is not a directory.`)
    for await (const file of walkFiles(from.path))
      yield { kind: 'upload', from: file, to: { bucket: to.bucket, key: asPrefix(to.key) + file.name } }
  } else if (from.kind === 's3' && to.kind === 'local') {
    for await (const object of listUnder(context.client, from.bucket, asPrefix(from.key), context.signal)) {
      yield {
        kind: 'download',
        from: { bucket: from.bucket, key: object.Key },
        to: { path: pathInside(to.path, object.name) },
      }
    }
  } else if (from.kind === 's3' && to.kind === 's3') {
    for await (const object of listUnder(context.client, from.bucket, asPrefix(from.key), context.signal)) {
      yield {
        kind: 'copy',
        from: { bucket: from.bucket, key: object.Key },
        to: { bucket: to.bucket, key: asPrefix(to.key) + object.name },
      }
    }
  }
}
