// The plot keeps each unit's label words and each call's first line between rebuilds (a thousand
// units' names are not worked out again every scene); what it keeps must follow the reader's
// language and a unit renamed in the file, as the words worked out afresh would.
import { expect, test } from 'vitest';
import { simulate, type Analysis } from '../../src/core';
import { buildReplay } from '../../src/core/replay/replay';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { join } from 'node:path';
import { Camera, encounterBox, makeProjection } from '../../src/app/plot/projection';
import { buildIndex, samplePositions } from '../../src/app/plot/scene-index';
import { onScene } from '../../src/app/plot/on-scene';
import { Placer } from '../../src/app/plot/placer';
import { RECENT_S, layoutTransmissions } from '../../src/app/plot/geometry/call';
import { placeUnits } from '../../src/app/plot/geometry/units';
import { sceneLabelItems } from '../../src/app/plot/geometry/label-items';
import { unitLabel, unitShort } from '../../src/app/plot/style';
import type { Placed } from '../../src/app/plot/layers/types';
import type { Lang } from '../../src/i18n';

function analyse(text: string): Analysis {
  const ft = readText(join(ROOT, 'scenarios', 'dec-2018-noto.yaml'));
  const r = simulate({ file: ft.file, text }, diskProcedures, { account: 'rok' } as never);
  if (!r.analysis) throw new Error('December 2018 did not run');
  return r.analysis;
}

/** The words of every label of December 2018 at t, as the plot builds them. */
function labelWords(a: Analysis, t: number, lang: Lang): Map<string, string[]> {
  const spec = a.run.scenario.spec;
  const proj = makeProjection(spec.location.lat, spec.location.lon);
  const cam = new Camera();
  cam.resize(1214, 525);
  cam.fit(encounterBox(samplePositions(a, proj)), 0.06);
  const placer = new Placer();
  placer.reset({ x: 2, y: 2, w: 1210, h: 521 });
  const index = buildIndex(a);
  const frame = onScene(buildReplay(a).frameAt(t, { recentS: RECENT_S }));
  const placed = new Map<string, Placed>();
  placeUnits(frame.units, cam, proj, () => 10, placed, placer, new Set());
  const calls = layoutTransmissions(frame.transmissions, placed, t, index.receptionAt);
  const items = sceneLabelItems({
    cam,
    proj,
    analysis: a,
    t,
    placed,
    selected: new Set(),
    showHorizons: false,
    lang,
    index,
    keepOut: [],
    selectedCall: null,
    calls,
  });
  return new Map(items.map((i) => [i.key, i.lines.map((l) => l.text)]));
}

const text = readText(join(ROOT, 'scenarios', 'dec-2018-noto.yaml')).text;

test("a unit's label and a call's first line follow a switch of language, and back", () => {
  const a = analyse(text);
  const t = 600;
  const en = labelWords(a, t, 'en');
  const ko = labelWords(a, t, 'ko');
  const enAgain = labelWords(a, t, 'en');
  const ddg = a.run.scenario.units.find((u) => u.id === 'ddg971')!;
  expect(en.get('unit:ddg971')?.[0]).toBe(unitLabel(ddg, 'en'));
  expect(ko.get('unit:ddg971')?.[0]).toBe(unitLabel(ddg, 'ko'));
  expect(ko.get('unit:ddg971')?.[0]).not.toBe(en.get('unit:ddg971')?.[0]);
  // A call on the plot at t: its first line names the recipient in the reader's language.
  const call = [...en.keys()].find((k) => k.startsWith('call:'));
  expect(call).toBeDefined();
  expect(ko.get(call!)?.[0]).not.toBe(en.get(call!)?.[0]);
  expect(enAgain).toEqual(en);
});

test('a unit renamed in the file is labelled by its new name on the plot', () => {
  const a = analyse(text);
  const ddg = a.run.scenario.units.find((u) => u.id === 'ddg971')!;
  expect(labelWords(a, 600, 'en').get('unit:ddg971')?.[0]).toBe(unitLabel(ddg, 'en'));
  const renamed = analyse(text.replace(`name: ${ddg.name}`, 'name: ROKS Renamed'));
  const spec = renamed.run.scenario.units.find((u) => u.id === 'ddg971')!;
  expect(spec.name).toBe('ROKS Renamed');
  const words = labelWords(renamed, 600, 'en');
  expect(words.get('unit:ddg971')?.[0]).toBe(unitLabel(spec, 'en'));
  expect(words.get('unit:ddg971')?.[0]).toContain('ROKS Renamed');
  // And the calls to it name it by its short form.
  const toDdg = [...words].find(([k]) => k.startsWith('call:') && k.endsWith('/ddg971'));
  if (toDdg) expect(toDdg[1][0]).toContain(unitShort(spec, 'en'));
});
