import type { ResponseContext } from '../src/core/command.js'
import { InputError, invalidResponse } from '../src/core/errors.js'
import { contentMd5 } from '../src/core/md5.js'

/**
 * Bucket policies: IAM-style JSON documents, sent and received as JSON (no XML). A policy goes in
 * as an object or as JSON text and comes back parsed.
 */

/** One statement of a policy (IAM policy grammar); other members are kept as they are. */
export interface PolicyStatement {
  readonly Sid?: string
  readonly Effect: 'Allow' | 'Deny'
  readonly Principal?: '*' | Readonly<Record<string, string | readonly string[]>>
  readonly NotPrincipal?: Readonly<Record<string, string | readonly string[]>>
  readonly Action?: string | readonly string[]
  readonly NotAction?: string | readonly string[]
  readonly Resource?: string | readonly string[]
  readonly NotResource?: string | readonly string[]
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  readonly [member: string]: unknown
}

/**
 * A bucket policy, e.g. `{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action:
 * 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }] }`.
 */
export interface PolicyDocument {
  readonly Version?: '2012-10-17' | '2008-10-17' | (string & {})
  readonly Id?: string
  readonly Statement: PolicyStatement | readonly PolicyStatement[]
  readonly [member: string]: unknown
}

// "Bucket policies are limited to 20 KB in size" (S3 user guide, "Bucket policies for Amazon S3").
const MAX_POLICY = 20 * 1024

/**
 * The request body: the policy as JSON text, checked to be a JSON object with a `Statement` and
 * at most 20 KB, with the `Content-MD5` S3 requires for PutBucketPolicy.
 */
export function policyRequest(policy: PolicyDocument | string): { body: string; headers: Record<string, string> } {
  const field = 'Policy'
  let body: string
  let document: unknown
  if (typeof policy === 'string') {
    try {
      document = JSON.parse(policy)
    } catch (error) {
      throw new InputError(field, `is not valid JSON: ${(error as Error).message}.`)
    }
    body = policy
  } else {
    document = policy
    try {
      body = JSON.stringify(policy)
    } catch (error) {
      throw new InputError(field, `cannot be written as JSON: ${(error as Error).message}.`)
    }
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new InputError(field, 'must be a JSON object (a policy document).')
  const statement = (document as { Statement?: unknown }).Statement
  if (typeof statement !== 'object' || statement === null || (Array.isArray(statement) && statement.length === 0)) {
    throw new InputError(`${field}.Statement`, 'must be a statement object or a non-empty array of them.')
  }
  const size = new TextEncoder().encode(body).length
  if (size > MAX_POLICY) throw new InputError(field, `is ${size} bytes; S3 accepts policies of at most 20 KB.`)
  return { body, headers: { 'content-type': 'application/json', 'content-md5': contentMd5(body) } }
}

/** The policy of a GetBucketPolicy response, parsed; anything but a JSON object is an `InvalidResponse`. */
export async function readPolicy(response: Response, context: ResponseContext): Promise<PolicyDocument> {
  const text = await response.text()
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw invalidResponse(context, response.status, `the policy is not valid JSON: ${(error as Error).message}.`, error)
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw invalidResponse(context, response.status, 'the policy is not a JSON object.')
  }
  return document as PolicyDocument
}
