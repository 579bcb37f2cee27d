// The December 2018 breakdowns the ladder and the units explain, read by a JMSDF or ROK Navy
// trainer in their own language: no English word is left in the sentence except what was said
// on the air (quoted), the procedure's own titles (quoted) and ids, frequencies and units of
// measure; and the JSON report carries the same explanation as code and parameters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core';
import { buildReport, type Analysis } from '../../src/core/analysis/report';
import { diskProcedures, ROOT } from '../../src/cli/files';
import { english, say } from '../../src/i18n';

const file = 'scenarios/dec-2018-noto.yaml';
const text = readFileSync(join(ROOT, file), 'utf8');

function analysisFor(account: string): Analysis {
  const r = simulate({ file, text }, diskProcedures, { account, seed: 1 } as never);
  if (!r.analysis) throw new Error(`${file} did not run`);
  return r.analysis;
}

/** Words a trainer reads as names, not English: ids of the run's units, calls, rules, channels, sets and radars, and source citations. */
function idWords(a: Analysis): Set<string> {
  const s = a.run.scenario;
  const ids: string[] = [
    ...s.units.flatMap((u) => [u.id, ...u.radios.map((r) => r.id)]),
    ...a.run.transmissions.flatMap((tx) => [tx.id, tx.channel, tx.language]),
    ...s.procedure.rules.map((r) => r.qid),
    // A rule's item is a citation of its source document ("CUES 2.8 (a) [S8]").
    ...s.procedure.rules.map((r) => ('item' in r ? String(r.item ?? '') : '')),
    ...s.procedure.chain,
    s.procedure.id,
    ...a.run.log.flatMap((e) => (e.type === 'emission' || e.type === 'detection' ? [e.emitter] : [])),
  ];
  const words = new Set(ids.flatMap((id) => id.split(/[^A-Za-z]+/)).filter(Boolean));
  // Units of measure and the names of the codes and phraseologies, written the same in every language.
  for (const w of ['km', 'm', 's', 'dB', 'dBm', 'MHz', 'nm', 'CUES', 'ICAO', 'IMO', 'SMCP', 'COLREGS']) words.add(w);
  return words;
}

/** What is left of a sentence once quotations (radio words, procedure titles) are taken out. */
const unquoted = (s: string) => s.replace(/「[^」]*」/g, ' ').replace(/"[^"]*"/g, ' ');

const englishWords = (s: string, allowed: Set<string>) => (unquoted(s).match(/[A-Za-z]+/g) ?? []).filter((w) => !allowed.has(w));

describe('December 2018 breakdowns in Japanese and Korean', () => {
  for (const account of ['jp', 'rok']) {
    const a = analysisFor(account);
    const ours = a.breakdowns.filter((b) => b.why?.code.startsWith('ladder.'));
    const allowed = idWords(a);

    it(`${account}: the ladder's breakdowns are explained as data, and their English is the report's`, () => {
      expect(ours.length).toBeGreaterThan(2);
      for (const b of ours) expect(b.explanation).toBe(english(b.why!, { unitName: (id) => a.run.scenario.units.find((u) => u.id === id)?.name ?? id }));
    });

    for (const lang of ['ja', 'ko'] as const) {
      it(`${account} in ${lang}: no English word but quotations, ids and units of measure`, () => {
        for (const b of ours) {
          const words = say(lang, b.why!);
          expect(words).not.toMatch(/\[ladder\./);
          expect(englishWords(words, allowed), `${b.id}: ${words}`).toEqual([]);
        }
      });
    }

    it(`${account}: the JSON report carries each breakdown's code and parameters`, () => {
      const report = buildReport(a);
      for (const b of ours) {
        const json = report.breakdowns.find((x) => x.id === b.id)!;
        expect(json.code).toBe(b.why!.code);
        expect(json.params).toEqual(b.why!.params);
        // Language-neutral: the parameters name units by id, never by a translated name.
        expect(JSON.stringify(json.params)).not.toMatch(/[\u3040-\u30ff\uac00-\ud7af]/);
      }
    });
  }

  it('keeps a call text in English, quoted, inside a Japanese and a Korean sentence', () => {
    const a = analysisFor('rok');
    const heardAs = a.breakdowns.find((b) => b.why?.code === 'ladder.breakdown.understood.heard-as');
    expect(heardAs).toBeDefined();
    expect(say('ja', heardAs!.why!)).toContain(`「${heardAs!.heardAs}」`);
    expect(say('ko', heardAs!.why!)).toContain(`"${heardAs!.heardAs}"`);
  });
});
