import { CHECKSUM_OUTPUT_HEADERS, type ChecksumOutput, checkAlgorithm } from '../../codecs/checksum.js'
import { readHeaders } from '../../codecs/headers.js'
import type { ChecksumAlgorithm, ChecksumVerification } from '../core/checksums/checksum.js'
import { verifyBody } from '../core/checksums/verify.js'
import type { Command, ResponseContext } from '../core/command.js'
import { extendCommand, type RequestOption } from '../core/extend-command.js'
import type { ObjectBody } from '../core/object-body.js'

/**
 * A request option that asks S3 for the object's checksum (`x-amz-checksum-mode: ENABLED`) and,
 * on `GetObject`, checks the body against it as it is read:
 *
 * - `HeadObject`, `GetObject`: the output gains the object's checksum (`ChecksumCRC64NVME`, …) and
 *   `ChecksumType`, when S3 sends them.
 * - `GetObject`: the first of `algorithms` S3 sent a checksum for checks the body; `Body` is then a
 *   body that fails with an `S3Error` of code `BadDigest` before it ends when the bytes do not
 *   match (`bytes()`, `text()` and `json()` reject). `ChecksumVerified` names the algorithm, or
 *   `ChecksumNotVerified` says why the body is passed on unchecked (no checksum, none by the
 *   algorithms given, a composite one, a range of a full-object one, a decoded Content-Encoding).
 *   With no algorithm, it only asks: `ChecksumNotVerified: 'ALGORITHM_NOT_GIVEN'`.
 *
 * Other operations are left as they are. An s3kit addition: `@aws-sdk/client-s3` carries every
 * algorithm; here only those passed are bundled.
 *
 * @example
 * const { Body, ChecksumVerified } = await send(client, verifyChecksum(CRC64NVME)(GetObject({ Bucket, Key })))
 * await Body.bytes() // rejects with BadDigest if the bytes are not the bytes stored
 */
/* @__NO_SIDE_EFFECTS__ */
export function verifyChecksum(
  ...algorithms: readonly ChecksumAlgorithm[]
): RequestOption<ChecksumOutput & ChecksumVerification> {
  for (const [index, algorithm] of algorithms.entries()) checkAlgorithm(algorithm, `verifyChecksum[${index}]`)
  const read = (response: Response, context: ResponseContext) =>
    readHeaders<ChecksumOutput>(response, context, CHECKSUM_OUTPUT_HEADERS)
  const mode = { 'x-amz-checksum-mode': 'ENABLED' }
  return ((command: Command<unknown>) => {
    switch (command.operation) {
      case 'HeadObject':
        return extendCommand(command, mode, read)
      case 'GetObject':
        return extendCommand(command, mode, (response, context, output) => ({
          ...read(response, context),
          ...(algorithms.length
            ? verifyBody((output as { Body: ObjectBody }).Body, response, context, algorithms)
            : { ChecksumNotVerified: 'ALGORITHM_NOT_GIVEN' as const }),
        }))
      default:
        return command
    }
  }) as RequestOption<ChecksumOutput & ChecksumVerification>
}
