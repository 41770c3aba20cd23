import { deleteResult } from '../codecs/delete.js'
import { flag, writeHeaders } from '../codecs/headers.js'
import { optional, xmlRequest } from '../codecs/request-document.js'
import { readDocument } from '../codecs/xml.js'
import { type Command, compact } from '../src/core/command.js'
import { InputError } from '../src/core/errors.js'
import { checkBucket, checkText } from '../src/core/validate.js'

/** One key to delete in `DeleteObjects`, with the version to delete for good in a versioned bucket. */
export interface ObjectIdentifier {
  readonly Key: string
  /** Delete this version (versioned buckets) instead of adding a delete marker. */
  readonly VersionId?: string
}

/**
 * The input of `DeleteObjects`: the bucket and 1 to 1,000 keys (`Delete.Objects`), with S3's quiet
 * mode to hear only of the failures.
 */
export interface DeleteObjectsInput {
  readonly Bucket: string
  readonly Delete: {
    /** 1 to 1,000 keys. */
    readonly Objects: readonly ObjectIdentifier[]
    /** Report only the keys that failed (S3's "quiet" mode): `Deleted` then stays empty. */
    readonly Quiet?: boolean
  }
  /** Also delete versions under a GOVERNANCE-mode object lock (needs s3:BypassGovernanceRetention). */
  readonly BypassGovernanceRetention?: boolean
}

/**
 * A key `DeleteObjects` deleted (or found absent, which S3 counts as deleted), with the delete
 * marker the delete created or removed in a versioned bucket.
 */
export interface DeletedObject {
  readonly Key: string
  readonly VersionId?: string
  /** True when the delete created (or removed) a delete marker. */
  readonly DeleteMarker?: boolean
  readonly DeleteMarkerVersionId?: string
}

/**
 * A key `DeleteObjects` could not delete, with S3's error code for it; the other keys of the same
 * request are not affected.
 */
export interface DeleteError {
  readonly Key: string
  readonly VersionId?: string
  /** S3's error code for this key, e.g. `AccessDenied`. */
  readonly Code: string
  /** May be empty (Ceph RGW repeats the code or sends nothing). */
  readonly Message: string
}

/**
 * What `DeleteObjects` returns: the keys deleted and the keys that failed. Both are always arrays
 * (empty when S3 lists none), where `@aws-sdk/client-s3` leaves them undefined, so `Errors.length`
 * is the check to make.
 */
export interface DeleteObjectsOutput {
  readonly Deleted: DeletedObject[]
  /** The keys that could not be deleted; the request itself still succeeded. */
  readonly Errors: DeleteError[]
}

const MAX_KEYS = 1000
const encoder = /* @__PURE__ */ new TextEncoder()

/**
 * Deletes up to 1,000 keys in one request. Each key succeeds or fails on its own: check `Errors`
 * (a key that does not exist counts as deleted, as in S3). The body carries the `Content-MD5` S3
 * requires, and no `x-amz-checksum-*` header, which S3-compatible servers reject or ignore. Keys
 * with characters XML cannot carry (most ASCII control characters) cannot be named here: use
 * `DeleteObject` for those (`emptyBucket` does).
 *
 * @example
 * const { Errors } = await send(
 *   client,
 *   DeleteObjects({ Bucket: 'photos', Delete: { Objects: [{ Key: 'a.jpg' }, { Key: 'b.jpg' }], Quiet: true } }),
 * )
 * for (const { Key, Code } of Errors) console.error(`could not delete ${Key}: ${Code}`)
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeleteObjects(input: DeleteObjectsInput): Command<DeleteObjectsOutput> {
  const bucket = checkBucket(input.Bucket)
  const objects = input.Delete?.Objects
  if (!Array.isArray(objects) || objects.length === 0 || objects.length > MAX_KEYS) {
    throw new InputError(
      'Delete.Objects',
      `must list 1 to ${MAX_KEYS} objects, not ` +
        `${Array.isArray(objects) ? objects.length : String(objects)}: split longer lists into batches.`,
    )
  }
  const { body, headers } = xmlRequest('Delete', {
    Object: objects.map(({ Key, VersionId }, i) => ({
      Key: checkDeleteKey(Key, `Delete.Objects[${i}].Key`),
      VersionId: optional(VersionId, `Delete.Objects[${i}].VersionId`, checkText),
    })),
    Quiet: input.Delete.Quiet ? true : undefined,
  })
  return {
    operation: 'DeleteObjects',
    method: 'POST',
    bucket,
    query: { delete: '' },
    headers: {
      ...headers,
      ...writeHeaders(input, { BypassGovernanceRetention: ['x-amz-bypass-governance-retention', flag] }),
    },
    body,
    parse: async (response, context) => {
      const { DeleteResult: result } = await readDocument(response, deleteResult, context)
      if (result === '') return { Deleted: [], Errors: [] }
      return {
        Deleted: result.Deleted.map((entry) =>
          compact<DeletedObject>({ ...entry, VersionId: entry.VersionId || undefined }),
        ),
        Errors: result.Error.map((entry) =>
          compact<DeleteError>({ ...entry, VersionId: entry.VersionId || undefined }),
        ),
      }
    },
  }
}

/** A key travels in the XML body here, not in the URL: "." segments are fine, XML's limits apply. */
function checkDeleteKey(key: unknown, field: string): string {
  const text = checkText(key, field)
  if (encoder.encode(text).length > 1024)
    throw new InputError(field, 'is longer than S3 allows (1,024 bytes of UTF-8).')
  return text
}
