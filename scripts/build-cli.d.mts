// Types for build-cli.mjs (plain JavaScript, so that `npm ci` can run it before anything is built).
import type { BuildOptions } from 'esbuild';
export declare function buildOptions(root?: string): BuildOptions & { write: false; metafile: true };
export declare function buildCli(root?: string, opts?: { warmUp?: boolean }): Promise<{ files: string[]; manifest: string }>;
/** Where the build keeps the shipped procedures loaded, under the project. */
export declare const PROCEDURE_CACHE: string;
export declare const PROCEDURE_CACHE_DEFINE: Record<string, string>;
/** Where the build keeps the shipped scenarios parsed, one file each, under the project. */
export declare const PARSED_SCENARIOS: string;
export declare function catalogsByLang(root: string): Promise<{ byLang: Record<string, Record<string, Record<string, string>>>; inputs: string[] }>;
