import { AbortMultipartUpload } from '../../commands/AbortMultipartUpload.js'
import { HeadObject } from '../../commands/HeadObject.js'
import type { Client } from '../core/client.js'
import { compact } from '../core/command.js'
import { S3Error } from '../core/errors.js'
import type { RequestOption } from '../core/extend-command.js'
import { send } from '../core/send.js'
import { applyOptions } from './request-options.js'

/**
 * What `upload` and `copy` share around their parts: one signal that stops every request of the
 * job when the caller aborts or the first part fails, and that first failure, which is what the
 * job rejects with.
 */
export interface FirstFailure {
  /** Aborts with the caller's reason or the first failure. */
  readonly signal: AbortSignal
  /** Records `error` if it is the first, and stops the job. */
  fail(error: unknown): void
  readonly failed: boolean
  readonly error: unknown
  /** Stops listening to the caller's signal. */
  release(): void
}

export function firstFailure(caller: AbortSignal | undefined): FirstFailure {
  const stop = new AbortController()
  const onAbort = (): void => stop.abort(caller!.reason)
  caller?.addEventListener('abort', onAbort, { once: true })
  let first: { error: unknown } | undefined
  return {
    signal: stop.signal,
    fail(error) {
      if (first) return
      first = { error }
      stop.abort(error)
    },
    get failed() {
      return first !== undefined
    },
    get error() {
      return first?.error
    },
    release: () => caller?.removeEventListener('abort', onAbort),
  }
}

/**
 * Aborts a multipart upload that failed, so that no parts are left to pay for, and returns the
 * error to reject with: the first failure, carrying the bucket, key and `uploadId` (and saying so
 * when even the abort failed), or the caller's abort reason unchanged. The abort carries the
 * job's request `options` (a bucket owner, Requester Pays) that apply to it.
 */
export async function abandonUpload(
  client: Client,
  where: { Bucket: string; Key: string; UploadId: string | undefined; leaveParts?: boolean | undefined },
  error: unknown,
  caller: AbortSignal | undefined,
  options?: readonly RequestOption[],
): Promise<unknown> {
  const { Bucket, Key, UploadId } = where
  let note = ''
  if (UploadId !== undefined && !where.leaveParts) {
    await send(client, applyOptions(AbortMultipartUpload({ Bucket, Key, UploadId }), options)).catch(
      (abortError: unknown) => {
        note =
          ` (AbortMultipartUpload failed too, so the parts of upload ${UploadId} are left: ` +
          `${(abortError as Error).message})`
      },
    )
  }
  if ((caller?.aborted && error === caller.reason) || !(error instanceof S3Error)) return error
  return error.with({
    bucket: error.bucket ?? Bucket,
    key: error.key ?? Key,
    uploadId: UploadId,
    ...(note ? { message: error.message + note } : {}),
  })
}

/**
 * The ETag of a completed multipart upload (or copy): the completion's, or, where Ceph RGW
 * completes with an empty one, the stored object's from a HeadObject carrying the job's `options`.
 */
export async function completedETag(
  client: Client,
  where: { Bucket: string; Key: string },
  completed: { readonly ETag?: string | undefined; readonly VersionId?: string | undefined },
  options: readonly RequestOption[] | undefined,
): Promise<string> {
  if (completed.ETag !== undefined) return completed.ETag
  const head = HeadObject({ ...where, ...compact({ VersionId: completed.VersionId }) })
  return (await send(client, applyOptions(head, options))).ETag
}

/** Waits for `promise`, or rejects with the signal's reason as soon as it aborts. */
export function untilStopped<T>(promise: PromiseLike<T> | T, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    Promise.resolve(promise)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort))
  })
}
