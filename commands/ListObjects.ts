import * as z from 'zod/mini'
import {
  type CommonPrefix,
  decodedEntries,
  listBucketDocument,
  nextMarker,
  type ObjectSummary,
  urlDecoder,
} from '../codecs/list.js'
import { readDocument, text } from '../codecs/xml.js'
import { type Command, compact, type PaginatedCommand } from '../src/core/command.js'
import { paginated } from '../src/core/paginated.js'
import { checkBucket, checkInteger, checkListText } from '../src/core/validate.js'

/**
 * The input of `ListObjects` (the v1 listing): the bucket, an optional prefix and delimiter, the
 * page size, and the `Marker` key to start after.
 */
export interface ListObjectsInput {
  readonly Bucket: string
  readonly Prefix?: string
  readonly Delimiter?: string
  /** Start listing after this key (it need not exist). */
  readonly Marker?: string
  /** At most this many keys and common prefixes in the page (0–1,000). */
  readonly MaxKeys?: number
}

/**
 * What `ListObjects` returns: one page of objects and common prefixes (always arrays, keys
 * decoded), with `IsTruncated` and the `NextMarker` of the next page, which s3kit fills in when S3
 * leaves it out.
 */
export interface ListObjectsOutput {
  readonly Name: string
  readonly Prefix: string
  readonly Delimiter?: string
  readonly Marker?: string
  /**
   * Where the next page starts. S3 sends it only with a `Delimiter`; otherwise s3kit fills it in
   * for truncated pages from the last key or common prefix, whichever sorts later.
   */
  readonly NextMarker?: string
  readonly MaxKeys: number
  readonly IsTruncated: boolean
  readonly Contents: ObjectSummary[]
  readonly CommonPrefixes: CommonPrefix[]
}

const document = /* @__PURE__ */ listBucketDocument(() => ({
  Marker: z.optional(text()),
  NextMarker: z.optional(text()),
}))

/**
 * Lists a bucket's keys with the original (v1) operation, for servers without ListObjectsV2;
 * prefer `ListObjectsV2` elsewhere. Keys are decoded from `encoding-type=url` as there.
 *
 * @example
 * for await (const object of paginateItems(client, ListObjects({ Bucket: 'old-server-bucket' })))
 *   console.log(object.Key)
 */
/* @__NO_SIDE_EFFECTS__ */
export function ListObjects(input: ListObjectsInput): PaginatedCommand<ListObjectsOutput, ObjectSummary> {
  const marker = checkListText(input.Marker, 'Marker')
  const prefix = checkListText(input.Prefix, 'Prefix')
  const delimiter = checkListText(input.Delimiter, 'Delimiter')
  const command: Command<ListObjectsOutput> = {
    operation: 'ListObjects',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: {
      'encoding-type': 'url',
      prefix,
      delimiter,
      marker,
      'max-keys': checkInteger(input.MaxKeys, 'MaxKeys', 0, 1000)?.toString(),
    },
    parse: async (response, context) => {
      const { ListBucketResult: result } = await readDocument(response, document, context)
      const decode = urlDecoder(result.EncodingType, context)
      const entries = decodedEntries(result, decode)
      return compact<ListObjectsOutput>({
        Name: result.Name,
        // Echoed from the request: servers differ in whether they encode these (see codecs/list.ts).
        Prefix: prefix ?? '',
        Delimiter: delimiter,
        Marker: marker,
        NextMarker: result.IsTruncated
          ? (nextMarker(result.NextMarker, decode, positions(entries)) ?? lastPosition(entries))
          : undefined,
        MaxKeys: result.MaxKeys,
        IsTruncated: result.IsTruncated,
        ...entries,
      })
    },
  }
  return paginated(ListObjects, input, command, {
    pageSize: 'MaxKeys',
    items: (output) => output.Contents,
    next: (output) => (output.IsTruncated ? { Marker: output.NextMarker } : undefined),
  })
}

function positions({
  Contents,
  CommonPrefixes,
}: {
  Contents: ObjectSummary[]
  CommonPrefixes: CommonPrefix[]
}): string[] {
  return [...Contents.map((o) => o.Key), ...CommonPrefixes.map((p) => p.Prefix)]
}

/** The page's last key or common prefix, whichever sorts later (both come in UTF-8 order). */
function lastPosition({
  Contents,
  CommonPrefixes,
}: {
  Contents: ObjectSummary[]
  CommonPrefixes: CommonPrefix[]
}): string | undefined {
  const key = Contents.at(-1)?.Key
  const prefix = CommonPrefixes.at(-1)?.Prefix
  if (key === undefined || prefix === undefined) return key ?? prefix
  return utf8Compare(key, prefix) > 0 ? key : prefix
}

const encoder = /* @__PURE__ */ new TextEncoder()

/** S3 orders keys by their UTF-8 bytes, which JavaScript's UTF-16 comparison gets wrong above U+FFFF. */
function utf8Compare(a: string, b: string): number {
  const x = encoder.encode(a)
  const y = encoder.encode(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!
  return x.length - y.length
}
