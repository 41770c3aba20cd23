/// <reference types="node" />
import { InputError, S3Error } from '../core/index.js'
import { CredentialsError } from '../helpers/credentials/index.js'
import { oneLine } from './format.js'
import { InterruptedError, SIGNAL_EXIT_CODES } from './interrupt.js'

/**
 * Exit codes scripts can rely on (docs/cli.md):
 * 0 done; 1 S3, the network or the local file system refused (something may have been done,
 * as the lines printed say); 2 the command line or an input was wrong and nothing was sent;
 * 130 / 143 interrupted by SIGINT / SIGTERM, after cleaning up.
 */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const

export interface Report {
  readonly line: string
  readonly exitCode: number
}

/** One line: what failed (with S3's code), S3's or s3kit's message, and what to do about it. */
export function reportError(error: unknown): Report {
  if (error instanceof InterruptedError) {
    return {
      line: 's3kit: interrupted; transfers in progress were stopped and cleaned up.',
      exitCode: SIGNAL_EXIT_CODES[error.signalName] ?? 130,
    }
  }
  if (error instanceof InputError) {
    return { line: `s3kit: ${oneLine(inputMessage(error))}`, exitCode: ExitCode.usage }
  }
  if (error instanceof CredentialsError) {
    // Nothing was sent: the keys could not be found (or the profile is broken), which is set-up.
    const tried = error.tried.map(({ source, reason }) => `${source}: ${reason}`).join('; ')
    return {
      line:
        `s3kit: no usable S3 credentials (${oneLine(tried)}) → set AWS_ACCESS_KEY_ID and ` +
        `AWS_SECRET_ACCESS_KEY, or name a profile of ~/.aws/credentials with --profile.`,
      exitCode: ExitCode.usage,
    }
  }
  if (error instanceof S3Error) {
    const hint = hintFor(error)
    return { line: `s3kit: ${oneLine(error.message)}${hint ? ` → ${hint}` : ''}`, exitCode: ExitCode.failed }
  }
  const system = error as NodeJS.ErrnoException
  if (system && typeof system.code === 'string' && typeof system.syscall === 'string') {
    const what = system.path ? `${system.path}: ` : ''
    return { line: `s3kit: ${what}${FILE_ERRORS[system.code] ?? oneLine(system.message)}`, exitCode: ExitCode.failed }
  }
  return {
    line: `s3kit: ${oneLine(error instanceof Error ? error.message : String(error))}`,
    exitCode: ExitCode.failed,
  }
}

function inputMessage(error: InputError): string {
  // The library's own advice names createClient; on the command line, the environment and flags.
  if (error.field === 'credentials') {
    return (
      'no S3 credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for ' +
      'temporary keys).'
    )
  }
  return error.message
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory.',
  EACCES: 'permission denied.',
  EISDIR: 'is a directory; use --recursive to copy a directory.',
  ENOTDIR: 'a part of this path is not a directory.',
  ENOSPC: 'no space left on the device.',
  EEXIST: 'already exists.',
}

const HINTS: Record<string, string> = {
  NoSuchBucket: 'check the bucket name; "s3kit ls" lists your buckets.',
  NoSuchKey: 'check the key; "s3kit ls s3://bucket/prefix/" lists what is there.',
  NotFound: 'check the bucket and key; "s3kit ls s3://bucket/prefix/" lists what is there.',
  NoSuchUpload: 'the multipart upload is gone (completed or aborted); start the copy again.',
  AccessDenied: 'these credentials may not do this: check AWS_ACCESS_KEY_ID (or --profile) and the bucket policy.',
  Forbidden:
    "these credentials may not do this (or the bucket is someone else's): check AWS_ACCESS_KEY_ID and the bucket.",
  InvalidAccessKeyId: 'this server does not know the access key: check AWS_ACCESS_KEY_ID and --endpoint-url.',
  SignatureDoesNotMatch: 'the secret key does not match the access key: check AWS_SECRET_ACCESS_KEY.',
  RequestTimeTooSkewed: "this machine's clock is off by more than 15 minutes: set it right.",
  BucketNotEmpty: 'delete its objects first, or use "s3kit rb --force s3://bucket".',
  BucketAlreadyExists: 'bucket names are shared by everyone on the server: choose another name.',
  BucketAlreadyOwnedByYou: 'you already have this bucket.',
  InvalidBucketName: 'bucket names are 3–63 lower-case letters, digits, dots and hyphens.',
  InvalidLocationConstraint: 'this server does not accept that region: try another --region, or none.',
  IllegalLocationConstraintException:
    "the region does not match the endpoint: give --region with the endpoint's region.",
  PermanentRedirect: 'the bucket is in another region: give --region with its region.',
  AuthorizationHeaderMalformed: 'the region is wrong for this bucket: give --region with its region.',
  NetworkError: 'check --endpoint-url (or AWS_ENDPOINT_URL) and that the server is up.',
  TimeoutError: 'the server did not answer in time: check the network and try again.',
  EntityTooLarge: 'the object is larger than S3 allows for this request.',
  InvalidStorageClass: 'this server does not offer that --storage-class.',
  SlowDown: 'the server is throttling requests: try again later or with a lower --concurrency.',
  InternalError: 'a server-side failure: try again.',
  ServiceUnavailable: 'the server is overloaded or down: try again later.',
}

function hintFor(error: S3Error): string | undefined {
  return HINTS[error.code] ?? (error.status >= 500 ? 'a server-side failure: try again.' : undefined)
}
