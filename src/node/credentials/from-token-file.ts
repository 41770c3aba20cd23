/// <reference types="node" />
import { readFile } from 'node:fs/promises'
import { CredentialsError, type CredentialsProvider } from '../../core/credentials.js'
import { readEnv } from '../../core/env.js'
import type { CacheOptions } from '../../helpers/credentials/cache.js'
import { fromWebToken } from '../../helpers/credentials/from-web-token.js'
import type { StsClientConfig } from '../../helpers/credentials/sts.js'

/**
 * Options of `fromTokenFile`: the web identity token file and the role to assume with it (by
 * default from `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN` and `AWS_ROLE_SESSION_NAME`, as EKS
 * sets them), where STS is reached, and refresh timing.
 */
export interface FromTokenFileOptions {
  /** Defaults to `AWS_WEB_IDENTITY_TOKEN_FILE`. */
  readonly webIdentityTokenFile?: string
  /** Defaults to `AWS_ROLE_ARN`. */
  readonly roleArn?: string
  /** Defaults to `AWS_ROLE_SESSION_NAME`, then `s3kit-<time>`. */
  readonly roleSessionName?: string
  readonly clientConfig?: StsClientConfig
  readonly cache?: CacheOptions
}

const SOURCE = 'fromTokenFile'

/**
 * Credentials for an EKS pod's service account (IRSA) or any workload given an identity token in a
 * file: `AWS_WEB_IDENTITY_TOKEN_FILE` and `AWS_ROLE_ARN`, which EKS injects, exchanged through STS
 * `AssumeRoleWithWebIdentity`. The file is read again on every refresh, since the kubelet rotates
 * the token. Without the two settings it finds nothing, which a chain skips.
 *
 * @example
 * const client = createClient({ credentials: fromTokenFile() })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromTokenFile(options: FromTokenFileOptions = {}): CredentialsProvider {
  let inner: CredentialsProvider | undefined
  return async () => {
    if (!inner) {
      const file = options.webIdentityTokenFile ?? readEnv('AWS_WEB_IDENTITY_TOKEN_FILE')
      const roleArn = options.roleArn ?? readEnv('AWS_ROLE_ARN')
      if (!file || !roleArn) {
        throw new CredentialsError(SOURCE, `${file ? 'AWS_ROLE_ARN' : 'AWS_WEB_IDENTITY_TOKEN_FILE'} is not set`, {
          tryNext: true,
        })
      }
      const roleSessionName = options.roleSessionName ?? readEnv('AWS_ROLE_SESSION_NAME')
      inner = fromWebToken({
        roleArn,
        ...(roleSessionName ? { roleSessionName } : {}),
        webIdentityToken: async () => {
          try {
            return (await readFile(file, 'utf8')).trim()
          } catch (error) {
            throw new CredentialsError(
              SOURCE,
              `cannot read the web identity token file ${file}: ${(error as Error).message}`,
              { cause: error },
            )
          }
        },
        ...(options.clientConfig ? { clientConfig: options.clientConfig } : {}),
        ...(options.cache ? { cache: options.cache } : {}),
      })
    }
    return inner()
  }
}
