/**
 * A message's content as it goes on the air: what the script wrote (times turned into seconds), and
 * what a rule asks the message to carry, filled from the sender's own data at the moment it is sent
 * (its call sign, its position and course from its track, its activity, the area it declared).
 */
import type { MessageContent } from '../log';
import { parseTime, type MessageContentSpec, type UnitSpec } from '../scenario/schema';
import type { Motion } from '../scenario/motion';
import { kinematicsAt } from '../scenario/motion';
import { inForceAt, type Area } from '../areas/geometry';
import type { ContentElement } from './elements';

/** The script's content with its times in seconds from the start. */
export function scriptContent(c: MessageContentSpec): MessageContent {
  const { time, ...rest } = c;
  if (!time) return { ...rest };
  return {
    ...rest,
    time: { ...(time.from !== undefined ? { from: parseTime(time.from) } : {}), ...(time.until !== undefined ? { until: parseTime(time.until) } : {}) },
  };
}

export interface Sender {
  spec: UnitSpec;
  motion: Motion | undefined;
  /** The scenario's areas, to find the one the sender declared. */
  areas: readonly Area[];
  now: number;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** One element from the sender's data, or undefined when it has none to give (no activity, no area). */
function element(e: ContentElement, s: Sender): Partial<MessageContent> {
  switch (e) {
    case 'identity':
      return { identity: s.spec.callSigns[0] ?? s.spec.name };
    case 'position':
    case 'courseSpeed': {
      if (!s.motion) return {};
      const k = kinematicsAt(s.motion, s.now);
      return e === 'position'
        ? { position: { lat: round(k.lat, 4), lon: round(k.lon, 4) } }
        : { courseSpeed: { courseDeg: Math.round(k.headingDeg), speedKt: round(k.speedKt, 1) } };
    }
    case 'intention':
      return s.spec.activity ? { intention: s.spec.activity.toUpperCase() } : {};
    case 'area':
    case 'time': {
      const a = s.areas.find((x) => x.declaredBy === s.spec.id && (inForceAt(x, s.now) || x.fromS > s.now));
      if (!a) return {};
      return e === 'area' ? { area: a.id } : { time: { from: a.fromS, ...(Number.isFinite(a.untilS) ? { until: a.untilS } : {}) } };
    }
    // A request or a warning is the rule's words, not the unit's data.
    case 'request':
    case 'warning':
      return {};
  }
}

/** The content a message carries: the script's, then each element the rule asks for that the unit can give. */
export function contentOf(given: MessageContent | undefined, states: readonly ContentElement[] | undefined, s: Sender): MessageContent | undefined {
  if (!given && !states?.length) return undefined;
  let out: MessageContent = { ...given };
  for (const e of states ?? []) out = { ...out, ...element(e, s) };
  return out;
}
