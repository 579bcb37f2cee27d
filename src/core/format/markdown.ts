/** `--format md`: a debrief a trainer can hand out. */
import { whatIfLine, type Analysis } from '../analysis/report';
import { clockTime, zoneOf } from './clock';
import { describeEntry } from './describe';
import { groundsOf } from '../analysis/assumptions';
import { accountName, assumedWords, otherValues, sourcesByAccount, valueWords } from './grounds';
import type { CoverageItem, Procedure } from '../procedure/load';
import { sourceIdsOfRun, sourcesMarkdown } from '../sources/cite';
import { mdText } from './md-escape';
import { boundWords, laddersMarkdown } from './ladders';
import { locationName } from '../../i18n/names';

const esc = mdText;

export function formatMarkdown(a: Analysis): string {
  const { run } = a;
  const s = run.scenario;
  const zone = zoneOf(s.spec.start).label;
  const name = (id: string) => s.units.find((u) => u.id === id)?.name ?? id;
  const out: string[] = [];
  out.push(`# Debrief: ${esc(s.spec.title)}`, '');
  out.push(`- **Account:** ${s.account ? `${s.account} — ${esc(s.spec.accounts[s.account]?.title ?? '')}` : 'none'}`);
  out.push(`- **Procedure:** ${s.procedure.id} — ${esc(s.procedure.title)}`);
  const bound = boundWords(a);
  if (bound) out.push(`- **Beside it:** ${esc(bound.replace(/^also bound: /, ''))}`);
  out.push(`- **Start:** ${s.spec.start} (${zone}), ${run.durationS} s; seed ${run.seed}`);
  // TODO(lead): pass lang to locationName
  out.push(`- **Where:** ${esc(locationName(s))}`);
  out.push(`- **Sources:** ${s.spec.sources.join(', ')}`, '');
  if (a.whatIf) out.push(`> ${esc(whatIfLine(a.whatIf))}`, '');
  if (s.spec.description) out.push(esc(s.spec.description.trim()), '');
  out.push('## In one paragraph', '');
  const first = a.breakdowns[0];
  out.push(
    `${run.transmissions.length} transmissions, ${a.exchangesCompleted} exchange(s) completed, ${a.breakdowns.length} breakdown(s).` +
      (first ? ` The first, at ${clockTime(s.spec.start, first.t)}: ${esc(first.explanation)}` : ' Communication worked as the procedure intends.'),
    '',
  );
  out.push(...factsMarkdown(a));
  out.push('## Breakdowns', '');
  if (!a.breakdowns.length) out.push('None.', '');
  for (const b of a.breakdowns) {
    out.push(`### ${b.id} · ${clockTime(s.spec.start, b.t)} · ${b.kind}${b.stage ? ` at \`${b.stage}\`` : ''}${b.rule ? ` · \`${b.rule}\`` : ''}`, '');
    out.push(esc(b.explanation), '');
    if (b.evidence && Object.keys(b.evidence).length) {
      const ev = Object.entries(b.evidence)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`);
      out.push(`Evidence: ${esc(ev.join(' · '))}`, '');
    }
  }
  out.push(...laddersMarkdown(a));
  out.push('## Calls and where they stopped', '', '| id | time | from | to | channel | reached | stopped at | heard as |', '|---|---|---|---|---|---|---|---|');
  for (const o of a.outcomes)
    out.push(
      `| ${o.tx.id} | ${clockTime(s.spec.start, o.tx.t)} | ${esc(name(o.tx.from))} | ${esc(name(o.unit))} | ${o.tx.channel} | ${o.reached ?? '—'} | ${o.failedAt ?? '—'} | ${o.heardAs ? esc(o.heardAs) : ''} |`,
    );
  out.push('', `## Scorecard: ${s.procedure.id}`, '', '| rule | item | status | evidence |', '|---|---|---|---|');
  for (const c of a.compliance) out.push(`| \`${c.rule}\` ${esc(c.title)} | ${esc(c.item ?? '')} | **${c.status}** | ${esc(c.evidence)} |`);
  out.push('', ...coverageMarkdown(s.procedure));
  out.push(...laterNormsMarkdown(a));
  out.push('', '## Timeline', '', `| ${zone} | event |`, '|---|---|');
  for (const e of run.log) {
    if ((e.type === 'radio-set' && e.cause.kind === 'start') || e.type === 'state' || (e.type === 'proximity' && !e.closest)) continue;
    const d = describeEntry(run, e);
    if (d) out.push(`| ${clockTime(s.spec.start, e.t)} | ${esc(d.trim())} |`);
  }
  out.push('', ...assumptionsMarkdown(a));
  const cited = sourcesMarkdown(sourceIdsOfRun(s));
  if (cited.length) out.push('', ...cited);
  return out.join('\n') + '\n';
}

