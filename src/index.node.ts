// The root entry as Node gets it (the `node` export condition; scripts/build-node.mjs builds this
// file in place of src/index.ts): everything src/index.ts exports, but `createClient` is the Node
// one, which finds credentials where the AWS SDKs do (environment, profiles and SSO,
// credential_process, web identity token file, container and instance metadata) and the region
// and endpoint from the profile. Browsers and workers keep the environment-or-explicit client.
// The types are the same: both take a ClientConfig and return a Client.
export * from './index.js'
export { createClient } from './node/create-client.js'
