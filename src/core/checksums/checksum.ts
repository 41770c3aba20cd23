import type { ResponseContext } from '../command.js'
import type { ObjectBody } from '../object-body.js'

/**
 * What every checksum algorithm is to s3kit: a name S3 knows, a way to hash bytes as they come, and
 * for CRCs a way to join two checksums into the checksum of the joined bytes. Each algorithm lives in
 * its own module (crc32.ts, crc32c.ts, crc64nvme.ts, sha1.ts, sha256.ts), so an app carries only the
 * ones it imports.
 */

/** The checksum algorithms S3 takes, by the names it gives them. */
export type ChecksumName = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256'

/** A running checksum: bytes go in as they are read, the digest comes out once, at the end. */
export interface Hasher {
  /** Adds the next bytes; chunks may be of any size (the result is as for the bytes joined). */
  update(bytes: Uint8Array): void
  /** The big-endian digest (4 bytes for CRC32/CRC32C, 8 for CRC64NVME, 20 for SHA1, 32 for SHA256). */
  digest(): Uint8Array
}

/**
 * A checksum algorithm, as the `checksum` and `verifyChecksum` options and the helpers take it: import `CRC32`, `CRC32C`,
 * `CRC64NVME`, `SHA1` or `SHA256` and pass it. Unlike `@aws-sdk/client-s3`, where the field is a
 * name and the SDK carries every algorithm's code, the object brings its own code, so an app that
 * asks for no checksum carries none.
 */
export interface ChecksumAlgorithm {
  readonly name: ChecksumName
  /** A new running checksum. */
  create(): Hasher
  /**
   * CRCs only: the checksum of A followed by B, from the checksums of A and B and the length of B,
   * without reading the bytes again. What lets a multipart upload send a full-object checksum.
   */
  readonly combine?: (a: Uint8Array, b: Uint8Array, lengthOfB: number) => Uint8Array
}

/**
 * Which of the algorithms (the first S3 sent a checksum for) checks `body`, and the body that does;
 * or why none. What `verifyChecksum` runs on a GetObject response (`verifyBody`, in verify.ts).
 */
export type BodyVerifier = (
  body: ObjectBody,
  response: Response,
  context: ResponseContext,
  algorithms: readonly ChecksumAlgorithm[],
) => ChecksumVerification & { readonly Body?: ObjectBody }

/**
 * Why a body was not checked against a checksum although `verifyChecksum` asked for it: S3 sent none
 * (`NO_CHECKSUM`: the object has none, or the server does not do checksums), no algorithm was
 * given that matches one S3 sent (`ALGORITHM_NOT_GIVEN`), the checksum is a multipart object's
 * checksum of part checksums (`COMPOSITE`, `…-N`), it covers more than the bytes returned
 * (`PARTIAL`: a range of a full-object checksum), or fetch decoded a `Content-Encoding`
 * so the bytes are no longer the stored ones (`CONTENT_ENCODING`).
 */
export type ChecksumSkip = 'NO_CHECKSUM' | 'ALGORITHM_NOT_GIVEN' | 'COMPOSITE' | 'PARTIAL' | 'CONTENT_ENCODING'

/** What a read with `verifyChecksum` says about its body: checked with one algorithm, or why not. */
export interface ChecksumVerification {
  /** The algorithm the body is checked with as it is read; a mismatch fails the body with `BadDigest`. */
  readonly ChecksumVerified?: ChecksumName
  /** Why the body is passed on unchecked: it is then exactly as unverified as without `verifyChecksum`. */
  readonly ChecksumNotVerified?: ChecksumSkip
}

/** The request and response header that carries a checksum: `x-amz-checksum-crc64nvme`. */
export const checksumHeader = (name: ChecksumName): string => `x-amz-checksum-${name.toLowerCase()}`

/** The checksum of bytes held whole, as S3 writes it: base64 of the big-endian digest. */
export function checksumOf(algorithm: ChecksumAlgorithm, bytes: Uint8Array): string {
  const hasher = algorithm.create()
  hasher.update(bytes)
  return toBase64(hasher.digest())
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** The digest a base64 checksum holds; undefined when it is not base64 (a composite `…-3` is not). */
export function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0))
  } catch {
    return undefined
  }
}
