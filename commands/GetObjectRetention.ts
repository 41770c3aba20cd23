import { writeQuery } from '../codecs/headers.js'
import { type ObjectLockRetention, retentionDocument } from '../codecs/object-lock.js'
import { readSubresource } from '../codecs/subresource.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `GetObjectRetention`: the object, and optionally the version, whose retention to
 * read.
 */
export interface GetObjectRetentionInput {
  readonly Bucket: string
  readonly Key: string
  /** The version to ask about; the current one when left out. */
  readonly VersionId?: string
}

/**
 * What `GetObjectRetention` returns: the version's retention mode and the date until which it is
 * kept, as a `Date`.
 */
export interface GetObjectRetentionOutput {
  readonly Retention: ObjectLockRetention
}

/**
 * Reads an object version's retention: its mode and the date until which it cannot be
 * overwritten or deleted. A version without retention is an `S3Error`
 * (`NoSuchObjectLockConfiguration` on AWS); so is a bucket without Object Lock (`InvalidRequest`).
 *
 * @example
 * const { Retention } = await send(client, GetObjectRetention({ Bucket: 'my-bucket', Key: 'invoice.pdf' }))
 * console.log(Retention.Mode, Retention.RetainUntilDate)
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetObjectRetention(input: GetObjectRetentionInput): Command<GetObjectRetentionOutput> {
  return {
    operation: 'GetObjectRetention',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: { retention: '', ...writeQuery(input, { VersionId: 'versionId' }) },
    parse: async (response, context) => ({
      Retention: (await readSubresource(response, retentionDocument, context)).Retention,
    }),
  }
}
