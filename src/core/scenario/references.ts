/**
 * Checks beyond the schema: every reference resolves, and values are possible. Each problem is
 * reported at the node that causes it, with what to do about it.
 */
import { didYouMean, orNone, type SourceDoc } from '../yaml-source';
import { closest } from '../suggest';
import { explain, type Explanation } from '../explain';
import type { Diagnostic } from '../diagnostics';
import { parseTime, type ScenarioFile } from './schema';
import { findChannel, normaliseChannelId } from '../radio/channels';
import { isAirborne, traitsOf } from '../kinds';
import { checkAreas } from './references-areas';
import { checkDeclaredChannels, declaredOf, unknownChannel } from './lint-channels';
import { defaultSignals } from '../radio/signals';
import { checkFlights } from './check-flight';
import { flies, flightWindow } from './presence';

export function checkReferences(doc: SourceDoc, s: ScenarioFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (path: (string | number)[], e: Explanation) => out.push(doc.diagnostic(path, 'error', e));
  const warn = (path: (string | number)[], e: Explanation) => out.push(doc.diagnostic(path, 'warning', e));
  // "Did you mean" for an id that names nothing: a unit by default, or one of `known`.
  const near = (wrong: unknown, known: Iterable<string> = unitIds.keys()) => didYouMean(typeof wrong === 'string' ? closest(wrong, known) : undefined);

  const unitIds = new Map<string, number>();
  s.units.forEach((u, i) => {
    if (unitIds.has(u.id)) err(['units', i, 'id'], explain('checker.unit.duplicate-id', { unit: u.id, index: unitIds.get(u.id)! }));
    else unitIds.set(u.id, i);
  });
  // By id, the first unit of that id (as a search along the list would find it): script actions
  // name units thousands of times in a large exercise.
  const unitById = (id: string) => {
    const i = unitIds.get(id);
    return i === undefined ? undefined : s.units[i];
  };
  const list = (ids: Iterable<string>) => [...ids];
  const linkIds = new Set(s.links.map((l) => l.id));
  const linkById = new Map<string, (typeof s.links)[number]>();
  for (const l of s.links) if (!linkById.has(l.id)) linkById.set(l.id, l);
  const declared = declaredOf(s);
  const unknown = (c: string | number) => unknownChannel(c, declared);
  out.push(...checkDeclaredChannels(doc, s));

  s.links.forEach((l, li) => {
    l.members.forEach((m, mi) => {
      if (!unitIds.has(m))
        err(['links', li, 'members', mi], explain('checker.link.unknown-member', { link: l.id, unit: m, hint: near(m), units: list(unitIds.keys()) }));
    });
  });

  s.units.forEach((u, i) => {
    const at = (...p: (string | number)[]) => ['units', i, ...p];
    const placed = traitsOf(u).placed;
    if (placed === 'track' && !u.track) err(at('id'), explain('checker.unit.no-track', { kind: u.kind, unit: u.id, aircraft: isAirborne(u) }));
    if (placed === 'track-or-position' && !u.track && !u.position) err(at('id'), explain('checker.unit.no-place', { kind: u.kind, unit: u.id }));
    if (u.headquarters) {
      const hq = unitById(u.headquarters);
      if (!hq) err(at('headquarters'), explain('checker.hq.unknown', { hq: u.headquarters, hint: near(u.headquarters), units: list(unitIds.keys()) }));
      else if (hq.kind !== 'headquarters') err(at('headquarters'), explain('checker.hq.not-hq', { hq: u.headquarters, kind: hq.kind }));
      else if (!s.links.some((l) => l.members.includes(u.id) && l.members.includes(hq.id)) && !sharesRadio(u, hq))
        warn(at('headquarters'), explain('checker.hq.unreachable', { unit: u.id, hq: hq.id }));
    }
    if (u.counterpart) {
      const c = unitById(u.counterpart);
      if (u.kind !== 'headquarters') err(at('counterpart'), explain('checker.counterpart.not-hq-self'));
      else if (!c) err(at('counterpart'), explain('checker.counterpart.unknown', { counterpart: u.counterpart, hint: near(u.counterpart) }));
      else if (c.kind !== 'headquarters') err(at('counterpart'), explain('checker.counterpart.not-hq', { counterpart: u.counterpart, kind: c.kind }));
    }
    u.links.forEach((l, li) => {
      if (!linkIds.has(l)) err(at('links', li), explain('checker.link.undeclared', { link: l, hint: near(l, linkIds), links: orNone(linkIds) }));
      else if (!linkById.get(l)!.members.includes(u.id)) err(at('links', li), explain('checker.link.not-member', { unit: u.id, link: l }));
    });
    const radioIds = new Set<string>();
    u.radios.forEach((r, ri) => {
      if (radioIds.has(r.id)) err(at('radios', ri, 'id'), explain('checker.radio.duplicate-id', { radio: r.id, unit: u.id }));
      radioIds.add(r.id);
      r.channels.forEach((c, ci) => {
        const ch = findChannel(String(c), declared);
        if (!ch) err(at('radios', ri, 'channels', ci), unknown(c));
        else if (ch.signal) err(at('radios', ri, 'channels', ci), explain('checker.radio.signal-as-channel', { channel: ch.id }));
      });
      const tuned = r.tuned === null ? [] : Array.isArray(r.tuned) ? r.tuned : [r.tuned];
      tuned.forEach((c, ci) => {
        const path = Array.isArray(r.tuned) ? at('radios', ri, 'tuned', ci) : at('radios', ri, 'tuned');
        const ch = findChannel(String(c), declared);
        if (!ch) err(path, unknown(c));
        else if (!r.channels.map((x) => normaliseChannelId(x)).includes(ch.id))
          err(path, explain('checker.radio.tuned-off-list', { radio: r.id, channel: ch.id, channels: r.channels.map(String) }));
        else if (ch.modulation !== r.modulation)
          warn(path, explain('checker.radio.wrong-modulation', { radio: r.id, modulation: r.modulation, channel: ch.id, channelModulation: ch.modulation }));
      });
    });
    const emitterIds = new Set(u.emitters.map((e) => e.id));
    u.emitters.forEach((e, ei) => {
      if (e.slavedTo && !emitterIds.has(e.slavedTo))
        err(at('emitters', ei, 'slavedTo'), explain('checker.emitter.unknown-master', { emitter: e.slavedTo, unit: u.id, hint: near(e.slavedTo, emitterIds) }));
    });
    if (u.track && Array.isArray(u.track)) {
      u.track.forEach((p, pi) => {
        if ('from' in p) {
          if (!unitIds.has(p.from)) err(at('track', pi, 'from'), explain('checker.track.unknown-from', { unit: p.from, hint: near(p.from) }));
          else if (p.from === u.id) err(at('track', pi, 'from'), explain('checker.track.self-from'));
        }
        if (parseTime(p.t) > s.durationS) warn(at('track', pi, 't'), explain('checker.track.after-end', { t: parseTime(p.t), durationS: s.durationS }));
        // On a deck or an airfield, before take-off or from landing on, an aircraft is low by rights.
        const w = flightWindow(u);
        const flying = !flies(u) || (parseTime(p.t) > w.from && parseTime(p.t) < w.until);
        if (isAirborne(u) && p.altM !== undefined && p.altM < 30 && flying) warn(at('track', pi, 'altM'), explain('checker.track.too-low', { altM: p.altM }));
      });
    }
  });

  s.script.forEach((a, i) => {
    const at = (...p: (string | number)[]) => ['script', i, ...p];
    const unit = unitById(a.unit);
    if (!unit) {
      err(at('unit'), explain('checker.script.unknown-unit', { unit: a.unit, hint: near(a.unit), units: list(unitIds.keys()) }));
      return;
    }
    // An emitter or radio set the unit does not have: the one meant, and the ones it has.
    const unknownPart = (part: 'emitter' | 'radio', wrong: string, parts: { id: string }[]) => {
      const ids = parts.map((x) => x.id);
      err(at(part), explain(`checker.script.unknown-${part}`, { unit: a.unit, [part]: wrong, hint: near(wrong, ids), [`${part}s`]: orNone(ids) }));
    };
    if (a.at === undefined && a.on === undefined) err(at('do'), explain('checker.script.no-when'));
    if (a.at !== undefined && a.on !== undefined) err(at('on'), explain('checker.script.both-when'));
    if (a.at !== undefined && parseTime(a.at) > s.durationS)
      warn(at('at'), explain('checker.script.after-end', { t: parseTime(a.at), durationS: s.durationS }));
    if (a.on) {
      if (a.on.unit && !unitIds.has(a.on.unit)) err(at('on', 'unit'), explain('checker.trigger.unknown-unit', { unit: a.on.unit, hint: near(a.on.unit) }));
      if (a.on.other && !unitIds.has(a.on.other)) err(at('on', 'other'), explain('checker.trigger.unknown-unit', { unit: a.on.other, hint: near(a.on.other) }));
      if (a.on.event === 'range-below' && (!a.on.other || !a.on.rangeM)) err(at('on'), explain('checker.trigger.range-below-needs'));
    }
    switch (a.do) {
      case 'emit': {
        const e = unit.emitters.find((x) => x.id === a.emitter);
        if (!e) unknownPart('emitter', a.emitter, unit.emitters);
        if (a.target && !unitIds.has(a.target)) err(at('target'), explain('checker.script.unknown-target', { target: a.target, hint: near(a.target) }));
        if ((a.mode === 'track' || a.mode === 'slewed') && !a.target) err(at('mode'), explain('checker.script.mode-needs-target', { mode: a.mode }));
        break;
      }
      case 'hail':
      case 'reply': {
        if (a.to !== 'all' && !unitIds.has(a.to))
          err(at('to'), explain('checker.script.unknown-addressee', { addressee: a.to, hint: near(a.to), units: list(unitIds.keys()) }));
        if (a.channel !== undefined) {
          const ch = findChannel(String(a.channel), declared);
          if (!ch && !linkIds.has(String(a.channel))) err(at('channel'), unknownChannel(a.channel, declared, linkIds));
          else if (ch?.signal) {
            const gear = unit.signals ?? defaultSignals(traitsOf(unit)?.element ?? 'shore');
            if (!gear.includes(ch.signal))
              warn(at('channel'), explain('checker.script.no-signal-gear', { unit: a.unit, signal: ch.name.toLowerCase(), signals: orNone(gear) }));
          } else if (ch && !unit.radios.some((r) => r.channels.map((c) => normaliseChannelId(c)).includes(ch.id)))
            warn(at('channel'), explain('checker.script.no-radio-for-channel', { unit: a.unit, channel: ch.id }));
        }
        break;
      }
      case 'move':
        if (a.on) err(at('on'), explain('checker.script.move-needs-time'));
        break;
      case 'set-link':
        if (!linkIds.has(a.link)) err(at('link'), explain('checker.link.undeclared', { link: a.link, hint: near(a.link, linkIds), links: orNone(linkIds) }));
        break;
      case 'set-noise':
      case 'set-radio':
        if (!unit.radios.some((r) => r.id === a.radio)) unknownPart('radio', a.radio, unit.radios);
        break;
      case 'conduct':
        if (a.target === a.unit) err(at('target'), explain('checker.script.act-at-self', { act: a.act }));
        else if (!unitIds.has(a.target))
          err(at('target'), explain('checker.script.unknown-target-of', { target: a.target, hint: near(a.target), units: list(unitIds.keys()) }));
        break;
      case 'report':
        if (!unit.headquarters) err(at('unit'), explain('checker.script.report-no-hq', { unit: a.unit }));
        break;
      // Name nothing beyond the unit itself, checked above.
      case 'judge':
      case 'set-crew':
      case 'silence':
        break;
    }
  });

  out.push(...checkFlights(doc, s));
  if (s.defaultAccount && !(s.defaultAccount in s.accounts))
    err(
      ['defaultAccount'],
      explain('checker.account.unknown-default', {
        account: s.defaultAccount,
        hint: near(s.defaultAccount, Object.keys(s.accounts)),
        accounts: list(Object.keys(s.accounts)),
      }),
    );
  out.push(...checkAreas(doc, s));
  Object.entries(s.facts).forEach(([id, f]) => {
    for (const k of Object.keys(f.values)) {
      if (k !== 'default' && !(k in s.accounts))
        err(
          ['facts', id, 'values', k],
          explain('checker.fact.unknown-account', { fact: id, account: k, hint: near(k, Object.keys(s.accounts)), accounts: orNone(Object.keys(s.accounts)) }),
        );
    }
  });
  return out;
}

function sharesRadio(a: { radios: { channels: (string | number)[] }[] }, b: { radios: { channels: (string | number)[] }[] }): boolean {
  const ca = new Set(a.radios.flatMap((r) => r.channels.map((c) => normaliseChannelId(c))));
  return b.radios.some((r) => r.channels.some((c) => ca.has(normaliseChannelId(c))));
}
