import * as z from 'zod/mini'
import { lazy } from '../src/core/lazy.js'

/** `<Owner>` as S3 sends it in listings and ACLs. AWS has dropped DisplayName in most regions. */
export const owner = /* @__PURE__ */ lazy(() => z.object({ ID: z.string(), DisplayName: z.optional(z.string()) }))

/**
 * The owner of a bucket, object or upload, as S3 names it in listings and ACLs: a canonical user
 * ID, and a display name where the server still sends one.
 */
export interface Owner {
  readonly ID: string
  readonly DisplayName?: string
}
