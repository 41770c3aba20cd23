// The SigV4 signer: aws4fetch's `AwsV4Signer`. The Node build (the `node` export condition) uses
// v4-signer.node.ts in its place: scripts/build-node.mjs swaps a `x.node.ts` in for `x.ts`.
export { AwsV4Signer as V4Signer } from 'aws4fetch'
