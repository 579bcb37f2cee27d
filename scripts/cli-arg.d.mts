// Types for cli-arg.mjs.
/** `--name value` from the command line, or `fallback`. */
export declare function arg(name: string, fallback: string): string;
