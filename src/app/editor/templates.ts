/**
 * Starting points for new files. A new scenario is the routine CUES control exchange
 * (scenarios/control-cues-exchange.yaml) under a new id; a new procedure is a minimal file that
 * extends cues-2014 and overrides one of its rules, copied from cues-2014 itself.
 */
import { shippedProcedures, shippedScenarios } from '../catalog';

export const SCENARIO_TEMPLATE_SOURCE = 'control-cues-exchange';
export const PROCEDURE_TEMPLATE_BASE = 'cues-2014';

const SCENARIO_HEADER = [
  '# A new scenario, started from scenarios/control-cues-exchange.yaml: two destroyers and one',
  '# routine CUES call on Channel 16. Change the units, their radios and the script; problems are',
  '# listed as you type, and the plot re-runs when the file is valid.',
].join('\n');

/** Text of a new scenario with the given id (lower-case letters, digits and dashes). */
export function newScenarioText(id = 'new-scenario'): string {
  const src = shippedScenarios.find((s) => s.id === SCENARIO_TEMPLATE_SOURCE)?.text;
  if (!src) return FALLBACK_SCENARIO.replace('id: new-scenario', `id: ${id}`);
  const lines = src.split('\n');
  const schemaLine = lines[0]?.startsWith('# yaml-language-server') ? lines[0] : '# yaml-language-server: $schema=../schemas/scenario.schema.json';
  const firstKey = lines.findIndex((l) => /^[A-Za-z$]/.test(l));
  const body = lines
    .slice(firstKey < 0 ? 0 : firstKey)
    .join('\n')
    .replace(/^id: .*$/m, `id: ${id}`)
    .replace(/^title: .*$/m, 'title: "New scenario: a routine CUES exchange between a JMSDF and a ROKN destroyer"');
  return `${schemaLine}\n${SCENARIO_HEADER}\n${body}`;
}

/** One rule block ("  - id: <rule>" up to the next rule or top-level key) from a procedure's text. */
function ruleBlock(text: string, rule: string): string | null {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `  - id: ${rule}`);
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && (lines[end]!.startsWith('    ') || lines[end]!.trim() === '')) end++;
  return lines.slice(start, end).join('\n').trimEnd();
}

/** Text of a new procedure with the given id: extends cues-2014 and overrides its reply rule. */
export function newProcedureText(id = 'new-procedure'): string {
  const base = shippedProcedures.find((p) => p.id === PROCEDURE_TEMPLATE_BASE)?.text ?? '';
  const rule =
    ruleBlock(base, 'answer-calls') ??
    [
      '  - id: answer-calls',
      '    type: reply',
      '    title: Answer a call addressed to you',
      '    text: Answer a call addressed to you with "received" and the information asked.',
      '    calls: any',
      '    answer: true',
      '    message: "RECEIVED, UNDERSTOOD. {answer}"',
    ].join('\n');
  return [
    '# yaml-language-server: $schema=../schemas/procedure.schema.json',
    `# A new procedure built on ${PROCEDURE_TEMPLATE_BASE}: it inherits that procedure's rules, parameters, call`,
    '# format and hailing. A rule listed here with an inherited id replaces that rule, a new id adds',
    '# one, and remove: drops inherited rules. While this file is open in the editor, the scenario on',
    `# screen runs under it; a scenario names it with "procedure: ${id}".`,
    `id: ${id}`,
    `title: ${PROCEDURE_TEMPLATE_BASE} with local changes`,
    `extends: ${PROCEDURE_TEMPLATE_BASE}`,
    'sources: []',
    'hailing:',
    '  attempts: 3',
    '  replyTimeoutS: 90',
    'remove: []',
    'rules:',
    `  # Overrides ${PROCEDURE_TEMPLATE_BASE}/answer-calls; edit it or add rules below.`,
    rule,
    '',
  ].join('\n');
}

/** A file name not yet taken: scenarios/new-scenario.yaml, scenarios/new-scenario-2.yaml, … */
export function freshName(kind: 'scenario' | 'procedure', taken: (file: string) => boolean): { file: string; id: string } {
  const folder = kind === 'scenario' ? 'scenarios' : 'procedures';
  for (let i = 1; ; i++) {
    const id = `new-${kind}${i === 1 ? '' : `-${i}`}`;
    const file = `${folder}/${id}.yaml`;
    if (!taken(file)) return { file, id };
  }
}

const FALLBACK_SCENARIO = `# yaml-language-server: $schema=../schemas/scenario.schema.json
id: new-scenario
title: New scenario
date: "2025-06-01"
start: "2025-06-01T09:00:00+09:00"
durationS: 900
location: { name: Between Japan and the Korean Peninsula (illustrative), lat: 37.2, lon: 133.0 }
procedure: cues-2014
units: []
script: []
`;
