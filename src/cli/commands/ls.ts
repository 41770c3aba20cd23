import { ListBuckets } from '../../../commands/ListBuckets.js'
import { ListObjectsV2 } from '../../../commands/ListObjectsV2.js'
import { paginate, paginateItems } from '../../helpers/index.js'
import type { Context } from '../context.js'
import { humanBytes, shortDate } from '../format.js'
import { parseS3 } from '../location.js'

export interface LsOptions {
  readonly recursive?: boolean
  readonly json?: boolean
  readonly summarize?: boolean
}

/**
 * `s3kit ls` lists your buckets; `s3kit ls s3://bucket/prefix/` one level of keys ("PRE" lines for
 * the sub-prefixes), or with --recursive every key below. With --json the output is one JSON array
 * (written as it is listed, so memory stays flat), sizes in bytes and dates in ISO 8601.
 */
export async function ls(context: Context, target: string | undefined, options: LsOptions): Promise<void> {
  const json = jsonArray(context, options.json === true)
  if (target === undefined) {
    for await (const bucket of paginateItems(context.client, ListBuckets(), { signal: context.signal })) {
      if (json) json.item({ Name: bucket.Name, CreationDate: bucket.CreationDate.toISOString() })
      else context.print(`${shortDate(bucket.CreationDate)} ${bucket.Name}`)
    }
    json?.end()
    return
  }
  const { bucket, key: prefix } = parseS3(target, 'path')
  const command = ListObjectsV2({
    Bucket: bucket,
    ...(prefix ? { Prefix: prefix } : {}),
    ...(options.recursive ? {} : { Delimiter: '/' }),
  })
  let objects = 0
  let bytes = 0
  for await (const page of paginate(context.client, command, { signal: context.signal })) {
    for (const { Prefix } of page.CommonPrefixes) {
      if (json) json.item({ Prefix })
      else context.print(`${''.padStart(19)} ${'PRE'.padStart(10)} ${Prefix.slice(prefixShown(prefix, options))}`)
    }
    for (const object of page.Contents) {
      objects++
      bytes += object.Size
      if (json) {
        json.item({
          Key: object.Key,
          Size: object.Size,
          LastModified: object.LastModified.toISOString(),
          ETag: object.ETag,
          StorageClass: object.StorageClass,
        })
      } else {
        context.print(
          `${shortDate(object.LastModified)} ${humanBytes(object.Size).padStart(10)} ` +
            `${object.Key.slice(prefixShown(prefix, options))}`,
        )
      }
    }
  }
  json?.end()
  if (options.summarize && !json) {
    context.print('')
    context.print(`Total Objects: ${objects}`)
    context.print(`   Total Size: ${humanBytes(bytes)} (${bytes} bytes)`)
  }
}

/** Without --recursive, names are shown below the listed "directory", as `aws s3 ls` does. */
function prefixShown(prefix: string, options: LsOptions): number {
  return options.recursive ? 0 : prefix.lastIndexOf('/') + 1
}

function jsonArray(context: Context, enabled: boolean) {
  if (!enabled) return undefined
  let count = 0
  return {
    item: (value: object) => context.stdout.write(`${count++ === 0 ? '[' : ','}\n${JSON.stringify(value)}`),
    end: () => context.stdout.write(count === 0 ? '[]\n' : '\n]\n'),
  }
}
