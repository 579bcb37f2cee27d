// Types for cli-state.mjs (plain JavaScript, so that it runs before anything is built).
export declare const OUT_DIR: string;
export declare const OUTPUTS: readonly string[];
export declare const MANIFEST: string;
export declare function hashOf(path: string): string;
export declare function staleReason(root: string): string | null;
export declare function writeManifest(root: string, manifest: { builtAt: number; outputs?: readonly string[]; inputs: Record<string, string> }): void;
