/**
 * Checks beyond the schema: every reference resolves, and values are possible. Each problem is
 * reported at the node that causes it, with what to do about it.
 */
import type { SourceDoc } from '../yaml-source';
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
  const err = (path: (string | number)[], msg: string) => out.push(doc.diagnostic(path, 'error', msg));
  const warn = (path: (string | number)[], msg: string) => out.push(doc.diagnostic(path, 'warning', msg));

  const unitIds = new Map<string, number>();
  s.units.forEach((u, i) => {
    if (unitIds.has(u.id)) err(['units', i, 'id'], `unit id "${u.id}" is used twice (also units[${unitIds.get(u.id)}]); ids must be unique`);
    else unitIds.set(u.id, i);
  });
  const list = (ids: Iterable<string>) => [...ids].join(', ');
  const linkIds = new Set(s.links.map((l) => l.id));
  const declared = declaredOf(s);
  const unknown = (c: string | number) => unknownChannel(c, declared);
  out.push(...checkDeclaredChannels(doc, s));

  s.links.forEach((l, li) => {
    l.members.forEach((m, mi) => {
      if (!unitIds.has(m)) err(['links', li, 'members', mi], `link "${l.id}" names unit "${m}", which does not exist; units are ${list(unitIds.keys())}`);
    });
  });

  s.units.forEach((u, i) => {
    const at = (...p: (string | number)[]) => ['units', i, ...p];
    const placed = traitsOf(u).placed;
    if (placed === 'track' && !u.track) err(at('id'), `${u.kind} "${u.id}" has no track; give it waypoints${isAirborne(u) ? ' with altM' : ''}`);
    if (placed === 'track-or-position' && !u.track && !u.position) err(at('id'), `${u.kind} "${u.id}" has neither a track nor a position`);
    if (u.headquarters) {
      const hq = s.units.find((x) => x.id === u.headquarters);
      if (!hq) err(at('headquarters'), `headquarters "${u.headquarters}" does not exist; units are ${list(unitIds.keys())}`);
      else if (hq.kind !== 'headquarters') err(at('headquarters'), `"${u.headquarters}" is a ${hq.kind}, not a headquarters`);
      else if (!s.links.some((l) => l.members.includes(u.id) && l.members.includes(hq.id)) && !sharesRadio(u, hq))
        warn(at('headquarters'), `"${u.id}" has no link or radio channel shared with its headquarters "${hq.id}", so its reports cannot get through`);
    }
    if (u.counterpart) {
      const c = s.units.find((x) => x.id === u.counterpart);
      if (u.kind !== 'headquarters') err(at('counterpart'), 'only headquarters have a counterpart');
      else if (!c) err(at('counterpart'), `counterpart "${u.counterpart}" does not exist`);
      else if (c.kind !== 'headquarters') err(at('counterpart'), `counterpart "${u.counterpart}" is a ${c.kind}, not a headquarters`);
    }
    u.links.forEach((l, li) => {
      if (!linkIds.has(l)) err(at('links', li), `link "${l}" is not declared under links:; declared links are ${list(linkIds) || 'none'}`);
      else if (!s.links.find((x) => x.id === l)!.members.includes(u.id)) err(at('links', li), `"${u.id}" lists link "${l}" but is not among its members`);
    });
    const radioIds = new Set<string>();
    u.radios.forEach((r, ri) => {
      if (radioIds.has(r.id)) err(at('radios', ri, 'id'), `radio id "${r.id}" is used twice on "${u.id}"`);
      radioIds.add(r.id);
      r.channels.forEach((c, ci) => {
        const ch = findChannel(String(c), declared);
        if (!ch) err(at('radios', ri, 'channels', ci), unknown(c));
        else if (ch.signal) err(at('radios', ri, 'channels', ci), `"${ch.id}" is a signal, not a radio channel: list it under the unit's signals:`);
      });
      const tuned = r.tuned === null ? [] : Array.isArray(r.tuned) ? r.tuned : [r.tuned];
      tuned.forEach((c, ci) => {
        const path = Array.isArray(r.tuned) ? at('radios', ri, 'tuned', ci) : at('radios', ri, 'tuned');
        const ch = findChannel(String(c), declared);
        if (!ch) err(path, unknown(c));
        else if (!r.channels.map((x) => normaliseChannelId(x)).includes(ch.id))
          err(path, `radio "${r.id}" is tuned to ${ch.id}, which is not among its channels (${r.channels.join(', ')})`);
        else if (ch.modulation !== r.modulation)
          warn(path, `radio "${r.id}" demodulates ${r.modulation} but ${ch.id} MHz is ${ch.modulation}: it will not copy calls there`);
      });
    });
    const emitterIds = new Set(u.emitters.map((e) => e.id));
    u.emitters.forEach((e, ei) => {
      if (e.slavedTo && !emitterIds.has(e.slavedTo)) err(at('emitters', ei, 'slavedTo'), `"${e.slavedTo}" is not an emitter of "${u.id}"`);
    });
    if (u.track && Array.isArray(u.track)) {
      u.track.forEach((p, pi) => {
        if ('from' in p) {
          if (!unitIds.has(p.from)) err(at('track', pi, 'from'), `waypoint is relative to "${p.from}", which does not exist`);
          else if (p.from === u.id) err(at('track', pi, 'from'), 'a waypoint cannot be relative to its own unit');
        }
        if (parseTime(p.t) > s.durationS) warn(at('track', pi, 't'), `waypoint at ${parseTime(p.t)} s is after the end (${s.durationS} s)`);
        // On a deck or an airfield, before take-off or from landing on, an aircraft is low by rights.
        const w = flightWindow(u);
        const flying = !flies(u) || (parseTime(p.t) > w.from && parseTime(p.t) < w.until);
        if (isAirborne(u) && p.altM !== undefined && p.altM < 30 && flying)
          warn(at('track', pi, 'altM'), `aircraft at ${p.altM} m: below 30 m is not a patrol altitude; check the unit`);
      });
    }
  });

  s.script.forEach((a, i) => {
    const at = (...p: (string | number)[]) => ['script', i, ...p];
    const unit = s.units.find((u) => u.id === a.unit);
    if (!unit) {
      err(at('unit'), `unit "${a.unit}" does not exist; units are ${list(unitIds.keys())}`);
      return;
    }
    if (a.at === undefined && a.on === undefined) err(at('do'), 'give the action a time (at:) or a trigger (on:)');
    if (a.at !== undefined && a.on !== undefined) err(at('on'), 'give either at: or on:, not both');
    if (a.at !== undefined && parseTime(a.at) > s.durationS)
      warn(at('at'), `action at ${parseTime(a.at)} s is after the end of the scenario (${s.durationS} s); it will never run`);
    if (a.on) {
      if (a.on.unit && !unitIds.has(a.on.unit)) err(at('on', 'unit'), `trigger names unit "${a.on.unit}", which does not exist`);
      if (a.on.other && !unitIds.has(a.on.other)) err(at('on', 'other'), `trigger names unit "${a.on.other}", which does not exist`);
      if (a.on.event === 'range-below' && (!a.on.other || !a.on.rangeM)) err(at('on'), 'a range-below trigger needs other: and rangeM:');
    }
    switch (a.do) {
      case 'emit': {
        const e = unit.emitters.find((x) => x.id === a.emitter);
        if (!e) err(at('emitter'), `"${a.unit}" has no emitter "${a.emitter}"; its emitters are ${list(unit.emitters.map((x) => x.id)) || 'none'}`);
        if (a.target && !unitIds.has(a.target)) err(at('target'), `target "${a.target}" does not exist`);
        if ((a.mode === 'track' || a.mode === 'slewed') && !a.target) err(at('mode'), `mode "${a.mode}" needs a target:`);
        break;
      }
      case 'hail':
      case 'reply': {
        if (a.to !== 'all' && !unitIds.has(a.to)) err(at('to'), `addressee "${a.to}" does not exist; units are ${list(unitIds.keys())}`);
        if (a.channel !== undefined) {
          const ch = findChannel(String(a.channel), declared);
          if (!ch && !linkIds.has(String(a.channel))) err(at('channel'), unknownChannel(a.channel, declared, linkIds));
          else if (ch?.signal) {
            const gear = unit.signals ?? defaultSignals(traitsOf(unit)?.element ?? 'shore');
            if (!gear.includes(ch.signal))
              warn(at('channel'), `"${a.unit}" has no ${ch.name.toLowerCase()} (its signals: ${gear.join(', ') || 'none'}); the signal will not be made`);
          } else if (ch && !unit.radios.some((r) => r.channels.map((c) => normaliseChannelId(c)).includes(ch.id)))
            warn(at('channel'), `"${a.unit}" has no radio that can use ${ch.id} MHz; the call will not be transmitted`);
        }
        break;
      }
      case 'move':
        if (a.on) err(at('on'), 'a move needs a time (at:): tracks are joined when the scenario is loaded');
        break;
      case 'set-link':
        if (!linkIds.has(a.link)) err(at('link'), `link "${a.link}" is not declared under links:; declared links are ${list(linkIds) || 'none'}`);
        break;
      case 'set-noise':
      case 'set-radio':
        if (!unit.radios.some((r) => r.id === a.radio))
          err(at('radio'), `"${a.unit}" has no radio "${a.radio}"; its radios are ${list(unit.radios.map((r) => r.id)) || 'none'}`);
        break;
      case 'conduct':
        if (a.target === a.unit) err(at('target'), `an act cannot be aimed at its own unit; name the unit "${a.act}" is aimed at`);
        else if (!unitIds.has(a.target)) err(at('target'), `target "${a.target}" does not exist; units are ${list(unitIds.keys())}`);
        break;
      case 'report':
        if (!unit.headquarters) err(at('unit'), `"${a.unit}" has no headquarters: to report, set headquarters: on the unit`);
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
    err(['defaultAccount'], `no account "${s.defaultAccount}"; accounts are ${list(Object.keys(s.accounts))}`);
  out.push(...checkAreas(doc, s));
  Object.entries(s.facts).forEach(([id, f]) => {
    for (const k of Object.keys(f.values)) {
      if (k !== 'default' && !(k in s.accounts))
        err(
          ['facts', id, 'values', k],
          `fact "${id}" has a value for "${k}", which is not an account; accounts are ${list(Object.keys(s.accounts)) || 'none'}`,
        );
    }
  });
  return out;
}

function sharesRadio(a: { radios: { channels: (string | number)[] }[] }, b: { radios: { channels: (string | number)[] }[] }): boolean {
  const ca = new Set(a.radios.flatMap((r) => r.channels.map((c) => normaliseChannelId(c))));
  return b.radios.some((r) => r.channels.some((c) => ca.has(normaliseChannelId(c))));
}
