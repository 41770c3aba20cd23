import type { Client, ClientConfig } from '../core/index.js'
import { createClient, fromNodeProviderChain } from '../node/index.js'

/** The options every command takes, as aws-cli spells them. */
export interface ConnectionOptions {
  readonly profile?: string
  readonly endpointUrl?: string
  readonly region?: string
}

/**
 * The client a command uses, found the way the AWS CLI finds its own: `--endpoint-url` and
 * `--region` first, then the environment (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, `AWS_REGION`,
 * `AWS_DEFAULT_REGION`), then the profile's `endpoint_url` and `region`; keys from the Node chain
 * (`AWS_ACCESS_KEY_ID`…, the profile's keys, role, SSO or `credential_process`, the token file,
 * container and instance metadata). `--profile` wins over keys in the environment, as in aws-cli.
 * Nothing is sent or read from disk for the keys here: the first request resolves them.
 */
export function connect(options: ConnectionOptions, extra: ClientConfig = {}): Client {
  // s3kit/node's createClient reads the profile's region and endpoint from AWS_PROFILE; this
  // process is the command line's own, so setting it is how --profile reaches every default.
  if (options.profile !== undefined) process.env.AWS_PROFILE = options.profile
  const config: ClientConfig = { ...extra }
  if (options.endpointUrl !== undefined) config.endpoint = options.endpointUrl
  if (options.region !== undefined) config.region = options.region
  if (options.profile !== undefined) config.credentials = fromNodeProviderChain({ profile: options.profile })
  return createClient(config)
}
