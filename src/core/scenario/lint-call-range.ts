/**
 * Warnings about scripted calls that nobody can receive because, at the moment of the call, every
 * station it addresses (for a call to all: every other station) is beyond the radio horizon.
 * lint.ts warns only about units never in range of anyone over the whole run; a call timed while
 * its listener is still far off, or by a unit that is in range of others, slipped past that check.
 * Only the horizon is judged here, as the ladder's in-range stage does first (radio/ladder.ts);
 * calls over a link, and calls waiting for an event (on:), whose time is not known, are left out.
 */
import type { SourceDoc } from '../yaml-source';
import type { Diagnostic } from '../diagnostics';
import { explain, type Explanation } from '../explain';
import type { UnitSpec } from './schema';
import { antennaHeightM, type Action, type Scenario } from './model';
import { positionAt } from './motion';
import { slantDistanceM, type Position } from '../geo';
import { isAirborne } from '../kinds';
import { findChannel, normaliseChannelId, type RadioChannel } from '../radio/channels';
import { combinedHorizonNm, nmToKm } from '../radio/propagation';
import { declaredChannels, reachOf } from '../radio/declared';
import { linkTable } from './link-table';

interface Miss {
  id: string;
  distanceKm: number;
  horizonKm: number;
}

/** `covered`: callers already warned about as never in range of anyone they must talk to (lint.ts). */
/** `covered`: callers already warned about as never in range of anyone they must talk to (lint.ts). */
export function lintCallRange(doc: SourceDoc, s: Scenario, covered: ReadonlySet<string> = new Set()): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byId = new Map(s.units.map((u) => [u.id, u]));
  const links = s.spec.links;
  const { linked } = linkTable(links);
  const sets = new Map<string, Sets>();
  const declared = declaredChannels(s.spec.channels);
  // Every unit has sets for the same few channels.
  const found = new Map<string, RadioChannel | undefined>();
  const channel = (id: string) => {
    if (!found.has(id)) found.set(id, findChannel(id, declared));
    return found.get(id);
  };
  const setsOf = (u: UnitSpec): Sets => {
    let x = sets.get(u.id);
    if (!x) sets.set(u.id, (x = channelSets(u, channel)));
    return x;
  };
  const withRadios = s.units.filter((u) => u.radios.length > 0);
  // A call to all: the station that heard the caller's last call is tried first; in a large exercise it usually ends the search.
  const lastHeard = new Map<string, UnitSpec>();
  for (const a of s.script) {
    if (a.do !== 'hail' && a.do !== 'reply') continue;
    if (a.on !== undefined || covered.has(a.unit)) continue;
    const from = byId.get(a.unit);
    if (!from || from.radios.length === 0) continue;
    const named = a.channel !== undefined ? normaliseChannelId(a.channel) : undefined;
    if (named !== undefined && links.some((l) => l.id === named)) continue;
    const t = a.atS ?? 0;
    const hint = lastHeard.get(from.id);
    const listeners =
      a.to === 'all'
        ? [...(hint ? [hint] : []), ...withRadios.filter((u) => u.id !== from.id && u !== hint)]
        : [byId.get(a.to)].filter((u): u is UnitSpec => !!u);
    const mine = setsOf(from);
    const here = placeOf(s, from, t);
    let nearest: Miss | undefined;
    let reachable = false;
    for (const other of listeners) {
      // A call without a channel may go over a link the two share; the channel checks cover the rest.
      if (named === undefined && linked(from.id, other.id)) {
        reachable = true;
        break;
      }
      const wave = waveBetween(mine, setsOf(other), named);
      if (wave === undefined) continue;
      const there = placeOf(s, other, t);
      const distanceKm = slantDistanceM(here, there) / 1000;
      const sightKm = nmToKm(combinedHorizonNm(here.altM, there.altM));
      const horizonKm = wave === 'sight' ? sightKm : Math.max(wave, sightKm);
      if (distanceKm <= horizonKm) {
        reachable = true;
        lastHeard.set(from.id, other);
        break;
      }
      if (!nearest || distanceKm - horizonKm < nearest.distanceKm - nearest.horizonKm) nearest = { id: other.id, distanceKm, horizonKm };
    }
    if (reachable || !nearest) continue;
    out.push(doc.diagnostic(['script', a.index, 'to'], 'warning', message(a, t, nearest)));
  }
  return out;
}

/** A unit's known channels, and the ground-wave range (km) of those that travel by ground wave (MF, HF, or as declared). */
interface Sets {
  all: Set<string>;
  ground: Map<string, number>;
}

function channelSets(u: UnitSpec, channel: (id: string) => RadioChannel | undefined): Sets {
  const all = new Set<string>();
  const ground = new Map<string, number>();
  for (const r of u.radios)
    for (const c of r.channels) {
      const ch = channel(String(c));
      if (!ch) continue;
      all.add(ch.id);
      const reach = reachOf(ch, 0, 0);
      if (reach.wave === 'ground') ground.set(ch.id, reach.groundWaveKm!);
    }
  return { all, ground };
}

/**
 * How a call can travel between two units: on the channel it names, or else on any channel both
 * have sets for, the farthest-reaching first. Undefined when the listener has no set for it: the
 * channel checks of lint.ts speak of that.
 */
function waveBetween(from: Sets, to: Sets, named: string | undefined): number | 'sight' | undefined {
  if (named !== undefined) return !to.all.has(named) ? undefined : (to.ground.get(named) ?? 'sight');
  let best: number | 'sight' | undefined;
  for (const c of from.all) {
    if (!to.all.has(c)) continue;
    const km = to.ground.get(c);
    if (km !== undefined && (typeof best !== 'number' || km > best)) best = km;
    else best ??= 'sight';
  }
  return best;
}

function message(a: Action & { do: 'hail' | 'reply' }, t: number, m: Miss): Explanation {
  const whom = a.to === 'all' ? explain('checker.call-range.nearest', { unit: a.unit, nearest: m.id }) : explain('checker.quoted', { id: m.id });
  return explain('checker.call-range.beyond-horizon', {
    t: Math.round(t),
    action: a.do,
    whom,
    distanceKm: fmtKm(m.distanceKm),
    horizonKm: fmtKm(m.horizonKm),
  });
}

/** Where a unit is at time t, with altM the antenna height the ladder uses. */
function placeOf(s: Scenario, u: UnitSpec, t: number): Position {
  const p = positionAt(s.motion[u.id]!, t);
  return { lat: p.lat, lon: p.lon, altM: isAirborne(u) ? p.altM : antennaHeightM(u) };
}

function fmtKm(km: number): string {
  return km >= 100 ? km.toFixed(0) : km.toFixed(1);
}
