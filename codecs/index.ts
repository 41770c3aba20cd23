// The codecs' public constants and types, hand-written: what users name in their own code (ACL
// permissions, lifecycle and CORS documents, listing items, object header fields). The readers,
// writers and schemas stay internal. The root entry re-exports this list.

export type {
  AccessControlPolicy,
  AclFields,
  AclOutput,
  CanonicalUserGrantee,
  EmailGrantee,
  Grant,
  Grantee,
  GroupGrantee,
} from './acl.js'
export { GroupUri, Permission } from './acl.js'
export type { ChecksumOutput, ChecksumType, ChecksumValues } from './checksum.js'
export type { CopyResult, CopySource, CopySourceConditions } from './copy-source.js'
export type { CORSConfiguration, CORSMethod, CORSRule, CORSRuleOutput } from './cors.js'
export type {
  ServerSideEncryption,
  ServerSideEncryptionByDefault,
  ServerSideEncryptionConfiguration,
  ServerSideEncryptionRule,
} from './encryption.js'
export type {
  LifecycleConfiguration,
  LifecycleExpiration,
  LifecycleRule,
  LifecycleRuleAndOperator,
  LifecycleRuleFilter,
  NoncurrentVersionExpiration,
  NoncurrentVersionTransition,
  Tag as LifecycleTag,
  Transition,
  TransitionDefaultMinimumObjectSize,
} from './lifecycle.js'
export type { CommonPrefix, ObjectSummary } from './list.js'
export type { ObjectHeaders, ObjectReadFields, ObjectWriteFields } from './object-headers.js'
export type {
  DefaultRetention,
  ObjectLockConfiguration,
  ObjectLockConfigurationOutput,
  ObjectLockLegalHold,
  ObjectLockLegalHoldStatus,
  ObjectLockRetention,
  ObjectLockRetentionMode,
} from './object-lock.js'
export type { Owner } from './owner.js'
export type { ObjectOwnership, OwnershipControls, OwnershipControlsRule } from './ownership.js'
export type { PolicyDocument, PolicyStatement } from './policy.js'
export type { PublicAccessBlockConfiguration, PublicAccessBlockOutput } from './public-access-block.js'
export type { RestoreStatus } from './restore.js'
export type { Tag, Tagging } from './tagging.js'
export type { BucketVersioningStatus, MFADeleteStatus, VersioningConfiguration } from './versioning.js'
