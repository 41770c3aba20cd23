import { encryptionDocument, type ServerSideEncryption } from '../codecs/encryption.js'
import { readSubresource } from '../codecs/subresource.js'
import { type Command, compact } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetBucketEncryption`: the bucket whose default encryption to read. */
export interface GetBucketEncryptionInput {
  readonly Bucket: string
}

/**
 * One default-encryption rule as `GetBucketEncryption` returns it: the algorithm (and KMS key)
 * applied to objects stored without their own encryption setting, and whether an S3 Bucket Key is
 * used. `SSEAlgorithm` names the known algorithms but keeps any other value a server sends.
 */
export interface ServerSideEncryptionRuleOutput {
  readonly ApplyServerSideEncryptionByDefault?: {
    readonly SSEAlgorithm: ServerSideEncryption | (string & {})
    readonly KMSMasterKeyID?: string
  }
  readonly BucketKeyEnabled?: boolean
}

/**
 * What `GetBucketEncryption` returns: the bucket's default-encryption rules (one on AWS), under
 * `ServerSideEncryptionConfiguration.Rules` as S3 nests them.
 */
export interface GetBucketEncryptionOutput {
  readonly ServerSideEncryptionConfiguration: { readonly Rules: ServerSideEncryptionRuleOutput[] }
}

/**
 * Reads a bucket's default encryption. On AWS every bucket has one (SSE-S3, `AES256`, unless
 * changed); servers without it answer with an `S3Error` such as
 * `ServerSideEncryptionConfigurationNotFoundError`. Ceph RGW 16 does not implement it and answers
 * with a bucket listing, which is an `S3Error` with code `InvalidResponse` that says so.
 *
 * @example
 * const { ServerSideEncryptionConfiguration } = await send(client, GetBucketEncryption({ Bucket: 'my-bucket' }))
 * console.log(ServerSideEncryptionConfiguration.Rules[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm)
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketEncryption(input: GetBucketEncryptionInput): Command<GetBucketEncryptionOutput> {
  return {
    operation: 'GetBucketEncryption',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { encryption: '' },
    parse: async (response, context) => {
      const { ServerSideEncryptionConfiguration: found } = await readSubresource(response, encryptionDocument, context)
      const Rules = found.Rule.map(({ ApplyServerSideEncryptionByDefault: apply, BucketKeyEnabled }) =>
        compact<ServerSideEncryptionRuleOutput>({
          ApplyServerSideEncryptionByDefault: apply && compact(apply),
          BucketKeyEnabled,
        }),
      )
      return { ServerSideEncryptionConfiguration: { Rules } }
    },
  }
}
