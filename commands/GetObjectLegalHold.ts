import { writeQuery } from '../codecs/headers.js'
import { legalHoldDocument, type ObjectLockLegalHold } from '../codecs/object-lock.js'
import { readSubresource } from '../codecs/subresource.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkKey } from '../src/core/validate.js'

/**
 * The input of `GetObjectLegalHold`: the object, and optionally the version, whose legal hold to
 * read.
 */
export interface GetObjectLegalHoldInput {
  readonly Bucket: string
  readonly Key: string
  /** The version to ask about; the current one when left out. */
  readonly VersionId?: string
}

/** What `GetObjectLegalHold` returns: the version's legal hold status, `ON` or `OFF`. */
export interface GetObjectLegalHoldOutput {
  readonly LegalHold: ObjectLockLegalHold
}

/**
 * Reads whether an object version is under a legal hold (`ON` or `OFF`). A version that never had
 * one is an `S3Error` (`NoSuchObjectLockConfiguration` on AWS, `ObjectLockConfigurationNotFoundError`
 * on Ceph RGW 16).
 *
 * @example
 * const { LegalHold } = await send(client, GetObjectLegalHold({ Bucket: 'my-bucket', Key: 'evidence.eml' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetObjectLegalHold(input: GetObjectLegalHoldInput): Command<GetObjectLegalHoldOutput> {
  return {
    operation: 'GetObjectLegalHold',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    key: checkKey(input.Key),
    query: { 'legal-hold': '', ...writeQuery(input, { VersionId: 'versionId' }) },
    parse: async (response, context) => ({
      LegalHold: (await readSubresource(response, legalHoldDocument, context)).LegalHold,
    }),
  }
}
