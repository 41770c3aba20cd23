import * as z from 'zod/mini'
import { compact, type ResponseContext } from '../src/core/command.js'
import { InputError } from '../src/core/errors.js'
import { checkStorageClass, type StorageClass } from '../src/core/storage-class.js'
import { checkDate, checkInteger, checkList, checkOneOf, checkText } from '../src/core/validate.js'
import { optional, xmlRequest } from './request-document.js'
import { boolean, integer, readDocument, text, timestamp, xmlDocument } from './xml.js'

/**
 * The `<LifecycleConfiguration>` document of Put/GetBucketLifecycleConfiguration. Inputs are
 * checked against the rules the S3 API reference and user guide state, so a mistake is an
 * `InputError` naming the rule and field instead of a bare `MalformedXML` from the server.
 */

/**
 * A tag a lifecycle rule filters on (exported as `LifecycleTag`): the rule applies to objects that
 * carry this key with this value.
 */
export interface Tag {
  readonly Key: string
  readonly Value: string
}

/** Several conditions that must all hold (at least two of them). */
export interface LifecycleRuleAndOperator {
  readonly Prefix?: string
  readonly Tags?: readonly Tag[]
  readonly ObjectSizeGreaterThan?: number
  readonly ObjectSizeLessThan?: number
}

interface FilterKinds {
  Prefix: string
  Tag: Tag
  ObjectSizeGreaterThan: number
  ObjectSizeLessThan: number
  And: LifecycleRuleAndOperator
}
type Only<K extends keyof FilterKinds> = { readonly [P in K]: FilterKinds[P] } & {
  readonly [P in Exclude<keyof FilterKinds, K>]?: never
}

/**
 * Which objects a rule applies to: exactly one of a key prefix (`{ Prefix: '' }` is every object),
 * one tag, a size bound in bytes, or `And` combining several. An empty `<Filter/>` read from a
 * server (every object) comes back as `{ Prefix: '' }`.
 */
export type LifecycleRuleFilter =
  | Only<'Prefix'>
  | Only<'Tag'>
  | Only<'ObjectSizeGreaterThan'>
  | Only<'ObjectSizeLessThan'>
  | Only<'And'>

/** Days after creation (0 or more) or a date (midnight UTC), then the storage class to move to. */
export type Transition = (
  | { readonly Days: number; readonly Date?: never }
  | { readonly Date: Date; readonly Days?: never }
) & {
  readonly StorageClass: StorageClass
}

/**
 * When current versions expire: days after creation (1 or more), a date (midnight UTC), or, for
 * versioned buckets, `ExpiredObjectDeleteMarker: true` to remove delete markers left alone.
 */
export type LifecycleExpiration =
  | { readonly Days: number; readonly Date?: never; readonly ExpiredObjectDeleteMarker?: never }
  | { readonly Date: Date; readonly Days?: never; readonly ExpiredObjectDeleteMarker?: never }
  | { readonly ExpiredObjectDeleteMarker: boolean; readonly Days?: never; readonly Date?: never }

/**
 * When noncurrent versions (versioned buckets) move to another storage class: days after they
 * became noncurrent, optionally keeping the newest few where they are.
 */
export interface NoncurrentVersionTransition {
  /** Days after the version became noncurrent (0 or more). */
  readonly NoncurrentDays: number
  readonly StorageClass: StorageClass
  /** Keep this many newer noncurrent versions where they are (1–100). */
  readonly NewerNoncurrentVersions?: number
}

/**
 * When noncurrent versions (versioned buckets) are deleted for good: days after they became
 * noncurrent, optionally keeping the newest few.
 */
export interface NoncurrentVersionExpiration {
  /** Days after the version became noncurrent (1 or more). */
  readonly NoncurrentDays: number
  /** Keep this many newer noncurrent versions (1–100). */
  readonly NewerNoncurrentVersions?: number
}

