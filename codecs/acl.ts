import * as z from 'zod/mini'
import { compact, type ResponseContext } from '../src/core/command.js'
import { InputError } from '../src/core/errors.js'
import { checkOneOf, checkText } from '../src/core/validate.js'
import { oneOf, writeHeaders } from './headers.js'
import { type Owner, owner } from './owner.js'
import { xmlRequest } from './request-document.js'
import { readDocument, text, wrappedList, xmlDocument } from './xml.js'

/**
 * Access control lists: the `<AccessControlPolicy>` document of Get/Put Bucket/Object Acl, and
 * the canned-ACL and grant headers. Shared by the four ACL commands and the grant helpers.
 */

/** What a grant allows (S3 ACL overview, "What permissions can I grant?"); keyed by the value itself. */
export const Permission = {
  FULL_CONTROL: 'FULL_CONTROL',
  WRITE: 'WRITE',
  WRITE_ACP: 'WRITE_ACP',
  READ: 'READ',
  READ_ACP: 'READ_ACP',
} as const
export type Permission = (typeof Permission)[keyof typeof Permission]
const PERMISSIONS = ['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP'] as const

/** S3's predefined groups, granted to by URI; keyed by the group's name, as the URI ends. */
export const GroupUri = {
  /** Anyone, signed or not. */
  AllUsers: 'http://acs.amazonaws.com/groups/global/AllUsers',
  /** Any AWS account (requests must be signed), not just yours. */
  AuthenticatedUsers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  /** S3's server access logging, writing logs into a bucket. */
  LogDelivery: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
} as const

/** An account, by its canonical user ID (on Ceph RGW, the user's uid). */
export interface CanonicalUserGrantee {
  readonly Type: 'CanonicalUser'
  readonly ID: string
  /** Sent back by some servers; ignored in requests. */
  readonly DisplayName?: string
}

/**
 * An account, by its e-mail address. S3 resolves it to the canonical user when the ACL is written,
 * so reads show a `CanonicalUser`. AWS stopped accepting these on 1 October 2025 (HTTP 405); they
 * were only ever accepted in eight regions. S3-compatible servers (Ceph RGW) still accept them.
 */
export interface EmailGrantee {
  readonly Type: 'AmazonCustomerByEmail'
  readonly EmailAddress: string
  readonly DisplayName?: string
}

/** One of S3's predefined groups (`GroupUri`). */
export interface GroupGrantee {
  readonly Type: 'Group'
  readonly URI: string
}

/**
 * Who a grant is for: an account by canonical user ID, an account by e-mail address, or one of S3's
 * predefined groups, told apart by `Type` (S3's `xsi:type`). s3kit types each kind with its own
 * fields, where `@aws-sdk/client-s3` has one shape whose fields are all optional.
 */
export type Grantee = CanonicalUserGrantee | EmailGrantee | GroupGrantee

/** One entry of an ACL: a grantee and the permission it has. */
export interface Grant {
  readonly Grantee: Grantee
  readonly Permission: Permission
}

/** A whole ACL: who owns the resource and every grant on it. */
export interface AccessControlPolicy {
  readonly Owner: Owner
  readonly Grants: readonly Grant[]
}

/** What GetBucketAcl and GetObjectAcl return. */
export interface AclOutput {
  readonly Owner: Owner
  readonly Grants: Grant[]
}

/** The three ways to set an ACL; S3 takes exactly one of them per request. */
export interface AclFields<Canned extends string> {
  /** A canned ACL (`x-amz-acl`), e.g. `public-read`. */
  readonly ACL?: Canned
  /** The whole ACL as a document; it replaces every existing grant. Read-modify-write with `addGrant`. */
  readonly AccessControlPolicy?: AccessControlPolicy
  /**
   * Grant headers, e.g. `id="79a5…", uri="http://acs.amazonaws.com/groups/global/AllUsers"`; together they replace the
   * ACL.
   */
  readonly GrantFullControl?: string
  readonly GrantRead?: string
  readonly GrantReadACP?: string
  readonly GrantWrite?: string
  readonly GrantWriteACP?: string
}

const GRANT_HEADERS = {
  GrantFullControl: 'x-amz-grant-full-control',
  GrantRead: 'x-amz-grant-read',
  GrantReadACP: 'x-amz-grant-read-acp',
  GrantWrite: 'x-amz-grant-write',
  GrantWriteACP: 'x-amz-grant-write-acp',
} as const

// An ACL can have up to 100 grants (S3 ACL overview).
const MAX_GRANTS = 100
const XSI = 'http://www.w3.org/2001/XMLSchema-instance'

