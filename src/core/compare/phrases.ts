/**
 * The sentences a comparison is read out in, shared by the text, Markdown and JSON outputs and the
 * app's compare tab, so a class hears the same words everywhere: what the facts section is (the
 * facts this scenario models, not the whole dispute), where each finding stands, and what it rests on.
 */
import type { Breakdown } from '../analysis/breakdowns';
import type { Comparison } from './compare';
import type { Finding } from './findings';
import type { VerdictDifference } from './verdicts';

/** "accounts" when the runs are two accounts; "runs" otherwise (two procedures, two seeds). */
export const what = (c: Comparison) => (c.a.account !== c.b.account ? 'accounts' : 'runs');

/** The facts section's heading: the count, and that these are the facts the scenario models. */
export function factsHeading(c: Comparison): string {
  const n = c.facts.differ.length + c.facts.same;
  if (n === 0) return 'This scenario models no disputed facts.';
  if (c.facts.differ.length === 0) return `Facts the two ${what(c)} give differently: none (both take the ${n} facts this scenario models alike)`;
  return `Facts the two ${what(c)} give differently: ${c.facts.differ.length} (these are the facts this scenario models)`;
}

/** What follows the facts: those given alike, when any. */
export function factsAlike(c: Comparison): string | null {
  return c.facts.differ.length && c.facts.same ? `Facts the two ${what(c)} give alike: ${c.facts.same}.` : null;
}

export const notModelledHeading = (c: Comparison) =>
  c.notModelled.length
    ? `Rows of the dispute this scenario does not model: ${c.notModelled.length}`
    : 'Rows of the dispute this scenario does not model: none listed';

/** A YAML folded string on one line, without the space its end keeps. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** "(assumption: …)" beside a value the scenario supplied for an account that does not state it. */
export const assumption = (why: string | undefined) => (why ? ` (assumption: ${oneLine(why)})` : '');

export function presenceWords(c: Comparison, f: Finding): string {
  switch (f.presence) {
    case 'both':
      return `in both ${what(c)}`;
    case 'only-a':
      return `only in A (${c.a.label})`;
    case 'only-b':
      return `only in B (${c.b.label})`;
  }
}

const list = (ids: string[]) => (ids.length === 1 ? `disputed fact ${ids[0]}` : `disputed facts ${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`);

/** What a finding rests on, in words; null when the findings were not tested against the facts. */
export function groundsWords(f: Finding): string | null {
  if (f.restsOn === null) return null;
  const on = f.restsOn;
  switch (f.presence) {
    case 'both': {
      if (!on.length) return 'common ground: it rests on no disputed fact';
      const g = f.goesFrom ?? { a: [], b: [] };
      const where = (id: string) =>
        g.a.includes(id) && g.b.includes(id)
          ? "with the other's value, goes from either run"
          : g.a.includes(id)
            ? "with B's value, goes from A"
            : "with A's value, goes from B";
      return `in both, but rests on ${list(on)}: ${on.map((id) => `${id} (${where(id)})`).join('; ')}`;
    }
    case 'only-a':
    case 'only-b': {
      const [here, there] = f.presence === 'only-a' ? ['A', 'B'] : ['B', 'A'];
      return on.length
        ? `rests on ${list(on)}: with ${there}'s value, it goes from ${here}`
        : `no single disputed fact removes it from ${here}: it comes from several facts together, or from the norms ${here} is judged by`;
    }
  }
}

/** The summary line over the findings: how many are agreed, and how many of those rest on a disputed fact. */
export function findingsSummary(c: Comparison): string {
  const both = c.findings.filter((f) => f.presence === 'both');
  const n = (p: Finding['presence']) => c.findings.filter((f) => f.presence === p).length;
  const common = both.filter((f) => f.restsOn !== null && f.restsOn.length === 0).length;
  const resting = both.filter((f) => f.restsOn !== null && f.restsOn.length > 0).length;
  const split = c.grounds.asked && both.length ? ` (${common} common ground, ${resting} resting on a disputed fact)` : '';
  return `${both.length} in both ${what(c)}${split}; ${n('only-a')} only in A; ${n('only-b')} only in B.`;
}

/** A note on the test of the findings against the facts: why it was not made, or which facts could not be carried across. */
export function groundsNote(c: Comparison): string | null {
  if (!c.grounds.asked) return c.grounds.why;
  if (c.grounds.failed.length)
    return `With ${list(c.grounds.failed)} as the other account gives it, the scenario could not run: no finding is tested against it.`;
  return null;
}

export function verdictOf(list: Breakdown[]): string {
  if (!list.length) return 'no violation';
  return list.map((b) => `violation of ${b.rule ?? 'a rule'}${b.norm ? ` (norm ${b.norm})` : ''}`).join('; ');
}

/** "JMSDF P-1 passed Gwanggaeto the Great at 520 m and 150 m altitude in both runs". */
export function passWords(v: VerdictDifference, name: (id: string) => string): string {
  const p = v.pass;
  return `${name(p.unit)} passed ${name(p.other)} at ${p.groundM} m and ${p.altitudeM} m altitude in both runs`;
}

export const VERDICTS_HEADING = 'The sides agree on the numbers and differ on the verdict';
