import { Command, InvalidArgumentError, Option } from 'commander'
import { OBJECT_CANNED_ACLS } from '../core/canned-acl.js'
import { mb, rb } from './commands/buckets.js'
import { cp } from './commands/cp.js'
import { ls } from './commands/ls.js'
import { cat, presign, stat } from './commands/object-info.js'
import { rm } from './commands/rm.js'
import { sync } from './commands/sync.js'
import { type Context, createContext, type GlobalOptions } from './context.js'

/**
 * The `s3kit` command line, declared with commander. Each action gets a Context (client, signal,
 * output) built from the global flags, so the commands themselves never read process state.
 */
export function buildProgram(signal: AbortSignal): Command {
  const program = new Command('s3kit')
    .description('S3 from the command line, built on the s3kit library.')
    .option('--profile <name>', 'credentials profile (AWS_PROFILE)')
    .option('--endpoint-url <url>', 'S3 endpoint, e.g. http://127.0.0.1:7480 (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL)')
    .option('--region <region>', 'region to sign for and create buckets in (AWS_REGION)')
    .option('--no-progress', 'no progress bar; print only the finished steps')
    .option('-q, --quiet', 'print nothing but errors (and the data asked for)')
    .showHelpAfterError('(run "s3kit --help" for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`s3kit: ${text.replace(/^error: /, '')}`) })

  const withContext =
    <A extends unknown[]>(run: (context: Context, ...args: A) => Promise<void>) =>
    (...args: [...A, unknown, Command]): Promise<void> => {
      const command = args[args.length - 1] as Command
      const context = createContext(command.optsWithGlobals() as GlobalOptions, signal)
      return run(context, ...(args.slice(0, -1) as unknown as A))
    }

  const objectOptions = (command: Command): Command =>
    command
      .option('--content-type <type>', 'Content-Type of the new objects (guessed from the file name otherwise)')
      .addOption(new Option('--storage-class <class>', 'storage class of the new objects, e.g. STANDARD_IA'))
      .addOption(new Option('--acl <acl>', 'canned ACL of the new objects').choices(OBJECT_CANNED_ACLS))
      .option('--metadata <key=value>', 'user metadata (repeatable)', collect, [])
      .option('--part-size <MiB>', 'multipart part size in MiB (5–5120; default 8)', integer)
      .option('--concurrency <n>', 'parts in flight per file (default 4)', integer)
      .option('--dryrun', 'print what would be done, do nothing')

  program
    .command('ls')
    .description('list buckets, or the keys under s3://bucket/prefix')
    .argument('[path]', 's3://bucket/prefix')
    .option('-r, --recursive', 'every key below the prefix, not one level')
    .option('--summarize', 'end with the number of objects and their total size')
    .option('--json', 'one JSON array (sizes in bytes, ISO dates)')
    .action(withContext((context, path: string | undefined, options: object) => ls(context, path, options)))

  objectOptions(
    program
      .command('cp')
      .description('copy a file or object: local → S3, S3 → local, S3 → S3; "-" is stdin/stdout')
      .argument('<source>')
      .argument('<destination>')
      .option('-r, --recursive', 'every file under a directory or key under a prefix'),
  ).action(
    withContext((context, source: string, destination: string, options: object) =>
      cp(context, source, destination, options),
    ),
  )

  objectOptions(
    program
      .command('mv')
      .description('cp, then delete each source once its copy is complete')
      .argument('<source>')
      .argument('<destination>')
      .option('-r, --recursive', 'every file under a directory or key under a prefix'),
  ).action(
    withContext((context, source: string, destination: string, options: object) =>
      cp(context, source, destination, options, true),
    ),
  )

  program
    .command('rm')
    .description('delete an object, or with --recursive every key under a prefix')
    .argument('<path>', 's3://bucket/key')
    .option('-r, --recursive', 'every key under the prefix')
    .option('--dryrun', 'print what would be deleted, delete nothing')
    .action(withContext((context, path: string, options: object) => rm(context, path, options)))

  program
    .command('mb')
    .description('make a bucket (in --region)')
    .argument('<bucket>', 's3://bucket')
    .action(withContext((context, bucket: string) => mb(context, bucket)))

  program
    .command('rb')
    .description('remove a bucket; --force deletes its objects first')
    .argument('<bucket>', 's3://bucket')
    .option('--force', 'delete every object, version and incomplete upload first')
    .action(withContext((context, bucket: string, options: { force?: boolean }) => rb(context, bucket, options)))

  program
    .command('cat')
    .description("write an object's bytes to stdout")
    .argument('<path>', 's3://bucket/key')
    .action(withContext((context, path: string) => cat(context, path)))

  program
    .command('stat')
    .description("an object's metadata (HeadObject), or whether a bucket exists")
    .argument('<path>', 's3://bucket/key or s3://bucket')
    .option('--json', 'one JSON object')
    .action(withContext((context, path: string, options: { json?: boolean }) => stat(context, path, options)))

  program
    .command('presign')
    .description('a URL that downloads the object without credentials until it expires')
    .argument('<path>', 's3://bucket/key')
    .option('--expires-in <seconds>', 'lifetime in seconds (1–604800)', integer, 3600)
    .action(withContext((context, path: string, options: { expiresIn: number }) => presign(context, path, options)))

  objectOptions(
    program
      .command('sync')
      .description('copy what is missing or changed (by size and modification time) between a directory and a prefix')
      .argument('<source>')
      .argument('<destination>')
      .option('--delete', 'delete what the source does not have'),
  ).action(
    withContext((context, source: string, destination: string, options: object) =>
      sync(context, source, destination, options),
    ),
  )

  return program
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number.')
  return Number(value)
}
