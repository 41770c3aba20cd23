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
export { putFile, type PutFileInput } from './put-file.js'
export { getFile, type GetFileInput, type GetFileOutput } from './get-file.js'
export { downloadFile, type DownloadFileInput, type DownloadFileOutput } from './download-file.js'
export { uploadFile, type UploadFileInput } from './upload-file.js'
// Credentials and the client for Node (issue 13): profiles, SSO, credential_process, the web
// identity token file and the default chain; the fetch-only providers are in s3kit/credentials.
export { createClient } from './create-client.js'
export { fromIni, type FromIniOptions } from './credentials/from-ini.js'
export { fromProcess, type FromProcessOptions } from './credentials/from-process.js'
export { fromTokenFile, type FromTokenFileOptions } from './credentials/from-token-file.js'
export { fromSSO, type FromSSOOptions } from './credentials/from-sso.js'
export { fromNodeProviderChain, type FromNodeProviderChainOptions } from './credentials/from-node-provider-chain.js'
export { parseIni, loadSharedFiles, type SharedFiles, type SharedFilesOptions, type Section } from './credentials/shared-files.js'
