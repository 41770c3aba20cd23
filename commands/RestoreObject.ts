import { oneOf, readHeaders, writeQuery } from '../codecs/headers.js'
import { optional, xmlRequest } from '../codecs/request-document.js'
import type { Command } from '../src/core/command.js'
import { checkBucket, checkInteger, checkKey, checkObject, checkText } from '../src/core/validate.js'

/**
 * How fast (and at what price) S3 restores: Expedited ~1–5 min (not Deep Archive), Standard ~3–5 h (the default), Bulk
 * ~5–12 h.
 */
export type RestoreTier = 'Expedited' | 'Standard' | 'Bulk'
const TIERS: readonly RestoreTier[] = ['Expedited', 'Standard', 'Bulk']

/**
 * How to restore an archived object (S3 Glacier Flexible Retrieval, Glacier Deep Archive, or an
 * Intelligent-Tiering archive tier): for how many days the temporary copy stays, and how fast to
 * restore it.
 */
export interface RestoreRequest {
  /** How long the restored copy stays, in days. Leave it out for S3 Intelligent-Tiering archive tiers. */
  readonly Days?: number
  readonly GlacierJobParameters?: { readonly Tier: RestoreTier }
  readonly Tier?: RestoreTier
  readonly Description?: string
}

/**
 * The input of `RestoreObject`: the archived object, and optionally the version, and the restore's
 * days and tier.
 */
export interface RestoreObjectInput {
  readonly Bucket: string
  readonly Key: string
  readonly VersionId?: string
  /** Days and tier; `{}` (the default) for an S3 Intelligent-Tiering archived object. */
  readonly RestoreRequest?: RestoreRequest
}

/**
 * What `RestoreObject` returns: whether a restored copy already existed (S3 answered 200) or a
 * restore has started (202), which S3's own output leaves to the status code.
 */
export interface RestoreObjectOutput {
  /**
   * True when S3 answered 200: a restored copy already existed and only its expiry moved; false
   * when it answered 202 and a restore started. Follow it with HeadObject's `Restore`.
   */
  readonly AlreadyRestored: boolean
  readonly RestoreOutputPath?: string
}

/**
 * Starts restoring an archived object (GLACIER, DEEP_ARCHIVE, Intelligent-Tiering archive tiers)
 * so it can be read again. The restore takes minutes to hours; HeadObject's
 * `Restore.ongoingRequest` says when it is done and `Restore.expiryDate` when the copy goes away.
 * A second request while one runs fails with `RestoreAlreadyInProgress`; an object that is not
 * archived, with `InvalidObjectState`. Servers that lack the operation answer `NotImplemented`
 * (HTTP 501, as Ceph RGW 16 does; `explainS3Error` gives it a message).
 *
 * @example
 * await send(
 *   client,
 *   RestoreObject({
 *     Bucket: 'my-bucket',
 *     Key: 'logs/testlog1.log',
 *     RestoreRequest: { Days: 5, GlacierJobParameters: { Tier: 'Bulk' } },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function RestoreObject(input: RestoreObjectInput): Command<RestoreObjectOutput> {
  const bucket = checkBucket(input.Bucket)
  const key = checkKey(input.Key)
  const request =
    input.RestoreRequest === undefined ? {} : checkObject<RestoreRequest>(input.RestoreRequest, 'RestoreRequest')
  const tier = oneOf(TIERS)
  // The order of the RestoreRequest members in S3's model.
  const { headers, body } = xmlRequest('RestoreRequest', {
    Days: checkInteger(request.Days, 'RestoreRequest.Days', 1),
    GlacierJobParameters: optional(
      request.GlacierJobParameters,
      'RestoreRequest.GlacierJobParameters.Tier',
      (job, field) => ({ Tier: tier(job?.Tier, field) }),
    ),
    Tier: optional(request.Tier, 'RestoreRequest.Tier', tier),
    Description: optional(request.Description, 'RestoreRequest.Description', (text, field) =>
      checkText(text, field, { empty: true }),
    ),
  })
  return {
    operation: 'RestoreObject',
    method: 'POST',
    bucket,
    key,
    query: { restore: '', ...writeQuery(input, { VersionId: 'versionId' }) },
    headers,
    body,
    parse: (response, context) => ({
      AlreadyRestored: response.status === 200,
      ...readHeaders<RestoreObjectOutput>(response, context, { RestoreOutputPath: 'x-amz-restore-output-path' }),
    }),
  }
}
