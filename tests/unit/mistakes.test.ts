// The mistakes authors make most, one row each: a small valid scenario broken once. Each must give
// exactly one root error (no knock-on errors), at the line and column of the mistake, with its
// stable code and the fix or name it suggests: what a compiler would say (issue 18 item 2).
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/core/check';
import { diskProcedures } from '../../src/cli/files';
import { excerpt } from '../../src/cli/diagnostic-output';

const VALID = `id: mistakes
title: Mistakes
date: "2024-07-01"
start: "2024-07-01T10:00:00+09:00"
durationS: 600
location: { name: Test, lat: 37.5, lon: 131 }
procedure: cues-2014
units:
  - id: ship-a
    name: Ship A
    nation: JP
    kind: ship
    callSigns: [JAPAN NAVY SHIP 1]
    radios:
      - { id: vhf, modulation: FM, channels: ["156.8"], tuned: "156.8" }
    position: { lat: 37.5, lon: 131 }
  - id: ship-b
    name: Ship B
    nation: KR
    kind: ship
    callSigns: [REPUBLIC OF KOREA NAVY SHIP 2]
    radios:
      - { id: vhf, modulation: FM, channels: ["156.8"], tuned: "156.8" }
    position: { lat: 37.55, lon: 131.05 }
script:
  - { at: 60, unit: ship-a, do: hail, to: ship-b, channel: "156.8" }
`;

interface Row {
  mistake: string;
  from: string;
  to: string;
  at: [number, number];
  code: string;
  /** The name it suggests, or words of the fix it gives. */
  suggests: string;
}

const ROWS: Row[] = [
  {
    mistake: 'misspelt key',
    from: '    kind: ship\n    callSigns: [JAPAN',
    to: '    knid: ship\n    callSigns: [JAPAN',
    at: [12, 5],
    code: 'ES2001',
    suggests: 'kind',
  },
  { mistake: 'unknown unit id', from: 'unit: ship-a, do', to: 'unit: ship-c, do', at: [26, 21], code: 'ES3030', suggests: 'ship-a' },
  { mistake: 'unknown addressee', from: 'to: ship-b', to: 'to: shipb', at: [26, 43], code: 'ES3040', suggests: 'ship-b' },
  { mistake: 'unknown procedure id', from: 'procedure: cues-2014', to: 'procedure: jp-rok-2025', at: [7, 12], code: 'ES4002', suggests: 'jp-rok-2024' },
  { mistake: 'unknown action', from: 'do: hail', to: 'do: hial', at: [26, 33], code: 'ES2026', suggests: 'hail' },
  {
    mistake: 'misspelt enumeration value',
    from: 'modulation: FM, channels: ["156.8"], tuned: "156.8" }\n    position: { lat: 37.5,',
    to: 'modulation: FN, channels: ["156.8"], tuned: "156.8" }\n    position: { lat: 37.5,',
    at: [15, 32],
    code: 'ES2004',
    suggests: 'FM',
  },
  { mistake: 'wrong time', from: 'at: 60,', to: 'at: "1:99",', at: [26, 11], code: 'ES2017', suggests: '"6:04"' },
  { mistake: 'tab indentation', from: '    name: Ship B', to: '\tname: Ship B', at: [18, 1], code: 'ES1020', suggests: 'use spaces' },
  { mistake: 'dedented list item', from: '  - id: ship-b', to: '- id: ship-b', at: [17, 1], code: 'ES1021', suggests: 'indent it 2 spaces, like line 9' },
  { mistake: 'dedented key', from: '    nation: KR', to: '  nation: KR', at: [19, 3], code: 'ES1021', suggests: 'indent it 4 spaces, like line 18' },
  {
    mistake: 'over-indented key',
    from: '    name: Ship B',
    to: '      name: Ship B',
    at: [18, 7],
    code: 'ES1021',
    suggests: 'indent it 4 spaces, like line 17',
  },
  {
    mistake: 'unquoted bracket in a flow mapping',
    from: 'at: 60,',
    to: 'at: 60, note: as heard [S43],',
    at: [26, 21],
    code: 'ES1022',
    suggests: "quote it: 'as heard [S43]'",
  },
  {
    mistake: 'unclosed bracket',
    from: 'callSigns: [JAPAN NAVY SHIP 1]',
    to: 'callSigns: [JAPAN NAVY SHIP 1',
    at: [13, 16],
    code: 'ES1023',
    suggests: 'add "]"',
  },
];

function check(text: string) {
  return checkFile({ file: 'mistake.yaml', text }, diskProcedures).filter((d) => d.severity === 'error');
}

