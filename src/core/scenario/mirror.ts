/**
 * The mirror of a scenario or a procedure: the same document with the two nations of the dispute
 * swapped wherever a nation is data (a unit's flag, an account's side, a norm's owner, the words a
 * call uses for a nation, a practice exemption by nation). A neutral analysis gives the mirror the
 * same findings with the nations swapped (issue 13, "neutral by construction, tested").
 *
 * Unit ids, names and call signs, account ids and norm ids stay: they are identities, not nations.
 * A nation code inside prose ("KR units") swaps too, as the outputs that echo the prose would.
 * Works on the plain value of the parsed YAML (before accounts are substituted), so the mirror can
 * be written back as YAML and loaded like any other file.
 */
import { nation as nationSchema } from './schema';
import { NATION_WORDS } from '../radio/callsign';

/** Which nation becomes which; nations not named stay (a North Korean boat stays North Korean). */
export type NationSwap = Readonly<Record<string, string>>;

export const JP_KR: NationSwap = { JP: 'KR', KR: 'JP' };

/**
 * One step of a path into a document: a key, every element of a list ('[]'), every value of a
 * mapping ('*'), or every key of a mapping ('{}', last step only).
 */
export type Step = string;

/**
 * Where a procedure parameter's value holds nations, below the parameter's `value`. A scenario's
 * `parameters:` override the same value directly, so both formats take their paths from here.
 */
const PARAMETER_NATION_PATHS: Record<string, Step[][]> = {
  // Each side's safe-distance norm names the side it belongs to.
  safeDistanceNorms: [['[]', 'nation']],
  // How a call names each nation, as a parameter a scenario can switch ("KR: KOREAN").
  nationalityWords: [['{}']],
};

/**
 * Every field of the file formats that holds a nation (the `nation` enum of scenario/schema.ts),
 * in one place. A nation field missing here makes the mirror test pass where it should not: when
 * a schema gains one, add it (the mirror test also fails on any JP or KR it finds outside these).
 */
export const NATION_FIELDS: { scenario: Step[][]; procedure: Step[][] } = {
  scenario: [
    // The unit's flag.
    ['units', '[]', 'nation'],
    // Whose account it is: the side whose norms judge the run.
    ['accounts', '*', 'side'],
    // Whose area it is: the nation that declared it.
    ['areas', '[]', 'whose'],
    // Procedures bound to the units of a nation, for the scenario and for one account.
    ['procedures', '[]', 'nations', '[]'],
    ['accounts', '*', 'procedures', '[]', 'nations', '[]'],
    // A scenario's override of a procedure parameter that holds nations.
    ...Object.entries(PARAMETER_NATION_PATHS).flatMap(([name, paths]) => paths.map((p) => ['parameters', name, ...p])),
  ],
  procedure: [
    ...Object.entries(PARAMETER_NATION_PATHS).flatMap(([name, paths]) => paths.map((p) => ['parameters', name, 'value', ...p])),
    // How a call names each nation: "KR: KOREA SOUTH".
    ['callFormat', 'nationalityWords', '{}'],
    // Nations (and unit ids, which stay) that did not follow a rule in practice.
    ['practice', '[]', 'notObservedBy', '[]'],
  ],
};

const NATIONS: ReadonlySet<string> = new Set(nationSchema.options);
const FACT_REF = /^\$([a-z0-9][a-z0-9-]*)$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** A concrete place in a document (keys and indexes) and the value found there. */
interface Site {
  path: (string | number)[];
  /** The place is a mapping key, not a value. */
  key: boolean;
  value: string;
}

const valueAt = (doc: unknown, path: (string | number)[]): unknown => path.reduce<unknown>((v, k) => (v as Obj)[k as string], doc);

/** Every value (or key) a pattern reaches in a document. */
function sitesOf(doc: unknown, pattern: Step[], at: (string | number)[] = []): Site[] {
  if (pattern.length === 0) return typeof doc === 'string' ? [{ path: at, key: false, value: doc }] : [];
  const [step, ...rest] = pattern as [Step, ...Step[]];
  if (step === '[]') return Array.isArray(doc) ? doc.flatMap((v, i) => sitesOf(v, rest, [...at, i])) : [];
  if (!isObj(doc)) return [];
  if (step === '{}') return Object.keys(doc).map((k) => ({ path: [...at, k], key: true, value: k }));
  if (step === '*') return Object.entries(doc).flatMap(([k, v]) => sitesOf(v, rest, [...at, k]));
  return step in doc ? sitesOf(doc[step], rest, [...at, step]) : [];
}

/**
 * A deep copy with each site swapped. Keys of one mapping swap all at once ("JP" → "KR" while
 * "KR" → "JP"), keeping their order.
 */
function rewrite(doc: unknown, sites: Site[], swap: NationSwap): unknown {
  let out = swapProse(doc, swap);
  for (const s of sites) {
    const to = swap[s.value];
    if (!s.key && to !== undefined) out = setAt(out, s.path, to);
  }
  const parents = new Map(sites.filter((s) => s.key).map((s) => [JSON.stringify(s.path.slice(0, -1)), s.path.slice(0, -1)]));
  for (const path of parents.values()) {
    const parent = valueAt(out, path) as Obj;
    out = setAt(out, path, Object.fromEntries(Object.entries(parent).map(([k, v]) => [swap[k] ?? k, v])));
  }
  return out;
}

