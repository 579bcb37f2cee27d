// Headquarters relays (issue 14): a report to one's own headquarters does not make the other
// headquarters relay to a unit not its own, and a relay that cannot go for want of a link is
// recorded against the unit concerned and warned about by the checker, at that unit.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { checkFile } from '../../src/core/check';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { analyse } from './helpers';

const OWN = join(ROOT, 'tests/fixtures/own-report.yaml');
const UNLINKED = join(ROOT, 'tests/fixtures/relay-unlinked.yaml');

const relayDecisions = (path: string) =>
  analyse(path).run.log.filter((e) => e.type === 'decision' && e.rule === 'jp-rok-2024/relay-to-unit') as {
    unit: string;
    decision: string;
    reason: string;
    about?: string;
  }[];

describe('a scripted report to one’s own headquarters', () => {
  it('reaches the other headquarters, which answers and neither relays to nor is blamed about the reporting unit', () => {
    const a = analyse(OWN);
    const sent = a.run.log.filter((e) => e.type === 'transmission').map((e) => `${e.tx.kind} ${e.tx.from}→${e.tx.to}`);
    expect(sent).toEqual(['report jp-dd→jp-hq', 'hq-contact jp-hq→kr-hq', 'reply kr-hq→jp-hq']);
    expect(a.breakdowns.filter((b) => b.unit === 'kr-hq')).toEqual([]);
    expect(relayDecisions(OWN)).toEqual([expect.objectContaining({ unit: 'kr-hq', decision: 'none', about: 'jp-dd' })]);
    expect(relayDecisions(OWN)[0]!.reason).toMatch(/names no unit of kr-hq's to relay to/);
  });

  it('draws no relay warning from the checker', () => {
    const ds = checkFile(readText(OWN), diskProcedures);
    expect(ds.filter((d) => /relay/.test(d.message))).toEqual([]);
  });
});

describe('a relay to one’s own unit without a link', () => {
  it('is recorded as could not, naming the unit concerned in the breakdown', () => {
    const a = analyse(UNLINKED);
    const b = a.breakdowns.filter((x) => x.rule === 'jp-rok-2024/relay-to-unit');
    expect(b).toHaveLength(1);
    expect(b[0]!.unit).toBe('kr-hq');
    expect(b[0]!.units).toEqual(['kr-hq', 'kr-dd']);
    // The unit is named as the scenario names it, not by its id.
    const ship = a.run.scenario.units.find((u) => u.id === 'kr-dd')!.name;
    expect(b[0]!.explanation).toContain(`could not: no link to ${ship}`);
  });

  it('draws a checker warning at the unit the relay cannot reach, naming both headquarters and the rules', () => {
    const text = readFileSync(UNLINKED, 'utf8');
    const ds = checkFile(readText(UNLINKED), diskProcedures).filter((d) => /cannot relay/.test(d.message));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('id: kr-dd')) + 1);
    expect(ds[0]!.message).toMatch(
      /^"kr-hq" has no link to "kr-dd": when "jp-hq" passes on a report about it from "jp-dd" \(jp-rok-2024\/headquarters-contact\)/,
    );
    expect(ds[0]!.message).toMatch(/jp-rok-2024\/relay-to-unit/);
  });

  it('draws no such warning once the headquarters and its unit share a link', () => {
    const text = readFileSync(UNLINKED, 'utf8').replace(
      'members: [jp-hq, kr-hq] }',
      'members: [jp-hq, kr-hq] }\n  - { id: kr-net, name: ROKN fleet network, kind: fleet-net, members: [kr-dd, kr-hq] }',
    );
    const ds = checkFile({ file: 'relay-linked.yaml', text }, diskProcedures).filter((d) => /cannot relay/.test(d.message));
    expect(ds).toEqual([]);
  });
});
