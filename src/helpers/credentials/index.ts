/**
 * Credential providers that need only `fetch`, so they work in browsers, workers and Node alike:
 * the environment, STS roles and web identities, Amazon Cognito, the ECS/EKS container endpoint,
 * EC2 instance metadata, a chain and a cache. The Node-only providers (profiles, SSO,
 * `credential_process`, the token file, the default chain) are in `s3kit/node`.
 *
 * @module s3kit/credentials
 */
// s3kit/credentials: credential providers that need only fetch, so they work in browsers, workers
// and Node alike. Each is its own module and costs nothing unless imported. The Node-only ones
// (profiles, SSO, credential_process, the token file, the default chain) are in s3kit/node.

export { type Credentials, CredentialsError, type CredentialsProvider } from '../../core/credentials.js'
export { type CacheOptions, cachedCredentials, redacted } from './cache.js'
export { createCredentialChain } from './chain.js'
export { type FromCognitoIdentityPoolOptions, fromCognitoIdentityPool } from './from-cognito-identity-pool.js'
export { type FromContainerMetadataOptions, fromContainerMetadata } from './from-container-metadata.js'
export { fromEnv } from './from-env.js'
export { type FromInstanceMetadataOptions, fromInstanceMetadata } from './from-instance-metadata.js'
export {
  type AssumeRoleParams,
  type FromTemporaryCredentialsOptions,
  fromTemporaryCredentials,
} from './from-temporary-credentials.js'
export { type FromWebTokenOptions, fromWebToken } from './from-web-token.js'
export type { RemoteProviderOptions } from './remote.js'
export type { StsClientConfig } from './sts.js'
