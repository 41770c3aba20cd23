// s3kit/credentials: credential providers that need only fetch, so they work in browsers, workers
// and Node alike. Each is its own module and costs nothing unless imported. The Node-only ones
// (profiles, SSO, credential_process, the token file, the default chain) are in s3kit/node.
export { cachedCredentials, redacted, type CacheOptions } from './cache.js'
export { createCredentialChain } from './chain.js'
export { fromEnv } from './from-env.js'
export { fromTemporaryCredentials, type AssumeRoleParams, type FromTemporaryCredentialsOptions } from './from-temporary-credentials.js'
export { fromWebToken, type FromWebTokenOptions } from './from-web-token.js'
export { fromContainerMetadata, type FromContainerMetadataOptions } from './from-container-metadata.js'
export { fromInstanceMetadata, type FromInstanceMetadataOptions } from './from-instance-metadata.js'
export { fromCognitoIdentityPool, type FromCognitoIdentityPoolOptions } from './from-cognito-identity-pool.js'
export type { RemoteProviderOptions } from './remote.js'
export type { StsClientConfig } from './sts.js'
export { CredentialsError, type Credentials, type CredentialsProvider } from '../../core/credentials.js'
