import {
  type CompletedPart,
  CompleteMultipartUpload,
  type CompleteMultipartUploadOutput,
} from '../../commands/CompleteMultipartUpload.js'
import { CopyObject, type CopyObjectInput } from '../../commands/CopyObject.js'
import { CreateMultipartUpload, type CreateMultipartUploadInput } from '../../commands/CreateMultipartUpload.js'
import { GetObjectTagging } from '../../commands/GetObjectTagging.js'
import { HeadObject, type HeadObjectOutput } from '../../commands/HeadObject.js'
import { UploadPartCopy, type UploadPartCopyOutput } from '../../commands/UploadPartCopy.js'
import type { Client } from '../core/client.js'
import { type Command, compact } from '../core/command.js'
import { InputError } from '../core/errors.js'
import type { RequestOption } from '../core/extend-command.js'
import { MAX_PART_SIZE, MAX_PARTS } from '../core/multipart-limits.js'
import { retrying } from '../core/retry.js'
import { send } from '../core/send.js'
import { checkInteger } from '../core/validate.js'
import type { EncryptionDetails } from './encryption-details.js'
import { abandonUpload, completedETag, firstFailure } from './multipart-job.js'
import { pool } from './pool.js'
import { applyOptions, checkOptions } from './request-options.js'
import type { RequestChargedOutput } from './requester-pays.js'
import { choosePartSize } from './upload.js'

const DEFAULT_CONCURRENCY = 4

/**
 * The input of `copy`: exactly `CopyObjectInput` (S3's names), whatever the source's size. With
 * `MetadataDirective: 'COPY'` (the default) the source's content headers and metadata are kept;
 * with `TaggingDirective: 'COPY'` (the default) its tags. Encryption keys, owners and Requester
 * Pays are request options, given in `CopyOptions`.
 */
export type CopyInput = CopyObjectInput

/**
 * Options of `copy`: when to copy in parts, how large and how many at once, progress, abort, and
 * the request options of the copy and of its source.
 */
export interface CopyOptions {
  /**
   * Request options for every request that writes the copy: `CopyObject`, or
   * `CreateMultipartUpload`, each `UploadPartCopy`, `CompleteMultipartUpload` and the `HeadObject`
   * of the result (and the abort of a failed copy). Each applies where S3 takes it: e.g.
   * `[sseCustomerKey(newKey), copySourceSSECustomerKey(sourceKey), expectedBucketOwner(account),
   * expectedSourceBucketOwner(sourceAccount), requesterPays()]`.
   */
  readonly requestOptions?: readonly RequestOption[]
  /**
   * Request options for the requests that read the source itself, before a copy in parts and
   * after its last part: its `HeadObject` (size, ETag, metadata) and `GetObjectTagging`. An SSE-C
   * source needs its key here as `sseCustomerKey(sourceKey)`, besides
   * `copySourceSSECustomerKey(sourceKey)` in `requestOptions`; its owner is
   * `expectedBucketOwner(sourceAccount)`.
   */
  readonly sourceOptions?: readonly RequestOption[]
  /**
   * Copy in parts when the source is larger than this many bytes: 5 GiB by default, the largest
   * object one `CopyObject` can copy; at most that.
   */
  readonly multipartThreshold?: number
  /**
   * `true` copies in parts whatever the size (tests, or to spread a large copy over several
   * requests); `false` sends one `CopyObject` without looking at the source first.
   */
  readonly multipart?: boolean
  /** Bytes per part: chosen as `upload` chooses it (8 MiB, more when 10,000 parts would not do); 5 MiB to 5 GiB. */
  readonly partSize?: number
  /** Part copies in flight at once (default 4). */
  readonly concurrency?: number
  /** Called as bytes are copied: after each part, or once after a single `CopyObject`. */
  readonly onProgress?: (progress: CopyProgress) => void
  /**
   * Stops the copy: parts in flight are cancelled and the multipart upload is aborted, and the
   * promise rejects with `signal.reason`. Once every part is copied, completion is not interrupted.
   */
  readonly signal?: AbortSignal
}

/** What `copy`'s `onProgress` receives. */
export interface CopyProgress {
  /** Bytes copied so far. */
  readonly loaded: number
  /** The source's size. */
  readonly total: number
  /** The part just copied (1 for a single `CopyObject`). */
  readonly part: number
}

