import * as z from 'zod/mini'
import { InputError } from '../src/core/errors.js'
import { checkDate, checkInteger, checkOneOf } from '../src/core/validate.js'
import { xmlRequest } from './request-document.js'
import { emptyOr } from './subresource.js'
import { integer, timestamp, xmlDocument } from './xml.js'

/**
 * Object Lock (WORM) documents: a bucket's `<ObjectLockConfiguration>`, an object version's
 * `<Retention>` and `<LegalHold>`. Object Lock works only in a bucket created with it
 * (`CreateBucket({ ObjectLockEnabledForBucket: true })`), which also turns versioning on.
 */

/**
 * `GOVERNANCE`: users with `s3:BypassGovernanceRetention` may shorten or remove it; `COMPLIANCE`: nobody can, not even
 * the root user.
 */
export type ObjectLockRetentionMode = 'GOVERNANCE' | 'COMPLIANCE'
/**
 * A legal hold's status: `ON` keeps the version from being deleted or overwritten until it is set
 * `OFF`.
 */
export type ObjectLockLegalHoldStatus = 'ON' | 'OFF'

/** The retention new object versions get: a mode and exactly one of `Days` or `Years`. */
export type DefaultRetention =
  | { readonly Mode: ObjectLockRetentionMode; readonly Days: number; readonly Years?: undefined }
  | { readonly Mode: ObjectLockRetentionMode; readonly Years: number; readonly Days?: undefined }

/**
 * A bucket's Object Lock configuration, as `PutObjectLockConfiguration` takes it: Object Lock
 * enabled (it cannot be turned off) and, optionally, the default retention new object versions get.
 */
export interface ObjectLockConfiguration {
  readonly ObjectLockEnabled: 'Enabled'
  readonly Rule?: { readonly DefaultRetention: DefaultRetention }
}

/** A bucket's configuration as GetObjectLockConfiguration returns it. */
export interface ObjectLockConfigurationOutput {
  readonly ObjectLockEnabled?: 'Enabled'
  readonly Rule?: {
    readonly DefaultRetention?: {
      readonly Mode?: ObjectLockRetentionMode
      readonly Days?: number
      readonly Years?: number
    }
  }
}

/**
 * An object version's retention, as `PutObjectRetention` takes it and `GetObjectRetention` returns
 * it: the mode, and until when the version cannot be overwritten or deleted (a `Date`).
 */
export interface ObjectLockRetention {
  readonly Mode: ObjectLockRetentionMode
  /** Until when the version cannot be overwritten or deleted. */
  readonly RetainUntilDate: Date
}

/**
 * An object version's legal hold, as `PutObjectLegalHold` takes it and `GetObjectLegalHold` returns
 * it.
 */
export interface ObjectLockLegalHold {
  /** `ON` protects the version until it is turned `OFF`, independently of any retention. */
  readonly Status: ObjectLockLegalHoldStatus
}

const MODES: readonly ObjectLockRetentionMode[] = ['GOVERNANCE', 'COMPLIANCE']
const HOLD: readonly ObjectLockLegalHoldStatus[] = ['ON', 'OFF']

const object = (value: unknown, field: string, shape: string): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) throw new InputError(field, `must be an object ${shape}.`)
  return value as Record<string, unknown>
}

export function objectLockConfigurationRequest(configuration: ObjectLockConfiguration): {
  body: string
  headers: Record<string, string>
} {
  const field = 'ObjectLockConfiguration'
  const { ObjectLockEnabled, Rule } = object(configuration, field, '{ ObjectLockEnabled, Rule? }')
  const content: Record<string, unknown> = {
    ObjectLockEnabled: checkOneOf(ObjectLockEnabled, `${field}.ObjectLockEnabled`, ['Enabled']),
  }
  if (Rule !== undefined) {
    const { DefaultRetention } = object(Rule, `${field}.Rule`, '{ DefaultRetention }')
    const at = `${field}.Rule.DefaultRetention`
    const { Mode, Days, Years } = object(DefaultRetention, at, '{ Mode, Days | Years }')
    if ((Days === undefined) === (Years === undefined))
      throw new InputError(at, 'must have exactly one of Days or Years.')
    content.Rule = {
      DefaultRetention: {
        Mode: checkOneOf(Mode, `${at}.Mode`, MODES),
        Days: checkInteger(Days, `${at}.Days`, 1),
        Years: checkInteger(Years, `${at}.Years`, 1),
      },
    }
  }
  return xmlRequest('ObjectLockConfiguration', content)
}

/**
 * `<Retention>`; no retention sends an empty one, which removes a GOVERNANCE retention (with
 * `BypassGovernanceRetention`).
 */
export function retentionRequest(retention: ObjectLockRetention | undefined): {
  body: string
  headers: Record<string, string>
} {
  if (retention === undefined) return xmlRequest('Retention', {})
  const field = 'Retention'
  const { Mode, RetainUntilDate } = object(retention, field, '{ Mode, RetainUntilDate }')
  return xmlRequest('Retention', {
    Mode: checkOneOf(Mode, `${field}.Mode`, MODES),
    RetainUntilDate: checkDate(RetainUntilDate, `${field}.RetainUntilDate`).toISOString(),
  })
}

export function legalHoldRequest(hold: ObjectLockLegalHold): { body: string; headers: Record<string, string> } {
  const { Status } = object(hold, 'LegalHold', '{ Status }')
  return xmlRequest('LegalHold', { Status: checkOneOf(Status, 'LegalHold.Status', HOLD) })
}

/** `<ObjectLockConfiguration>` (S3 API reference, GetObjectLockConfiguration). */
export const objectLockConfigurationDocument = /* @__PURE__ */ xmlDocument([], () => {
  const retention = z.object({
    Mode: z.optional(z.enum(['GOVERNANCE', 'COMPLIANCE'])),
    Days: z.optional(integer()),
    Years: z.optional(integer()),
  })
  return z.object({
    ObjectLockConfiguration: emptyOr(
      z.object({
        ObjectLockEnabled: z.optional(z.literal('Enabled')),
        Rule: z.optional(z.object({ DefaultRetention: z.optional(retention) })),
      }),
    ),
  })
})

/** `<Retention>` (S3 API reference, GetObjectRetention). */
export const retentionDocument = /* @__PURE__ */ xmlDocument([], () =>
  z.object({ Retention: z.object({ Mode: z.enum(['GOVERNANCE', 'COMPLIANCE']), RetainUntilDate: timestamp() }) }),
)

/** `<LegalHold>` (S3 API reference, GetObjectLegalHold). */
export const legalHoldDocument = /* @__PURE__ */ xmlDocument([], () =>
  z.object({ LegalHold: z.object({ Status: z.enum(['ON', 'OFF']) }) }),
)
