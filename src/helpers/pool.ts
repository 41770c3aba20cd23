/** Tasks run with a bound on how many are in flight; what `upload`, `emptyBucket` and `download` share. */
export interface Pool {
  /**
   * Starts `task`, then resolves once fewer than the pool's limit are running, so the caller reads
   * its next input only when there is room for it (memory stays bounded). Rejects with the first
   * failure of any task instead, and then starts nothing more.
   */
  run(task: () => Promise<void>): Promise<void>
  /** Resolves when every task has finished; rejects with the first failure. */
  drain(): Promise<void>
  /** Waits for every task to settle, whatever happened: nothing is left running behind the caller's back. */
  settle(): Promise<void>
}

/**
 * A pool of at most `limit` tasks in flight. `onError` hears the first failure as it happens (to
 * abort the tasks still running, say), before `run` or `drain` report it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function pool(limit: number, onError?: (error: unknown) => void): Pool {
  const running = new Set<Promise<void>>()
  let failure: { error: unknown } | undefined
  const check = (): void => {
    if (failure) throw failure.error
  }
  return {
    async run(task) {
      check()
      const settled: Promise<void> = task()
        .catch((error: unknown) => {
          if (failure) return
          failure = { error }
          onError?.(error)
        })
        .finally(() => running.delete(settled))
      running.add(settled)
      while (running.size >= limit && !failure) await Promise.race(running)
      check()
    },
    async drain() {
      await Promise.all(running)
      check()
    },
    async settle() {
      await Promise.allSettled(running)
    },
  }
}
