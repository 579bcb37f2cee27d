/**
 * Calls by description: "UNIDENTIFIED WARSHIP IN POSITION 37 10.0 NORTH 132 50.0 EAST, COURSE
 * 090", said when the caller does not know the name. A listener takes such a call for itself when
 * the description fits what it knows of itself at that moment: its kind (and service, if said),
 * its position within the stated distance, its course within a tolerance. It knows its own
 * position and course exactly (a model assumption: a bridge reads both off its instruments).
 * Two units can both fit, and the meant one can fail to (the caller misjudged its course).
 */
import { groundDistanceM } from '../geo';
import type { CallDescription } from '../log';
import { explain, type Explanation } from '../explain';
import { english } from '../../i18n';

/** The verdict with its words: `why` is the English of `explanation`. */
const fit = (fits: boolean, explanation: Explanation): Fit => ({ fits, why: english(explanation), explanation });

/** How far a listener's course may be from the said one and still fit, when the call gives no tolerance [U]. */
export const DESCRIPTION_COURSE_WITHIN_DEG = 30;

/** What a listener knows of itself when it hears a description. */
export interface DescribedSelf {
  kind: string;
  service?: string;
  lat: number;
  lon: number;
  courseDeg: number;
  speedKt: number;
}

export type Fit = { fits: boolean; why: string; explanation: Explanation };

const KIND_WORDS: Record<string, string> = { ship: 'SHIP', vessel: 'VESSEL', aircraft: 'AIRCRAFT', headquarters: 'STATION' };

/** The addressee as said: "UNIDENTIFIED WARSHIP IN POSITION …, COURSE 090". */
export function describedAddressee(d: CallDescription): string {
  if (d.words) return d.words.toUpperCase();
  const navy = d.service === 'navy';
  const what = d.kind === 'ship' && navy ? 'WARSHIP' : (KIND_WORDS[d.kind ?? ''] ?? 'STATION');
  const service = d.service && !(navy && d.kind === 'ship') ? `${d.service.toUpperCase().replace(/-/g, ' ')} ` : '';
  const parts = [`UNIDENTIFIED ${service}${what}`];
  if (d.near) parts[0] += ` IN POSITION ${latLonWords(d.near.lat, d.near.lon)}`;
  if (d.courseDeg !== undefined) parts.push(`COURSE ${String(Math.round(d.courseDeg) % 360).padStart(3, '0')}`);
  return parts.join(', ');
}

function latLonWords(lat: number, lon: number): string {
  const dm = (x: number) => {
    const a = Math.abs(x);
    const deg = Math.floor(a);
    return `${deg} ${((a - deg) * 60).toFixed(1)}`;
  };
  return `${dm(lat)} ${lat >= 0 ? 'NORTH' : 'SOUTH'} ${dm(lon)} ${lon >= 0 ? 'EAST' : 'WEST'}`;
}

/** Smallest angle between two courses, degrees. */
export function courseDifference(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
}

/** A said kind fits a listener of that kind; "ship" also fits a vessel that is not a warship, as the words do. */
function kindFits(said: string, self: string): boolean {
  return said === self || (said === 'ship' && self === 'vessel');
}

/** Does the description fit this listener? `why` says which part did not, or that all did. */
export function fitsDescription(d: CallDescription, self: DescribedSelf): Fit {
  if (d.kind !== undefined && !kindFits(d.kind, self.kind)) return fit(false, explain('ladder.description.kind', { said: d.kind, is: self.kind }));
  if (d.service !== undefined && d.service !== self.service)
    return fit(false, explain('ladder.description.service', { said: d.service, is: self.service ?? explain('ladder.description.no-service') }));
  const fitted: Explanation[] = [];
  if (d.near) {
    const m = groundDistanceM(d.near, self);
    if (m > d.near.withinM) return fit(false, explain('ladder.description.position', { km: km(m), withinKm: km(d.near.withinM) }));
    fitted.push(explain('ladder.description.position-fitted', { km: km(m) }));
  }
  if (d.courseDeg !== undefined) {
    const within = d.courseWithinDeg ?? DESCRIPTION_COURSE_WITHIN_DEG;
    const off = courseDifference(d.courseDeg, self.courseDeg);
    const said = String(Math.round(d.courseDeg) % 360).padStart(3, '0');
    const steered = String(Math.round(self.courseDeg) % 360).padStart(3, '0');
    if (off > within) return fit(false, explain('ladder.description.course', { said, steered, within }));
    fitted.push(explain('ladder.description.course-fitted', { said, steered }));
  }
  return fit(true, fitted.length ? explain('ladder.description.fitted-by', { parts: fitted }) : explain('ladder.description.fitted'));
}

const km = (m: number) => (m / 1000).toFixed(1);