/**
 * One lifecycle rule: which objects it applies to (`Filter`), whether it is enabled, and what
 * happens to them over time: transitions to other storage classes, expiration, the same for
 * noncurrent versions, and the abort of incomplete multipart uploads. s3kit types the either-or
 * fields as unions (`Days` or `Date`, one filter kind), so a rule S3 would refuse does not
 * type-check.
 */
export interface LifecycleRule {
  /** Up to 255 characters; S3 makes one up when left out. */
  readonly ID?: string
  readonly Status: 'Enabled' | 'Disabled'
  /** Which objects the rule applies to. Give `Filter` or (legacy) `Prefix`, not both. */
  readonly Filter?: LifecycleRuleFilter
  /**
   * @deprecated The rule-level prefix of the old API; S3 recommends `Filter: { Prefix }`. Still read back from rules
   * written that way.
   */
  readonly Prefix?: string
  readonly Transitions?: readonly Transition[]
  readonly Expiration?: LifecycleExpiration
  readonly NoncurrentVersionTransitions?: readonly NoncurrentVersionTransition[]
  readonly NoncurrentVersionExpiration?: NoncurrentVersionExpiration
  /** Abort multipart uploads not completed this many days (1 or more) after they started. */
  readonly AbortIncompleteMultipartUpload?: { readonly DaysAfterInitiation: number }
}

/**
 * A bucket's lifecycle configuration, as `PutBucketLifecycleConfiguration` takes it: its rules,
 * which replace all the old ones.
 */
export interface LifecycleConfiguration {
  /** 1 to 1,000 rules; a PUT replaces the whole configuration. */
  readonly Rules: readonly LifecycleRule[]
}

/** How S3 treats objects smaller than 128 KiB in transitions (`x-amz-transition-default-minimum-object-size`). */
export type TransitionDefaultMinimumObjectSize = 'varies_by_storage_class' | 'all_storage_classes_128K'

// "An Amazon S3 Lifecycle configuration can have up to 1,000 rules. This limit is not adjustable."
const MAX_RULES = 1000

export function lifecycleRequest(configuration: LifecycleConfiguration): {
  body: string
  headers: Record<string, string>
} {
  const field = 'LifecycleConfiguration.Rules'
  const ids = new Set<string>()
  const rules = checkList(configuration?.Rules, field, MAX_RULES, (rule, name) => {
    const element = ruleElement(rule, name)
    if (element.ID !== undefined) {
      if (ids.has(element.ID))
        throw new InputError(`${name}.ID`, `"${element.ID}" is used by another rule; rule IDs must be unique.`)
      ids.add(element.ID)
    }
    return element
  })
  return xmlRequest('LifecycleConfiguration', { Rule: rules })
}

