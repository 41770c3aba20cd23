/**
 * The two error types s3kit throws. `S3Error` is anything the service (or the road to it) said;
 * `InputError` is a problem with what the caller passed, raised before any request is made.
 * Neither ever carries credentials: they are built from codes, messages and names only.
 */

export interface S3ErrorDetails {
  readonly code: string
  readonly message?: string | undefined
  readonly status: number
  readonly requestId?: string | undefined
  readonly hostId?: string | undefined
  readonly operation: string
  readonly bucket?: string | undefined
  readonly key?: string | undefined
  /** Set by the multipart helpers so that a failed upload can still be found and cleaned up. */
  readonly uploadId?: string | undefined
  /** The region S3 named for the bucket (`x-amz-bucket-region`), when it named one. */
  readonly region?: string | undefined
  readonly cause?: unknown
}

/** An error returned by S3 (or by the network on the way to it), with S3's own `code`. */
export class S3Error extends Error {
  override readonly name = 'S3Error'
  /** S3's error code, e.g. `NoSuchKey`, `BucketNotEmpty`, `NotFound` (HEAD), `NetworkError`. */
  declare readonly code: string
  /** HTTP status; 0 when no response arrived. */
  declare readonly status: number
  declare readonly requestId: string | undefined
  declare readonly hostId: string | undefined
  declare readonly operation: string
  declare readonly bucket: string | undefined
  declare readonly key: string | undefined
  declare readonly uploadId: string | undefined
  declare readonly region: string | undefined

  constructor(details: S3ErrorDetails) {
    super(describe(details), details.cause === undefined ? undefined : { cause: details.cause })
    // Every field is set, undefined or not, in this order: `toJSON()` and `details()` list them so.
    const { code, status, requestId, hostId, operation, bucket, key, uploadId, region } = details
    Object.assign(this, { code, status, requestId, hostId, operation, bucket, key, uploadId, region })
  }

  /** Same fields, new ones merged in: used to attach an `uploadId` without losing the original. */
  with(extra: Partial<S3ErrorDetails>): S3Error {
    return new S3Error({ ...this.details(), ...extra })
  }

  /** The error's fields, message and cause as a plain object: what `new S3Error(…)` takes to make a copy. */
  details(): S3ErrorDetails {
    return { ...this, message: this.message, cause: this.cause }
  }

  /** The fields and message; never the cause, which may hold a request. */
  toJSON(): object {
    return { ...this, message: this.message }
  }
}

function describe(d: S3ErrorDetails): string {
  if (d.message?.startsWith(`${d.operation} `)) return d.message
  const where =
    d.bucket === undefined
      ? ''
      : d.key === undefined
        ? ` (bucket "${d.bucket}")`
        : ` (bucket "${d.bucket}", key "${d.key}")`
  const text = d.message ? `: ${d.message}` : ''
  return `${d.operation} failed with ${d.code}${d.status ? ` (HTTP ${d.status})` : ''}${where}${text}`
}

/** The caller passed something that S3 would refuse or that cannot be sent; nothing was sent. */
export class InputError extends TypeError {
  override readonly name = 'InputError'
  /** The input field at fault, e.g. `Bucket`, `Key`, `Metadata.color`. */
  declare readonly field: string

  constructor(field: string, message: string) {
    super(`${field}: ${message}`)
    this.field = field
  }
}

/** A response that does not have the shape S3 documents: missing headers, malformed documents. */
export function invalidResponse(
  context: { readonly operation: string; readonly bucket?: string | undefined; readonly key?: string | undefined },
  status: number,
  problem: string,
  cause?: unknown,
): S3Error {
  return new S3Error({ ...context, code: 'InvalidResponse', status, message: problem, cause })
}
