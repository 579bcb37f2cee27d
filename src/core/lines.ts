/**
 * Where each line of a text starts: offset 0, then one past each `\n`. Line n (1-based) starts at
 * `starts[n - 1]`; a `\r` before the `\n` stays at the end of its line, as the parsers leave it.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
