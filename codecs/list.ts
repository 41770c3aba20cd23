import * as z from 'zod/mini'
import { compact, type ResponseContext } from '../src/core/command.js'
import { invalidResponse } from '../src/core/errors.js'
import { lazy } from '../src/core/lazy.js'
import type { StorageClass } from '../src/core/storage-class.js'
import { quoteETag } from './headers.js'
import { type Owner, owner } from './owner.js'
import { boolean, integer, text, timestamp, xmlDocument } from './xml.js'

/**
 * What ListObjectsV2, ListObjects (v1) and ListObjectVersions share: the `<Contents>` entry, the
 * `<CommonPrefixes>` list and `encoding-type=url` decoding. (The rule that a truncated page must
 * move the listing forward is src/core/paginated.ts, for every list command.)
 */

/** One object in a listing. */
export interface ObjectSummary {
  readonly Key: string
  readonly LastModified: Date
  readonly ETag: string
  readonly Size: number
  /** `STANDARD` when the server leaves it out, as S3 does for standard objects elsewhere. */
  readonly StorageClass: StorageClass
  /** Sent by ListObjects (v1), and by ListObjectsV2 with `FetchOwner: true`. */
  readonly Owner?: Owner
}

/** A "directory" that `Delimiter` rolled keys up into, e.g. `photos/2024/`. */
export interface CommonPrefix {
  readonly Prefix: string
}

/** `<Contents>` (S3 API reference, ListObjectsV2 / ListObjects: type Object). */
export const objectEntry = /* @__PURE__ */ lazy(() =>
  z.object({
    Key: text(),
    LastModified: timestamp(),
    ETag: text(),
    Size: integer(),
    StorageClass: z._default(z.optional(text()), 'STANDARD'),
    Owner: z.optional(owner()),
  }),
)

/** `<Version>` and `<DeleteMarker>` (S3 API reference, ListObjectVersions). */
export const versionEntry = /* @__PURE__ */ lazy(() =>
  z.object({
    Key: text(),
    VersionId: text(),
    IsLatest: boolean(),
    LastModified: timestamp(),
    ETag: z.optional(text()),
    Size: z.optional(integer()),
    StorageClass: z.optional(text()),
    Owner: z.optional(owner()),
  }),
)

export const commonPrefixes = /* @__PURE__ */ lazy(() =>
  z._default(z.optional(z.array(z.object({ Prefix: text() }))), []),
)

/**
 * `<ListBucketResult>`, which V1 and V2 both answer with: the fields they share plus `extra`.
 * `<Contents>` and `<CommonPrefixes>` repeat.
 */
/* @__NO_SIDE_EFFECTS__ */
export function listBucketDocument<Extra extends Record<string, z.ZodMiniType>>(extra: () => Extra) {
  return xmlDocument(['ListBucketResult.Contents', 'ListBucketResult.CommonPrefixes'], () =>
    z.object({
      ListBucketResult: z.object({
        Name: text(),
        Prefix: z._default(z.optional(text()), ''),
        Delimiter: z.optional(text()),
        MaxKeys: integer(),
        IsTruncated: boolean(),
        EncodingType: z.optional(text()),
        Contents: z._default(z.optional(z.array(objectEntry())), []),
        CommonPrefixes: commonPrefixes(),
        ...extra(),
      }),
    }),
  )
}

/**
 * Decodes keys sent under `encoding-type=url`. S3 writes a space as `+` (form encoding) and a `+`
 * as `%2B`; Ceph RGW writes a space as `%20`; both decode correctly this way. Only applied when
 * the response says `<EncodingType>url</EncodingType>`: a server that ignored the request sent
 * the keys as they are.
 *
 * Which other fields a server encodes varies: AWS encodes the echoed Prefix, Delimiter,
 * StartAfter and markers too, Ceph RGW only `<Key>` and `<CommonPrefixes>`. So the commands echo
 * those inputs from the request instead of decoding them, and read a server's next marker with
 * `nextMarker`.
 */
export function urlDecoder(encodingType: string | undefined, context: ResponseContext) {
  return (value: string): string => {
    if (encodingType !== 'url') return value
    try {
      return decodeURIComponent(value.replace(/\+/g, ' '))
    } catch (error) {
      throw invalidResponse(
        context,
        200,
        `the listing has a URL-encoded value that does not decode: "${value}".`,
        error,
      )
    }
  }
}

/**
 * A server's NextMarker / NextKeyMarker, encoded (AWS) or not (Ceph RGW) under `encoding-type=url`.
 * It names the page's last key or common prefix, so whichever reading matches one of `entries`
 * (already decoded) is the right one; without a match the decoded reading wins.
 */
export function nextMarker(
  raw: string | undefined,
  decode: (value: string) => string,
  entries: readonly string[],
): string | undefined {
  if (!raw) return undefined
  let decoded: string | undefined
  try {
    decoded = decode(raw)
  } catch {
    decoded = undefined
  }
  if (decoded !== undefined && entries.includes(decoded)) return decoded
  return entries.includes(raw) || decoded === undefined ? raw : decoded
}

/** Contents and CommonPrefixes with their keys decoded, as both list commands output them. */
export function decodedEntries(
  result: { Contents: z.output<ReturnType<typeof objectEntry>>[]; CommonPrefixes: { Prefix: string }[] },
  decode: (value: string) => string,
): { Contents: ObjectSummary[]; CommonPrefixes: CommonPrefix[] } {
  return {
    Contents: result.Contents.map((entry) =>
      compact<ObjectSummary>({
        ...entry,
        Key: decode(entry.Key),
        ETag: quoteETag(entry.ETag),
        Owner: entry.Owner && compact<Owner>(entry.Owner),
      }),
    ),
    CommonPrefixes: result.CommonPrefixes.map(({ Prefix }) => ({ Prefix: decode(Prefix) })),
  }
}