/**
 * A deep copy with nation codes swapped inside prose (a label's "set { KR: KOREAN }", a note's "KR
 * units"): the text names the nation, and the outputs echo it. A string that is exactly a code is
 * a field's value and swaps only where NATION_FIELDS says, so unmirroredNations can still find it.
 */
function swapProse(v: unknown, swap: NationSwap): unknown {
  if (typeof v === 'string') return NATIONS.has(v) ? v : mirrorCodesInText(v, swap);
  if (Array.isArray(v)) return v.map((x) => swapProse(x, swap));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swapProse(x, swap)]));
  return v;
}

/** Sets a value in place (the document is already a copy); the root itself is replaced by returning the value. */
function setAt(doc: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  (valueAt(doc, path.slice(0, -1)) as Obj)[path[path.length - 1] as string] = value;
  return doc;
}

/** The nation sites of a document under its format's fields, with `$fact` references followed into the facts' values. */
function nationSites(doc: unknown, fields: Step[][]): Site[] {
  const direct = fields.flatMap((p) => sitesOf(doc, p));
  if (!isObj(doc) || !isObj(doc['facts'])) return direct;
  const facts = doc['facts'];
  const out: Site[] = [];
  for (const s of direct) {
    const ref = FACT_REF.exec(s.value);
    if (!ref || s.key) {
      out.push(s);
      continue;
    }
    // A nation that differs by account: every account's value is a nation, and swaps.
    const values = isObj(facts[ref[1]!]) ? (facts[ref[1]!] as Obj)['values'] : undefined;
    if (isObj(values))
      for (const [acct, v] of Object.entries(values)) if (typeof v === 'string') out.push({ path: ['facts', ref[1]!, 'values', acct], key: false, value: v });
  }
  // A fact named at two nation fields swaps once.
  return [...new Map(out.map((s) => [`${s.key}:${s.path.join('.')}`, s])).values()];
}

/** The mirror of a parsed scenario document. `fields` is for tests that leave one out on purpose. */
export function mirrorScenario(doc: unknown, swap: NationSwap = JP_KR, fields: Step[][] = NATION_FIELDS.scenario): unknown {
  return rewrite(doc, nationSites(doc, fields), swap);
}

/**
 * The mirror of a parsed procedure document (one file of a chain; mirror each file).
 *
 * A call names a nation by the procedure's `nationalityWords`, else by words the code keeps
 * (radio/callsign.ts): those are code, not data, so swapping the flags alone would have the
 * mirrored ship addressed as "JAPAN NAVY SHIP" where the original was "REPUBLIC OF KOREA NAVY
 * SHIP", and a poor copy keeps a different number of words. The base of a chain (the file that
 * extends nothing) therefore states the code's words for every swapped nation it does not name,
 * under the swapped nation, so the mirror names each unit as the original did.
 */
export function mirrorProcedure(doc: unknown, swap: NationSwap = JP_KR, fields: Step[][] = NATION_FIELDS.procedure): unknown {
  const out = rewrite(doc, nationSites(doc, fields), swap);
  if (!isObj(out) || 'extends' in out) return out;
  const format = isObj(out['callFormat']) ? out['callFormat'] : {};
  const written = isObj(format['nationalityWords']) ? format['nationalityWords'] : {};
  const words: Obj = { ...written };
  for (const [from, to] of Object.entries(swap)) if (!(to in written) && NATION_WORDS[from]) words[to] = NATION_WORDS[from];
  // A base with no call format takes the defaults of procedure/load.ts; only the words are added.
  return {
    ...out,
    callFormat: { ...(isObj(out['callFormat']) ? out['callFormat'] : { addressee: ['nationality', 'type', 'hull'] }), nationalityWords: words },
  };
}

/**
 * Places in a document that hold a nation code outside NATION_FIELDS: each one is a field the
 * mirror does not swap, so a rule tied to it could favour one side unseen. Empty when the mirror
 * is total for this document.
 */
export function unmirroredNations(doc: unknown, format: 'scenario' | 'procedure'): string[] {
  const covered = new Set(nationSites(doc, NATION_FIELDS[format]).map((s) => `${s.key ? 'key ' : ''}${s.path.join('.')}`));
  const found: string[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') {
      if (NATIONS.has(v) && !covered.has(path.join('.'))) found.push(`${path.join('.')}: ${v}`);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isObj(v))
      for (const [k, x] of Object.entries(v)) {
        const here = [...path, k];
        if (NATIONS.has(k) && !covered.has(`key ${here.join('.')}`)) found.push(`${here.join('.')} (a key)`);
        walk(x, here);
      }
  };
  walk(doc, []);
  return found;
}

/** A text with nation codes swapped as whole words ("JP units" → "KR units"), for messages that quote a unit's nation. */
export function mirrorCodesInText(text: string, swap: NationSwap = JP_KR): string {
  const codes = Object.keys(swap);
  if (!codes.length) return text;
  // A code inside a word or an id ("JP-SHIP13", the upper-case id jp-ship13) is not a nation.
  return text.replace(new RegExp(`(?<![\\w-])(${codes.join('|')})(?![\\w-])`, 'g'), (c) => swap[c] ?? c);
}
