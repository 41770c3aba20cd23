import { DeleteObject } from '../../../commands/DeleteObject.js'
import { DeleteObjects } from '../../../commands/DeleteObjects.js'
import { InputError, S3Error, send } from '../../core/index.js'
import type { Context } from '../context.js'
import { deletionLine } from '../jobs.js'
import { parseS3, s3Url } from '../location.js'
import { listUnder } from '../remote-objects.js'

export interface RmOptions {
  readonly recursive?: boolean
  readonly dryrun?: boolean
}

/** S3's limit for one DeleteObjects request. */
const BATCH = 1000

/**
 * `s3kit rm s3://bucket/key` deletes one object; with --recursive every key under the prefix
 * (DeleteObjects, 1,000 keys a request). Keys S3 refuses to delete are named, and the exit code
 * is then 1.
 */
export async function rm(context: Context, target: string, options: RmOptions): Promise<void> {
  const { bucket, key } = parseS3(target, 'path')
  if (!options.recursive) {
    if (key === '')
      throw new InputError('path', `name a key to delete, or use --recursive to delete everything in s3://${bucket}/.`)
    if (!options.dryrun)
      await send(context.client, DeleteObject({ Bucket: bucket, Key: key }), { signal: context.signal })
    say(context, deletionLine(s3Url(bucket, key), options.dryrun))
    return
  }
  let batch: string[] = []
  const refused: string[] = []
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return
    const keys = batch
    batch = []
    if (!options.dryrun) {
      const { Errors } = await send(
        context.client,
        DeleteObjects({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }),
        {
          signal: context.signal,
        },
      )
      const failed = new Set(Errors.map((error) => error.Key))
      for (const error of Errors) refused.push(`${s3Url(bucket, error.Key)}: ${error.Code}`)
      for (const k of keys) if (!failed.has(k)) say(context, deletionLine(s3Url(bucket, k), false))
    } else {
      for (const k of keys) say(context, deletionLine(s3Url(bucket, k), true))
    }
  }
  // Listed with the prefix as given (not as a "directory"), as `aws s3 rm --recursive` does.
  for await (const object of listUnder(context.client, bucket, key, context.signal)) {
    batch.push(object.Key)
    if (batch.length === BATCH) await flush()
  }
  await flush()
  if (refused.length > 0) {
    throw new S3Error({
      code: 'AccessDenied',
      status: 200,
      operation: 'DeleteObjects',
      bucket,
      message:
        `${refused.length} key(s) were not deleted: ` +
        `${refused.slice(0, 5).join(', ')}${refused.length > 5 ? ', …' : ''}`,
    })
  }
}

function say(context: Context, line: string): void {
  if (!context.options.quiet) context.print(line)
}
