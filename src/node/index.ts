// s3kit/node: helpers that need Node's file system (node:fs). Kept out of the root entry so
// browser and edge bundles never see node: imports.
export { putFile, type PutFileInput } from './put-file.js'
export { getFile, type GetFileInput, type GetFileOutput } from './get-file.js'
export { uploadFile, type UploadFileInput } from './upload-file.js'
