/**
 * How a unit is addressed and how it names itself, following the procedure's call format
 * (CUES 3.4.1: ship name, hull number or international call sign, with nationality [S5]).
 * Radio words come only from call signs, the radio name, hull numbers and nationality and type
 * words: the display name (`name`) labels the plot and is never said on the air.
 */
import type { UnitSpec } from '../scenario/schema';
import type { Procedure } from '../procedure/load';

/** How a call names a nation the procedure's callFormat.nationalityWords leaves out (the mirror test writes them as data). */
export const NATION_WORDS: Record<string, string> = {
  JP: 'JAPAN',
  KR: 'REPUBLIC OF KOREA',
  KP: 'DPRK',
  US: 'UNITED STATES',
  CN: 'CHINA',
  OTHER: '',
};

export function typeWords(u: UnitSpec): string {
  const svc = (u.service ?? '').toLowerCase();
  switch (u.kind) {
    case 'aircraft':
      return svc === 'coast-guard' ? 'COAST GUARD AIRCRAFT' : svc === 'air-force' ? 'AIR FORCE AIRCRAFT' : 'NAVY AIRCRAFT';
    case 'headquarters':
      return 'HEADQUARTERS';
    case 'vessel':
      return svc === 'coast-guard' ? 'COAST GUARD SHIP' : 'VESSEL';
    case 'ship':
      return svc === 'coast-guard' ? 'COAST GUARD SHIP' : 'NAVY SHIP';
  }
}

export function addresseeFor(u: UnitSpec, p: Procedure): string {
  const f = p.callFormat;
  const parts: { el: string; words: string }[] = [];
  for (const el of f.addressee) {
    const words =
      el === 'nationality'
        ? (f.nationalityWords[u.nation] ?? NATION_WORDS[u.nation] ?? '')
        : el === 'type'
          ? (f.typeWords[u.kind] ?? typeWords(u))
          : el === 'name'
            ? radioName(u)
            : el === 'hull'
              ? u.hull
                ? `HULL NUMBER ${u.hull}`
                : ''
              : (u.callSigns[0] ?? '');
    if (!words) continue;
    // Nationality and type read as one phrase: "KOREA SOUTH NAVAL SHIP".
    const prev = parts[parts.length - 1];
    if (prev && prev.el === 'nationality' && el === 'type') prev.words = `${prev.words} ${words}`;
    else parts.push({ el, words });
  }
  // A first call sign used as the name that only repeats the nationality, type or hull ("JAPAN NAVY"
  // after "JAPAN NAVY AIRCRAFT") adds nothing to the call.
  const said = parts.filter((x) => x.el !== 'name' || !parts.some((y) => y !== x && (y.words.includes(x.words) || x.words.includes(y.words))));
  const once = said.flatMap((x) => Array.from({ length: f.repeatEach }, () => x.words)).join(', ');
  return Array.from({ length: f.repeatAddressee }, () => once).join(', ');
}

/** "REPUBLIC OF KOREA NAVY SHIP": enough for an operator to think a call may be for them. */
export function genericCallSigns(u: UnitSpec, p: Procedure): string[] {
  const nat = [p.callFormat.nationalityWords[u.nation], NATION_WORDS[u.nation]].filter(Boolean) as string[];
  const type = [p.callFormat.typeWords[u.kind], typeWords(u)].filter(Boolean) as string[];
  return nat.flatMap((n) => type.map((t) => `${n} ${t}`));
}

/** The callFormat's `name` element: the radio name, else the first call sign; never the display name. */
export function radioName(u: UnitSpec): string {
  return (u.radioName ?? u.callSigns[0] ?? '').toUpperCase();
}

/** What a unit without call signs says instead: nationality, type and hull ("REPUBLIC OF KOREA NAVY SHIP 201"). */
export function fallbackCallSign(u: UnitSpec, p: Procedure): string {
  const nat = p.callFormat.nationalityWords[u.nation] ?? NATION_WORDS[u.nation] ?? '';
  const type = p.callFormat.typeWords[u.kind] ?? typeWords(u);
  return [nat, type, u.hull ?? ''].filter(Boolean).join(' ');
}

/** How a message names a unit in its text (a report, a relay): its radio name, else what it would call itself without one. */
export function spokenName(u: UnitSpec, p: Procedure): string {
  return radioName(u) || fallbackCallSign(u, p).toUpperCase();
}

/** How a unit names itself after "THIS IS". */
export function selfName(u: UnitSpec, p: Procedure): string {
  return (u.callSigns[0] ?? fallbackCallSign(u, p)).toUpperCase();
}

/** What this unit's operators answer to: its call signs, its name as said on the air, and its hull number. */
export function identityCallSigns(u: UnitSpec): string[] {
  const out = [...u.callSigns];
  if (u.radioName && !out.includes(u.radioName)) out.push(u.radioName);
  if (u.hull) out.push(`HULL NUMBER ${u.hull}`, `HULL ${u.hull}`, u.hull);
  return out;
}
