/**
 * The unit inspector as data: a stable colour per state name, the line under a unit's name, the
 * overview's cells for a unit, and a radio set's row. Pure: ./inspector.ts puts it on screen.
 */
import type { UnitFrame } from '../../core/replay/replay';
import { t, tOr, type Lang } from '../../i18n';

/** A stable colour per state name, so "threatened" looks the same in every strip. */
export function stateHue(state: string): number {
  let x = 0;
  for (const c of state) x = (x * 31 + c.charCodeAt(0)) >>> 0;
  return x % 360;
}

/** Nation, kind, hull number and call sign, as far as the scenario gives them. */
export function unitSubtitle(spec: { nation: string; kind: string; hull?: string | undefined; callSigns: readonly string[] }, lang: Lang = 'en'): string {
  // The call sign is what the unit says on the air: as it is.
  return [
    spec.nation,
    // A kind the catalogs know in the reader's language; another (a file's own) as written.
    tOr(lang, `app-tools.kind.${spec.kind}`, spec.kind),
    spec.hull ? t(lang, 'app.insp.hull', { hull: spec.hull }) : '',
    spec.callSigns.length ? t(lang, 'app.insp.calls-itself', { call: spec.callSigns[0]! }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A unit's line in the overview; `sig` changes exactly when a cell does. */
export function overviewCells(u: UnitFrame): { posture: string; comms: string; radars: string; tracking: boolean; sig: string } {
  const active = u.emitters.filter((e) => e.mode !== 'off');
  const radars = active.map((e) => `${e.id} ${e.mode}`).join(', ') || '—';
  return {
    posture: u.state.posture || '—',
    comms: u.state.comms || '—',
    radars,
    tracking: active.some((e) => e.mode === 'track'),
    sig: `${u.state.posture}\u0000${u.state.comms}\u0000${radars}`,
  };
}

/** A radio set's row: powered, what it is tuned to, whether it is monitored. */
export function setRow(set: UnitFrame['sets'][number], lang: Lang = 'en') {
  return {
    /** The cell's class (colour), whatever the language. */
    powerClass: set.powered ? 'on' : 'off',
    power: t(lang, set.powered ? 'app.on' : 'app.off'),
    tuned: set.tuned.join(' + ') || t(lang, 'app.nothing'),
    monitored: t(lang, set.monitored ? 'app.yes' : 'app.no'),
  };
}

/** What the detail shows depends on these only: redrawn when they change. */
export function signature(u: UnitFrame, beliefs: number): string {
  return JSON.stringify([u.state, u.sets, u.emitters, beliefs]);
}
