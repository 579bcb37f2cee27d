/** A message's content in words for the timeline and the debriefs: "notice · intention … · area Flight-training area (flight-training)". */
import type { MessageContent } from '../log';

const clock = (s: number) => `+${Math.round(s)} s`;

export function describeContent(c: MessageContent, areaName: (id: string) => string | undefined = () => undefined): string {
  const parts: string[] = [];
  if (c.purpose) parts.push(c.purpose);
  if (c.identity) parts.push(`identity ${c.identity}`);
  if (c.position) parts.push(`position ${c.position.lat.toFixed(4)}, ${c.position.lon.toFixed(4)}`);
  if (c.courseSpeed) parts.push(`course ${c.courseSpeed.courseDeg}° at ${c.courseSpeed.speedKt} kt`);
  if (c.intention) parts.push(`intention ${c.intention}`);
  if (c.request) parts.push(`request ${c.request}`);
  if (c.area) {
    const name = areaName(c.area);
    parts.push(`area ${name ? `${name} (${c.area})` : c.area}`);
  }
  if (c.time)
    parts.push(`time ${c.time.from !== undefined ? clock(c.time.from) : 'now'} to ${c.time.until !== undefined ? clock(c.time.until) : 'further notice'}`);
  if (c.warning) parts.push(`warning ${c.warning}`);
  return parts.join(' · ');
}
