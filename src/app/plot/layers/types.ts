import type { Frame } from '../../../core/replay/replay';
import type { Analysis } from '../../../core/analysis/report';
import type { Camera, MapProjection } from '../projection';
import type { Placer, Rect } from '../labels';
import type { Lang } from '../../../i18n';
import type { TransmissionLayout } from '../geometry/call';

export type { Placed } from '../geometry/units';
import type { Placed } from '../geometry/units';
import type { PlotDetail } from '../geometry/detail';

/**
 * More units than this on screen make a crowded frame (a generated exercise of a thousand units):
 * labels go only where they are free, radar sweeps are drawn plainer. No shipped scenario comes
 * near it, so they look exactly as designed.
 */
export const CROWDED_UNITS = 150;

/** What the layers need for one render. */
export interface DrawState {
  cam: Camera;
  proj: MapProjection;
  analysis: Analysis;
  frame: Frame;
  t: number;
  /** Real time in ms (performance.now) for purely visual animation. */
  now: number;
  placed: Map<string, Placed>;
  selected: ReadonlySet<string>;
  showHorizons: boolean;
  /** The two units measured against each other (range, bearing, CPA); null: none. */
  measure: readonly [string, string] | null;
  /** The reader's language for the plot's words (call texts stay English). */
  lang: Lang;
  /** Per-scenario lookups built once per analysis. */
  index: ScenarioIndex;
  /** Label placement for this frame: symbols and HUD areas are taken first. */
  placer: Placer;
  /** Screen areas the HUD covers (scale bar, inset, legend): markers and labels keep out. */
  keepOut: Rect[];
  /** More than CROWDED_UNITS units on screen (set once the units are placed). */
  crowded: boolean;
  /** The call of the selected breakdown (`${tx}/${unit}`), drawn bright and labelled first; null when none. */
  selectedCall: string | null;
  /** The level of detail (geometry/detail.ts), decided once the units are placed. */
  detail: PlotDetail;
  /** The frame's radio calls, laid out (geometry/call.ts), once the units are placed. */
  calls: TransmissionLayout<Placed>[];
}

export interface ScenarioIndex {
  /** Time of the reception entry for `${tx}/${unit}`. */
  receptionAt: Map<string, number>;
  /** Link id → kind (satellite, fleet-net …). */
  linkKinds: Map<string, string>;
  linkNames: Map<string, string>;
  /** Channels used by the run's transmissions, in first-use order. */
  channelsUsed: string[];
  /** `${unit}/${emitter}` → display name. */
  emitterNames: Map<string, string>;
}
