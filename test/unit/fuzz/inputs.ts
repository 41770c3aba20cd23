import fc from 'fast-check'

/**
 * What every command accepts, field by field, for the input fuzz test (test/unit/input-fuzz.test.ts,
 * issue 12 item 9). A field is named by its kind in `KINDS` (shared by every command that has a
 * field of that name) or described inline; each kind has an arbitrary of valid values and a list
 * of values S3 would refuse or that cannot be sent. `COMMANDS` lists every file in commands/ (the
 * test fails when one is missing) with its required and optional fields.
 */

export interface FieldKind {
  /** Values the command must accept. */
  readonly valid: fc.Arbitrary<unknown>
  /** Values the command must refuse with an `InputError` naming the field, before any request. */
  readonly invalid: readonly unknown[]
}

/** One character of any plane (an unpaired surrogate sometimes: the text arbitraries filter those out). */
const oneChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
const dnsLabel = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/)
const bucket = fc
  .array(dnsLabel, { minLength: 1, maxLength: 3 })
  .map((labels) => labels.join('.'))
  .filter((name) => name.length >= 3 && name.length <= 63 && !/^\d+\.\d+\.\d+\.\d+$/.test(name))
/** Keys: any text (astral characters, spaces, `%`, `+`, `?`, `#`, control characters) without a "." or ".." segment. */
const key = fc
  .string({
    unit: fc.oneof(fc.constantFrom('/', '.', ' ', '%', '+', '?', '#', '&', '\u0001', '😀', 'é', '~'), oneChar),
    minLength: 1,
    maxLength: 60,
  })
  .filter((k) => !/(^|\/)\.\.?(\/|$)/.test(k) && k.isWellFormed())
const anyText = fc
  .string({ unit: fc.oneof(oneChar, fc.constantFrom('/', '%', '😀', '\u0001')), maxLength: 30 })
  .filter((t) => t.isWellFormed())
/** Text an XML document can carry. */
const _xmlText = fc
  .string({ unit: fc.oneof(oneChar, fc.constantFrom('<', '&', '😀', 'é', '\n')), minLength: 1, maxLength: 30 })
  .filter((t) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(t))
const headerText = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,20}[\x21-\x7e])?$/)
const etag = fc.stringMatching(/^"[0-9a-f]{32}"$/)
const date = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2090-01-01T00:00:00Z'),
  noInvalidDate: true,
})
const integer = (min: number, max: number) => fc.integer({ min, max })

const NOT_A_STRING = [42, true, {}, [], null] as const
const NOT_AN_INTEGER = (min: number, max: number) => [
  min - 1,
  max + 1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '1',
  null,
]
const BAD_HEADER = ['a\nb', 'a\r\nx-amz-acl: public-read', ' padded', 'é', 42]

const kind = (valid: fc.Arbitrary<unknown>, invalid: readonly unknown[]): FieldKind => ({ valid, invalid })

