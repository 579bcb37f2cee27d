// A rule acts once for each unit it concerns; one call at a time; an answer closes the wait.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse, CONTROL, DEMO } from './helpers';

/** The control scenario with the Korean destroyer painting the Japanese one, and the Japanese one able to tell. */
function fixture(opts: { procedure?: string; script: string; krSilent?: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-once-'));
  let text = readFileSync(CONTROL, 'utf8')
    .replace(/\nscript:\n[\s\S]*$/, `\nscript:\n${opts.script}`)
    .replace(
      '    crew: { languages: { en: 0.85, ja: 1 }, workload: 0.3 }',
      '    emitters:\n      - { id: esm, name: ESM, type: esm }\n    crew: { languages: { en: 0.85, ja: 1 }, workload: 0.3 }',
    )
    .replace(
      '    crew: { languages: { en: 0.85, ko: 1 }, workload: 0.3 }',
      '    emitters:\n      - { id: stir, name: STIR, type: fire-control-radar }\n    crew: { languages: { en: 0.85, ko: 1 }, workload: 0.3 }',
    );
  if (opts.procedure) {
    writeFileSync(join(dir, 'proc.yaml'), opts.procedure);
    text = text.replace('procedure: cues-2014', 'procedure: proc.yaml');
  }
  const p = join(dir, 'scenario.yaml');
  writeFileSync(p, text);
  return p;
}

const PAINT = '  - { id: paint, unit: rok-ddh, at: 30, do: emit, emitter: stir, mode: track, target: jp-dd, forS: 60 }\n';
const SILENT = '  - { id: mute, unit: rok-ddh, at: 0, do: silence, silent: true }\n';

const hailsFrom = (a: ReturnType<typeof analyse>, unit: string) => a.run.transmissions.filter((t) => t.from === unit && t.kind === 'hail');

describe('a rule with two triggers', () => {
  it('calls once for the unit it concerns, not again when its second trigger follows', () => {
    const procedure = [
      'id: two-triggers',
      'title: CUES with the safety call also on an unanswered call',
      'extends: cues-2014',
      'rules:',
      '  - id: hail-on-safety-concern',
      '    type: hail',
      '    title: Call when safety is at risk',
      '    text: Call the unit that puts you at risk.',
      '    item: test',
      '    when: [fire-control-detected, call-unanswered]',
      '    message: "WE OBSERVED {reason}. WHAT ARE YOUR INTENTIONS?"',
      '',
    ].join('\n');
    const a = analyse(fixture({ procedure, script: SILENT + PAINT }));
    const hails = hailsFrom(a, 'jp-dd');
    expect(hails.length).toBeGreaterThan(0);
    // One series: every call belongs to the one exchange the fire-control detection started.
    expect(new Set(hails.map((t) => t.exchange)).size).toBe(1);
  });
});

describe('a call blocked by a call in progress', () => {
  const twoScripted =
    '  - { id: first, unit: jp-dd, at: 60, do: hail, to: rok-ddh, channel: "156.8", text: REQUEST YOUR INTENTIONS, safety: true }\n' +
    '  - { id: again, unit: jp-dd, at: 90, do: hail, to: rok-ddh, channel: "156.8", text: REQUEST YOUR INTENTIONS, safety: true }\n';

  it('is not made again to the unit already being called, and the timeline says why', () => {
    const a = analyse(fixture({ script: SILENT + twoScripted }));
    expect(new Set(hailsFrom(a, 'jp-dd').map((t) => t.exchange)).size).toBe(1);
    const said = a.run.log.filter((e) => e.type === 'decision' && e.unit === 'jp-dd').map((e) => (e as { reason: string }).reason);
    expect(said).toContainEqual(expect.stringMatching(/^does not call rok-ddh again: already calling rok-ddh \(exchange jp-dd-x1\)/));
  });
});

describe('a call to another unit while one is in progress', () => {
  it('is made when the call in progress ends, and the timeline says so when it is put off', () => {
    const a = analyse(DEMO, { procedure: 'cues-2014' });
    const later = a.run.log.find(
      (e) => e.type === 'decision' && /^calls \S+ later, after the call to \S+ \(exchange [^)]+\) ends$/.test((e as { reason: string }).reason),
    );
    expect(later).toBeDefined();
    const { unit, about } = later as { unit: string; about: string };
    const made = a.run.transmissions.find((t) => t.from === unit && t.to === about && t.kind === 'hail' && t.t > later!.t);
    expect(made).toBeDefined();
  });
});

describe('an answer that completes the exchange', () => {
  it('is not also logged as "no answer" when the wait ends while the answer is on the air', () => {
    // The call takes 15 s to say and the answer is keyed 20 s after it is heard: a wait of 37 s
    // ends while the answer is being said.
    const procedure = ['id: short-wait', 'title: CUES with a short wait', 'extends: cues-2014', 'hailing:', '  replyTimeoutS: 37', ''].join('\n');
    const script = '  - { id: call, unit: jp-dd, at: 60, do: hail, to: rok-ddh, channel: "156.8", text: REQUEST YOUR INTENTIONS, safety: true }\n';
    const a = analyse(fixture({ procedure, script }));
    const call = hailsFrom(a, 'jp-dd')[0]!;
    const reply = a.run.transmissions.find((t) => t.inReplyTo === call.id)!;
    expect(reply.t).toBeLessThan(call.t + 37);
    const answeredAt = a.run.log.find((e) => e.type === 'answered' && e.tx === call.id)?.t;
    expect(answeredAt).toBeGreaterThan(call.t + 37);
    expect(a.run.log.filter((e) => e.type === 'unanswered' && e.tx === call.id)).toEqual([]);
  });
});

describe('how a message ends', () => {
  it('an answer that invites nothing more ends OUT, a call ends OVER', () => {
    const script = '  - { id: call, unit: jp-dd, at: 60, do: hail, to: rok-ddh, channel: "156.8", text: REQUEST YOUR INTENTIONS, safety: true }\n';
    const a = analyse(fixture({ script }));
    const call = hailsFrom(a, 'jp-dd')[0]!;
    const reply = a.run.transmissions.find((t) => t.inReplyTo === call.id)!;
    expect(call.text).toMatch(/ OVER\.$/);
    expect(reply.text).toMatch(/ OUT\.$/);
  });

  it('a procedure can close its replies with its own word', () => {
    const procedure = [
      'id: closing',
      'title: CUES closing with OVER',
      'extends: cues-2014',
      'callFormat:',
      '  addressee: [nationality, type, name, hull]',
      '  closing: OVER',
      '',
    ].join('\n');
    const script = '  - { id: call, unit: jp-dd, at: 60, do: hail, to: rok-ddh, channel: "156.8", text: REQUEST YOUR INTENTIONS, safety: true }\n';
    const a = analyse(fixture({ procedure, script }));
    const call = hailsFrom(a, 'jp-dd')[0]!;
    const reply = a.run.transmissions.find((t) => t.inReplyTo === call.id)!;
    expect(reply.text).toMatch(/ OVER\.$/);
  });
});
