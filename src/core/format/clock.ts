/** Scenario clock: seconds from the start, shown as local time with the zone of the start. */
const ZONE_NAMES: Record<string, string> = { '+09:00': 'JST/KST', Z: 'UTC', '+00:00': 'UTC' };

export function zoneOf(start: string): { offsetMin: number; label: string } {
  const m = /([+-])(\d{2}):(\d{2})$|Z$/.exec(start);
  if (!m || m[0] === 'Z') return { offsetMin: 0, label: 'UTC' };
  const sign = m[1] === '-' ? -1 : 1;
  const off = `${m[1]}${m[2]}:${m[3]}`;
  return { offsetMin: sign * (Number(m[2]) * 60 + Number(m[3])), label: ZONE_NAMES[off] ?? `UTC${off}` };
}

/** "14:58:04" local to the scenario's zone; no host time zone is involved. */
export function clockTime(start: string, t: number): string {
  const { offsetMin } = zoneOf(start);
  const utcMs = Date.parse(start) + Math.round(t * 1000);
  const local = new Date(utcMs + offsetMin * 60_000);
  return local.toISOString().slice(11, 19);
}

export function mmss(t: number): string {
  const s = Math.max(0, Math.round(t));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
