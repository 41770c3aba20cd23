// Types of scripts/build-node.mjs, for tsup.config.ts.
export declare function buildNode(options?: { outDir?: string }): Promise<void>
