// Types for cli-state.mjs (plain JavaScript, so that it runs before anything is built).
export declare const OUT_DIR: string;
export declare const OUTPUTS: readonly string[];
export declare const MANIFEST: string;
export declare const CODE_CACHE_SUFFIX: string;
export interface Manifest {
  builtAt: number;
  outputs?: readonly string[];
  /** The main bundle's V8 code cache, a file in OUT_DIR named after the bundle's bytes. */
  codeCache?: string;
  inputs: Record<string, string>;
}
export declare function hashOf(path: string): string;
export declare function staleReason(root: string): string | null;
export declare function builtState(root: string): { stale: string | null; manifest: Manifest | null };
export declare function writeManifest(root: string, manifest: Manifest): void;
/** Runs a built CommonJS bundle through node:vm with V8's code cache at cachePath (null: none); gives its exports. */
export declare function runCached(filename: string, cachePath: string | null): unknown;
