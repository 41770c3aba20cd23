/// <reference types="node" />
import { type Client, type ClientConfig, createClient as createCoreClient } from '../core/client.js'
import { readEnv } from '../core/env.js'
import { fromNodeProviderChain } from './credentials/from-node-provider-chain.js'
import { loadSharedFilesSync, profileName, serviceEndpoint, setting } from './credentials/shared-files.js'

/**
 * `createClient` for Node, where the AWS SDKs' defaults are expected: without `credentials` it
 * uses `fromNodeProviderChain()` (environment, profile, token file, container, instance metadata);
 * without `region` it takes `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`; without
 * `endpoint` it takes `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, then the profile's `endpoint_url`
 * (its `services` section's `s3` block first), unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` says
 * not to. The shared files are read only when one of those is needed. Browsers and workers use
 * the `createClient` of the root entry, which reads only the environment.
 *
 * @example
 * const client = createClient()   // e.g. AWS_PROFILE=dev with region and SSO in ~/.aws/config
 */
export function createClient(config: ClientConfig = {}): Client {
  let region = config.region ?? readEnv('AWS_REGION') ?? readEnv('AWS_DEFAULT_REGION')
  let endpoint = config.endpoint ?? readEnv('AWS_ENDPOINT_URL_S3') ?? readEnv('AWS_ENDPOINT_URL')
  if (region === undefined || endpoint === undefined) {
    const files = loadSharedFilesSync()
    const profile = files.profiles[profileName()]
    region ??= setting(profile, 'region')
    endpoint ??= serviceEndpoint(files, profile, 's3')
  }
  return createCoreClient({
    ...config,
    ...(region === undefined ? {} : { region }),
    ...(endpoint === undefined ? {} : { endpoint }),
    credentials: config.credentials ?? fromNodeProviderChain(),
  })
}
