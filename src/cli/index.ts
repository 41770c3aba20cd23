// The `s3kit` executable (package.json "bin"). Everything it does is in main.ts; this file only
// runs it with the process's arguments and exits with its code.
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2))
