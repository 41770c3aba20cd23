/**
 * The client, `send`, the error types and the shared constants, with no command and no helper.
 * In Node, `createClient` and `send` from here plus one entry per command
 * (`s3kit/commands/PutObject`) load only what those commands need. Everything here is also
 * exported by the root entry, `s3kit`.
 *
 * @module s3kit/core
 */
// s3kit/core: the client, `send`, the error types and the shared constants, with no command and
// no helper. In Node, `import { createClient, send } from 's3kit/core'` plus a per-command entry
// (`s3kit/commands/PutObject`) loads only what that command needs (no XML codec, no zod for
// header-only commands): what bundlers get by tree shaking, Node gets by entry point.

export type { RequestBody } from './body.js'
export { BucketCannedACL, ObjectCannedACL } from './canned-acl.js'
export type {
  BodyVerifier,
  ChecksumAlgorithm,
  ChecksumName,
  ChecksumSkip,
  ChecksumVerification,
  Hasher,
} from './checksums/checksum.js'
export { CRC32 } from './checksums/crc32.js'
export { CRC32C } from './checksums/crc32c.js'
export { CRC64NVME } from './checksums/crc64nvme.js'
export { SHA1 } from './checksums/sha1.js'
export { SHA256 } from './checksums/sha256.js'
export { type Client, type ClientConfig, createClient, type FetchLike, type RetryPolicy } from './client.js'
export type {
  Command,
  EmptyOutput,
  HttpMethod,
  OutputOf,
  PaginatedCommand,
  Pagination,
  ResponseContext,
} from './command.js'
export type { Credentials, CredentialsProvider } from './credentials.js'
export { InputError, S3Error, type S3ErrorDetails } from './errors.js'
export { extendCommand, type RequestOption } from './extend-command.js'
export { Location, regionOfLocation } from './locations.js'
export type { BodyReaders, ObjectBody } from './object-body.js'
export { type SendOptions, send } from './send.js'
export { StorageClass } from './storage-class.js'
