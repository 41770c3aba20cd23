/**
 * Runs `task` on the items, at most `limit` at a time. The first failure (or the caller's signal)
 * aborts the signal handed to the running tasks and starts no new ones; once every started task
 * has settled, the first error is thrown. So a failed recursive copy leaves no upload running.
 */
export async function forEachLimit<T>(
  items: AsyncIterable<T> | Iterable<T>,
  limit: number,
  signal: AbortSignal,
  task: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController()
  const onAbort = (): void => stop.abort(signal.reason)
  signal.addEventListener('abort', onAbort, { once: true })
  const running = new Set<Promise<void>>()
  let failure: { error: unknown } | undefined
  try {
    for await (const item of items) {
      if (failure || stop.signal.aborted) break
      const run: Promise<void> = task(item, stop.signal)
        .catch((error: unknown) => {
          failure ??= { error }
          stop.abort(error)
        })
        .finally(() => running.delete(run))
      running.add(run)
      if (running.size >= limit) await Promise.race(running)
    }
  } catch (error) {
    failure ??= { error }
    stop.abort(error)
  } finally {
    await Promise.all(running)
    signal.removeEventListener('abort', onAbort)
  }
  if (failure) throw failure.error
  signal.throwIfAborted()
}
