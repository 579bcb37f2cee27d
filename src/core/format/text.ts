/** The default output of `npm run sim`: a timeline a trainer can follow, then what broke and why. */
import { whatIfLine, type Analysis } from '../analysis/report';
import { clockTime, zoneOf } from './clock';
import { describeEntry } from './describe';
import { LADDER } from '../log';
import { groundsOf } from '../analysis/assumptions';
import { accountName, assumedWords, otherValues, sourcesByAccount, valueWords } from './grounds';
import { boundWords, laddersText } from './ladders';
import { locationName } from '../../i18n/names';

export function formatText(a: Analysis, opts: { verbose?: boolean } = {}): string {
  const { run } = a;
  const s = run.scenario;
  const zone = zoneOf(s.spec.start).label;
  const lines: string[] = [];
  lines.push(s.spec.title);
  lines.push(
    `account: ${s.account ?? 'none'}${s.account ? ` (${s.spec.accounts[s.account]?.title ?? ''})` : ''} · procedure: ${s.procedure.id} (${s.procedure.title}) · seed ${run.seed}`,
  );
  const bound = boundWords(a);
  if (bound) lines.push(bound);
  // TODO(lead): pass lang to locationName
  lines.push(`start ${s.spec.start}, ${run.durationS} s · ${locationName(s)}`);
  if (a.whatIf) lines.push(whatIfLine(a.whatIf));
  lines.push(...factsLines(a));
  lines.push('', `Timeline (${zone})`);
  for (const e of run.log) {
    if (e.type === 'radio-set' && e.cause.kind === 'start') continue;
    if (e.type === 'state' && (e.from.startsWith('comms') || e.event === 'start')) continue;
    if (e.type === 'proximity' && (!e.closest || e.groundM > 3000)) continue;
    const d = describeEntry(run, e, opts.verbose);
    if (d === null) continue;
    lines.push(`${clockTime(s.spec.start, e.t)}  ${`+${e.t.toFixed(0)}s`.padStart(6)}  ${d}`);
  }
  lines.push('', `Transmissions: ${run.transmissions.length} · exchanges completed: ${a.exchangesCompleted}`);
  for (const o of a.outcomes) {
    const bar = LADDER.map((st) =>
      LADDER.indexOf(st) <= LADDER.indexOf(o.reached ?? ('' as never))
        ? '■'
        : st === o.failedAt
          ? '✗'
          : LADDER.indexOf(st) <= LADDER.indexOf(o.needed)
            ? '□'
            : ' ',
    ).join('');
    lines.push(
      `  ${o.tx.id.padEnd(6)} ${o.tx.from} → ${o.unit.padEnd(9)} ${o.tx.channel.padEnd(14)} ${bar}  ${o.failedAt ? `stopped at ${o.failedAt}${o.heardAs ? ` (heard as "${o.heardAs}")` : ''}` : `reached ${o.reached}`}`,
    );
  }
  lines.push('', `Breakdowns: ${a.breakdowns.length}`);
  for (const b of a.breakdowns) {
    lines.push(`  ${b.id.padEnd(5)} ${clockTime(s.spec.start, b.t)} ${b.kind.padEnd(9)} ${b.stage ?? b.rule ?? ''}`);
    lines.push(`        ${b.explanation}`);
  }
  lines.push(...laddersText(a));
  lines.push('', `Scorecard (${s.procedure.id})`);
  for (const c of a.compliance) lines.push(`  ${c.status.padEnd(14)} ${c.rule} — ${c.title}${c.item ? ` [${c.item}]` : ''}\n                 ${c.evidence}`);
  lines.push(...laterNormsText(a));
  lines.push(...assumptionsLines(a));
  return lines.join('\n') + '\n';
}

/** Norms and rules that give no verdict on this run's date, each with what it would say. */
function laterNormsText(a: Analysis): string[] {
  if (!a.discussion.length) return [];
  return ['', 'Later norms, for discussion (no finding in this run):', ...a.discussion.map((d) => `  ${d.text}`)];
}

/** The facts: what every account agrees on, then each disputed fact with its value in this account. */
export function factsLines(a: Analysis): string[] {
  const g = groundsOf(a);
  if (!g.agreed.length && !g.disputed.length) return ['', 'Facts: the scenario lists none.'];
  const lines = ['', 'Facts'];
  lines.push(g.agreed.length ? '  Agreed by every account:' : '  Agreed by every account: none listed in the scenario.');
  for (const f of g.agreed) lines.push(`    ${f.id}: ${f.statement.trim()}${f.sources.length ? ` [${f.sources.join(', ')}]` : ''}`);
  if (g.disputed.length) lines.push(`  Disputed (the value in this account, ${accountName(g)}):`);
  for (const f of g.disputed) {
    lines.push(`    ${f.id}${f.row ? ` [${f.row}]` : ''}: ${valueWords(f.value)}${f.assumed ? ` ${assumedWords(f)}` : ''} — ${f.question}`);
    const others = otherValues(g, f);
    const sources = sourcesByAccount(f);
    if (others) lines.push(`      other accounts: ${others}`);
    if (sources) lines.push(`      sources: ${sources}`);
  }
  return lines;
}

/** Every value the run uses that no source gives, with its label and why it was needed. */
export function assumptionsLines(a: Analysis): string[] {
  const g = groundsOf(a);
  if (!g.assumptions.length) return ['', 'Assumptions: none.'];
  const lines = ['', 'Assumptions (values no source gives, that the run uses)'];
  for (const x of g.assumptions) {
    lines.push(`  ${x.id} = ${valueWords(x.value, x.unit)} — ${x.label.trim()} [${x.origin}]`);
    lines.push(`      why: ${x.why.trim()}${x.sources.length ? ` [${x.sources.join(', ')}]` : ''}`);
  }
  return lines;
}
