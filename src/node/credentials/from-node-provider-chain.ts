/// <reference types="node" />
import { readFile } from 'node:fs/promises'
import { CredentialsError, type CredentialsProvider } from '../../core/credentials.js'
import { readEnv } from '../../core/env.js'
import { createCredentialChain } from '../../helpers/credentials/chain.js'
import { fromContainerMetadata } from '../../helpers/credentials/from-container-metadata.js'
import { fromEnv } from '../../helpers/credentials/from-env.js'
import {
  type FromInstanceMetadataOptions,
  fromInstanceMetadata,
} from '../../helpers/credentials/from-instance-metadata.js'
import type { RemoteProviderOptions } from '../../helpers/credentials/remote.js'
import { type FromIniOptions, fromIni } from './from-ini.js'
import { type FromTokenFileOptions, fromTokenFile } from './from-token-file.js'

/**
 * Options of `fromNodeProviderChain`: those of its steps (the profile's `fromIni` options, the
 * token file, the metadata services' timeouts and fetch), each passed to the step it concerns.
 */
export interface FromNodeProviderChainOptions
  extends FromIniOptions,
    Pick<FromInstanceMetadataOptions, 'probeTimeout' | 'ec2MetadataV1Disabled'>,
    RemoteProviderOptions {
  /** For the token file step (IRSA). */
  readonly tokenFile?: FromTokenFileOptions
}

/**
 * The AWS SDKs' default chain for Node: the environment (`AWS_ACCESS_KEY_ID`…, skipped when
 * `AWS_PROFILE` names a profile), the profile in the shared files (keys, roles, SSO,
 * `credential_process`), the web identity token file (EKS IRSA), the container endpoint (ECS,
 * Fargate, EKS Pod Identity) and the EC2 instance metadata service, in that order. The first
 * that finds credentials is used from then on. When none does, the `CredentialsError` lists each
 * source and why it gave nothing; off AWS that takes a fraction of a second, since the IMDS probe
 * is short and not retried. This is the default of `createClient` from `s3kit/node`.
 *
 * @example
 * const client = createClient({ credentials: fromNodeProviderChain({ profile: 'dev' }) })
 */
/* @__NO_SIDE_EFFECTS__ */
export function fromNodeProviderChain(options: FromNodeProviderChainOptions = {}): CredentialsProvider {
  const env = fromEnv()
  const remote = {
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  }
  return createCredentialChain(
    () => {
      const profile = options.profile ?? readEnv('AWS_PROFILE')
      if (profile)
        throw new CredentialsError(
          'fromEnv',
          `skipped: a profile is named (${options.profile ? 'profile option' : 'AWS_PROFILE'} "${profile}")`,
          { tryNext: true },
        )
      return env()
    },
    fromIni(options),
    fromTokenFile({ ...(options.clientConfig ? { clientConfig: options.clientConfig } : {}), ...options.tokenFile }),
    fromContainerMetadata({ ...remote, readFile: (path) => readFile(path, 'utf8') }),
    fromInstanceMetadata({
      ...remote,
      ...(options.probeTimeout === undefined ? {} : { probeTimeout: options.probeTimeout }),
      ...(options.ec2MetadataV1Disabled === undefined ? {} : { ec2MetadataV1Disabled: options.ec2MetadataV1Disabled }),
    }),
  )
}
