/// <reference types="node" />
import { opendir, stat } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { InputError } from '../core/index.js'

export interface LocalFile {
  readonly path: string
  /** The path below the walked directory, with '/' between segments: the key suffix in S3. */
  readonly name: string
  readonly size: number
  readonly mtime: Date
}

/**
 * Every regular file under `root`, depth first, in no particular order. Symbolic links are
 * followed to files (as `aws s3 sync` does by default) but not into directories, so a link cycle
 * cannot loop; sockets, devices and FIFOs are skipped.
 */
export async function* walkFiles(root: string): AsyncGenerator<LocalFile> {
  const directory = await opendir(root)
  for await (const entry of directory) {
    const path = join(root, entry.name)
    if (entry.isDirectory()) {
      for await (const file of walkFiles(path)) yield { ...file, name: `${entry.name}/${file.name}` }
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      const info = await stat(path).catch(() => undefined)
      if (info?.isFile()) yield { path, name: entry.name, size: info.size, mtime: info.mtime }
    }
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false
}

/**
 * The file a key suffix lands in under `root`. A key is any text: one that would climb out of
 * `root` ("../x", "/etc/x") is refused rather than written somewhere else on the disk.
 */
export function pathInside(root: string, name: string): string {
  const target = resolve(root, ...name.split('/'))
  const inside = relative(resolve(root), target)
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || resolve(inside) === inside) {
    throw new InputError('key', `"${name}" would be written outside ${root}; it was not downloaded.`)
  }
  return target
}
