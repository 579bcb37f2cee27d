// `--name value` from a script's command line: one reader for the bench scripts, plain JavaScript
// so that the .mjs scripts can import it unbuilt (bench-measure.ts passes it on to the TypeScript ones).

/** `--name value` from the command line, or `fallback`. */
export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