function ruleElement(value: unknown, field: string): Record<string, unknown> & { ID: string | undefined } {
  if (typeof value !== 'object' || value === null) throw new InputError(field, 'must be an object.')
  const rule = value as LifecycleRule
  if (rule.Filter !== undefined && rule.Prefix !== undefined) {
    throw new InputError(`${field}.Filter`, 'give Filter or the legacy Prefix, not both.')
  }
  if (rule.Filter === undefined && rule.Prefix === undefined) {
    throw new InputError(
      `${field}.Filter`,
      "is required: say which objects the rule applies to, e.g. { Prefix: 'logs/' }, " +
        "or { Prefix: '' } for every object.",
    )
  }
  const actions = [
    'Transitions',
    'Expiration',
    'NoncurrentVersionTransitions',
    'NoncurrentVersionExpiration',
    'AbortIncompleteMultipartUpload',
  ] as const
  if (!actions.some((name) => rule[name] !== undefined)) {
    throw new InputError(field, `has no action: give at least one of ${actions.join(', ')}.`)
  }
  const filter = optional(rule.Filter, `${field}.Filter`, filterElement)
  const tagged =
    rule.Filter !== undefined && (rule.Filter.Tag !== undefined || (rule.Filter.And?.Tags?.length ?? 0) > 0)
  if (tagged && rule.AbortIncompleteMultipartUpload !== undefined) {
    throw new InputError(
      `${field}.AbortIncompleteMultipartUpload`,
      'cannot be used in a rule with a tag filter (S3 lifecycle rules).',
    )
  }
  if (tagged && rule.Expiration?.ExpiredObjectDeleteMarker !== undefined) {
    throw new InputError(
      `${field}.Expiration.ExpiredObjectDeleteMarker`,
      'cannot be used in a rule with a tag filter (S3 lifecycle rules).',
    )
  }
  const transitions = optional(rule.Transitions, `${field}.Transitions`, (list, name) =>
    distinctClasses(checkList(list, name, Infinity, transitionElement), name),
  )
  const expiration = optional(rule.Expiration, `${field}.Expiration`, expirationElement)
  const timing = [...(transitions ?? []), ...(expiration ? [expiration] : [])]
  if (timing.some((action) => action.Days !== undefined) && timing.some((action) => action.Date !== undefined)) {
    throw new InputError(
      field,
      'mixes Days and Date in its Transitions and Expiration; S3 requires one or the other in a rule.',
    )
  }
  return {
    ID: optional(rule.ID, `${field}.ID`, ruleId),
    Filter: filter,
    Prefix: optional(rule.Prefix, `${field}.Prefix`, prefixText),
    Status: checkOneOf(rule.Status, `${field}.Status`, ['Enabled', 'Disabled']),
    Transition: transitions,
    Expiration: expiration,
    NoncurrentVersionTransition: optional(
      rule.NoncurrentVersionTransitions,
      `${field}.NoncurrentVersionTransitions`,
      (list, name) => distinctClasses(checkList(list, name, Infinity, noncurrentTransitionElement), name),
    ),
    NoncurrentVersionExpiration: optional(
      rule.NoncurrentVersionExpiration,
      `${field}.NoncurrentVersionExpiration`,
      noncurrentExpirationElement,
    ),
    AbortIncompleteMultipartUpload: optional(
      rule.AbortIncompleteMultipartUpload,
      `${field}.AbortIncompleteMultipartUpload.DaysAfterInitiation`,
      (abort, name) => ({
        DaysAfterInitiation: required(checkInteger(abort?.DaysAfterInitiation, name, 1), name),
      }),
    ),
  }
}

function filterElement(filter: LifecycleRuleFilter, field: string): Record<string, unknown> {
  if (typeof filter !== 'object' || filter === null) throw new InputError(field, 'must be an object.')
  const kinds = (['Prefix', 'Tag', 'ObjectSizeGreaterThan', 'ObjectSizeLessThan', 'And'] as const).filter(
    (kind) => filter[kind] !== undefined,
  )
  if (kinds.length !== 1) {
    throw new InputError(
      field,
      `must have exactly one of Prefix, Tag, ObjectSizeGreaterThan, ` +
        `ObjectSizeLessThan or And${kinds.length ? ` (it has ${kinds.join(', ')}: combine them with And)` : ''}.`,
    )
  }
  const kind = kinds[0]!
  if (kind === 'Prefix') return { Prefix: prefixText(filter.Prefix, `${field}.Prefix`) }
  if (kind === 'Tag') return { Tag: tagElement(filter.Tag, `${field}.Tag`) }
  if (kind === 'And') return { And: andElement(filter.And!, `${field}.And`) }
  return { [kind]: size(filter[kind], `${field}.${kind}`) }
}

