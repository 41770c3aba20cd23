import * as z from 'zod/mini'
import { InputError } from '../src/core/errors.js'
import { checkOneOf } from '../src/core/validate.js'
import { xmlRequest } from './request-document.js'
import { emptyOr } from './subresource.js'
import { xmlDocument } from './xml.js'

/** The `<VersioningConfiguration>` document of PutBucketVersioning and GetBucketVersioning. */

/**
 * A bucket's versioning state: `Enabled` keeps every version of every object; `Suspended` stops
 * making new versions (existing ones stay). A bucket never returns to unversioned.
 */
export type BucketVersioningStatus = 'Enabled' | 'Suspended'
/** Whether deleting a version or changing the bucket's versioning state needs an MFA code. */
export type MFADeleteStatus = 'Enabled' | 'Disabled'

/**
 * A bucket's versioning configuration, as `PutBucketVersioning` takes it: the versioning state and,
 * optionally, MFA delete.
 */
export interface VersioningConfiguration {
  /** `Enabled` keeps every version of every object; `Suspended` stops making new ones (existing versions stay). */
  readonly Status: BucketVersioningStatus
  /** Whether deleting a version or changing versioning needs an MFA code; changing it needs `MFA`. */
  readonly MFADelete?: MFADeleteStatus
}

const STATUSES: readonly BucketVersioningStatus[] = ['Enabled', 'Suspended']
const MFA_DELETE: readonly MFADeleteStatus[] = ['Enabled', 'Disabled']

/** The request document; `MFADelete` needs `mfa` (the `x-amz-mfa` header), as S3 requires. */
export function versioningRequest(
  configuration: VersioningConfiguration,
  mfa: string | undefined,
): { body: string; headers: Record<string, string> } {
  const field = 'VersioningConfiguration'
  if (typeof configuration !== 'object' || configuration === null)
    throw new InputError(field, 'must be an object { Status, MFADelete? }.')
  const Status = checkOneOf(configuration.Status, `${field}.Status`, STATUSES)
  const MfaDelete =
    configuration.MFADelete === undefined
      ? undefined
      : checkOneOf(configuration.MFADelete, `${field}.MFADelete`, MFA_DELETE)
  if (MfaDelete !== undefined && mfa === undefined) {
    throw new InputError(
      'MFA',
      'is required with VersioningConfiguration.MFADelete: the serial number and current code of the MFA ' +
        'device, separated by a space.',
    )
  }
  // S3 names the element MfaDelete; the field is MFADelete (S3 API reference, PutBucketVersioning).
  return xmlRequest('VersioningConfiguration', { Status, MfaDelete })
}

/**
 * `<VersioningConfiguration>` (S3 API reference, GetBucketVersioning): empty for a bucket whose
 * versioning was never set; `MfaDelete` only once MFA delete has been configured.
 */
export const versioningDocument = /* @__PURE__ */ xmlDocument([], () =>
  z.object({
    VersioningConfiguration: emptyOr(
      z.object({
        Status: z.optional(z.enum(['Enabled', 'Suspended'])),
        MfaDelete: z.optional(z.enum(['Enabled', 'Disabled'])),
      }),
    ),
  }),
)
