import * as z from 'zod/mini'
import { lazy } from '../src/core/lazy.js'

/** `<Owner>` as S3 sends it in listings and ACLs. AWS has dropped DisplayName in most regions. */
export const owner = /* @__PURE__ */ lazy(() => z.object({ ID: z.string(), DisplayName: z.optional(z.string()) }))

export interface Owner {
  readonly ID: string
  readonly DisplayName?: string
}
