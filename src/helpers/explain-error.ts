import { S3Error } from '../core/errors.js'

/**
 * The `S3Error` codes the ACL, CORS, lifecycle and restore commands can meet (beyond the codes
 * every request can meet, such as `AccessDenied` or `NoSuchBucket`), and clearer messages for the
 * ones whose own message is empty (Ceph RGW) or misleading. Each table is keyed by the code itself.
 */

/**
 * The `S3Error` codes the ACL commands and the grant helpers can meet beyond those of every
 * request, keyed by the code itself: compare `error.code` with them. `explainS3Error` rewrites
 * their messages to say what to do.
 */
export const AclErrorCode = {
  /** The bucket's Object Ownership is "bucket owner enforced" (AWS's default since April 2023): ACLs are off. */
  AccessControlListNotSupported: 'AccessControlListNotSupported',
  /** No account has the grantee's e-mail address. */
  UnresolvableGrantByEmailAddress: 'UnresolvableGrantByEmailAddress',
  /** The AccessControlPolicy document does not validate against S3's schema. */
  MalformedACLError: 'MalformedACLError',
  /** e.g. a canned ACL the server does not know (Ceph RGW: `aws-exec-read`, `log-delivery-write`), or no Owner. */
  InvalidArgument: 'InvalidArgument',
  /** HTTP 405: AWS answers so for e-mail grantees since 1 October 2025. */
  MethodNotAllowed: 'MethodNotAllowed',
} as const
/** One of the codes of `AclErrorCode`. */
export type AclErrorCode = (typeof AclErrorCode)[keyof typeof AclErrorCode]

/**
 * The `S3Error` codes the CORS commands (`PutBucketCors`, `GetBucketCors`, `DeleteBucketCors`) can
 * meet beyond those of every request, keyed by the code itself: compare `error.code` with them.
 * `explainS3Error` rewrites their messages to say what to do.
 */
export const CorsErrorCode = {
  NoSuchCORSConfiguration: 'NoSuchCORSConfiguration',
  MalformedXML: 'MalformedXML',
  InvalidRequest: 'InvalidRequest',
} as const
/** One of the codes of `CorsErrorCode`. */
export type CorsErrorCode = (typeof CorsErrorCode)[keyof typeof CorsErrorCode]

/**
 * The `S3Error` codes the lifecycle commands (`PutBucketLifecycleConfiguration`,
 * `GetBucketLifecycleConfiguration`) can meet beyond those of every request, keyed by the code
 * itself: compare `error.code` with them. `explainS3Error` rewrites their messages to say what to
 * do.
 */
export const LifecycleErrorCode = {
  NoSuchLifecycleConfiguration: 'NoSuchLifecycleConfiguration',
  MalformedXML: 'MalformedXML',
  InvalidArgument: 'InvalidArgument',
  InvalidRequest: 'InvalidRequest',
} as const
/** One of the codes of `LifecycleErrorCode`. */
export type LifecycleErrorCode = (typeof LifecycleErrorCode)[keyof typeof LifecycleErrorCode]

/**
 * The `S3Error` codes `RestoreObject`, and `GetObject` of an archived object can meet beyond those
 * of every request, keyed by the code itself: compare `error.code` with them. `explainS3Error`
 * rewrites their messages to say what to do.
 */
export const RestoreErrorCode = {
  /** RestoreObject: the object is not archived. GetObject: it is archived and not restored. */
  InvalidObjectState: 'InvalidObjectState',
  /** A restore of the object is already running (HTTP 409). */
  RestoreAlreadyInProgress: 'RestoreAlreadyInProgress',
  /** Expedited capacity is exhausted (HTTP 503); try Standard or Bulk. */
  GlacierExpeditedRetrievalNotAvailable: 'GlacierExpeditedRetrievalNotAvailable',
  /** The object is already in an active tier (Intelligent-Tiering). */
  ObjectAlreadyInActiveTierError: 'ObjectAlreadyInActiveTierError',
  /** The server has no RestoreObject (HTTP 501, as Ceph RGW 16 answers; see explainS3Error for its other answer). */
  NotImplemented: 'NotImplemented',
} as const
/** One of the codes of `RestoreErrorCode`. */
export type RestoreErrorCode = (typeof RestoreErrorCode)[keyof typeof RestoreErrorCode]

