import { InputError } from '../../core/index.js'
import type { ObjectFields, TransferOptions } from '../transfer.js'

/** The flags of `cp`, `mv` and `sync` that describe the new object and the transfer. */
export interface ObjectFlags {
  readonly contentType?: string
  readonly storageClass?: string
  readonly acl?: string
  /** key=value, once per entry. */
  readonly metadata?: readonly string[]
  /** MiB. */
  readonly partSize?: number
  readonly concurrency?: number
}

/**
 * --content-type, --storage-class, --acl and --metadata as the object's fields. Their values are
 * checked by the commands themselves (PutObject, CreateMultipartUpload, CopyObject) before the
 * first request of each copy; --metadata's form is checked here.
 */
export function objectFields(flags: ObjectFlags): ObjectFields {
  const fields: { -readonly [K in keyof ObjectFields]: ObjectFields[K] } = {}
  if (flags.contentType !== undefined) fields.ContentType = flags.contentType
  if (flags.storageClass !== undefined)
    fields.StorageClass = flags.storageClass as ObjectFields['StorageClass'] & string
  if (flags.acl !== undefined) fields.ACL = flags.acl as ObjectFields['ACL'] & string
  if (flags.metadata?.length) {
    const metadata: Record<string, string> = {}
    for (const entry of flags.metadata) {
      const equals = entry.indexOf('=')
      if (equals <= 0) throw new InputError('--metadata', `"${entry}" is not key=value.`)
      metadata[entry.slice(0, equals)] = entry.slice(equals + 1)
    }
    fields.Metadata = metadata
  }
  return fields
}

/** A download has no object to describe: flags meant for one are a mistake, said before anything moves. */
export function refuseObjectFields(fields: ObjectFields): void {
  const given = Object.keys(fields)[0]
  if (given) throw new InputError(flagOf(given), 'applies to copies into S3, not to downloads.')
}

function flagOf(field: string): string {
  return (
    { ContentType: '--content-type', StorageClass: '--storage-class', ACL: '--acl', Metadata: '--metadata' }[field] ??
    field
  )
}

export function transferOptions(flags: ObjectFlags): TransferOptions {
  const options: { -readonly [K in keyof TransferOptions]: TransferOptions[K] } = {}
  if (flags.partSize !== undefined) options.partSize = flags.partSize * 2 ** 20
  if (flags.concurrency !== undefined) options.concurrency = flags.concurrency
  return options
}
