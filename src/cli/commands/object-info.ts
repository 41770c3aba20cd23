import { GetObject } from '../../../commands/GetObject.js'
import { HeadBucket } from '../../../commands/HeadBucket.js'
import { HeadObject } from '../../../commands/HeadObject.js'
import { InputError, send } from '../../core/index.js'
import { presign as presignRequest } from '../../helpers/index.js'
import type { Context } from '../context.js'
import { humanBytes } from '../format.js'
import { parseS3 } from '../location.js'
import { silentProgress } from '../progress.js'
import { streamOut } from '../transfer.js'

/** `s3kit cat s3://bucket/key`: the object's bytes on stdout, streamed. */
export async function cat(context: Context, target: string): Promise<void> {
  await streamOut(context.client, objectOf(target), context.stdout, {}, silentProgress, context.signal)
}

/**
 * `s3kit stat s3://bucket/key`: HeadObject, as "Field: value" lines or --json. `s3kit stat
 * s3://bucket` checks the bucket (HeadBucket). A missing key or bucket exits with 1 (code NotFound).
 */
export async function stat(context: Context, target: string, options: { json?: boolean }): Promise<void> {
  const { bucket, key } = parseS3(target, 'path')
  const fields: Record<string, unknown> =
    key === ''
      ? { Bucket: bucket, ...(await send(context.client, HeadBucket({ Bucket: bucket }), { signal: context.signal })) }
      : {
          Bucket: bucket,
          Key: key,
          ...(await send(context.client, HeadObject({ Bucket: bucket, Key: key }), { signal: context.signal })),
        }
  if (options.json) {
    context.print(JSON.stringify(fields))
    return
  }
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    const shown =
      value instanceof Date
        ? value.toISOString()
        : name === 'ContentLength'
          ? `${value} (${humanBytes(value as number)})`
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value)
    context.print(`${name}: ${shown}`)
  }
}

/** `s3kit presign s3://bucket/key [--expires-in seconds]`: a GET URL anyone can use until it expires. */
export async function presign(context: Context, target: string, options: { expiresIn: number }): Promise<void> {
  const place = objectOf(target)
  const { url } = await presignRequest(context.client, GetObject({ Bucket: place.bucket, Key: place.key }), {
    expiresIn: options.expiresIn,
  })
  context.print(url)
}

function objectOf(target: string): { bucket: string; key: string } {
  const place = parseS3(target, 'path')
  if (place.key === '' || place.key.endsWith('/'))
    throw new InputError('path', `"${target}" names no object; write s3://bucket/key.`)
  return place
}