function andElement(and: LifecycleRuleAndOperator, field: string): Record<string, unknown> {
  if (typeof and !== 'object' || and === null) throw new InputError(field, 'must be an object.')
  const tags =
    and.Tags === undefined || and.Tags.length === 0
      ? undefined
      : checkList(and.Tags, `${field}.Tags`, Infinity, tagElement)
  const greater = checkInteger(and.ObjectSizeGreaterThan, `${field}.ObjectSizeGreaterThan`, 0)
  const less = checkInteger(and.ObjectSizeLessThan, `${field}.ObjectSizeLessThan`, 0)
  const predicates =
    (and.Prefix === undefined ? 0 : 1) +
    (tags?.length ?? 0) +
    (greater === undefined ? 0 : 1) +
    (less === undefined ? 0 : 1)
  if (predicates < 2)
    throw new InputError(field, 'combines two or more conditions; for one, use it directly as the Filter.')
  if (greater !== undefined && less !== undefined && less <= greater) {
    throw new InputError(`${field}.ObjectSizeLessThan`, `must be larger than ObjectSizeGreaterThan (${greater}).`)
  }
  return {
    Prefix: optional(and.Prefix, `${field}.Prefix`, prefixText),
    Tag: tags,
    ObjectSizeGreaterThan: greater,
    ObjectSizeLessThan: less,
  }
}

function tagElement(value: unknown, field: string): Tag {
  if (typeof value !== 'object' || value === null) throw new InputError(field, 'must be { Key, Value }.')
  const tag = value as Tag
  // Tag limits: keys 1–128 characters, values 0–256 (S3 object tagging).
  return {
    Key: checkText(tag.Key, `${field}.Key`, { maxLength: 128 }),
    Value: checkText(tag.Value, `${field}.Value`, { maxLength: 256, empty: true }),
  }
}

const ruleId = (value: unknown, field: string) => checkText(value, field, { maxLength: 255 })
const prefixText = (value: unknown, field: string) => checkText(value, field, { maxLength: 1024, empty: true })
const size = (value: unknown, field: string) => required(checkInteger(value, field, 0), field)

function transitionElement(value: unknown, field: string): { Days?: number; Date?: string; StorageClass: string } {
  if (typeof value !== 'object' || value === null) throw new InputError(field, 'must be an object.')
  const transition = value as Transition
  return {
    ...when(transition, field, 0),
    StorageClass: checkStorageClass(transition.StorageClass, `${field}.StorageClass`),
  }
}

function expirationElement(
  expiration: LifecycleExpiration,
  field: string,
): { Days?: number; Date?: string; ExpiredObjectDeleteMarker?: boolean } {
  if (typeof expiration !== 'object' || expiration === null) throw new InputError(field, 'must be an object.')
  if (expiration.ExpiredObjectDeleteMarker !== undefined) {
    if (expiration.Days !== undefined || expiration.Date !== undefined) {
      throw new InputError(
        `${field}.ExpiredObjectDeleteMarker`,
        'cannot be given with Days or Date; put it in a rule of its own.',
      )
    }
    if (typeof expiration.ExpiredObjectDeleteMarker !== 'boolean')
      throw new InputError(`${field}.ExpiredObjectDeleteMarker`, 'must be true or false.')
    return { ExpiredObjectDeleteMarker: expiration.ExpiredObjectDeleteMarker }
  }
  return when(expiration, field, 1)
}

/** Exactly one of Days (at least `minDays`) or Date, which S3 wants at midnight UTC. */
function when(
  action: { Days?: number | undefined; Date?: Date | undefined },
  field: string,
  minDays: number,
): { Days?: number; Date?: string } {
  if ((action.Days === undefined) === (action.Date === undefined))
    throw new InputError(field, 'needs exactly one of Days or Date.')
  if (action.Days !== undefined)
    return { Days: required(checkInteger(action.Days, `${field}.Days`, minDays), `${field}.Days`) }
  const date = checkDate(action.Date, `${field}.Date`)
  if (date.getTime() % 86_400_000 !== 0) {
    throw new InputError(
      `${field}.Date`,
      `must be midnight UTC (S3 runs lifecycle actions at day boundaries), e.g. ` +
        `${new Date(date.getTime() - (date.getTime() % 86_400_000)).toISOString()}.`,
    )
  }
  return { Date: date.toISOString() }
}

