// s3kit/node: helpers that need Node's file system (node:fs). Kept out of the root entry so
// browser and edge bundles never see node: imports.
export {}
