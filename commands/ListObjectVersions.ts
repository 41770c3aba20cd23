import * as z from 'zod/mini'
import { quoteETag } from '../codecs/headers.js'
import { type CommonPrefix, commonPrefixes, nextMarker, urlDecoder, versionEntry } from '../codecs/list.js'
import type { Owner } from '../codecs/owner.js'
import { boolean, integer, readDocument, text, xmlDocument } from '../codecs/xml.js'
import { type Command, compact, type PaginatedCommand } from '../src/core/command.js'
import { paginated } from '../src/core/paginated.js'
import type { StorageClass } from '../src/core/storage-class.js'
import { checkBucket, checkInteger, checkListText } from '../src/core/validate.js'

/**
 * The input of `ListObjectVersions`: the bucket, an optional prefix and delimiter, the page size,
 * and the key and version markers where the previous page stopped (`paginate` passes them on).
 */
export interface ListObjectVersionsInput {
  readonly Bucket: string
  readonly Prefix?: string
  readonly Delimiter?: string
  /** Continue after this key (`NextKeyMarker` of the previous page)… */
  readonly KeyMarker?: string
  /** …and, for that key, after this version (`NextVersionIdMarker`). */
  readonly VersionIdMarker?: string
  /** At most this many versions, delete markers and common prefixes in the page (1–1,000). */
  readonly MaxKeys?: number
}

/**
 * One object version in a `ListObjectVersions` page: its key and version ID, whether it is the
 * current version, and its size, ETag, date and storage class.
 */
export interface ObjectVersion {
  readonly Key: string
  /** `null` (the string) for an object stored while versioning was off. */
  readonly VersionId: string
  readonly IsLatest: boolean
  readonly LastModified: Date
  readonly ETag: string
  readonly Size: number
  readonly StorageClass: StorageClass
  readonly Owner?: Owner
}

/**
 * One delete marker in a `ListObjectVersions` page: its key and version ID, and whether it is the
 * key's current version (then the key reads as deleted).
 */
export interface DeleteMarkerEntry {
  readonly Key: string
  readonly VersionId: string
  readonly IsLatest: boolean
  readonly LastModified: Date
  readonly Owner?: Owner
}

/**
 * What `ListObjectVersions` returns: one page of versions, delete markers and common prefixes (each
 * always an array, keys decoded), with `IsTruncated` and the markers of the next page.
 */
export interface ListObjectVersionsOutput {
  readonly Name: string
  readonly Prefix: string
  readonly Delimiter?: string
  readonly KeyMarker?: string
  readonly VersionIdMarker?: string
  readonly NextKeyMarker?: string
  readonly NextVersionIdMarker?: string
  readonly MaxKeys: number
  readonly IsTruncated: boolean
  readonly Versions: ObjectVersion[]
  readonly DeleteMarkers: DeleteMarkerEntry[]
  readonly CommonPrefixes: CommonPrefix[]
}

const document = /* @__PURE__ */ xmlDocument(
  ['ListVersionsResult.Version', 'ListVersionsResult.DeleteMarker', 'ListVersionsResult.CommonPrefixes'],
  () => {
    const entries = z._default(z.optional(z.array(versionEntry())), [])
    return z.object({
      ListVersionsResult: z.object({
        Name: text(),
        Prefix: z._default(z.optional(text()), ''),
        Delimiter: z.optional(text()),
        KeyMarker: z.optional(text()),
        VersionIdMarker: z.optional(text()),
        NextKeyMarker: z.optional(text()),
        NextVersionIdMarker: z.optional(text()),
        MaxKeys: integer(),
        IsTruncated: boolean(),
        EncodingType: z.optional(text()),
        Version: entries,
        DeleteMarker: entries,
        CommonPrefixes: commonPrefixes(),
      }),
    })
  },
)

/**
 * Lists every version and delete marker of a bucket's keys (versioned buckets), a page of up to
 * 1,000 at a time, keys decoded from `encoding-type=url`. `paginate` yields pages; its items are
 * the page's versions followed by its delete markers.
 *
 * @example
 * for await (const page of paginate(client, ListObjectVersions({ Bucket: 'versioned', Prefix: 'report.pdf' }))) {
 *   for (const v of page.Versions) console.log(v.Key, v.VersionId, v.IsLatest ? '(latest)' : '')
 * }
 */
/* @__NO_SIDE_EFFECTS__ */
export function ListObjectVersions(
  input: ListObjectVersionsInput,
): PaginatedCommand<ListObjectVersionsOutput, ObjectVersion | DeleteMarkerEntry> {
  const keyMarker = checkListText(input.KeyMarker, 'KeyMarker')
  const versionIdMarker = checkListText(input.VersionIdMarker, 'VersionIdMarker')
  const prefix = checkListText(input.Prefix, 'Prefix')
  const delimiter = checkListText(input.Delimiter, 'Delimiter')
  const command: Command<ListObjectVersionsOutput> = {
    operation: 'ListObjectVersions',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: {
      versions: '',
      'encoding-type': 'url',
      prefix,
      delimiter,
      'key-marker': keyMarker,
      'version-id-marker': versionIdMarker,
      'max-keys': checkInteger(input.MaxKeys, 'MaxKeys', 1, 1000)?.toString(),
    },
    parse: async (response, context) => {
      const { ListVersionsResult: result } = await readDocument(response, document, context)
      const decode = urlDecoder(result.EncodingType, context)
      const owned = <T extends { Owner?: { ID: string; DisplayName?: string | undefined } | undefined }>(entry: T) => ({
        ...entry,
        Owner: entry.Owner && compact<Owner>(entry.Owner),
      })
      const Versions = result.Version.map(({ ETag, Size, StorageClass, ...entry }) =>
        compact<ObjectVersion>(
          owned({
            ...entry,
            Key: decode(entry.Key),
            ETag: quoteETag(ETag ?? ''),
            Size: Size ?? 0,
            StorageClass: StorageClass || 'STANDARD',
          }),
        ),
      )
      const DeleteMarkers = result.DeleteMarker.map(({ ETag: _e, Size: _s, StorageClass: _c, ...entry }) =>
        compact<DeleteMarkerEntry>(owned({ ...entry, Key: decode(entry.Key) })),
      )
      const CommonPrefixes = result.CommonPrefixes.map(({ Prefix }) => ({ Prefix: decode(Prefix) }))
      const positions = [
        ...Versions.map((v) => v.Key),
        ...DeleteMarkers.map((d) => d.Key),
        ...CommonPrefixes.map((p) => p.Prefix),
      ]
      return compact<ListObjectVersionsOutput>({
        Name: result.Name,
        // Echoed from the request: servers differ in whether they encode these (see codecs/list.ts).
        Prefix: prefix ?? '',
        Delimiter: delimiter,
        KeyMarker: keyMarker,
        VersionIdMarker: versionIdMarker,
        NextKeyMarker: nextMarker(result.NextKeyMarker, decode, positions),
        NextVersionIdMarker: result.NextVersionIdMarker || undefined,
        MaxKeys: result.MaxKeys,
        IsTruncated: result.IsTruncated,
        Versions,
        DeleteMarkers,
        CommonPrefixes,
      })
    },
  }
  return paginated(ListObjectVersions, input, command, {
    pageSize: 'MaxKeys',
    items: (output) => [...output.Versions, ...output.DeleteMarkers],
    next: (output) =>
      output.IsTruncated ? { KeyMarker: output.NextKeyMarker, VersionIdMarker: output.NextVersionIdMarker } : undefined,
  })
}