describe('common mistakes: one root error each, at the mistake, with its code and suggestion', () => {
  it('the scenario they start from is valid', () => {
    expect(check(VALID)).toEqual([]);
  });

  it.each(ROWS)('$mistake', (row) => {
    expect(VALID.split(row.from)).toHaveLength(2); // the mistake is made exactly once
    const text = VALID.replace(row.from, row.to);
    const errors = check(text);
    expect(errors.map((d) => `${d.line}:${d.col} ${d.errorCode} ${d.message}`)).toHaveLength(1);
    const [e] = errors;
    expect([e!.line, e!.col]).toEqual(row.at);
    expect(e!.errorCode).toBe(row.code);
    expect(e!.message).toContain(row.suggests);
    // No parser jargon reaches the author.
    expect(e!.message).not.toMatch(/implicit|flow-seq|token|discriminator|compact mapping/i);
  });

  it('a name it suggests is also a field, for an editor or a script', () => {
    const [e] = check(VALID.replace('do: hail', 'do: hial'));
    expect(e!.suggestion).toBe('hail');
    expect(e!.message).toMatch(/actions: emit, hail, reply, report, set-radio/);
  });

  it('the terminal shows the line with a caret under the column', () => {
    const text = VALID.replace('do: hail', 'do: hial');
    const [e] = check(text);
    expect(excerpt(text, e!.line, e!.col)).toBe(
      ['   |', '26 |   - { at: 60, unit: ship-a, do: hial, to: ship-b, channel: "156.8" }', '   |                                 ^'].join('\n'),
    );
  });
});

// Ids of a unit's own parts, links and accounts: a near miss is named as it is for a unit id, both
// in the words and in the diagnostic's `suggestion` (what an editor's quick fix offers).
const PARTS = VALID.replace(
  '    callSigns: [JAPAN NAVY SHIP 1]\n',
  '    callSigns: [JAPAN NAVY SHIP 1]\n' +
    '    emitters:\n' +
    '      - { id: stir-aft, type: fire-control-radar }\n' +
    '      - { id: eo, type: eo-camera, slavedTo: stir-aft }\n',
).concat(
  [
    'links:',
    '  - { id: jp-satcom, name: Satellite link, kind: satellite, members: [ship-a, ship-b] }',
    'accounts:',
    '  jp: { title: Japan }',
    '  rok: { title: Republic of Korea }',
    'defaultAccount: jp',
    'facts:',
    '  range: { question: How far?, values: { jp: 1, rok: 2 } }',
    '',
  ].join('\n'),
);
const PART_ROWS: { mistake: string; from: string; to: string; code: string; suggests: string }[] = [
  { mistake: 'radio id', from: 'do: hail, to: ship-b, channel: "156.8"', to: 'do: set-radio, radio: vfh, powered: false', code: 'ES3044', suggests: 'vhf' },
  {
    mistake: 'emitter id in a script',
    from: 'do: hail, to: ship-b, channel: "156.8"',
    to: 'do: emit, emitter: stir-fat, mode: search',
    code: 'ES3036',
    suggests: 'stir-aft',
  },
  { mistake: 'emitter an emitter is slaved to', from: 'slavedTo: stir-aft', to: 'slavedTo: stir-af', code: 'ES3025', suggests: 'stir-aft' },
  {
    mistake: 'link id',
    from: 'do: hail, to: ship-b, channel: "156.8"',
    to: 'do: set-link, link: jp-satcon, available: false',
    code: 'ES3019',
    suggests: 'jp-satcom',
  },
  { mistake: 'default account', from: 'defaultAccount: jp', to: 'defaultAccount: jpn', code: 'ES3003', suggests: 'jp' },
  { mistake: "account of a fact's value", from: 'jp: 1, rok: 2', to: 'jp: 1, rokk: 2', code: 'ES3007', suggests: 'rok' },
];

describe('a misspelt id of a part, link or account is named with the id meant', () => {
  it('the scenario they start from is valid', () => {
    expect(check(PARTS).map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([]);
  });

  it.each(PART_ROWS)('$mistake', (row) => {
    expect(PARTS.split(row.from)).toHaveLength(2);
    const errors = check(PARTS.replace(row.from, row.to));
    expect(errors.map((d) => `${d.line}:${d.col} ${d.errorCode} ${d.message}`)).toHaveLength(1);
    expect(errors[0]!.errorCode).toBe(row.code);
    expect(errors[0]!.message).toContain(`did you mean "${row.suggests}"?`);
    expect(errors[0]!.suggestion).toBe(row.suggests);
  });
});
