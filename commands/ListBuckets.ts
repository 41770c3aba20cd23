import { listBucketsResult } from '../codecs/buckets.js'
import { wholeNumber, writeQuery } from '../codecs/headers.js'
import type { Owner } from '../codecs/owner.js'
import { readDocument } from '../codecs/xml.js'
import { type Command, compact, type PaginatedCommand } from '../src/core/command.js'
import { paginated } from '../src/core/paginated.js'
import { checkListText } from '../src/core/validate.js'

/**
 * The input of `ListBuckets`: all optional, a page size and the previous page's token, and a name
 * prefix or region to list only some buckets. With none, S3 lists every bucket in one answer.
 */
export interface ListBucketsInput {
  /** Ask for pages of at most this many buckets (1–10,000); without it S3 returns all of them. */
  readonly MaxBuckets?: number
  readonly ContinuationToken?: string
  readonly Prefix?: string
  readonly BucketRegion?: string
}

/**
 * One bucket in a `ListBuckets` answer: its name and creation date and, where the server says, its
 * region.
 */
export interface BucketSummary {
  readonly Name: string
  readonly CreationDate: Date
  readonly BucketRegion?: string
}

/**
 * What `ListBuckets` returns: the buckets (always an array), their owner, and the token of the next
 * page when one follows.
 */
export interface ListBucketsOutput {
  readonly Buckets: BucketSummary[]
  readonly Owner?: Owner
  /** Present when more buckets follow: pass it back as `ContinuationToken`. */
  readonly ContinuationToken?: string
  readonly Prefix?: string
}

/**
 * Lists the buckets of the calling account. Accounts with many buckets: `paginate` (with
 * `pageSize`) follows `ContinuationToken` where the server supports it.
 *
 * @example
 * for await (const bucket of paginateItems(client, ListBuckets(), { pageSize: 1000 })) console.log(bucket.Name)
 */
/* @__NO_SIDE_EFFECTS__ */
export function ListBuckets(input: ListBucketsInput = {}): PaginatedCommand<ListBucketsOutput, BucketSummary> {
  const command: Command<ListBucketsOutput> = {
    operation: 'ListBuckets',
    method: 'GET',
    query: {
      ...writeQuery(input, {
        MaxBuckets: ['max-buckets', wholeNumber(1, 10_000)],
        Prefix: 'prefix',
        BucketRegion: 'bucket-region',
      }),
      'continuation-token': checkListText(input.ContinuationToken, 'ContinuationToken'),
    },
    parse: async (response, context) => {
      const { ListAllMyBucketsResult: result } = await readDocument(response, listBucketsResult, context)
      return compact<ListBucketsOutput>({
        Buckets: result.Buckets.map(({ BucketArn: _arn, ...bucket }) => compact<BucketSummary>(bucket)),
        Owner: result.Owner && compact<Owner>(result.Owner),
        ContinuationToken: result.ContinuationToken || undefined,
        Prefix: result.Prefix,
      })
    },
  }
  return paginated(ListBuckets, input, command, {
    pageSize: 'MaxBuckets',
    items: (output) => output.Buckets,
    next: (output) => (output.ContinuationToken ? { ContinuationToken: output.ContinuationToken } : undefined),
  })
}
