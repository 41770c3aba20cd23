import * as z from 'zod/mini'
import { InputError } from '../src/core/errors.js'
import { checkList, checkOneOf, checkText } from '../src/core/validate.js'
import { xmlRequest } from './request-document.js'
import { boolean, text, xmlDocument } from './xml.js'

/**
 * The `<ServerSideEncryptionConfiguration>` document: how a bucket encrypts objects stored without their own setting.
 */

/** `AES256` (SSE-S3), `aws:kms` (SSE-KMS) or `aws:kms:dsse` (dual-layer SSE-KMS). */
export type ServerSideEncryption = 'AES256' | 'aws:kms' | 'aws:kms:dsse'

/**
 * The encryption S3 applies to an object stored without its own setting: an algorithm and, for the
 * KMS ones, a key.
 */
export interface ServerSideEncryptionByDefault {
  readonly SSEAlgorithm: ServerSideEncryption
  /** The KMS key (ID, ARN or alias ARN) for `aws:kms` and `aws:kms:dsse`; S3 uses the AWS managed key when left out. */
  readonly KMSMasterKeyID?: string
}

/**
 * One default-encryption rule of a bucket: the default algorithm and key, and whether SSE-KMS uses
 * an S3 Bucket Key.
 */
export interface ServerSideEncryptionRule {
  readonly ApplyServerSideEncryptionByDefault?: ServerSideEncryptionByDefault
  /** Use an S3 Bucket Key for SSE-KMS, which cuts KMS requests. */
  readonly BucketKeyEnabled?: boolean
}

/**
 * A bucket's default encryption, as `PutBucketEncryption` takes it: exactly one rule (S3 accepts no
 * more).
 */
export interface ServerSideEncryptionConfiguration {
  readonly Rules: readonly ServerSideEncryptionRule[]
}

const ALGORITHMS: readonly ServerSideEncryption[] = ['AES256', 'aws:kms', 'aws:kms:dsse']

export function encryptionRequest(configuration: ServerSideEncryptionConfiguration): {
  body: string
  headers: Record<string, string>
} {
  const field = 'ServerSideEncryptionConfiguration'
  if (typeof configuration !== 'object' || configuration === null)
    throw new InputError(field, 'must be an object { Rules }.')
  // The configuration holds one rule (S3 API reference, PutBucketEncryption).
  const rules = checkList(configuration.Rules, `${field}.Rules`, 1, (value, at) => {
    if (typeof value !== 'object' || value === null)
      throw new InputError(at, 'must be an object { ApplyServerSideEncryptionByDefault?, BucketKeyEnabled? }.')
    const rule = value as ServerSideEncryptionRule
    const defaults = rule.ApplyServerSideEncryptionByDefault
    let apply: Record<string, string | undefined> | undefined
    if (defaults !== undefined) {
      const where = `${at}.ApplyServerSideEncryptionByDefault`
      if (typeof defaults !== 'object' || defaults === null)
        throw new InputError(where, 'must be an object { SSEAlgorithm, KMSMasterKeyID? }.')
      const SSEAlgorithm = checkOneOf(defaults.SSEAlgorithm, `${where}.SSEAlgorithm`, ALGORITHMS)
      const key = defaults.KMSMasterKeyID
      if (key !== undefined && SSEAlgorithm === 'AES256')
        throw new InputError(`${where}.KMSMasterKeyID`, 'goes only with SSEAlgorithm aws:kms or aws:kms:dsse.')
      apply = {
        SSEAlgorithm,
        KMSMasterKeyID: key === undefined ? undefined : checkText(key, `${where}.KMSMasterKeyID`),
      }
    }
    if (rule.BucketKeyEnabled !== undefined && typeof rule.BucketKeyEnabled !== 'boolean') {
      throw new InputError(
        `${at}.BucketKeyEnabled`,
        `must be true or false, not ${JSON.stringify(rule.BucketKeyEnabled)}.`,
      )
    }
    if (apply === undefined && rule.BucketKeyEnabled === undefined)
      throw new InputError(at, 'must set ApplyServerSideEncryptionByDefault or BucketKeyEnabled.')
    return { ApplyServerSideEncryptionByDefault: apply, BucketKeyEnabled: rule.BucketKeyEnabled }
  })
  return xmlRequest('ServerSideEncryptionConfiguration', { Rule: rules })
}

/** `<ServerSideEncryptionConfiguration><Rule>…` (S3 API reference, GetBucketEncryption). */
export const encryptionDocument = /* @__PURE__ */ xmlDocument(['ServerSideEncryptionConfiguration.Rule'], () =>
  z.object({
    ServerSideEncryptionConfiguration: z.object({
      Rule: z.array(
        z.object({
          ApplyServerSideEncryptionByDefault: z.optional(
            z.object({ SSEAlgorithm: text(), KMSMasterKeyID: z.optional(text()) }),
          ),
          BucketKeyEnabled: z.optional(boolean()),
        }),
      ),
    }),
  }),
)
