import * as z from 'zod/mini'

/** `<Owner>` as S3 sends it in listings and ACLs. AWS has dropped DisplayName in most regions. */
export const owner = z.object({ ID: z.string(), DisplayName: z.optional(z.string()) })

export type Owner = z.output<typeof owner>
