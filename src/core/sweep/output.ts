/** A sweep as a table a trainer can read (text) and as a stable JSON document. */
import { describeVary, type VarySpec } from './vary';
import type { ProcedureSummary, Rate } from './sweep';

export interface SweepHeader {
  scenario: string;
  title: string;
  account: string | null;
  seed: number;
  runs: number;
  vary: VarySpec[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function rateWords(r: Rate): string {
  return `${pct(r.rate)} [${(r.lo * 100).toFixed(1)}–${(r.hi * 100).toFixed(1)}]`;
}

function rows(s: ProcedureSummary): Rate[] {
  return [s.completed, s.noCall, ...s.exchanges, ...s.stages, ...s.rules];
}

export function formatSweepText(h: SweepHeader, summaries: readonly ProcedureSummary[]): string {
  const L: string[] = [];
  L.push(`Sweep: ${h.title}`);
  L.push(`${thousands(h.runs)} runs per procedure · account ${h.account ?? 'none'} · seed ${h.seed}`);
  L.push(`Varied in each run: ${describeVary(h.vary)}.`);
  L.push('Each figure is the share of runs, with its 95% Wilson interval in brackets.');
  L.push('');
  for (const s of summaries) {
    const c = s.completed;
    L.push(
      `${s.procedure}: every call exchange completed in ${pct(c.rate)} of runs (95% interval ${(c.lo * 100).toFixed(1)}–${(c.hi * 100).toFixed(1)}%, ${c.k} of ${c.n}).`,
    );
  }
  L.push('');
  const ids: string[] = [];
  const labels = new Map<string, string>();
  for (const s of summaries)
    for (const r of rows(s)) {
      if (labels.has(r.id)) continue;
      ids.push(r.id);
      labels.set(r.id, r.label);
    }
  const width = Math.min(60, Math.max(...[...labels.values()].map((l) => l.length)));
  const col = Math.max(22, ...summaries.map((s) => s.procedure.length + 2));
  const cell = (s: string) => (s.length > width ? s.slice(0, width - 1) + '…' : s.padEnd(width));
  const sections: [string, (id: string) => boolean][] = [
    ['Outcome', (id) => id === 'exchange-completed' || id === 'no-call' || id.startsWith('exchange:')],
    ['Messages that stopped on the ladder', (id) => id.startsWith('stage:')],
    ['Rules violated', (id) => id.startsWith('rule:')],
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
