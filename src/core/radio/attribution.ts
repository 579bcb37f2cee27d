/**
 * Who sent that? A listener attributes every call it makes out. An identified call is put to
 * the station it names ("THIS IS …"): the log does not repeat that. An unidentified one (no
 * "THIS IS", as in an open-channel spoof on Channel 16 [S142]) is put, by the model's rule, to
 * the nearest unit of another nation the listener can see: within ATTRIBUTE_WITHIN_KM of it,
 * by whatever sensor (a model assumption: no source says how watchkeepers put a voice to a
 * contact; the nearest foreign contact is the one a bridge team looks at first). With nobody
 * of another nation that close, the call stays unattributed. The rule reads only where units
 * are, never who really keyed the set, so it can be wrong, and the analysis says when it was.
 */
import { groundDistanceM, type LatLon } from '../geo';
import type { Transmission } from '../log';

/** How far a listener looks for a unit of another nation to put an unidentified call to, km [U]. */
export const ATTRIBUTE_WITHIN_KM = 40;

export interface Contact {
  id: string;
  nation: string;
  position: LatLon;
}

export interface Attribution {
  to: string | null;
  why: string;
}

/** The listener's attribution of a call it made out; `others` are the units it could see, in scenario order. */
export function attribute(tx: Pick<Transmission, 'from' | 'identified'>, listener: Contact, others: readonly Contact[]): Attribution {
  if (tx.identified !== false) return { to: tx.from, why: 'the call names its station' };
  let best: { c: Contact; km: number } | undefined;
  for (const c of others) {
    if (c.id === listener.id || c.nation === listener.nation) continue;
    const km = groundDistanceM(listener.position, c.position) / 1000;
    if (km <= ATTRIBUTE_WITHIN_KM && (!best || km < best.km)) best = { c, km };
  }
  if (!best) return { to: null, why: `no "THIS IS", and no unit of another nation within ${ATTRIBUTE_WITHIN_KM} km to put it to` };
  return {
    to: best.c.id,
    why: `no "THIS IS": put to the nearest unit of another nation in sight, ${best.c.id} at ${best.km.toFixed(1)} km (model rule: nearest foreign unit within ${ATTRIBUTE_WITHIN_KM} km)`,
  };
}
