/**
 * encounter-sim sim <scenario.yaml> [--account id] [--procedure id|path] [--seed n] [--until s]
 *                [--format text|json|jsonl|md|html|csv|csv-log|geojson|acmi] [--at s] [--log] [--out file] [--fail-on-breakdown] [--verbose] [--lang en|ja|ko]
 * --lang sets the language of the words for a person (text, md, html, messages); json and jsonl do not change with it.
 * --verbose adds to the text timeline the decisions that needed no action, for debugging rules.
 * jsonl writes the run's log, one entry a line after a header line; --log adds it to json as `log`.
 * For other tools (src/core/export/): csv, the calls (a row per call and addressee); csv-log, the event
 * log; geojson, tracks, areas and positions at --at seconds (default 0); acmi, a Tacview recording.
 * Exit 0 when the run completed; 1 on invalid input (diagnostics on stderr, nothing on stdout);
 * 3 with --fail-on-breakdown when any breakdown occurred.
 */
import { simulate, buildReport, formatDiagnostic } from '../core';
import { diskSource, renderDiagnostic } from './diagnostic-output';
import { diskProcedures } from './files';
import { emit, fail, formatOption, runOptions, scenarioCommand } from './common';
import { formatText } from '../core/format/text';
import { formatMarkdown } from '../core/format/markdown';
import { formatJsonl, logLine } from '../core/format/jsonl';
import { debriefHtml } from '../core/debrief/html';
import { t } from '../i18n';
import { logCsv, transmissionsCsv } from '../core/export/csv';
import { encounterGeoJson } from '../core/export/geojson';
import { encounterAcmi } from '../core/export/acmi';
import type { Analysis } from '../core/analysis/report';
import type { Lang } from '../i18n';

const OPTIONS = {
  account: 'value',
  procedure: 'value',
  seed: 'value',
  until: 'value',
  format: 'value',
  at: 'value',
  out: 'value',
  'fail-on-breakdown': 'switch',
  verbose: 'switch',
  log: 'switch',
} as const;

export function sim(argv: string[]): number {
  const cmd = scenarioCommand(argv, 'cli.usage.sim', OPTIONS);
  if ('exit' in cmd) return cmd.exit;
  const { path, flags, lang } = cmd;
  const picked = formatOption(flags, [...FORMATS], lang);
  if (typeof picked !== 'string') return fail(picked.error);
  const format = picked as (typeof FORMATS)[number];
  const options = runOptions(flags, lang);
  if ('error' in options) return fail(options.error);
  const until = flags['until'] !== undefined ? Number(flags['until']) : undefined;
  if (until !== undefined && !(until >= 0)) return fail(t(lang, 'cli.until', { value: String(flags['until']) }));
  const at = flags['at'] !== undefined ? Number(flags['at']) : 0;
  if (!(at >= 0)) return fail(t(lang, 'cli.at', { value: String(flags['at']) }));

  const result = simulate(cmd.file, diskProcedures, { ...options, ...(until !== undefined ? { until } : {}) });
  for (const d of result.diagnostics) if (d.severity === 'warning') fail(formatDiagnostic(d, { lang }));
  if (!result.analysis) {
    // A bad file: each error with its source line and a caret, as check shows it.
    const source = diskSource([cmd.file]);
    for (const d of result.diagnostics) if (d.severity === 'error') fail(renderDiagnostic(d, lang, source));
    return 1;
  }
  const a = result.analysis;
  const out = render(a, format, { log: flags['log'] === true, verbose: flags['verbose'] === true, at, lang });
  const data = format === 'json' || format === 'jsonl' || format === 'geojson';
  const written = emit(out, flags, [path], data ? 'json' : format === 'csv' || format === 'csv-log' ? 'csv' : 'text', lang);
  if (written !== 0) return written;
  return flags['fail-on-breakdown'] && a.breakdowns.length > 0 ? 3 : 0;
}

const FORMATS = ['text', 'json', 'jsonl', 'md', 'html', 'csv', 'csv-log', 'geojson', 'acmi'] as const;

function render(a: Analysis, format: (typeof FORMATS)[number], o: { log: boolean; verbose: boolean; at: number; lang: Lang }): string {
  switch (format) {
    case 'json':
      return JSON.stringify(o.log ? { ...buildReport(a), log: a.run.log.map(logLine) } : buildReport(a), null, 2) + '\n';
    case 'jsonl':
      return formatJsonl(a);
    case 'md':
      return formatMarkdown(a, { lang: o.lang });
    case 'html':
      return debriefHtml(a, { lang: o.lang });
    case 'csv':
      return transmissionsCsv(a, o.lang);
    case 'csv-log':
      return logCsv(a);
    case 'geojson':
      return JSON.stringify(encounterGeoJson(a, { atS: o.at }), null, 2) + '\n';
    case 'acmi':
      return encounterAcmi(a);
    case 'text':
      return formatText(a, { verbose: o.verbose, lang: o.lang });
  }
}
