/**
 * How a unit is addressed and how it names itself, following the procedure's call format
 * (CUES 3.4.1: ship name, hull number or international call sign, with nationality [S5]).
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
      return (u.callSigns[0] ?? u.name).toUpperCase();
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
            ? u.name.toUpperCase()
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
  const once = parts.flatMap((x) => Array.from({ length: f.repeatEach }, () => x.words)).join(', ');
  return Array.from({ length: f.repeatAddressee }, () => once).join(', ');
}

/** "REPUBLIC OF KOREA NAVY SHIP": enough for an operator to think a call may be for them. */
export function genericCallSigns(u: UnitSpec, p: Procedure): string[] {
  const nat = [p.callFormat.nationalityWords[u.nation], NATION_WORDS[u.nation]].filter(Boolean) as string[];
  const type = [p.callFormat.typeWords[u.kind], typeWords(u)].filter(Boolean) as string[];
  return nat.flatMap((n) => type.map((t) => `${n} ${t}`));
}

/** How a unit names itself after "THIS IS". */
export function selfName(u: UnitSpec): string {
  return (u.callSigns[0] ?? u.name).toUpperCase();
}

/** What this unit's operators answer to: its call signs, name and hull number. */
export function identityCallSigns(u: UnitSpec): string[] {
  const out = [...u.callSigns, u.name];
  if (u.hull) out.push(`HULL NUMBER ${u.hull}`, `HULL ${u.hull}`, u.hull);
  return out;
}