const cell = (s: string) => esc(s.trim()).replace(/\s*\n\s*/g, ' ');

/** ## Facts: the agreed ground, then each disputed fact with its value in this account, marked where it is an assumption. */
export function factsMarkdown(a: Analysis): string[] {
  const g = groundsOf(a);
  const out = ['## Facts', ''];
  if (!g.agreed.length && !g.disputed.length) return [...out, 'The scenario lists none.', ''];
  out.push('### Agreed by every account', '');
  if (!g.agreed.length) out.push('None listed in the scenario.');
  for (const f of g.agreed)
    out.push(`- \`${f.id}\`: ${cell(f.statement)}${f.sources.length ? ` [${f.sources.join(', ')}]` : ''}${f.note ? ` — ${cell(f.note)}` : ''}`);
  out.push('');
  if (!g.disputed.length) return out;
  out.push(`### Disputed: the value in this account (${accountName(g)})`, '');
  out.push('| fact | row | question | value here | other accounts | sources |', '|---|---|---|---|---|---|');
  for (const f of g.disputed)
    out.push(
      `| \`${f.id}\` | ${cell(f.row ?? '')} | ${cell(f.question)} | **${cell(valueWords(f.value))}**${f.assumed ? ` ${cell(assumedWords(f))}` : ''} | ${cell(otherValues(g, f))} | ${cell(sourcesByAccount(f))} |`,
    );
  out.push('');
  return out;
}

/** ## Assumptions: every value the run uses that no source gives. */
export function assumptionsMarkdown(a: Analysis): string[] {
  const g = groundsOf(a);
  const out = ['## Assumptions', ''];
  if (!g.assumptions.length) return [...out, 'None.'];
  out.push('Values no source gives, that this run uses.', '', '| id | value | what it is | why | origin | sources |', '|---|---|---|---|---|---|');
  for (const x of g.assumptions)
    out.push(`| \`${x.id}\` | ${cell(valueWords(x.value, x.unit))} | ${cell(x.label)} | ${cell(x.why)} | ${x.origin} | ${x.sources.join(', ')} |`);
  return out;
}

/** Each item of the procedure's source documents (its base's too) and what models it, so a class sees what the run cannot judge. */
export function coverageMarkdown(p: Procedure): string[] {
  const out = ['## Coverage of the source document', ''];
  if (!p.coverage.length) return [...out, `\`${p.id}\` does not list the items of its source document, so what it leaves out is not stated.`];
  out.push(`What each item of the documents behind \`${p.id}\` (${p.chain.join(' → ')}) becomes in the run.`, '');
  out.push('| item | title | modelled by | listed in |', '|---|---|---|---|');
  for (const c of p.coverage) out.push(`| ${esc(c.item)} | ${esc(c.title)} | ${esc(coverageWords(c))} | ${c.origin} |`);
  return out;
}

/** "rules a, b", "out of scope: why", and any rule the procedure removed. */
export function coverageWords(c: CoverageItem): string {
  const parts: string[] = [];
  if (c.rules.length) parts.push(c.rules.join(', '));
  if (c.removed.length) parts.push(`no longer modelled: ${c.removed.join(', ')} removed here`);
  if (c.outOfScope) parts.push(`out of scope: ${c.outOfScope.trim()}`);
  return parts.join('; ') || 'nothing';
}

/** One line for the checker: how many items the procedure's coverage lists, and what became of them. */
export function coverageSummary(p: Procedure): string {
  if (!p.coverage.length) return `${p.id} lists no items of its source document (coverage:)`;
  const modelled = p.coverage.filter((c) => c.rules.length).length;
  const outOfScope = p.coverage.filter((c) => !c.rules.length && c.outOfScope).length;
  const dropped = p.coverage.length - modelled - outOfScope;
  return `${p.id} covers ${p.coverage.length} item(s) of its source document: ${modelled} modelled, ${outOfScope} out of scope${dropped ? `, ${dropped} no longer modelled` : ''}`;
}

/** Norms and rules that give no verdict on this run's date, each with what it would say. */
function laterNormsMarkdown(a: Analysis): string[] {
  if (!a.discussion.length) return [];
  return ['', '## Later norms, for discussion', '', 'None of these gives a finding in this run.', '', ...a.discussion.map((d) => `- ${esc(d.text)}`)];
}