function noncurrentTransitionElement(
  value: unknown,
  field: string,
): Record<string, unknown> & { StorageClass: string } {
  if (typeof value !== 'object' || value === null) throw new InputError(field, 'must be an object.')
  const transition = value as NoncurrentVersionTransition
  return {
    NoncurrentDays: required(
      checkInteger(transition.NoncurrentDays, `${field}.NoncurrentDays`, 0),
      `${field}.NoncurrentDays`,
    ),
    StorageClass: checkStorageClass(transition.StorageClass, `${field}.StorageClass`),
    NewerNoncurrentVersions: checkInteger(
      transition.NewerNoncurrentVersions,
      `${field}.NewerNoncurrentVersions`,
      1,
      100,
    ),
  }
}

function noncurrentExpirationElement(expiration: NoncurrentVersionExpiration, field: string): Record<string, unknown> {
  if (typeof expiration !== 'object' || expiration === null) throw new InputError(field, 'must be an object.')
  return {
    NoncurrentDays: required(
      checkInteger(expiration.NoncurrentDays, `${field}.NoncurrentDays`, 1),
      `${field}.NoncurrentDays`,
    ),
    NewerNoncurrentVersions: checkInteger(
      expiration.NewerNoncurrentVersions,
      `${field}.NewerNoncurrentVersions`,
      1,
      100,
    ),
  }
}

/** S3 refuses two transitions of one rule to the same storage class (RGW: MalformedXML). */
function distinctClasses<T extends { StorageClass: unknown }>(transitions: T[], field: string): T[] {
  transitions.forEach(({ StorageClass }, index) => {
    if (transitions.findIndex((other) => other.StorageClass === StorageClass) < index) {
      throw new InputError(
        `${field}[${index}].StorageClass`,
        `${String(StorageClass)} is the target of an earlier transition of this rule; each transition ` +
          `needs its own storage class.`,
      )
    }
  })
  return transitions
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new InputError(field, 'is required.')
  return value
}

// Responses.

// An element with nothing but white space in it, e.g. the documented empty `<Filter>\n</Filter>`.
const blank = () => z.string().check(z.regex(/^\s*$/))

function filterSchema() {
  const tag = z.object({ Key: text(), Value: z.optional(text()) })
  const sizeBounds = { ObjectSizeGreaterThan: z.optional(integer()), ObjectSizeLessThan: z.optional(integer()) }
  return z.union([
    blank(),
    z.object({
      Prefix: z.optional(text()),
      Tag: z.optional(tag),
      ...sizeBounds,
      And: z.optional(
        z.union([blank(), z.object({ Prefix: z.optional(text()), Tag: z.optional(z.array(tag)), ...sizeBounds })]),
      ),
    }),
  ])
}
type Filter = z.output<ReturnType<typeof filterSchema>>

/** `<LifecycleConfiguration>` (S3 API reference, GetBucketLifecycleConfiguration). */
const lifecycleDocument = /* @__PURE__ */ xmlDocument(
  [
    'LifecycleConfiguration.Rule',
    'LifecycleConfiguration.Rule.Transition',
    'LifecycleConfiguration.Rule.NoncurrentVersionTransition',
    'LifecycleConfiguration.Rule.Filter.And.Tag',
  ],
  () => {
    const daysOrDate = { Days: z.optional(integer()), Date: z.optional(timestamp()) }
    const timed = (action: { Days?: unknown; Date?: unknown; ExpiredObjectDeleteMarker?: unknown }) =>
      [action.Days, action.Date, action.ExpiredObjectDeleteMarker].some((value) => value !== undefined)
    const noncurrent = { NoncurrentDays: integer(), NewerNoncurrentVersions: z.optional(integer()) }
    const rule = z.object({
      ID: z.optional(text()),
      Prefix: z.optional(text()),
      Filter: z.optional(filterSchema()),
      Status: z.enum(['Enabled', 'Disabled']),
      Transition: z.optional(
        z.array(
          z.object({ ...daysOrDate, StorageClass: text() }).check(z.refine(timed, 'a Transition without Days or Date')),
        ),
      ),
      Expiration: z.optional(
        z
          .object({ ...daysOrDate, ExpiredObjectDeleteMarker: z.optional(boolean()) })
          .check(z.refine(timed, 'an empty Expiration')),
      ),
      NoncurrentVersionTransition: z.optional(z.array(z.object({ ...noncurrent, StorageClass: text() }))),
      NoncurrentVersionExpiration: z.optional(z.object(noncurrent)),
      AbortIncompleteMultipartUpload: z.optional(z.object({ DaysAfterInitiation: integer() })),
    })
    return z.object({ LifecycleConfiguration: z.union([blank(), z.object({ Rule: z.optional(z.array(rule)) })]) })
  },
)

