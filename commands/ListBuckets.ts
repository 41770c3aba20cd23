import { listBucketsArrays, listBucketsResult } from '../codecs/buckets.js'
import { nextPosition } from '../codecs/next-page.js'
import type { Owner } from '../codecs/owner.js'
import { readDocument } from '../codecs/xml.js'
import { compact, type PaginatedCommand } from '../src/core/command.js'
import { checkInteger } from '../src/core/validate.js'

export interface ListBucketsInput {
  /** Ask for pages of at most this many buckets (1–10,000); without it S3 returns all of them. */
  readonly MaxBuckets?: number
  readonly ContinuationToken?: string
  readonly Prefix?: string
  readonly BucketRegion?: string
}

export interface BucketSummary {
  readonly Name: string
  readonly CreationDate: Date
  readonly BucketRegion?: string
}

export interface ListBucketsOutput {
  readonly Buckets: BucketSummary[]
  readonly Owner?: Owner
  /** Present when more buckets follow: pass it back as `ContinuationToken`. */
  readonly ContinuationToken?: string
  readonly Prefix?: string
}

/**
 * Lists the buckets of the calling account (boto's `get_all_buckets`). Accounts with many buckets:
 * `paginate` (with `pageSize`) follows `ContinuationToken` where the server supports it.
 *
 * @example
 * for await (const bucket of paginateItems(client, ListBuckets(), { pageSize: 1000 })) console.log(bucket.Name)
 */
/* @__NO_SIDE_EFFECTS__ */
export function ListBuckets(input: ListBucketsInput = {}): PaginatedCommand<ListBucketsOutput, BucketSummary> {
  const context = { operation: 'ListBuckets' }
  return {
    operation: 'ListBuckets',
    method: 'GET',
    query: {
      'max-buckets': checkInteger(input.MaxBuckets, 'MaxBuckets', 1, 10_000)?.toString(),
      'continuation-token': input.ContinuationToken || undefined,
      prefix: input.Prefix,
      'bucket-region': input.BucketRegion,
    },
    parse: async (response) => {
      const { ListAllMyBucketsResult: result } = await readDocument(response, listBucketsResult, listBucketsArrays, context)
      return compact<ListBucketsOutput>({
        Buckets: result.Buckets.map(({ BucketArn: _arn, ...bucket }) => compact<BucketSummary>(bucket)),
        Owner: result.Owner && compact<Owner>(result.Owner),
        ContinuationToken: result.ContinuationToken || undefined,
        Prefix: result.Prefix,
      })
    },
    pagination: {
      next: (output) => {
        const next = nextPosition(output.ContinuationToken !== undefined, output.ContinuationToken, input.ContinuationToken, 'ContinuationToken', context)
        return next === undefined ? undefined : ListBuckets({ ...input, ContinuationToken: next })
      },
      withPageSize: (size) => ListBuckets({ ...input, MaxBuckets: size }),
      items: (output) => output.Buckets,
    },
  }
}