/**
 * What `copy` returns, however the copy was made: the new object's bucket, key and ETag, always
 * present, and its version, the source version copied, encryption, expiration, and the multipart
 * upload's ID when there was one. The encryption details (`SSECustomer…`, `SSEKMS…`,
 * `BucketKeyEnabled`) and `RequestCharged` are there when `requestOptions` has the option that
 * reads them (`sseCustomerKey`, `sseKms`, `encryptionDetails()`, `requesterPays()`) and S3 sends them.
 */
export interface CopyOutput extends EncryptionDetails, RequestChargedOutput {
  readonly Bucket: string
  readonly Key: string
  readonly ETag: string
  /** When the copy was made (a single `CopyObject` only: CompleteMultipartUpload does not say). */
  readonly LastModified?: Date
  readonly VersionId?: string
  readonly CopySourceVersionId?: string
  readonly ServerSideEncryption?: string
  readonly Expiration?: string
  /** Set when the copy was made in parts. */
  readonly UploadId?: string
}

/**
 * Copies an object of any size on the server: one `CopyObject` up to 5 GiB (or `multipartThreshold`),
 * parallel `UploadPartCopy` ranges above it, which `CopyObject` cannot do. A copy in parts keeps
 * what `CopyObject` would keep: under `MetadataDirective: 'COPY'` (the default) the source's
 * content type, content headers and metadata, under `TaggingDirective: 'COPY'` its tags (read with
 * `HeadObject` and `GetObjectTagging`, since parts cannot carry them), and every part is pinned to
 * the source's ETag, so a source changed mid-copy fails (`PreconditionFailed`) instead of mixing
 * two versions. Each part is retried on retryable failures; a copy that fails for good, or is
 * aborted, is aborted on the server (`AbortMultipartUpload`), so nothing is left behind, and the
 * promise rejects with the first error as an `S3Error` carrying `uploadId` (or with
 * `signal.reason`). Invalid input is an `InputError` before any request.
 *
 * @example
 * const { ETag } = await copy(client, {
 *   Bucket: 'archive', Key: 'disk.img', CopySource: { Bucket: 'live', Key: 'disk.img' },
 * }, { onProgress: ({ loaded, total }) => console.log(`${loaded} of ${total} bytes`) })
 *
 * // An SSE-C source copied to a new key: the source's key reads it, the new key writes the copy.
 * await copy(client, { Bucket: 'vault', Key: 'rotated.bin', CopySource: { Bucket: 'vault', Key: 'secret.bin' } }, {
 *   requestOptions: [copySourceSSECustomerKey(oldKey), sseCustomerKey(newKey)],
 *   sourceOptions: [sseCustomerKey(oldKey)],
 * })
 */
export async function copy(client: Client, input: CopyInput, options: CopyOptions = {}): Promise<CopyOutput> {
  // Everything is checked before the first request: the input by the commands it becomes.
  CopyObject(input)
  const requestOptions = checkOptions(options.requestOptions, 'requestOptions')
  const sourceOptions = checkOptions(options.sourceOptions, 'sourceOptions')
  const threshold = checkInteger(options.multipartThreshold, 'multipartThreshold', 0, MAX_PART_SIZE) ?? MAX_PART_SIZE
  const concurrency = checkInteger(options.concurrency, 'concurrency', 1, MAX_PARTS) ?? DEFAULT_CONCURRENCY
  choosePartSize(undefined, options.partSize)
  if (options.multipart !== undefined && typeof options.multipart !== 'boolean') {
    throw new InputError(
      'multipart',
      'must be true (always copy in parts), false (one CopyObject) or left out (by size).',
    )
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new InputError('onProgress', 'must be a function, called with { loaded, total, part }.')
  }
  const { signal, onProgress } = options
  signal?.throwIfAborted()
  const { Bucket, Key, CopySource } = input

  let source: HeadObjectOutput | undefined
  if (options.multipart !== false) {
    // The copy's own If-Match and If-Unmodified-Since fail a HEAD as they fail a copy (412); the
    // other two would answer 304 here, so they are left to the copy requests themselves.
    source = await send(
      client,
      applyOptions(
        HeadObject({
          Bucket: CopySource.Bucket,
          Key: CopySource.Key,
          ...compact({
            VersionId: CopySource.VersionId,
            IfMatch: input.CopySourceIfMatch,
            IfUnmodifiedSince: input.CopySourceIfUnmodifiedSince,
          }),
        }),
        sourceOptions,
      ),
      compact({ signal }),
    )
  }
  // An empty object has no range to copy as a part; one CopyObject always does.
  if (!source || source.ContentLength === 0 || (!options.multipart && source.ContentLength <= threshold)) {
    const copied = await send(client, applyOptions(CopyObject(input), requestOptions), compact({ signal }))
    if (source) onProgress?.({ loaded: source.ContentLength, total: source.ContentLength, part: 1 })
    const { CopyObjectResult, ...rest } = copied
    return compact<CopyOutput>({
      Bucket,
      Key,
      ETag: CopyObjectResult.ETag,
      LastModified: CopyObjectResult.LastModified,
      ...rest,
    })
  }
  const tags =
    (input.TaggingDirective ?? 'COPY') === 'COPY'
      ? await sourceTags(client, input, sourceOptions, signal)
      : input.Tagging
  return copyParts(client, input, { ...options, concurrency, requestOptions, sourceOptions }, source, tags)
}

