import * as z from 'zod/mini'
import { InputError } from '../src/core/errors.js'
import { checkText } from '../src/core/validate.js'
import { xmlRequest } from './request-document.js'
import { text, wrappedList, xmlDocument } from './xml.js'

/** The `<Tagging>` document of object and bucket tagging (PutObjectTagging, GetBucketTagging, …). */

/** One tag: a key of 1–128 and a value of 0–256 Unicode characters, both case-sensitive. */
export interface Tag {
  readonly Key: string
  readonly Value: string
}

/**
 * A set of tags, as `PutObjectTagging` and `PutBucketTagging` take it: at most 10 for an object and
 * 50 for a bucket, with unique keys; it replaces all the current tags.
 */
export interface Tagging {
  readonly TagSet: readonly Tag[]
}

// S3 user guide, "Categorizing your storage using tags": "You can associate up to 10 tags with an
// object. Tags that are associated with an object must have unique tag keys"; "A tag key can be up
// to 128 Unicode characters in length, and tag values can be up to 256 Unicode characters"; a
// bucket takes up to 50 tags (S3 user guide, "Using cost allocation S3 bucket tags").
export const MAX_OBJECT_TAGS = 10
export const MAX_BUCKET_TAGS = 50
const MAX_KEY = 128
const MAX_VALUE = 256

/**
 * The request document for `tagging`, checked: at most `max` tags, keys of 1–128 and values of
 * at most 256 Unicode characters (code points, as S3 counts them), no key twice, no key in the
 * reserved `aws:` prefix.
 */
export function taggingRequest(tagging: Tagging, max: number): { body: string; headers: Record<string, string> } {
  const field = 'Tagging.TagSet'
  const set = (tagging as Tagging | undefined)?.TagSet
  if (!Array.isArray(set)) throw new InputError(field, 'must be an array of { Key, Value } tags.')
  if (set.length > max) throw new InputError(field, `has ${set.length} tags; S3 allows at most ${max} here.`)
  const seen = new Set<string>()
  const tags = set.map((tag: unknown, index) => {
    const at = `${field}[${index}]`
    if (typeof tag !== 'object' || tag === null) throw new InputError(at, 'must be an object { Key, Value }.')
    const { Key, Value } = tag as Tag
    const key = checkText(Key, `${at}.Key`)
    const value = checkText(Value, `${at}.Value`, { empty: true })
    if ([...key].length > MAX_KEY)
      throw new InputError(`${at}.Key`, `is longer than S3 allows (${MAX_KEY} Unicode characters).`)
    if ([...value].length > MAX_VALUE)
      throw new InputError(`${at}.Value`, `is longer than S3 allows (${MAX_VALUE} Unicode characters).`)
    if (key.toLowerCase().startsWith('aws:'))
      throw new InputError(`${at}.Key`, `"${key}" uses the aws: prefix, which AWS reserves for its own tags.`)
    if (seen.has(key)) throw new InputError(`${at}.Key`, `"${key}" appears twice; tag keys must be unique.`)
    seen.add(key)
    return { Key: key, Value: value }
  })
  return xmlRequest('Tagging', { TagSet: { Tag: tags } })
}

/** `<Tagging><TagSet><Tag>…` (S3 API reference, GetObjectTagging and GetBucketTagging). */
export const taggingDocument = /* @__PURE__ */ xmlDocument(['Tagging.TagSet.Tag'], () =>
  z.object({
    Tagging: z.object({ TagSet: wrappedList('Tag', z.object({ Key: text(), Value: z._default(text(), '') })) }),
  }),
)
