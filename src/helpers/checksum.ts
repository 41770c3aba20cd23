import {
  CHECKSUM_OUTPUT_HEADERS,
  type ChecksumOutput,
  type ChecksumType,
  checkAlgorithm,
} from '../../codecs/checksum.js'
import { readHeaders } from '../../codecs/headers.js'
import type { RequestBody } from '../core/body.js'
import { type ChecksumAlgorithm, type ChecksumName, checksumHeader, checksumOf } from '../core/checksums/checksum.js'
import type { Command, ResponseContext } from '../core/command.js'
import { InputError } from '../core/errors.js'
import { extendCommand, type RequestOption } from '../core/extend-command.js'
import { checkHeaderValue } from '../core/validate.js'

/** What `checksum` takes besides the algorithm. */
export interface ChecksumSettings {
  /**
   * The checksum itself (base64 of the big-endian digest), when you computed it: sent as it is, on
   * any body (a Blob or a stream too). On `CompleteMultipartUpload`, the whole object's checksum.
   */
  readonly value?: string
  /**
   * For `CreateMultipartUpload` and `CompleteMultipartUpload`: `FULL_OBJECT` (the default for
   * CRC64NVME, CRC32 and CRC32C: the parts' CRCs combined, as if the object were sent whole) or
   * `COMPOSITE` (the only type for SHA1 and SHA256; CRC32 and CRC32C take it too: a checksum of
   * the parts' checksums, written `…-N`).
   */
  readonly type?: ChecksumType
}

/** What `checksum` adds to an output: the checksum S3 stored or reports, and for CreateMultipartUpload its algorithm. */
export interface ChecksumResult extends ChecksumOutput {
  /** CreateMultipartUpload: the algorithm every part must carry, when S3 reports it. */
  readonly ChecksumAlgorithm?: ChecksumName | (string & {})
}

/**
 * The checksum type for `algorithm`, checked: S3 knows no composite CRC64NVME and no full-object
 * SHA. What `checksum` and `upload` share.
 */
export function checkChecksumType(algorithm: ChecksumAlgorithm, type: unknown, field: string): ChecksumType {
  if (type === undefined) return algorithm.combine ? 'FULL_OBJECT' : 'COMPOSITE'
  const allowed =
    algorithm.name === 'CRC64NVME' ? ['FULL_OBJECT'] : algorithm.combine ? ['FULL_OBJECT', 'COMPOSITE'] : ['COMPOSITE']
  if (!allowed.includes(type as string)) {
    throw new InputError(field, `must be ${allowed.join(' or ')} for ${algorithm.name}, not ${String(type)}.`)
  }
  return type as ChecksumType
}

/**
 * A request option that has S3 check and store a checksum of what is written, with `algorithm`
 * (`import { CRC64NVME } from 's3kit'`: an object that brings its code, not a name):
 *
 * - `PutObject`, `UploadPart`: sends `x-amz-checksum-<algorithm>`, computed when the option is
 *   applied over a text or bytes body (a Blob or stream body is refused with an `InputError`: use
 *   `upload`, which hashes parts as it reads them, or give `value`), and
 *   `x-amz-sdk-checksum-algorithm`. The output gains the checksum S3 stored (`ChecksumCRC64NVME`, …,
 *   `ChecksumType`) when it reports one.
 * - `CreateMultipartUpload`: sends `x-amz-checksum-algorithm` and `x-amz-checksum-type` (`type`);
 *   the output gains `ChecksumAlgorithm` and `ChecksumType` when S3 reports them.
 * - `CompleteMultipartUpload`: sends `x-amz-checksum-type`, and with `value` the whole object's
 *   checksum, which S3 checks against the one it combines from the parts' (each part's own
 *   checksum goes in its `Parts` entry). The output gains `ChecksumType`.
 *
 * Other operations are left as they are. Nothing is computed, sent or bundled without it; see
 * docs/checksums.md for which servers check what.
 *
 * @example
 * await send(client, checksum(CRC64NVME)(PutObject({ Bucket, Key, Body: 'hello' })))
 */
/* @__NO_SIDE_EFFECTS__ */
export function checksum(algorithm: ChecksumAlgorithm, settings: ChecksumSettings = {}): RequestOption<ChecksumResult> {
  const { name } = checkAlgorithm(algorithm, 'checksum')
  const given = settings.value === undefined ? undefined : checkHeaderValue(settings.value, 'checksum.value')
  const type = checkChecksumType(algorithm, settings.type, 'checksum.type')
  const header = checksumHeader(name)
  const read = (response: Response, context: ResponseContext) =>
    readHeaders<ChecksumResult>(response, context, {
      ...CHECKSUM_OUTPUT_HEADERS,
      ChecksumAlgorithm: 'x-amz-checksum-algorithm',
    })
  return ((command: Command<unknown>) => {
    switch (command.operation) {
      case 'PutObject':
      case 'UploadPart':
        return extendCommand(
          command,
          {
            [header]: given ?? checksumOf(algorithm, bodyBytes(command.body, name)),
            'x-amz-sdk-checksum-algorithm': name,
          },
          read,
        )
      case 'CreateMultipartUpload':
        return extendCommand(command, { 'x-amz-checksum-algorithm': name, 'x-amz-checksum-type': type }, read)
      case 'CompleteMultipartUpload':
        return extendCommand(command, { 'x-amz-checksum-type': type, ...(given && { [header]: given }) }, read)
      default:
        return command
    }
  }) as RequestOption<ChecksumResult>
}

/**
 * A body held in memory, as bytes. A Blob or a stream cannot be read while a command is built (and
 * the header goes before the body), so it is refused rather than sent without the checksum asked for.
 */
function bodyBytes(body: RequestBody | undefined, name: ChecksumName): Uint8Array {
  if (typeof body === 'string') return new TextEncoder().encode(body)
  if (body === undefined) return new Uint8Array(0)
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return new Uint8Array(body)
  throw new InputError(
    'checksum',
    `needs a text or bytes body: use upload (ChecksumAlgorithm: ${name}) for a Blob or stream, ` +
      `or give the value: checksum(${name}, { value }).`,
  )
}