/** The source's tags as the `x-amz-tagging` query string, or undefined when it has none. */
async function sourceTags(
  client: Client,
  input: CopyInput,
  sourceOptions: readonly RequestOption[],
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  const source = input.CopySource
  const { TagSet } = await send(
    client,
    applyOptions(
      GetObjectTagging({ Bucket: source.Bucket, Key: source.Key, ...compact({ VersionId: source.VersionId }) }),
      sourceOptions,
    ),
    compact({ signal }),
  )
  if (TagSet.length === 0) return undefined
  // encodeURIComponent rather than URLSearchParams: S3 reads `+` in x-amz-tagging as a plus.
  return TagSet.map(({ Key, Value }) => `${encodeURIComponent(Key)}=${encodeURIComponent(Value)}`).join('&')
}

/**
 * The new object's fields: what `CopyObject` would take from the source under COPY, or from the input under REPLACE.
 */
function objectFields(
  input: CopyInput,
  source: HeadObjectOutput,
  tags: string | undefined,
): CreateMultipartUploadInput {
  const {
    CopySource: _source,
    MetadataDirective,
    TaggingDirective: _tagging,
    Tagging: _tags,
    CopySourceIfMatch: _ifMatch,
    CopySourceIfNoneMatch: _ifNoneMatch,
    CopySourceIfModifiedSince: _ifModified,
    CopySourceIfUnmodifiedSince: _ifUnmodified,
    ...fields
  } = input
  const kept =
    (MetadataDirective ?? 'COPY') === 'COPY'
      ? compact({
          ContentType: source.ContentType,
          CacheControl: source.CacheControl,
          ContentDisposition: source.ContentDisposition,
          ContentEncoding: source.ContentEncoding,
          ContentLanguage: source.ContentLanguage,
          Expires: source.Expires,
          Metadata: Object.keys(source.Metadata).length > 0 ? source.Metadata : undefined,
        })
      : {}
  // Storage class, ACL, encryption and redirect come from the request (and its options), as CopyObject takes them.
  return { ...fields, ...kept, ...compact({ Tagging: tags }) }
}

