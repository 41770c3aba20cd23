import * as z from 'zod/mini'
import { InputError } from '../src/core/errors.js'
import { checkList, checkOneOf } from '../src/core/validate.js'
import { xmlRequest } from './request-document.js'
import { xmlDocument } from './xml.js'

/** The `<OwnershipControls>` document (S3 Object Ownership). */

/**
 * Who owns objects others upload, and whether ACLs count: `BucketOwnerEnforced` (the default for
 * new buckets on AWS: ACLs are off, the bucket owner owns everything), `BucketOwnerPreferred` (the
 * owner takes objects uploaded with `bucket-owner-full-control`), `ObjectWriter` (the uploader owns).
 */
export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter'

/** The one rule of a bucket's ownership controls: its Object Ownership setting. */
export interface OwnershipControlsRule {
  readonly ObjectOwnership: ObjectOwnership
}

/** A bucket's ownership controls, as `PutBucketOwnershipControls` takes them: exactly one rule. */
export interface OwnershipControls {
  /** Exactly one rule. */
  readonly Rules: readonly OwnershipControlsRule[]
}

const OWNERSHIP: readonly ObjectOwnership[] = ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']

export function ownershipControlsRequest(controls: OwnershipControls): {
  body: string
  headers: Record<string, string>
} {
  const field = 'OwnershipControls.Rules'
  if (typeof controls !== 'object' || controls === null)
    throw new InputError('OwnershipControls', 'must be an object { Rules: [{ ObjectOwnership }] }.')
  const rules = checkList(controls.Rules, field, 1, (rule, at) => {
    if (typeof rule !== 'object' || rule === null) throw new InputError(at, 'must be an object { ObjectOwnership }.')
    return {
      ObjectOwnership: checkOneOf((rule as OwnershipControlsRule).ObjectOwnership, `${at}.ObjectOwnership`, OWNERSHIP),
    }
  })
  return xmlRequest('OwnershipControls', { Rule: rules })
}

/** `<OwnershipControls><Rule><ObjectOwnership>` (S3 API reference, GetBucketOwnershipControls). */
export const ownershipControlsDocument = /* @__PURE__ */ xmlDocument(['OwnershipControls.Rule'], () =>
  z.object({
    OwnershipControls: z.object({
      Rule: z.array(
        z.object({ ObjectOwnership: z.enum(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']) }),
      ),
    }),
  }),
)
