/**
 * Node only: files (`putFile`, `uploadFile`, `getFile`, `downloadFile`), the shared config and
 * credentials files, the Node credential providers and their default chain, and a `createClient`
 * that uses that chain. Kept out of the root entry, so browser and edge bundles never see a
 * `node:` import.
 *
 * @module s3kit/node
 */
// s3kit/node: helpers that need Node's file system (node:fs). Kept out of the root entry so
// browser and edge bundles never see node: imports.

// Credentials and the client for Node (issue 13): profiles, SSO, credential_process, the web
// identity token file and the default chain; the fetch-only providers are in s3kit/credentials.
export { createClient } from './create-client.js'
export { type FromIniOptions, fromIni } from './credentials/from-ini.js'
export { type FromNodeProviderChainOptions, fromNodeProviderChain } from './credentials/from-node-provider-chain.js'
export { type FromProcessOptions, fromProcess } from './credentials/from-process.js'
export { type FromSSOOptions, fromSSO } from './credentials/from-sso.js'
export { type FromTokenFileOptions, fromTokenFile } from './credentials/from-token-file.js'
export {
  loadSharedFiles,
  parseIni,
  type Section,
  type SharedFiles,
  type SharedFilesOptions,
} from './credentials/shared-files.js'
export { type DownloadFileInput, type DownloadFileOutput, downloadFile } from './download-file.js'
export { type GetFileInput, type GetFileOptions, type GetFileOutput, getFile } from './get-file.js'
export { type PutFileInput, type PutFileOptions, putFile } from './put-file.js'
export { type UploadFileInput, uploadFile } from './upload-file.js'