async function copyParts(
  client: Client,
  input: CopyInput,
  options: CopyOptions & {
    concurrency: number
    requestOptions: readonly RequestOption[]
    sourceOptions: readonly RequestOption[]
  },
  source: HeadObjectOutput,
  tags: string | undefined,
): Promise<CopyOutput> {
  const { Bucket, Key, CopySource } = input
  const { signal, onProgress, requestOptions, sourceOptions } = options
  const size = source.ContentLength
  const partSize = choosePartSize(size, options.partSize)
  const count = Math.ceil(size / partSize)
  const fields = objectFields(input, source, tags)
  // Built before the upload exists, so that a field the source brings (metadata S3 could store but
  // not send back, say) fails here rather than leaving an upload behind.
  const create = applyOptions(CreateMultipartUpload(fields), requestOptions)

  const job = firstFailure(signal)
  const { fail } = job

  // Every part is pinned to the ETag seen by HeadObject: a source overwritten mid-copy fails the
  // next part with 412 instead of joining two objects' bytes. The caller's other conditions ride along.
  const conditions = compact({
    CopySourceIfMatch: source.ETag,
    CopySourceIfNoneMatch: input.CopySourceIfNoneMatch,
    CopySourceIfModifiedSince: input.CopySourceIfModifiedSince,
    CopySourceIfUnmodifiedSince: input.CopySourceIfUnmodifiedSince,
  })
  // Parts are retried by the one loop with a fresh request per attempt, as `upload` retries its parts.
  const once: Client = { ...client, retry: { ...client.retry, maxAttempts: 1 } }
  const sendRetried = <O>(build: () => Command<O>): Promise<O> =>
    retrying(client.retry, job.signal, () => send(once, build(), { signal: job.signal }))

  let uploadId: string | undefined
  let loaded = 0
  const parts = pool(options.concurrency, fail)
  try {
    // Not cancellable: an upload created by a request we cut short could not be found to abort it.
    uploadId = (await send(client, create)).UploadId
    const UploadId = uploadId
    if (job.failed) throw job.error
    const stored: CompletedPart[] = []
    let copiedVersion: string | undefined
    let encryption: EncryptionDetails = {}
    const copyPart = async (number: number): Promise<void> => {
      const first = (number - 1) * partSize
      const last = Math.min(size, first + partSize) - 1
      // Each part reads the source with the copy-source key and writes to the upload with the copy's own.
      const copied: UploadPartCopyOutput & EncryptionDetails = await sendRetried(() =>
        applyOptions(
          UploadPartCopy({
            Bucket,
            Key,
            UploadId,
            PartNumber: number,
            CopySource,
            CopySourceRange: `bytes=${first}-${last}`,
            ...conditions,
          }),
          requestOptions,
        ),
      )
      copiedVersion ??= copied.CopySourceVersionId
      // CompleteMultipartUpload names no SSE-C key; each part says how it was encrypted (with the options that read it).
      const { SSECustomerAlgorithm, SSECustomerKeyMD5, SSEKMSKeyId, BucketKeyEnabled } = copied
      encryption = compact({ SSECustomerAlgorithm, SSECustomerKeyMD5, SSEKMSKeyId, BucketKeyEnabled })
      stored.push({ PartNumber: number, ETag: copied.CopyPartResult.ETag })
      loaded += last - first + 1
      try {
        onProgress?.({ loaded, total: size, part: number })
      } catch (error) {
        fail(error)
      }
    }
    for (let number = 1; number <= count; number++) {
      const current = number
      await parts.run(() => copyPart(current))
    }
    await parts.drain()
    if (job.failed) throw job.error
    // The source is asked once more, pinned to the same ETag: a server that ignores
    // x-amz-copy-source-if-match on UploadPartCopy (Ceph RGW 16 does) would otherwise join the
    // bytes of two versions without a word. A change is a 412 here, and the upload is aborted.
    await sendRetried(() =>
      applyOptions(
        HeadObject({
          Bucket: CopySource.Bucket,
          Key: CopySource.Key,
          IfMatch: source.ETag,
          ...compact({ VersionId: CopySource.VersionId }),
        }),
        sourceOptions,
      ),
    )

    // Not cancellable either: S3 may finish a completion whose request was cut short.
    const completed: CompleteMultipartUploadOutput & EncryptionDetails & RequestChargedOutput = await send(
      client,
      applyOptions(
        CompleteMultipartUpload({ Bucket, Key, UploadId, MultipartUpload: { Parts: stored } }),
        requestOptions,
      ),
    )
    uploadId = undefined // stored: from here on, nothing is left to abort
    const ETag = await completedETag(client, { Bucket, Key }, completed, requestOptions)
    return compact<CopyOutput>({
      Bucket,
      Key,
      ETag,
      VersionId: completed.VersionId,
      CopySourceVersionId: copiedVersion,
      ServerSideEncryption: completed.ServerSideEncryption,
      ...encryption,
      SSEKMSKeyId: completed.SSEKMSKeyId ?? encryption.SSEKMSKeyId,
      BucketKeyEnabled: completed.BucketKeyEnabled ?? encryption.BucketKeyEnabled,
      RequestCharged: completed.RequestCharged,
      Expiration: completed.Expiration,
      UploadId,
    })
  } catch (error) {
    fail(error)
    // Parts still in flight could outlive an abort (S3 documents this): let them settle first.
    await parts.settle()
    throw await abandonUpload(client, { Bucket, Key, UploadId: uploadId }, job.error, signal, requestOptions)
  } finally {
    job.release()
  }
}
