/**
 * Text from a file, made literal in Markdown: no link, image or HTML a scenario's author (or a
 * hostile file) writes can become live in a debrief. Brackets, angle brackets and backslashes are
 * escaped (so `![x](javascript:…)` and `<img …>` print as written), and `|` so a table keeps its cells.
 */
export function mdText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/([[\]])/g, '\\$1')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