/**
 * Returns `error` with a message that says what happened and what to do, for the codes above
 * whose own message is empty or misleading; anything else comes back unchanged. The original
 * error is kept as `cause`. `send` stays generic, so call it where you handle errors — the grant
 * helpers (`addGrant`, `removeGrant`) already do for ACL errors.
 *
 * @example
 * try {
 *   await send(client, RestoreObject({ Bucket, Key, RestoreRequest: { Days: 1 } }))
 * } catch (error) {
 *   throw explainS3Error(error) // e.g. code NotImplemented: "this server does not implement RestoreObject …"
 * }
 */
export function explainS3Error<E>(error: E): E | S3Error {
  return explain(error, (e) => aclExplanation(e) ?? configExplanation(e))
}

/** `explainS3Error` for the ACL codes only: what the grant helpers use, so they carry less. */
export function explainAclError<E>(error: E): E | S3Error {
  return explain(error, aclExplanation)
}

type Explanation = { code?: string; message: string } | undefined

function explain<E>(error: E, explanation: (error: S3Error) => Explanation): E | S3Error {
  if (!(error instanceof S3Error)) return error
  const explained = explanation(error)
  return explained ? error.with({ ...explained, cause: error }) : error
}

const ACL_WRITERS = ['PutBucketAcl', 'PutObjectAcl', 'CreateBucket', 'PutObject', 'CopyObject', 'CreateMultipartUpload']

function aclExplanation({ code, status, operation }: S3Error): Explanation {
  if (code === 'AccessControlListNotSupported') {
    return {
      message:
        'ACLs are disabled on this bucket (Object Ownership "bucket owner enforced", ' +
        "AWS's default since April 2023): use a bucket policy, or set Object Ownership to ObjectWriter.",
    }
  }
  if (status === 405 && ACL_WRITERS.includes(operation)) {
    return { message: 'AWS refuses e-mail grantees since 1 October 2025 (HTTP 405): grant by canonical user ID.' }
  }
  return undefined
}

// What Ceph RGW 16 answers to a POST ?restore sent without Content-Length (chunked): it takes the
// request for a browser form upload. With Content-Length, as s3kit sends it, RGW answers 501.
const RGW_FORM_UPLOAD = /multipart\/form-data/i

function configExplanation({ code, status, operation, message }: S3Error): Explanation {
  if (code === 'NoSuchCORSConfiguration') return { message: 'the bucket has no CORS configuration.' }
  if (code === 'NoSuchLifecycleConfiguration') return { message: 'the bucket has no lifecycle configuration.' }
  if (operation === 'RestoreObject') {
    if (status === 501) return { message: 'this server does not implement RestoreObject.' }
    if (code === 'InvalidArgument' && RGW_FORM_UPLOAD.test(message)) {
      return {
        code: 'NotImplemented',
        message:
          'this server does not implement RestoreObject: it took the request for a browser form upload and ' +
          'answered InvalidArgument "Request Content-Type is not multipart/form-data" (Ceph RGW 16 does so ' +
          'for a chunked request). Nothing was changed.',
      }
    }
    if (code === 'InvalidObjectState')
      return {
        message:
          'the object is not archived (restore applies to GLACIER, ' +
          'DEEP_ARCHIVE and Intelligent-Tiering archive tiers).',
      }
    if (code === 'RestoreAlreadyInProgress')
      return {
        message: 'a restore of this object is already running; poll HeadObject until Restore.ongoingRequest is false.',
      }
  }
  if (code === 'InvalidObjectState') {
    return {
      message:
        'the object is archived; start a restore with RestoreObject and read it once HeadObject shows ' +
        'Restore.ongoingRequest false.',
    }
  }
  return undefined
}
