import { wholeNumber, writeQuery } from '../codecs/headers.js'
import { listUploadsResult } from '../codecs/multipart.js'
import type { Owner } from '../codecs/owner.js'
import { readDocument } from '../codecs/xml.js'
import { type Command, compact, type PaginatedCommand } from '../src/core/command.js'
import { paginated } from '../src/core/paginated.js'
import { checkBucket, checkListText } from '../src/core/validate.js'

/**
 * The input of `ListMultipartUploads`: the bucket, an optional prefix and delimiter, the page size,
 * and the key and upload markers where the previous page stopped (`paginate` passes them on).
 */
export interface ListMultipartUploadsInput {
  readonly Bucket: string
  /** Only uploads whose key starts with this. */
  readonly Prefix?: string
  /** Group keys that share a prefix up to this character into `CommonPrefixes`. */
  readonly Delimiter?: string
  /** At most this many uploads a page (1–1,000; S3's default and maximum is 1,000). */
  readonly MaxUploads?: number
  /** Continue after this key (`NextKeyMarker` of the previous page)… */
  readonly KeyMarker?: string
  /** …and, for that key, after this upload (`NextUploadIdMarker`). */
  readonly UploadIdMarker?: string
}

/**
 * One unfinished multipart upload in a `ListMultipartUploads` page: its key, its `UploadId` (for
 * `ListParts` or `AbortMultipartUpload`) and when it was started.
 */
export interface MultipartUpload {
  readonly Key: string
  readonly UploadId: string
  /** When CreateMultipartUpload was called. */
  readonly Initiated: Date
  readonly StorageClass?: string
  readonly Owner?: Owner
  readonly Initiator?: Owner
  readonly ChecksumAlgorithm?: string
  readonly ChecksumType?: string
}

/**
 * What `ListMultipartUploads` returns: one page of unfinished uploads and common prefixes (always
 * arrays), with `IsTruncated` and the markers of the next page.
 */
export interface ListMultipartUploadsOutput {
  readonly Bucket: string
  /** This page's unfinished uploads, by key, then by initiation time. */
  readonly Uploads: MultipartUpload[]
  /** With a `Delimiter`: the key prefixes grouped together. */
  readonly CommonPrefixes: { readonly Prefix: string }[]
  /** True when more uploads follow: pass `NextKeyMarker` / `NextUploadIdMarker` back (or use `paginate`). */
  readonly IsTruncated: boolean
  readonly NextKeyMarker?: string
  readonly NextUploadIdMarker?: string
  readonly KeyMarker?: string
  readonly UploadIdMarker?: string
  readonly Prefix?: string
  readonly Delimiter?: string
  readonly MaxUploads?: number
}

/**
 * Lists the multipart uploads of a bucket that were started and neither completed nor aborted:
 * their parts are stored and billed until someone aborts
 * them (`abortIncompleteUploads` does that).
 *
 * @example
 * const { Uploads } = await send(client, ListMultipartUploads({ Bucket: 'my-bucket' }))
 * for (const { Key, UploadId, Initiated } of Uploads) console.log(Key, UploadId, Initiated)
 */
/* @__NO_SIDE_EFFECTS__ */
export function ListMultipartUploads(
  input: ListMultipartUploadsInput,
): PaginatedCommand<ListMultipartUploadsOutput, MultipartUpload> {
  const command: Command<ListMultipartUploadsOutput> = {
    operation: 'ListMultipartUploads',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: {
      uploads: '',
      prefix: checkListText(input.Prefix, 'Prefix'),
      delimiter: checkListText(input.Delimiter, 'Delimiter'),
      ...writeQuery(input, { MaxUploads: ['max-uploads', wholeNumber(1, 1000)] }),
      'key-marker': checkListText(input.KeyMarker, 'KeyMarker'),
      'upload-id-marker': checkListText(input.UploadIdMarker, 'UploadIdMarker'),
    },
    parse: async (response, context) => {
      const { ListMultipartUploadsResult: result } = await readDocument(response, listUploadsResult, context)
      const {
        Upload: uploads = [],
        CommonPrefixes = [],
        IsTruncated = false,
        EncodingType: _encoding,
        ...rest
      } = result
      return compact<ListMultipartUploadsOutput>({
        ...rest,
        Uploads: uploads.map(({ Owner: owner, Initiator, ...upload }) =>
          compact<MultipartUpload>({
            ...upload,
            Owner: owner && compact<Owner>(owner),
            Initiator: Initiator && compact<Owner>(Initiator),
          }),
        ),
        CommonPrefixes,
        IsTruncated,
      })
    },
  }
  return paginated(ListMultipartUploads, input, command, {
    pageSize: 'MaxUploads',
    items: (output) => output.Uploads,
    // A page ending on a common prefix names no upload (AWS sends an empty NextUploadIdMarker).
    next: (output) =>
      output.IsTruncated
        ? { KeyMarker: output.NextKeyMarker, UploadIdMarker: output.NextUploadIdMarker || undefined }
        : undefined,
  })
}
