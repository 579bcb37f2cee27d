// Phraseology (issue 14, item 2): a call that uses a phrase its listener's crew does not know is
// heard and copied but not understood, for that cause; who answers for it follows the procedure's
// agreed vocabularies; the listener can ask what was meant and the sender says it again in words
// both know. Every expectation is read off the scenario and the run, not written in.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { simulate, buildReport } from '../../src/core';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { checkFile } from '../../src/core/check';
import { phrasesUsed, unknownPhrase, vocabularyWords } from '../../src/core/radio/phraseology';
import type { Analysis } from '../../src/core/analysis/report';
import { guideFile } from './guide-example';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const FILE = join(ROOT, 'scenarios/precautionary-landing.yaml');

function run(edit: (text: string) => string = (t) => t): Analysis {
  const ft = readText(FILE);
  const r = simulate({ file: ft.file, text: edit(ft.text) }, diskProcedures, {});
  if (!r.analysis) throw new Error(r.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
  return r.analysis;
}

/** The listener's crew line, with its vocabularies replaced. */
const listenerKnows = (vocabularies: string[]) => (t: string) =>
  t.replace('workload: 0.3, vocabularies: [cues, smcp] }', `workload: 0.3, vocabularies: [${vocabularies.join(', ')}] }`);

/** The scripted call, the first reception of it, and the phrase of the phrasebook it uses that the listener lacks. */
function firstCall(a: Analysis) {
  const s = a.run.scenario;
  const hail = s.script.find((x) => x.do === 'hail')!;
  const tx = a.run.transmissions.find((x) => x.from === hail.unit && x.kind === 'hail')!;
  const listener = s.units.find((u) => u.id === tx.to)!;
  const unknown = phrasesUsed(tx.body, s.procedure.phrases).filter((p) => !(listener.crew.vocabularies ?? []).includes(p.vocabulary));
  const outcome = a.outcomes.find((o) => o.tx.id === tx.id && o.unit === tx.to)!;
  return { tx, listener, unknown, outcome };
}

describe('a phrase outside the listener’s vocabulary', () => {
  const a = run();
  const { tx, listener, unknown, outcome } = firstCall(a);

  it('the first call uses a phrase the listener does not know, and fails at understood for that cause', () => {
    expect(unknown.length).toBeGreaterThan(0);
    const p = unknown[0]!;
    expect(outcome.failedAt).toBe('understood');
    expect(outcome.cause).toContain(`"${p.phrase}"`);
    expect(outcome.cause).toContain(vocabularyWords(p.vocabulary));
    // Not copy quality, not addressee recognition: the copy was good.
    expect(outcome.ladder.evidence.copyQuality).toBeGreaterThanOrEqual(a.run.scenario.spec.environment.understandAt);
    expect(outcome.cause).not.toMatch(/could not make out|took the call to be for/);
  });

  it('is the sender’s choice of words: the phrase’s vocabulary is not one the procedure agrees', () => {
    const agreed = a.run.scenario.procedure.vocabularies ?? [];
    expect(agreed).not.toContain(unknown[0]!.vocabulary);
    const b = a.breakdowns.find((x) => x.kind === 'ladder' && x.transmission === tx.id)!;
    expect(b.stage).toBe('understood');
    expect(b.attributedTo).toBe(tx.from);
    const json = buildReport(a).breakdowns.find((x) => x.transmission === tx.id)!;
    expect(json.attributedTo).toBe(tx.from);
  });

  it('the listener asks what was meant, the sender says it again in words the listener knows, and that call gets through', () => {
    const ask = a.run.transmissions.find((x) => x.from === listener.id && x.inReplyTo === tx.id)!;
    expect(ask.clarify).toBe(unknown[0]!.phrase);
    const again = a.run.transmissions.find((x) => x.exchange === tx.exchange && x.t > ask.t && x.from === tx.from)!;
    expect(again.rephrased?.phrase).toBe(unknown[0]!.phrase);
    expect(again.body).not.toContain(unknown[0]!.phrase);
    expect(Object.values(unknown[0]!.rephrase).some((w) => again.body.includes(w.toUpperCase()))).toBe(true);
    const o = a.outcomes.find((x) => x.tx.id === again.id && x.unit === listener.id)!;
    expect(o.failedAt).toBeNull();
    expect(o.reached).toBe(o.needed);
    // The analysis says so: the breakdown names the call that recovered the exchange.
    expect(a.breakdowns.find((x) => x.transmission === tx.id)!.explanation).toContain(`recovered: said again in other words (${again.id})`);
  });

  it('a listener whose crew knows the vocabulary understands the first call', () => {
    const b = run(listenerKnows(['cues', 'smcp', unknown[0]!.vocabulary]));
    const first = firstCall(b);
    expect(first.outcome.failedAt).toBeNull();
    expect(b.run.transmissions.some((x) => x.clarify !== undefined)).toBe(false);
    expect(b.breakdowns.filter((x) => x.stage === 'understood')).toEqual([]);
  });

  it('a listener that lacks a phrase of an agreed vocabulary answers for it, and with no other words for it the call fails again', () => {
    const agreed = a.run.scenario.procedure.vocabularies!;
    const agreedPhrase = phrasesUsed(tx.body, a.run.scenario.procedure.phrases).find((p) => agreed.includes(p.vocabulary))!;
    const b = run(listenerKnows(['icao', ...agreed.filter((v) => v !== agreedPhrase.vocabulary)]));
    const first = firstCall(b);
    expect(first.outcome.failedAt).toBe('understood');
    expect(first.outcome.cause).toContain(`"${agreedPhrase.phrase}"`);
    expect(first.outcome.ladder.attributedTo).toBe(first.listener.id);
    const bd = b.breakdowns.find((x) => x.transmission === first.tx.id)!;
    expect(bd.attributedTo).toBe(first.listener.id);
    // The phrasebook gives no other words for it: the sender says it as before, and it fails again.
    expect(Object.keys(agreedPhrase.rephrase)).toEqual([]);
    const again = b.run.transmissions.filter((x) => x.exchange === first.tx.exchange && x.from === first.tx.from);
    expect(again.length).toBeGreaterThan(1);
    expect(b.outcomes.find((o) => o.tx.id === again[1]!.id)!.failedAt).toBe('understood');
  });

  it('lists crews without vocabularies as a model assumption only when the run has phrases to judge', () => {
    const b = run((t) => t.replace(', vocabularies: [cues, smcp, icao] }', ' }'));
    const ids = buildReport(b).assumptions.filter((x) => x.id === 'model:crewVocabularies');
    expect(ids).toHaveLength(1);
    expect(ids[0]!.value).toEqual(['jp-dd']);
    expect(buildReport(a).assumptions.some((x) => x.id === 'model:crewVocabularies')).toBe(false);
  });
});

describe('a student playing the listener', () => {
  it('is asked to find out what was meant; asking only for a repeat brings the same words back, not understood again', () => {
    const ft = readText(FILE);
    const listener = 'rok-dd';
    const r = simulate(ft, diskProcedures, { drill: { unit: listener, choices: ['follow', 'say-again'], then: 'follow' } });
    const a = r.analysis!;
    const points = a.run.log.flatMap((e) => (e.type === 'decision' && e.drill ? [e.drill] : []));
    const asked = points.find((p) => p.situation === 'call-not-made-out')!;
    expect(asked.correct).toBe('clarify');
    expect(asked.chosen).toBe('say-again');
    const first = firstCall(a);
    const again = a.run.transmissions.filter((x) => x.exchange === first.tx.exchange && x.from === first.tx.from);
    expect(again.length).toBeGreaterThan(1);
    expect(again[1]!.body).toBe(first.tx.body);
    expect(a.outcomes.find((o) => o.tx.id === again[1]!.id && o.unit === listener)!.failedAt).toBe('understood');
  });
});

describe('the checker', () => {
  it('warns of a misspelt vocabulary at its place, with the closest name', () => {
    const ft = readText(FILE);
    const text = ft.text.replace('workload: 0.3, vocabularies: [cues, smcp] }', 'workload: 0.3, vocabularies: [cues, smpc] }');
    const ds = checkFile({ file: ft.file, text }, diskProcedures);
    const w = ds.find((d) => d.message.includes('"smpc"'))!;
    expect(w.severity).toBe('warning');
    expect(w.message).toContain('did you mean "smcp"?');
    expect(w.line).toBe(text.split('\n').findIndex((l) => l.includes('smpc')) + 1);
    expect(checkFile(ft, diskProcedures)).toEqual([]);
  });
});

describe('phrases in a text', () => {
  const book = [{ phrase: 'PRECAUTIONARY LANDING', vocabulary: 'icao', meaning: 'm', rephrase: { en: 'I MUST LAND' } }];
  it('match whole words in any case, not parts of words', () => {
    expect(phrasesUsed('making a precautionary landing now', book)).toHaveLength(1);
    expect(phrasesUsed('PRECAUTIONARY LANDINGS', book)).toHaveLength(0);
  });
  it('a crew whose vocabularies are not stated knows every phrase', () => {
    expect(unknownPhrase('PRECAUTIONARY LANDING', 'a', { id: 'b' }, { phrases: book, procedure: 'p' }, 'en')).toBeNull();
    expect(unknownPhrase('PRECAUTIONARY LANDING', 'a', { id: 'b', vocabularies: ['en'] }, { phrases: book, procedure: 'p' }, 'en')?.attributedTo).toBe('a');
  });
});

describe('the guide’s phraseology example', () => {
  it('runs as the guide says: the first call fails at understood, attributed to its sender, and the rephrased call is answered', () => {
    // Both files in one folder, as the reader saves them: the scenario names the procedure by path.
    const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-phrases-'));
    writeFileSync(join(dir, 'guide-phrases.yaml'), guideFile('guide-phrases.yaml'));
    const text = guideFile('guide-precautionary.yaml');
    const r = simulate({ file: join(dir, 'guide-precautionary.yaml'), text }, diskProcedures, {});
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const a = r.analysis!;
    const first = a.run.transmissions.find((x) => x.kind === 'hail')!;
    const b = a.breakdowns.find((x) => x.transmission === first.id)!;
    expect(b.stage).toBe('understood');
    expect(b.attributedTo).toBe(first.from);
    const again = a.run.transmissions.find((x) => x.rephrased !== undefined)!;
    expect(a.outcomes.find((o) => o.tx.id === again.id)!.failedAt).toBeNull();
  });
});
