/// <reference types="node" />
import { rm } from 'node:fs/promises'
import { DeleteObject } from '../../commands/DeleteObject.js'
import { send } from '../core/index.js'
import type { Context } from './context.js'
import { s3Url } from './location.js'
import type { Progress } from './progress.js'
import { copyOne, downloadOne, type ObjectFields, type TransferOptions, uploadOne } from './transfer.js'

type Place = { readonly bucket: string; readonly key: string }

/** One object or file to move: what `cp`, `mv` and `sync` plan, and `runJob` carries out. */
export type Job =
  | { readonly kind: 'upload'; readonly from: { readonly path: string }; readonly to: Place }
  | { readonly kind: 'download'; readonly from: Place; readonly to: { readonly path: string } }
  | { readonly kind: 'copy'; readonly from: Place; readonly to: Place }

export interface JobSettings {
  readonly fields: ObjectFields
  readonly transfer: TransferOptions
  readonly progress: Progress
  /** mv: remove the source once its copy is complete (never before). */
  readonly move?: boolean
  /** --dryrun: say what would be done, do nothing. */
  readonly dryRun?: boolean
}

export async function runJob(context: Context, job: Job, settings: JobSettings, signal: AbortSignal): Promise<void> {
  const { client } = context
  const { fields, transfer, progress } = settings
  const line = `${settings.move ? 'move' : job.kind}: ${describe(job)}`
  if (settings.dryRun) {
    progress.line(`(dryrun) ${line}`)
    return
  }
  progress.show(job.kind === 'upload' ? job.from.path : job.from.key)
  if (job.kind === 'upload') await uploadOne(client, job.from, job.to, fields, transfer, progress, signal)
  else if (job.kind === 'download') await downloadOne(client, job.from, job.to, transfer, progress, signal)
  else await copyOne(client, job.from, job.to, fields, signal)
  if (settings.move) {
    if (job.kind === 'upload') await rm(job.from.path)
    else await send(client, DeleteObject({ Bucket: job.from.bucket, Key: job.from.key }), { signal })
  }
  progress.line(line)
}

function describe(job: Job): string {
  const place = (p: Place | { path: string }): string => ('path' in p ? p.path : s3Url(p.bucket, p.key))
  return `${place(job.from)} to ${place(job.to)}`
}

/** A deletion line for `rm` and `sync --delete`, with the same dry-run form. */
export function deletionLine(what: string, dryRun: boolean | undefined): string {
  return `${dryRun ? '(dryrun) ' : ''}delete: ${what}`
}
