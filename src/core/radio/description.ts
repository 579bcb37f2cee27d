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

export type Fit = { fits: true; why: string } | { fits: false; why: string };

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
  if (d.kind !== undefined && !kindFits(d.kind, self.kind))
    return { fits: false, why: `the description did not fit: it said ${d.kind}, the listener is a ${self.kind}` };
  if (d.service !== undefined && d.service !== self.service)
    return { fits: false, why: `the description did not fit: it said ${d.service}, the listener is ${self.service ?? 'of no stated service'}` };
  const fitted: string[] = [];
  if (d.near) {
    const m = groundDistanceM(d.near, self);
    if (m > d.near.withinM)
      return {
        fits: false,
        why: `the description did not fit: the position said was ${km(m)} km from the listener, more than the ${km(d.near.withinM)} km it allowed`,
      };
    fitted.push(`position within ${km(m)} km`);
  }
  if (d.courseDeg !== undefined) {
    const within = d.courseWithinDeg ?? DESCRIPTION_COURSE_WITHIN_DEG;
    const off = courseDifference(d.courseDeg, self.courseDeg);
    const said = String(Math.round(d.courseDeg) % 360).padStart(3, '0');
    const steered = String(Math.round(self.courseDeg) % 360).padStart(3, '0');
    if (off > within) return { fits: false, why: `the description did not fit: course said ${said}, it steered ${steered} (more than ${within}° off)` };
    fitted.push(`course said ${said}, it steered ${steered}`);
  }
  return { fits: true, why: `the description fitted it${fitted.length ? `: ${fitted.join(', ')}` : ''}` };
}

const km = (m: number) => (m / 1000).toFixed(1);
