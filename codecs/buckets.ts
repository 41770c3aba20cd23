import * as z from 'zod/mini'
import { owner } from './owner.js'
import { text, timestamp, wrappedList, xmlDocument } from './xml.js'

/** `<ListAllMyBucketsResult>` (S3 API reference, ListBuckets). */
export const listBucketsResult = /* @__PURE__ */ xmlDocument(['ListAllMyBucketsResult.Buckets.Bucket'], () =>
  z.object({
    ListAllMyBucketsResult: z.object({
      Owner: z.optional(owner()),
      Buckets: wrappedList(
        'Bucket',
        z.object({
          Name: text(),
          CreationDate: timestamp(),
          BucketRegion: z.optional(text()),
          BucketArn: z.optional(text()),
        }),
      ),
      ContinuationToken: z.optional(text()),
      Prefix: z.optional(text()),
    }),
  }),
)
