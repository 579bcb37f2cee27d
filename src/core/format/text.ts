/** The default output of `npm run sim`: a timeline a trainer can follow, then what broke and why. */
import { whatIfLine, type Analysis } from '../analysis/report';
import { clockTime, zoneOf } from './clock';
import { describeEntry } from './describe';
import { LADDER } from '../log';

export function formatText(a: Analysis, opts: { verbose?: boolean } = {}): string {
  const { run } = a;
  const s = run.scenario;
  const zone = zoneOf(s.spec.start).label;
  const lines: string[] = [];
  lines.push(s.spec.title);
  lines.push(
    `account: ${s.account ?? 'none'}${s.account ? ` (${s.spec.accounts[s.account]?.title ?? ''})` : ''} · procedure: ${s.procedure.id} (${s.procedure.title}) · seed ${run.seed}`,
  );
  lines.push(`start ${s.spec.start}, ${run.durationS} s · ${s.spec.location.name}`);
  if (a.whatIf) lines.push(whatIfLine(a.whatIf));
  if (s.facts.length) {
    lines.push('', 'Disputed facts under this account:');
    for (const f of s.facts) lines.push(`  ${f.id}: ${JSON.stringify(f.value)} — ${f.question}`);
  }
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
  lines.push('', `Scorecard (${s.procedure.id})`);
  for (const c of a.compliance) lines.push(`  ${c.status.padEnd(14)} ${c.rule} — ${c.title}${c.item ? ` [${c.item}]` : ''}\n                 ${c.evidence}`);
  lines.push(...laterNormsText(a));
  const unknown = Object.entries(s.procedure.parameters).filter(([, p]) => !p.known);
  if (unknown.length) {
    lines.push('', 'Assumptions (parameters the sources do not give):');
    for (const [k, p] of unknown) lines.push(`  ${k} = ${JSON.stringify(k in s.parameters ? s.parameters[k] : p.value)} — ${p.label.trim()}`);
  }
  return lines.join('\n') + '\n';
}

/** Norms and rules that give no verdict on this run's date, each with what it would say. */
function laterNormsText(a: Analysis): string[] {
  if (!a.discussion.length) return [];
  return ['', 'Later norms, for discussion (no finding in this run):', ...a.discussion.map((d) => `  ${d.text}`)];
}
