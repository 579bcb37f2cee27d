/**
 * The units the plot draws at a frame's time: an aircraft before its take-off or after its
 * landing is on a deck or an airfield, not in the scene (core/scenario/presence.ts).
 */
import type { Frame } from '../../core/replay/replay';
import { presentAt } from '../../core/scenario/presence';

export function onScene(frame: Frame): Frame {
  const units = frame.units.filter((u) => presentAt(u.spec, frame.t));
  return units.length === frame.units.length ? frame : { ...frame, units };
}
