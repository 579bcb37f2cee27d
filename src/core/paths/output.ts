/** The paths of an exchange as text a trainer can read, and as a stable JSON document. */
import type { CallRecord } from './exchange';
import type { ExchangePath, OutcomeGroup, PathSet, RunPaths, TakenExchange } from './paths';
import { say, t, type Lang } from '../../i18n';
import { stageWord } from '../debrief/words';

export function callWords(c: CallRecord, lang: Lang = 'en'): string {
  if (c.sayAgain) return `${c.channel} ↻ ${t(lang, 'debrief.paths.say-again')}`;
  return c.failedAt ? `${c.channel} ✗ ${stageWord(lang, c.failedAt)}` : `${c.channel} ✓ ${stageWord(lang, c.reached)}`;
}

export function pathWords(calls: readonly CallRecord[], lang: Lang = 'en'): string {
  return calls.length ? calls.map((c) => callWords(c, lang)).join(' → ') : t(lang, 'debrief.paths.no-call');
}

/** Where a group of paths ends, in the reader's language. */
export const groupLabel = (g: OutcomeGroup, lang: Lang = 'en') => (lang === 'en' ? g.label : say(lang, g.why));

/** What the model notes about the way a run went, in the reader's language. */
export const takenNote = (x: TakenExchange, lang: Lang = 'en') =>
  lang === 'en' || x.note === null ? (x.note ?? '') : x.notes.map((n) => say(lang, n)).join(t(lang, 'debrief.semicolon'));

export interface PathsHeader {
  title: string;
  account: string | null;
  procedure: string;
  seed: number;
}

function partyName(p: PathSet['model']['caller'], lang: Lang): string {
  return p ? (p.name ?? p.id) : t(lang, 'debrief.paths.any-unit');
}

export function formatPathsText(h: PathsHeader, rp: RunPaths, opts: { all?: boolean; lang?: Lang } = {}): string {
  const lang = opts.lang ?? 'en';
  const tr = (code: string, params: Parameters<typeof t>[2] = {}) => t(lang, code, params);
  const L: string[] = [];
  L.push(`${h.title}`);
  L.push(tr('debrief.paths.header', { account: h.account ?? tr('debrief.none'), procedure: h.procedure, seed: h.seed }));
  for (const { set, taken } of rp.models) {
    const m = set.model;
    L.push('');
    L.push(tr('debrief.paths.model', { procedure: m.procedure, caller: partyName(m.caller, lang), recipient: partyName(m.recipient, lang) }));
    for (const n of m.notesWhy) L.push(`  · ${say(lang, n)}`);
    L.push(`  ${tr(m.needed === 'acted-on' ? 'debrief.paths.needs.acted-on' : 'debrief.paths.needs.acknowledged')}`);
    L.push(`  ${tr(taken.length ? 'debrief.paths.count.taken' : 'debrief.paths.count.none', { paths: set.total, outcomes: set.groups.length })}`);
    if (set.capped && opts.all) L.push(`  ${tr('debrief.paths.capped', { n: set.cap })}`);
    const takenByKey = new Map<string, TakenExchange[]>();
    for (const x of taken) if (x.key) takenByKey.set(x.key, [...(takenByKey.get(x.key) ?? []), x]);
    for (const g of set.groups) {
      L.push('');
      L.push(
        `  ${g.outcome.kind === 'completed' ? '✓' : '✗'} ${groupLabel(g, lang)} — ${tr('debrief.paths.paths', { n: g.count })}${g.rules.length ? `  [${g.rules.join(', ')}]` : ''}`,
      );
      const here = taken.filter((x) => x.end === g.end);
      if (opts.all) {
        for (const p of set.listed.filter((x) => x.end === g.end)) L.push(`    ${takenByKey.has(p.key) ? '►' : ' '} ${pathWords(p.calls, lang)}`);
      } else {
        L.push(`      ${tr('debrief.paths.shortest', { path: pathWords(g.shortest.calls, lang) })}`);
      }
      for (const x of here) L.push(`    ► ${x.exchange} (${x.txs.join(', ')}): ${pathWords(x.calls, lang)}${x.note ? ` — ${takenNote(x, lang)}` : ''}`);
    }
    for (const x of taken.filter((y) => y.status !== 'complete')) {
      L.push('');
      L.push(
        `  ► ${x.exchange} (${x.txs.join(', ')}) ${tr(x.status === 'unfinished' ? 'debrief.paths.unfinished' : 'debrief.paths.off-model')}: ${pathWords(x.calls, lang)} — ${takenNote(x, lang)}`,
      );
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