export async function readLifecycle(response: Response, context: ResponseContext): Promise<LifecycleRule[]> {
  const { LifecycleConfiguration: document } = await readDocument(response, lifecycleDocument, context)
  return ((typeof document === 'object' && document.Rule) || []).map((rule) =>
    compact<LifecycleRule>({
      ID: rule.ID,
      Status: rule.Status,
      Filter: rule.Filter === undefined ? undefined : readFilter(rule.Filter),
      Prefix: rule.Prefix,
      Transitions: rule.Transition?.map((t) =>
        t.Date ? { Date: t.Date, StorageClass: t.StorageClass } : { Days: t.Days!, StorageClass: t.StorageClass },
      ),
      Expiration: rule.Expiration && readExpiration(rule.Expiration),
      NoncurrentVersionTransitions: rule.NoncurrentVersionTransition?.map((t) =>
        compact<NoncurrentVersionTransition>(t),
      ),
      NoncurrentVersionExpiration:
        rule.NoncurrentVersionExpiration && compact<NoncurrentVersionExpiration>(rule.NoncurrentVersionExpiration),
      AbortIncompleteMultipartUpload: rule.AbortIncompleteMultipartUpload,
    }),
  )
}

function readExpiration(expiration: {
  Days?: number | undefined
  Date?: Date | undefined
  ExpiredObjectDeleteMarker?: boolean | undefined
}): LifecycleExpiration {
  if (expiration.Date) return { Date: expiration.Date }
  if (expiration.Days !== undefined) return { Days: expiration.Days }
  return { ExpiredObjectDeleteMarker: expiration.ExpiredObjectDeleteMarker! }
}

/**
 * Servers do not all write filters the way S3 documents them: Ceph RGW 16 sends an `And` filter's
 * prefix beside `<And>` rather than inside it. Whatever arrives is read as the set of conditions
 * it names, then written the documented way: one condition alone, several under `And`.
 */
function readFilter(filter: Filter): LifecycleRuleFilter {
  if (typeof filter === 'string') return { Prefix: '' }
  const and = typeof filter.And === 'string' ? {} : (filter.And ?? {})
  const prefix = and.Prefix ?? filter.Prefix
  const tags = [...(filter.Tag ? [filter.Tag] : []), ...(and.Tag ?? [])].map((t) => ({
    Key: t.Key,
    Value: t.Value ?? '',
  }))
  const greater = and.ObjectSizeGreaterThan ?? filter.ObjectSizeGreaterThan
  const less = and.ObjectSizeLessThan ?? filter.ObjectSizeLessThan
  const count =
    (prefix === undefined ? 0 : 1) + tags.length + (greater === undefined ? 0 : 1) + (less === undefined ? 0 : 1)
  if (filter.And !== undefined || count > 1) {
    return {
      And: compact<LifecycleRuleAndOperator>({
        Prefix: prefix,
        Tags: tags.length ? tags : undefined,
        ObjectSizeGreaterThan: greater,
        ObjectSizeLessThan: less,
      }),
    }
  }
  if (tags[0]) return { Tag: tags[0] }
  if (greater !== undefined) return { ObjectSizeGreaterThan: greater }
  if (less !== undefined) return { ObjectSizeLessThan: less }
  return { Prefix: prefix ?? '' }
}
