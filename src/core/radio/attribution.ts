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
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';

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
  /** `why` as data. */
  explanation: Explanation;
}

const attribution = (to: string | null, explanation: Explanation): Attribution => ({ to, why: english(explanation), explanation });

/** The listener's attribution of a call it made out; `others` are the units it could see, in scenario order. */
export function attribute(tx: Pick<Transmission, 'from' | 'identified'>, listener: Contact, others: readonly Contact[]): Attribution {
  if (tx.identified !== false) return attribution(tx.from, explain('ladder.attributed.named'));
  let best: { c: Contact; km: number } | undefined;
  for (const c of others) {
    if (c.id === listener.id || c.nation === listener.nation) continue;
    const km = groundDistanceM(listener.position, c.position) / 1000;
    if (km <= ATTRIBUTE_WITHIN_KM && (!best || km < best.km)) best = { c, km };
  }
  if (!best) return attribution(null, explain('ladder.attributed.nobody', { withinKm: ATTRIBUTE_WITHIN_KM }));
  return attribution(best.c.id, explain('ladder.attributed.nearest', { unit: unitRef(best.c.id), km: best.km.toFixed(1), withinKm: ATTRIBUTE_WITHIN_KM }));
}