export const KINDS = {
  Bucket: kind(bucket, ['', 'ab', 'a'.repeat(256), 'a b', 'a/b', 'a?b', 'b\u0000ket', ...NOT_A_STRING]),
  NewBucket: kind(bucket, [
    '',
    'ab',
    'Upper',
    'under_score',
    'a..b',
    '192.168.0.1',
    '-ab',
    'a'.repeat(64),
    ...NOT_A_STRING,
  ]),
  Key: kind(key, ['', '.', '..', 'a/../b', 'a/./b', '\ud800', 'x'.repeat(1025), 'é'.repeat(513), ...NOT_A_STRING]),
  VersionId: kind(fc.oneof(fc.constant('null'), fc.stringMatching(/^[A-Za-z0-9._+/-]{1,40}$/)), NOT_A_STRING),
  UploadId: kind(fc.stringMatching(/^[A-Za-z0-9._-]{1,60}$/), ['', ...NOT_A_STRING]),
  PartNumber: kind(integer(1, 10_000), NOT_AN_INTEGER(1, 10_000)),
  ListText: kind(
    anyText,
    NOT_A_STRING.filter((v) => v !== null),
  ),
  MaxKeys: kind(integer(0, 1000), NOT_AN_INTEGER(0, 1000)),
  MaxBuckets: kind(integer(1, 10_000), NOT_AN_INTEGER(1, 10_000)),
  /** ListParts, ListObjectVersions and ListMultipartUploads ask for at least one item a page. */
  MaxItems: kind(integer(1, 1000), NOT_AN_INTEGER(1, 1000)),
  PartNumberMarker: kind(integer(0, 10_000), NOT_AN_INTEGER(0, 10_000)),
  HeaderText: kind(headerText, BAD_HEADER),
  ETagCondition: kind(fc.oneof(etag, fc.constant('*')), BAD_HEADER),
  Date: kind(date, [new Date(Number.NaN), '2020-01-01', 1_600_000_000_000]),
  Boolean: kind(fc.boolean(), ['true', 1, 'yes']),
  Body: kind(
    fc.oneof(
      fc.string(),
      fc.uint8Array({ maxLength: 64 }),
      fc.uint8Array({ maxLength: 64 }).map((b) => new Blob([b])),
    ),
    [42, {}, true],
  ),
  ContentMD5: kind(
    fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => btoa(String.fromCharCode(...b))),
    ['a\nb', 'é', 42],
  ),
  ObjectACL: kind(
    fc.constantFrom(
      'private',
      'public-read',
      'public-read-write',
      'authenticated-read',
      'aws-exec-read',
      'bucket-owner-read',
      'bucket-owner-full-control',
    ),
    ['public', 'PRIVATE', '', 42],
  ),
  BucketACL: kind(fc.constantFrom('private', 'public-read', 'public-read-write', 'authenticated-read'), [
    'public',
    'bucket-owner-read',
    '',
    42,
  ]),
  // Any upper-case class is valid: S3-compatible servers (Ceph RGW) define their own.
  StorageClass: kind(
    fc.constantFrom(
      'STANDARD',
      'REDUCED_REDUNDANCY',
      'STANDARD_IA',
      'ONEZONE_IA',
      'INTELLIGENT_TIERING',
      'GLACIER',
      'DEEP_ARCHIVE',
      'GLACIER_IR',
      'FAST_SSD',
    ),
    ['standard', 'a b', '', 42],
  ),
  Metadata: kind(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), headerText, { maxKeys: 3 }), [
    { 'bad name': 'x' },
    { 'a\nb': 'x' },
    { ok: 'a\r\nb' },
    { ok: 42 },
    'a=b',
    42,
  ]),
  Tagging: kind(fc.constantFrom('project=alpha', 'project=alpha&team=web', 'a=b%20c'), ['a\nb', 42]),
  Directive: kind(fc.constantFrom('COPY', 'REPLACE'), ['copy', 'MOVE', 42]),
  CopySource: kind(fc.record({ Bucket: bucket, Key: key }, { requiredKeys: ['Bucket', 'Key'] }), [
    'bucket/key',
    { Bucket: 'ab', Key: 'k' },
    { Bucket: 'bucket', Key: '' },
    { Bucket: 'bucket', Key: '..' },
    null,
    42,
  ]),
  CopySourceRange: kind(
    fc.tuple(fc.nat(1000), fc.nat(1000)).map(([a, b]) => `bytes=${Math.min(a, b)}-${Math.max(a, b)}`),
    ['0-10', 'bytes=10-5', 'bytes=a-b', 42],
  ),
  Range: kind(fc.constantFrom('bytes=0-99', 'bytes=100-', 'bytes=-500'), ['0-99', 'bytes=9-1', 'lines=1-2', 42]),
  ContentLength: kind(integer(0, 5 * 2 ** 30), NOT_AN_INTEGER(0, 5 * 2 ** 30)),
} satisfies Record<string, FieldKind>

export type KindName = keyof typeof KINDS
/** A field: a kind from `KINDS`, or its own description. */
export type FieldSpec = KindName | FieldKind

export interface CommandSpec {
  readonly required: Readonly<Record<string, FieldSpec>>
  readonly optional?: Readonly<Record<string, FieldSpec>>
  /** Optional fields of which a valid input has exactly one (PutBucketAcl's ACL, Grant*, AccessControlPolicy). */
  readonly exclusive?: readonly string[]
  /**
   * Values every valid input holds (CopyObject's `MetadataDirective: 'REPLACE'`, without which it refuses new
   * metadata).
   */
  readonly constant?: Readonly<Record<string, unknown>>
}

