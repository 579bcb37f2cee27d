/** The paths of an exchange as text a trainer can read, and as a stable JSON document. */
import type { CallRecord } from './exchange';
import type { ExchangePath, PathSet, RunPaths, TakenExchange } from './paths';

export function callWords(c: CallRecord): string {
  if (c.sayAgain) return `${c.channel} ↻ say again`;
  return c.failedAt ? `${c.channel} ✗ ${c.failedAt}` : `${c.channel} ✓ ${c.reached}`;
}

export function pathWords(calls: readonly CallRecord[]): string {
  return calls.length ? calls.map(callWords).join(' → ') : 'no call';
}

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const plural = (n: number, one: string, many = `${one}s`) => `${thousands(n)} ${n === 1 ? one : many}`;

export interface PathsHeader {
  title: string;
  account: string | null;
  procedure: string;
  seed: number;
}

function partyName(p: PathSet['model']['caller']): string {
  return p ? (p.name ?? p.id) : 'any unit';
}

export function formatPathsText(h: PathsHeader, rp: RunPaths, opts: { all?: boolean } = {}): string {
  const L: string[] = [];
  L.push(`${h.title}`);
  L.push(`account: ${h.account ?? 'none'} · procedure: ${h.procedure} · seed ${h.seed}`);
  for (const { set, taken } of rp.models) {
    const m = set.model;
    L.push('');
    L.push(`Every way a call exchange can go under ${m.procedure}: ${partyName(m.caller)} → ${partyName(m.recipient)}`);
    for (const n of m.notes) L.push(`  · ${n}`);
    L.push(
      `  The exchange needs ${m.needed === 'acted-on' ? 'a reply that answers what the call asks (acted-on)' : 'a reply (acknowledged)'}; a call that stops short of it fails at the first stage it does not reach.`,
    );
    L.push(
      `  ${plural(set.total, 'path')} in ${plural(set.groups.length, 'outcome')}${taken.length ? '; ► marks the way this run went' : '; nobody made this call in this run'}.`,
    );
    if (set.capped && opts.all)
      L.push(`  Only the first ${plural(set.cap, 'path')} are listed: there are too many to list (every call can stop at any stage).`);
    const takenByKey = new Map<string, TakenExchange[]>();
    for (const t of taken) if (t.key) takenByKey.set(t.key, [...(takenByKey.get(t.key) ?? []), t]);
    for (const g of set.groups) {
      L.push('');
      L.push(`  ${g.outcome.kind === 'completed' ? '✓' : '✗'} ${g.label} — ${plural(g.count, 'path')}${g.rules.length ? `  [${g.rules.join(', ')}]` : ''}`);
      const here = taken.filter((t) => t.end === g.end);
      if (opts.all) {
        for (const p of set.listed.filter((x) => x.end === g.end)) L.push(`    ${takenByKey.has(p.key) ? '►' : ' '} ${pathWords(p.calls)}`);
      } else {
        L.push(`      shortest: ${pathWords(g.shortest.calls)}`);
      }
      for (const t of here) L.push(`    ► ${t.exchange} (${t.txs.join(', ')}): ${pathWords(t.calls)}${t.note ? ` — ${t.note}` : ''}`);
    }
    for (const t of taken.filter((x) => x.status !== 'complete')) {
      L.push('');
      L.push(`  ► ${t.exchange} (${t.txs.join(', ')}) ${t.status === 'unfinished' ? 'did not finish' : 'left the model'}: ${pathWords(t.calls)} — ${t.note}`);
    }
  }
  return L.join('\n') + '\n';
}

function pathJson(p: ExchangePath, taken: Set<string>) {
  return { key: p.key, end: p.end, calls: p.calls, taken: taken.has(p.key) };
}

export function pathsReport(h: PathsHeader, rp: RunPaths, opts: { all?: boolean } = {}) {
  return {
    title: h.title,
    account: h.account,
    procedure: h.procedure,
    seed: h.seed,
    models: rp.models.map(({ set, taken }) => {
      const m = set.model;
      const keys = new Set(taken.flatMap((t) => (t.key ? [t.key] : [])));
      return {
        caller: m.caller?.id ?? null,
        recipient: m.recipient?.id ?? null,
        plan: m.plan,
        needed: m.needed,
        sayAgain: m.sayAgain,
        replyRules: m.replyRules,
        notes: m.notes,
        total: set.total,
        groups: set.groups.map((g) => ({
          end: g.end,
          label: g.label,
          rules: g.rules,
          count: g.count,
          shortest: g.shortest.calls,
          taken: taken.filter((t) => t.end === g.end).map((t) => t.exchange),
        })),
        taken: taken.map((t) => ({
          exchange: t.exchange,
          from: t.from,
          to: t.to,
          txs: t.txs,
          status: t.status,
          end: t.end,
          key: t.key,
          calls: t.calls,
          note: t.note,
        })),
        ...(opts.all ? { cap: set.cap, capped: set.capped, paths: set.listed.map((p) => pathJson(p, keys)) } : {}),
      };
    }),
  };
}
