import * as z from 'zod/mini'
import type { ResponseContext } from '../src/core/command.js'
import { InputError } from '../src/core/errors.js'
import { checkObject } from '../src/core/validate.js'
import { xmlRequest } from './request-document.js'
import { anyCaseBoolean, readSubresource } from './subresource.js'
import { xmlDocument } from './xml.js'

/** The `<PublicAccessBlockConfiguration>` and `<PolicyStatus>` documents: what keeps a bucket private. */

/**
 * A bucket's Block Public Access settings, as `PutPublicAccessBlock` takes them: four switches that
 * override ACLs and policies that would make the bucket or its objects public. A setting left out
 * is off.
 */
export interface PublicAccessBlockConfiguration {
  /** Refuse requests that set a public ACL (PutBucketAcl, PutObjectAcl, PutObject with one). */
  readonly BlockPublicAcls?: boolean
  /** Ignore public ACLs already in place. */
  readonly IgnorePublicAcls?: boolean
  /** Refuse PutBucketPolicy when the policy would make the bucket public. */
  readonly BlockPublicPolicy?: boolean
  /** Only AWS principals and the owner may use a bucket whose policy is public. */
  readonly RestrictPublicBuckets?: boolean
}

/** As GetPublicAccessBlock returns it: a setting S3 leaves out is off. */
export type PublicAccessBlockOutput = { readonly [K in keyof PublicAccessBlockConfiguration]-?: boolean }

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const

/** The request document: each setting given, checked to be a boolean; settings left out are sent as nothing (off). */
export function publicAccessBlockRequest(configuration: PublicAccessBlockConfiguration): {
  body: string
  headers: Record<string, string>
} {
  const field = 'PublicAccessBlockConfiguration'
  checkObject(configuration, field)
  if (typeof configuration !== 'object' || configuration === null)
    throw new InputError(field, 'must be an object of booleans.')
  const content: Record<string, boolean | undefined> = {}
  for (const name of SETTINGS) {
    const value = configuration[name]
    if (value !== undefined && typeof value !== 'boolean')
      throw new InputError(`${field}.${name}`, `must be true or false, not ${JSON.stringify(value)}.`)
    content[name] = value
  }
  return xmlRequest('PublicAccessBlockConfiguration', content)
}

// S3 API reference, GetPublicAccessBlock: `<PublicAccessBlockConfiguration>`; Ceph RGW 16 names
// the root `<BlockPublicAccessBlockConfiguration>` (captured), which is read the same way.
const publicAccessBlockDocument = /* @__PURE__ */ xmlDocument([], () => {
  const flag = z.optional(anyCaseBoolean())
  const settings = z.object({
    BlockPublicAcls: flag,
    IgnorePublicAcls: flag,
    BlockPublicPolicy: flag,
    RestrictPublicBuckets: flag,
  })
  return z.union([
    z.object({ PublicAccessBlockConfiguration: settings }),
    z.object({ BlockPublicAccessBlockConfiguration: settings }),
  ])
})

export async function readPublicAccessBlock(
  response: Response,
  context: ResponseContext,
): Promise<PublicAccessBlockOutput> {
  const document = await readSubresource(response, publicAccessBlockDocument, context)
  const settings =
    'PublicAccessBlockConfiguration' in document
      ? document.PublicAccessBlockConfiguration
      : document.BlockPublicAccessBlockConfiguration
  return {
    BlockPublicAcls: settings.BlockPublicAcls ?? false,
    IgnorePublicAcls: settings.IgnorePublicAcls ?? false,
    BlockPublicPolicy: settings.BlockPublicPolicy ?? false,
    RestrictPublicBuckets: settings.RestrictPublicBuckets ?? false,
  }
}

/** `<PolicyStatus><IsPublic>` (S3 API reference, GetBucketPolicyStatus). */
export const policyStatusDocument = /* @__PURE__ */ xmlDocument([], () =>
  z.object({ PolicyStatus: z.object({ IsPublic: anyCaseBoolean() }) }),
)