const bucketOnly: CommandSpec = { required: { Bucket: 'Bucket' } }
const _object: CommandSpec = { required: { Bucket: 'Bucket', Key: 'Key' } }
const objectVersion: CommandSpec = {
  required: { Bucket: 'Bucket', Key: 'Key' },
  optional: { VersionId: 'VersionId' },
}
const upload = { Bucket: 'Bucket', Key: 'Key', UploadId: 'UploadId' } as const

const objectWrite = {
  ContentType: 'HeaderText',
  CacheControl: 'HeaderText',
  ContentDisposition: 'HeaderText',
  ContentEncoding: 'HeaderText',
  ContentLanguage: 'HeaderText',
  Expires: 'Date',
  Metadata: 'Metadata',
  StorageClass: 'StorageClass',
  ACL: 'ObjectACL',
  Tagging: 'Tagging',
  WebsiteRedirectLocation: 'HeaderText',
} as const
const objectRead = {
  IfMatch: 'ETagCondition',
  IfNoneMatch: 'ETagCondition',
  IfModifiedSince: 'Date',
  IfUnmodifiedSince: 'Date',
  Range: 'Range',
  VersionId: 'VersionId',
  PartNumber: 'PartNumber',
} as const
const copyConditions = {
  CopySourceIfMatch: 'ETagCondition',
  CopySourceIfNoneMatch: 'ETagCondition',
  CopySourceIfModifiedSince: 'Date',
  CopySourceIfUnmodifiedSince: 'Date',
} as const

/** A document field: one valid shape (from the command's own example) and values of the wrong kind. */
const document = (valid: unknown, ...invalid: unknown[]): FieldKind =>
  kind(fc.constant(valid), [null, 42, 'text', [], ...invalid])