/** The headers and body of a PutBucketAcl / PutObjectAcl request; checks that exactly one form is used. */
export function aclRequest<Canned extends string>(
  input: AclFields<Canned>,
  canned: readonly Canned[],
): { headers: Record<string, string>; body?: string } {
  const granted = Object.keys(GRANT_HEADERS).some((name) => input[name as keyof typeof GRANT_HEADERS] !== undefined)
  const forms = [input.ACL !== undefined, input.AccessControlPolicy !== undefined, granted].filter(Boolean).length
  if (forms !== 1) {
    throw new InputError(
      'ACL',
      forms === 0
        ? 'give one of ACL (canned), AccessControlPolicy or Grant* headers.'
        : 'give only one of ACL, AccessControlPolicy and Grant* headers; S3 refuses a mix.',
    )
  }
  if (input.AccessControlPolicy !== undefined) return policyDocument(input.AccessControlPolicy)
  return { headers: writeHeaders(input, { ACL: ['x-amz-acl', oneOf(canned)], ...GRANT_HEADERS }) }
}

function policyDocument(policy: AccessControlPolicy): { headers: Record<string, string>; body: string } {
  const field = 'AccessControlPolicy'
  if (typeof policy?.Owner !== 'object' || policy.Owner === null) {
    throw new InputError(
      `${field}.Owner`,
      'is required (as GetBucketAcl/GetObjectAcl return it): S3 refuses an ACL without its owner.',
    )
  }
  const ownerId = checkText(policy.Owner.ID, `${field}.Owner.ID`)
  if (!Array.isArray(policy.Grants)) throw new InputError(`${field}.Grants`, 'must be an array (it may be empty).')
  if (policy.Grants.length > MAX_GRANTS) {
    throw new InputError(`${field}.Grants`, `has ${policy.Grants.length} grants; an ACL holds at most ${MAX_GRANTS}.`)
  }
  const grants = policy.Grants.map((grant, index) => grantElement(grant, `${field}.Grants[${index}]`))
  // DisplayName is left out: S3 ignores it in requests.
  return xmlRequest('AccessControlPolicy', { Owner: { ID: ownerId }, AccessControlList: { Grant: grants } })
}

/** Checks one grant as the ACL document needs it (used by the grant helpers before any request). */
export function grantElement(grant: Grant, field: string): Record<string, unknown> {
  return {
    Grantee: granteeElement(grant?.Grantee, `${field}.Grantee`),
    Permission: checkOneOf(grant.Permission, `${field}.Permission`, PERMISSIONS),
  }
}

export function granteeElement(grantee: Grantee, field: string): Record<string, unknown> {
  const type = { '@_xmlns:xsi': XSI, '@_xsi:type': grantee?.Type }
  switch (grantee?.Type) {
    case 'CanonicalUser':
      return { ...type, ID: checkText(grantee.ID, `${field}.ID`) }
    case 'AmazonCustomerByEmail':
      return { ...type, EmailAddress: checkText(grantee.EmailAddress, `${field}.EmailAddress`) }
    case 'Group':
      return { ...type, URI: checkText(grantee.URI, `${field}.URI`) }
    default:
      throw new InputError(
        `${field}.Type`,
        `must be CanonicalUser, AmazonCustomerByEmail or Group, ` +
          `not ${JSON.stringify((grantee as { Type?: unknown } | undefined)?.Type)}.`,
      )
  }
}

// Responses: `xsi:type` arrives as `@_type` (the reader drops namespace prefixes).

/** `<AccessControlPolicy>` as GetBucketAcl and GetObjectAcl return it. */
const aclDocument = /* @__PURE__ */ xmlDocument(['AccessControlPolicy.AccessControlList.Grant'], () => {
  const grantee = z.union([
    z.object({ '@_type': z.literal('CanonicalUser'), ID: text(), DisplayName: z.optional(text()) }),
    z.object({ '@_type': z.literal('AmazonCustomerByEmail'), EmailAddress: text(), DisplayName: z.optional(text()) }),
    z.object({ '@_type': z.literal('Group'), URI: text() }),
  ])
  return z.object({
    AccessControlPolicy: z.object({
      Owner: owner(),
      AccessControlList: wrappedList('Grant', z.object({ Grantee: grantee, Permission: z.enum(PERMISSIONS) })),
    }),
  })
})

export async function readAcl(response: Response, context: ResponseContext): Promise<AclOutput> {
  const { AccessControlPolicy: policy } = await readDocument(response, aclDocument, context)
  return {
    Owner: compact<Owner>(policy.Owner),
    Grants: policy.AccessControlList.map(({ Grantee: { '@_type': Type, ...fields }, Permission }) => ({
      Grantee: compact<Grantee>({ Type, ...fields } as Grantee),
      Permission,
    })),
  }
}
