import * as z from 'zod/mini'
import { flag, writeQuery } from '../codecs/headers.js'
import {
  type CommonPrefix,
  decodedEntries,
  listBucketDocument,
  type ObjectSummary,
  urlDecoder,
} from '../codecs/list.js'
import { integer, readDocument, text } from '../codecs/xml.js'
import { type Command, compact, type PaginatedCommand } from '../src/core/command.js'
import { paginated } from '../src/core/paginated.js'
import { checkBucket, checkInteger, checkListText } from '../src/core/validate.js'

/**
 * The input of `ListObjectsV2`: the bucket, an optional prefix and delimiter, the page size, and
 * where to start (`StartAfter`, or the previous page's token as `ContinuationToken`).
 */
export interface ListObjectsV2Input {
  readonly Bucket: string
  /** Only keys that start with this. */
  readonly Prefix?: string
  /** Roll keys up to the first occurrence of this after the prefix (usually `/`) into `CommonPrefixes`. */
  readonly Delimiter?: string
  /** Start listing after this key (it need not exist). */
  readonly StartAfter?: string
  /** At most this many keys and common prefixes in the page (0–1,000; S3's default is 1,000). */
  readonly MaxKeys?: number
  /** `NextContinuationToken` of the previous page. */
  readonly ContinuationToken?: string
  /** Include each object's `Owner`. */
  readonly FetchOwner?: boolean
}

/**
 * What `ListObjectsV2` returns: one page of objects and common prefixes, with `IsTruncated` and the
 * token of the next page. `Contents` and `CommonPrefixes` are always arrays (empty rather than
 * undefined, as in `@aws-sdk/client-s3`) and keys come back exactly as stored.
 */
export interface ListObjectsV2Output {
  readonly Name: string
  readonly Prefix: string
  readonly Delimiter?: string
  readonly MaxKeys: number
  /** Keys and common prefixes in this page. */
  readonly KeyCount: number
  readonly IsTruncated: boolean
  readonly Contents: ObjectSummary[]
  readonly CommonPrefixes: CommonPrefix[]
  readonly StartAfter?: string
  readonly ContinuationToken?: string
  /** Present when `IsTruncated`: pass it back as `ContinuationToken` (or let `paginate` do it). */
  readonly NextContinuationToken?: string
}

const document = /* @__PURE__ */ listBucketDocument(() => ({
  KeyCount: integer(),
  StartAfter: z.optional(text()),
  ContinuationToken: z.optional(text()),
  NextContinuationToken: z.optional(text()),
}))

/**
 * Lists a bucket's keys, one page of up to 1,000, in UTF-8 binary order.
 * Keys come back exactly as stored whatever characters they hold: the request always asks for
 * `encoding-type=url` and the output is decoded. Use `paginate` for every page.
 *
 * @example
 * const { Contents, CommonPrefixes } = await send(
 *   client,
 *   ListObjectsV2({ Bucket: 'photos', Prefix: '2024/', Delimiter: '/' }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function ListObjectsV2(input: ListObjectsV2Input): PaginatedCommand<ListObjectsV2Output, ObjectSummary> {
  const prefix = checkListText(input.Prefix, 'Prefix')
  const delimiter = checkListText(input.Delimiter, 'Delimiter')
  const startAfter = checkListText(input.StartAfter, 'StartAfter')
  const command: Command<ListObjectsV2Output> = {
    operation: 'ListObjectsV2',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: {
      'list-type': '2',
      'encoding-type': 'url',
      prefix,
      delimiter,
      'start-after': startAfter,
      'max-keys': checkInteger(input.MaxKeys, 'MaxKeys', 0, 1000)?.toString(),
      'continuation-token': checkListText(input.ContinuationToken, 'ContinuationToken'),
      ...writeQuery(input, { FetchOwner: ['fetch-owner', flag] }),
    },
    parse: async (response, context) => {
      const { ListBucketResult: result } = await readDocument(response, document, context)
      const decode = urlDecoder(result.EncodingType, context)
      return compact<ListObjectsV2Output>({
        Name: result.Name,
        // Echoed from the request: servers differ in whether they encode these (see codecs/list.ts).
        Prefix: prefix ?? '',
        Delimiter: delimiter,
        MaxKeys: result.MaxKeys,
        KeyCount: result.KeyCount,
        IsTruncated: result.IsTruncated,
        ...decodedEntries(result, decode),
        StartAfter: startAfter,
        ContinuationToken: result.ContinuationToken || undefined,
        NextContinuationToken: result.NextContinuationToken || undefined,
      })
    },
  }
  return paginated(ListObjectsV2, input, command, {
    pageSize: 'MaxKeys',
    items: (output) => output.Contents,
    next: (output) => (output.IsTruncated ? { ContinuationToken: output.NextContinuationToken } : undefined),
  })
}