const tagSet = { TagSet: [{ Key: 'Project', Value: 'Project One' }] }
const badTagSets = [
  { TagSet: 'x' },
  { TagSet: [{ Key: '', Value: 'v' }] },
  { TagSet: [{ Key: 'k\u0001', Value: 'v' }] },
  { TagSet: [{ Key: 'k', Value: 42 }] },
]
const grant = { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }
const ACL_FORMS = ['ACL', 'GrantRead', 'GrantFullControl', 'AccessControlPolicy']
const acl = (canned: KindName): Record<string, FieldSpec> => ({
  ACL: canned,
  GrantRead: 'HeaderText',
  GrantFullControl: 'HeaderText',
  AccessControlPolicy: document(
    { Owner: { ID: 'owner' }, Grants: [grant] },
    { Owner: { ID: 'owner' }, Grants: [{ ...grant, Permission: 'ALL' }] },
    { Owner: { ID: 'o\u0001' }, Grants: [] },
    { Grants: [] },
  ),
})

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  AbortMultipartUpload: { required: upload },
  CompleteMultipartUpload: {
    required: {
      ...upload,
      MultipartUpload: document(
        {
          Parts: [
            { PartNumber: 1, ETag: '"a"' },
            { PartNumber: 2, ETag: '"b"', ChecksumCRC32: 'AAAAAA==' },
          ],
        },
        { Parts: [] },
        { Parts: [{ PartNumber: 0, ETag: '"a"' }] },
        { Parts: [{ PartNumber: 1, ETag: '' }] },
        {
          Parts: [
            { PartNumber: 1, ETag: '"a"' },
            { PartNumber: 1, ETag: '"b"' },
          ],
        },
        { Parts: [{ PartNumber: 1, ETag: '"a"', ChecksumCRC32: 'abc\u0001' }] },
        { Parts: [{ PartNumber: 1, ETag: '"a"', ChecksumCRC32: { '@_evil': 'x' } }] },
      ),
    },
    optional: { IfNoneMatch: 'ETagCondition', IfMatch: 'ETagCondition' },
  },
  CopyObject: {
    required: { Bucket: 'Bucket', Key: 'Key', CopySource: 'CopySource' },
    optional: { ...objectWrite, ...copyConditions, MetadataDirective: 'Directive', TaggingDirective: 'Directive' },
    constant: { MetadataDirective: 'REPLACE', TaggingDirective: 'REPLACE' },
  },
  CreateBucket: {
    required: { Bucket: 'NewBucket' },
    optional: {
      ACL: 'BucketACL',
      CreateBucketConfiguration: document(
        { LocationConstraint: 'eu-west-1' },
        { LocationConstraint: 'eu\u0001' },
        { LocationConstraint: 42 },
        { LocationConstraint: { '@_x': 'y' } },
      ),
      ObjectOwnership: kind(fc.constantFrom('BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'), [
        'Owner',
        '',
        42,
      ]),
      ObjectLockEnabledForBucket: 'Boolean',
    },
  },
  CreateMultipartUpload: {
    required: { Bucket: 'Bucket', Key: 'Key' },
    optional: objectWrite,
  },
  DeleteBucket: bucketOnly,
  DeleteBucketCors: bucketOnly,
  DeleteBucketEncryption: bucketOnly,
  DeleteBucketLifecycle: bucketOnly,
  DeleteBucketOwnershipControls: bucketOnly,
  DeleteBucketPolicy: bucketOnly,
  DeleteBucketTagging: bucketOnly,
  DeleteObject: {
    required: { Bucket: 'Bucket', Key: 'Key' },
    optional: {
      VersionId: 'VersionId',
      IfMatch: 'ETagCondition',
      IfMatchLastModifiedTime: 'Date',
      IfMatchSize: kind(
        integer(0, 2 ** 50),
        NOT_AN_INTEGER(0, 2 ** 50).filter((v) => v !== 2 ** 50 + 1),
      ),
    },
  },
  DeleteObjectTagging: {
    required: { Bucket: 'Bucket', Key: 'Key' },
    optional: { VersionId: 'VersionId' },
  },
  DeleteObjects: {
    required: {
      Bucket: 'Bucket',
      Delete: document(
        { Objects: [{ Key: 'a.jpg' }, { Key: 'b/c', VersionId: 'v1' }], Quiet: true },
        { Objects: [] },
        { Objects: [{ Key: '' }] },
        { Objects: [{ Key: 'a\u0001' }] },
        { Objects: Array.from({ length: 1001 }, (_, i) => ({ Key: `k${i}` })) },
      ),
    },
    optional: { BypassGovernanceRetention: 'Boolean' },
  },
  DeletePublicAccessBlock: bucketOnly,
  GetBucketAcl: bucketOnly,
  GetBucketCors: bucketOnly,
  GetBucketEncryption: bucketOnly,
  GetBucketLifecycleConfiguration: bucketOnly,
  GetBucketLocation: bucketOnly,
  GetBucketOwnershipControls: bucketOnly,
  GetBucketPolicy: bucketOnly,
  GetBucketPolicyStatus: bucketOnly,
  GetBucketTagging: bucketOnly,
  GetBucketVersioning: bucketOnly,
  GetObject: {
    required: { Bucket: 'Bucket', Key: 'Key' },
    optional: {
      ...objectRead,
      ResponseContentType: 'HeaderText',
      ResponseContentDisposition: 'HeaderText',
      ResponseCacheControl: 'HeaderText',
      ResponseExpires: 'Date',
    },
  },
  GetObjectAcl: objectVersion,
  GetObjectLegalHold: objectVersion,
  GetObjectLockConfiguration: bucketOnly,
  GetObjectRetention: objectVersion,
  GetObjectTagging: objectVersion,
  GetPublicAccessBlock: bucketOnly,
  HeadBucket: bucketOnly,
  HeadObject: {
    required: { Bucket: 'Bucket', Key: 'Key' },
    optional: objectRead,
  },
  ListBuckets: {
    required: {},
    optional: { MaxBuckets: 'MaxBuckets', ContinuationToken: 'ListText', Prefix: 'ListText' },
  },
  ListMultipartUploads: {
    required: { Bucket: 'Bucket' },
    optional: {
      Prefix: 'ListText',
      Delimiter: 'ListText',
      MaxUploads: 'MaxItems',
      KeyMarker: 'ListText',
      UploadIdMarker: 'ListText',
    },
  },
  ListObjectVersions: {
    required: { Bucket: 'Bucket' },
    optional: {
      Prefix: 'ListText',
      Delimiter: 'ListText',
      KeyMarker: 'ListText',
      VersionIdMarker: 'ListText',
      MaxKeys: 'MaxItems',
    },
  },
  ListObjects: {
    required: { Bucket: 'Bucket' },
    optional: { Prefix: 'ListText', Delimiter: 'ListText', Marker: 'ListText', MaxKeys: 'MaxKeys' },
  },
  ListObjectsV2: {
    required: { Bucket: 'Bucket' },
    optional: {
      Prefix: 'ListText',
      Delimiter: 'ListText',
      StartAfter: 'ListText',
      MaxKeys: 'MaxKeys',
      ContinuationToken: 'ListText',
      FetchOwner: 'Boolean',
    },
  },
  ListParts: {
    required: upload,
    optional: { MaxParts: 'MaxItems', PartNumberMarker: 'PartNumberMarker' },
  },
  PutBucketAcl: {
    required: { Bucket: 'Bucket' },
    optional: { ...acl('BucketACL') },
    exclusive: ACL_FORMS,
  },
  PutBucketCors: {
    required: {
      Bucket: 'Bucket',
      CORSConfiguration: document(
        {
          CORSRules: [
            {
              AllowedOrigins: ['https://www.example.com'],
              AllowedMethods: ['PUT', 'POST', 'DELETE'],
              AllowedHeaders: ['*'],
              MaxAgeSeconds: 3000,
            },
          ],
        },
        { CORSRules: [] },
        { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['FETCH'] }] },
        { CORSRules: [{ AllowedOrigins: [], AllowedMethods: ['GET'] }] },
        { CORSRules: [{ AllowedOrigins: ['a\u0001'], AllowedMethods: ['GET'] }] },
      ),
    },
  },
  PutBucketEncryption: {
    required: {
      Bucket: 'Bucket',
      ServerSideEncryptionConfiguration: document(
        {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: 'arn:aws:kms:us-east-1:111122223333:key/example',
              },
              BucketKeyEnabled: true,
            },
          ],
        },
        { Rules: [] },
        { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'ROT13' } }] },
        { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'k\u0001' } }] },
      ),
    },
  },
  PutBucketLifecycleConfiguration: {
    required: {
      Bucket: 'Bucket',
      LifecycleConfiguration: document(
        {
          Rules: [
            {
              ID: 'ruleid',
              Status: 'Enabled',
              Filter: { Prefix: 'logs/' },
              Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }],
              Expiration: { Days: 120 },
            },
          ],
        },
        { Rules: [] },
        { Rules: [{ ID: 'r', Status: 'On', Filter: { Prefix: '' }, Expiration: { Days: 1 } }] },
        { Rules: [{ ID: 'r', Status: 'Enabled', Filter: { Prefix: 'a\u0001' }, Expiration: { Days: 1 } }] },
        { Rules: [{ ID: 'r', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: -1 } }] },
      ),
    },
  },
  PutBucketOwnershipControls: {
    required: {
      Bucket: 'Bucket',
      OwnershipControls: document(
        { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
        { Rules: [] },
        { Rules: [{ ObjectOwnership: 'Me' }] },
      ),
    },
  },
  PutBucketPolicy: {
    required: {
      Bucket: 'Bucket',
      Policy: kind(
        fc.constantFrom<unknown>(
          {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'PublicRead',
                Effect: 'Allow',
                Principal: '*',
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::my-bucket/*',
              },
            ],
          },
          '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*",' +
            '"Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b/*"}]}',
        ),
        [null, 42, '', 'not json', '[1', [], '{"Version":"2012-10-17","Statement":[]}'],
      ),
    },
    optional: { ConfirmRemoveSelfBucketAccess: 'Boolean' },
  },
  PutBucketTagging: { required: { Bucket: 'Bucket', Tagging: document(tagSet, ...badTagSets) } },
  PutBucketVersioning: {
    required: {
      Bucket: 'Bucket',
      VersioningConfiguration: document(
        { Status: 'Enabled' },
        { Status: 'On' },
        { Status: 'Enabled', MFADelete: 'Maybe' },
      ),
    },
    optional: { MFA: kind(fc.constant('20899872 301749'), ['a\nb', 42]) },
  },
  PutObject: {
    required: { Bucket: 'Bucket', Key: 'Key' },
    optional: {
      ...objectWrite,
      Body: 'Body',
      ContentMD5: 'ContentMD5',
      IfNoneMatch: 'ETagCondition',
      IfMatch: 'ETagCondition',
    },
  },
  PutObjectAcl: {
    required: { Bucket: 'Bucket', Key: 'Key' },
    optional: { VersionId: 'VersionId', ...acl('ObjectACL') },
    exclusive: ACL_FORMS,
  },
  PutObjectLegalHold: {
    required: {
      Bucket: 'Bucket',
      Key: 'Key',
      LegalHold: document({ Status: 'ON' }, { Status: 'on' }, { Status: 'YES' }),
    },
    optional: { VersionId: 'VersionId' },
  },
  PutObjectLockConfiguration: {
    required: {
      Bucket: 'Bucket',
      ObjectLockConfiguration: document(
        { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } } },
        { ObjectLockEnabled: 'On' },
        { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'STRICT', Days: 30 } } },
        { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 0 } } },
      ),
    },
    optional: { Token: 'HeaderText' },
  },
  PutObjectRetention: {
    required: { Bucket: 'Bucket', Key: 'Key' },
    optional: {
      VersionId: 'VersionId',
      Retention: document(
        { Mode: 'GOVERNANCE', RetainUntilDate: new Date('2030-01-01T00:00:00Z') },
        { Mode: 'LOOSE', RetainUntilDate: new Date('2030-01-01T00:00:00Z') },
        { Mode: 'GOVERNANCE', RetainUntilDate: 'tomorrow' },
      ),
      BypassGovernanceRetention: 'Boolean',
    },
  },
  PutObjectTagging: {
    required: { Bucket: 'Bucket', Key: 'Key', Tagging: document(tagSet, ...badTagSets) },
    optional: { VersionId: 'VersionId' },
  },
  PutPublicAccessBlock: {
    required: {
      Bucket: 'Bucket',
      PublicAccessBlockConfiguration: document(
        { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        { BlockPublicAcls: 'yes' },
      ),
    },
  },
  RestoreObject: {
    required: { Bucket: 'Bucket', Key: 'Key' },
    optional: {
      VersionId: 'VersionId',
      RestoreRequest: document(
        { Days: 5, GlacierJobParameters: { Tier: 'Bulk' } },
        { Days: 0 },
        { Days: 5, GlacierJobParameters: { Tier: 'Slow' } },
      ),
    },
  },
  UploadPart: {
    required: { ...upload, PartNumber: 'PartNumber' },
    optional: { Body: 'Body', ContentMD5: 'ContentMD5' },
  },
  UploadPartCopy: {
    required: { ...upload, PartNumber: 'PartNumber', CopySource: 'CopySource' },
    optional: { CopySourceRange: 'CopySourceRange', ...copyConditions },
  },
}

export const fieldKind = (spec: FieldSpec): FieldKind => (typeof spec === 'string' ? KINDS[spec] : spec)

/** Valid inputs for `spec`: every required field, and any optional ones. */
export function validInput(spec: CommandSpec): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {}
  const required: string[] = []
  for (const [name, field] of Object.entries(spec.required)) {
    model[name] = fieldKind(field).valid
    required.push(name)
  }
  const exclusive = spec.exclusive ?? []
  for (const [name, field] of Object.entries(spec.optional ?? {}))
    if (!exclusive.includes(name)) model[name] = fieldKind(field).valid
  const base = fc.record(model, { requiredKeys: required as never[] }) as fc.Arbitrary<Record<string, unknown>>
  const withOne =
    exclusive.length === 0
      ? base
      : fc
          .tuple(
            base,
            fc
              .constantFrom(...exclusive)
              .chain((name) => fieldKind(spec.optional![name]!).valid.map((value) => [name, value] as const)),
          )
          .map(([input, [name, value]]) => ({ ...input, [name]: value }))
  return withOne.map((input) => ({ ...input, ...spec.constant }))
}

/** Every (field, invalid value) pair of `spec`, including each required field left out. */
export function invalidCases(spec: CommandSpec): { field: string; value: unknown; missing?: boolean }[] {
  const cases: { field: string; value: unknown; missing?: boolean }[] = []
  for (const [name, field] of [...Object.entries(spec.required), ...Object.entries(spec.optional ?? {})]) {
    for (const value of fieldKind(field).invalid) cases.push({ field: name, value })
  }
  for (const name of Object.keys(spec.required)) cases.push({ field: name, value: undefined, missing: true })
  return cases
}
