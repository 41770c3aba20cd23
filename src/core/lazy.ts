/**
 * A value built on first use and kept. Every zod schema in s3kit is made this way, always as
 * `/* @__PURE__ *\/ lazy(() => …)`: bundlers drop a schema nothing reads (esbuild does not see
 * zod's own calls as free of side effects), and importing a module builds no schema at all, which
 * keeps Node's cold start short.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined
  return () => (value ??= build())
}
