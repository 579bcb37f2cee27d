/** A sweep as a table a trainer can read (text) and as a stable JSON document. */
import { describeVary, type VarySpec } from './vary';
import type { ProcedureSummary, Rate } from './sweep';
import type { ParamValue } from '../explain';
import { say, t, type Lang } from '../../i18n';

export interface SweepHeader {
  scenario: string;
  title: string;
  account: string | null;
  seed: number;
  runs: number;
  vary: VarySpec[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function rateWords(r: Rate): string {
  return `${pct(r.rate)} [${(r.lo * 100).toFixed(1)}–${(r.hi * 100).toFixed(1)}]`;
}

function rows(s: ProcedureSummary): Rate[] {
  return [s.completed, s.noCall, ...s.exchanges, ...s.stages, ...s.rules];
}

/** The sweep as text; in English its words are the summaries' own labels, in another language their `why`. */
export function formatSweepText(h: SweepHeader, summaries: readonly ProcedureSummary[], opts: { lang?: Lang } = {}): string {
  const lang = opts.lang ?? 'en';
  const w = (code: string, params: Record<string, ParamValue> = {}) => t(lang, `analysis.sweep.${code}`, params);
  const L: string[] = [];
  L.push(w('title', { title: h.title }));
  L.push(w('header', { runs: h.runs, account: h.account ?? w('none'), seed: h.seed }));
  L.push(w('varied', { vary: describeVary(h.vary, lang) }));
  L.push(w('interval'));
  L.push('');
  for (const s of summaries) {
    const c = s.completed;
    L.push(w('completed', { procedure: s.procedure, rate: pct(c.rate), lo: (c.lo * 100).toFixed(1), hi: (c.hi * 100).toFixed(1), k: c.k, n: c.n }));
  }
  L.push('');
  const ids: string[] = [];
  const labels = new Map<string, string>();
  for (const s of summaries)
    for (const r of rows(s)) {
      if (labels.has(r.id)) continue;
      ids.push(r.id);
      labels.set(r.id, lang === 'en' ? r.label : say(lang, r.why));
    }
  const width = Math.min(60, Math.max(...[...labels.values()].map((l) => l.length)));
  const col = Math.max(22, ...summaries.map((s) => s.procedure.length + 2));
  const cell = (s: string) => (s.length > width ? s.slice(0, width - 1) + '…' : s.padEnd(width));
  const sections: [string, (id: string) => boolean][] = [
    [w('section.outcome'), (id) => id === 'exchange-completed' || id === 'no-call' || id.startsWith('exchange:')],
    [w('section.stages'), (id) => id.startsWith('stage:')],
    [w('section.rules'), (id) => id.startsWith('rule:')],
  ];
  for (const [title, keep] of sections) {
    L.push(`${title.padEnd(width + 2)}  ${summaries.map((s) => s.procedure.padEnd(col)).join('')}`.trimEnd());
    for (const id of ids.filter(keep)) {
      const cells = summaries.map((s) => {
        const r = rows(s).find((x) => x.id === id);
        return (r ? `${rateWords(r)}${r.n !== s.runs ? ` n=${r.n}` : ''}` : '—').padEnd(col);
      });
      L.push(`  ${cell(labels.get(id)!)}  ${cells.join('')}`.trimEnd());
    }
    L.push('');
  }
  return L.join('\n');
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;
const rateJson = (r: Rate) => ({ id: r.id, label: r.label, k: r.k, n: r.n, rate: r4(r.rate), lo: r4(r.lo), hi: r4(r.hi) });

export function sweepReport(h: SweepHeader, summaries: readonly ProcedureSummary[]) {
  return {
    scenario: h.scenario,
    title: h.title,
    account: h.account,
    seed: h.seed,
    runs: h.runs,
    vary: h.vary.map((v) => ({ name: v.name, amount: v.amount })),
    interval: 'wilson-95',
    procedures: summaries.map((s) => ({
      procedure: s.procedure,
      title: s.title,
      runs: s.runs,
      completed: rateJson(s.completed),
      noCall: rateJson(s.noCall),
      exchanges: s.exchanges.map(rateJson),
      stages: s.stages.map(rateJson),
      rules: s.rules.map(rateJson),
    })),
  };
}
