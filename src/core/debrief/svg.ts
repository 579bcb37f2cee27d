/**
 * Pictures for the debrief as inline SVG: the plot at one moment of the replay (units, their
 * recent tracks, radar held on a unit, and the calls in the air), and the message sequence chart.
 * Every piece of scenario text goes through `esc`.
 */
import type { Analysis } from '../analysis/report';
import type { Frame, UnitFrame } from '../replay/replay';
import type { Stage } from '../log';
import { clockTime } from '../format/clock';
import { isAirborne, traitsOf } from '../kinds';
import { areasOf } from '../areas/areas';
import { inForceAt, labelPoint, outline } from '../areas/geometry';
import { t, type Lang } from '../../i18n';
import { stageWord } from './words';

export function esc(s: unknown): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export const NATION_INK: Record<string, string> = { JP: '#1f5fd6', KR: '#d0342c', KP: '#5f6e5b', US: '#1b8fbf', CN: '#c77a12', OTHER: '#6b6b6b' };
export const nationInk = (n: string) => NATION_INK[n] ?? NATION_INK['OTHER']!;
export const OK_INK = '#2e7d32';
export const FAIL_INK = '#c62828';
export const WARN_INK = '#b26a00';

const f1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const KM_PER_DEG = 111.32;

const DELIVERY: readonly Stage[] = ['transmitted', 'in-range', 'receivable', 'heard', 'understood'];
/** The call itself did not get through (it died before anyone could answer). */
export const lost = (failedAt: Stage | null) => failedAt !== null && DELIVERY.includes(failedAt);

export interface PlotOptions {
  width?: number;
  height?: number;
  /** Units to leave off the map (headquarters ashore are hundreds of km away). */
  omit?: (u: UnitFrame) => boolean;
  title?: string;
  /** Prefix for ids inside the SVG, so several plots can share a page. */
  id?: string;
  /** The reader's language for the labels; call texts stay English. */
  lang?: Lang;
}

/** ✓ with the stage a call reached, or ✗ with the one it stopped at. */
const mark = (lang: Lang, o: { failedAt: Stage | null; reached: Stage | null }) =>
  o.failedAt === null ? `✓ ${stageWord(lang, o.reached)}` : `✗ ${stageWord(lang, o.failedAt)}`;

/** The plot at one moment: equirectangular projection around the units on scene. */
export function plotSvg(a: Analysis, frame: Frame, opts: PlotOptions = {}): string {
  const W = opts.width ?? 420;
  const H = opts.height ?? 320;
  const omit = opts.omit ?? ((u: UnitFrame) => !traitsOf(u.spec).onPlot);
  const id = opts.id ?? 'plot';
  const lang = opts.lang ?? 'en';
  const units = frame.units.filter((u) => !omit(u));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(opts.title ?? t(lang, 'debrief.svg.plot-at', { s: frame.t }))}" class="plot">`,
  );
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#eaf2f8"/>`);
  if (units.length === 0) {
    out.push(`<text x="${W / 2}" y="${H / 2}" text-anchor="middle" class="muted">${esc(t(lang, 'debrief.svg.no-unit'))}</text></svg>`);
    return out.join('');
  }
  // Bounds: the units and their recent tracks, with room for labels; at least 3 km across.
  const pts = units.flatMap((u) => [{ lat: u.lat, lon: u.lon }, ...u.trail]);
  const lat0 = (Math.min(...pts.map((p) => p.lat)) + Math.max(...pts.map((p) => p.lat))) / 2;
  const lon0 = (Math.min(...pts.map((p) => p.lon)) + Math.max(...pts.map((p) => p.lon))) / 2;
  const cos = Math.cos((lat0 * Math.PI) / 180);
  const km = (p: { lat: number; lon: number }) => ({ x: (p.lon - lon0) * cos * KM_PER_DEG, y: (p.lat - lat0) * KM_PER_DEG });
  const kms = pts.map(km);
  const spanX = Math.max(3, Math.max(...kms.map((p) => Math.abs(p.x))) * 2 * 1.35);
  const spanY = Math.max(3, Math.max(...kms.map((p) => Math.abs(p.y))) * 2 * 1.35);
  const margin = 18;
  const scale = Math.min((W - 2 * margin) / spanX, (H - 2 * margin - 14) / spanY); // px per km
  const proj = (p: { lat: number; lon: number }) => {
    const k = km(p);
    return { x: W / 2 + k.x * scale, y: (H - 14) / 2 - k.y * scale };
  };

  // Scale bar and north.
  const bar = niceKm((W - 2 * margin) / scale / 5);
  out.push(
    `<g class="scale"><line x1="12" y1="${H - 12}" x2="${12 + bar * scale}" y2="${H - 12}" stroke="#334" stroke-width="2"/><text x="12" y="${H - 16}">${bar >= 1 ? `${bar} km` : `${bar * 1000} m`}</text></g>`,
  );
  out.push(`<g class="north"><path d="M${W - 18},12 l5,12 l-5,-3 l-5,3 z" fill="#334"/><text x="${W - 18}" y="36" text-anchor="middle">N</text></g>`);

  const pos = new Map(units.map((u) => [u.spec.id, proj(u)]));
  // Labels go where they fit and cover no other label or unit: units first, then calls, then radars.
  type Box = { x: number; y: number; w: number; h: number };
  const boxes: Box[] = units.map((u) => ({ x: pos.get(u.spec.id)!.x - 6, y: pos.get(u.spec.id)!.y - 9, w: 12, h: 18 }));
  boxes.push({ x: W - 30, y: 4, w: 26, h: 36 }, { x: 8, y: H - 30, w: bar * scale + 24, h: 28 }); // north arrow, scale bar
  const free = (b: Box) =>
    b.x >= 2 &&
    b.x + b.w <= W - 2 &&
    b.y >= 2 &&
    b.y + b.h <= H - 16 &&
    !boxes.some((o) => b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h);
  const labels: string[] = [];
  const notes: string[] = [];
  /** Places a label at the first free spot near the anchors; a note under the map when there is none. */
  const place = (anchors: { x: number; y: number }[], text: string, cls: string, fill: string, size: number): void => {
    const w = Math.min(W - 8, text.length * size * 0.62 + 4);
    const h = size + 3;
    for (const dy of [0, 14, -14, 28, -28, 42, -42]) {
      for (const a of anchors) {
        for (const b of [
          { x: a.x + 10, y: a.y - h + 4 + dy, w, h },
          { x: a.x - 10 - w, y: a.y - h + 4 + dy, w, h },
          { x: a.x - w / 2, y: a.y - h - 4 + dy, w, h },
        ]) {
          if (!free(b)) continue;
          boxes.push(b);
          labels.push(`<text x="${f1(b.x)}" y="${f1(b.y + size)}" class="${cls}" fill="${fill}">${esc(text)}</text>`);
          return;
        }
      }
    }
    notes.push(`<tspan fill="${fill}">${esc(text)}</tspan>`);
  };
  // Areas in force at this moment, under everything else, labelled after the units.
  const areaLabels: { at: { x: number; y: number }; text: string; ink: string }[] = [];
  for (const area of areasOf(a.run.scenario.spec)) {
    if (!inForceAt(area, frame.t)) continue;
    const ink = nationInk(area.whose ?? 'OTHER');
    const ring = outline(area.shape).map(proj);
    out.push(
      `<polygon points="${ring.map((p) => `${f1(p.x)},${f1(p.y)}`).join(' ')}" fill="${ink}" fill-opacity="0.06" stroke="${ink}" stroke-opacity="0.6" stroke-width="1.2" class="area"/>`,
    );
    areaLabels.push({
      at: proj(labelPoint(area.shape)),
      text: t(lang, 'debrief.svg.area', { name: area.name, kind: t(lang, `debrief.area-kind.${area.kind}`) }),
      ink,
    });
  }
  // Tracks over the last minutes.
  for (const u of units) {
    if (u.trail.length < 1) continue;
    const line = [...u.trail.map(proj), proj(u)].map((p) => `${f1(p.x)},${f1(p.y)}`).join(' ');
    out.push(`<polyline points="${line}" fill="none" stroke="${nationInk(u.spec.nation)}" stroke-opacity="0.45" stroke-width="1.5" stroke-dasharray="3 2"/>`);
  }
  // Radars held on a unit, and trackers pointed without transmitting.
  const beams: { at: { x: number; y: number }[]; text: string }[] = [];
  for (const u of units) {
    for (const em of u.emitters) {
      if (!em.target || (em.mode !== 'track' && em.mode !== 'slewed')) continue;
      const from = pos.get(u.spec.id);
      const to = pos.get(em.target);
      if (!from || !to) continue;
      const track = em.mode === 'track';
      out.push(
        `<line x1="${f1(from.x)}" y1="${f1(from.y)}" x2="${f1(to.x)}" y2="${f1(to.y)}" stroke="${track ? '#e65100' : '#8a939c'}" stroke-width="${track ? 3 : 1.5}" stroke-dasharray="${track ? '8 3' : '2 3'}" opacity="0.85"/>`,
      );
      const emName = u.spec.emitters.find((e) => e.id === em.id)?.name ?? em.id;
      const along = (f: number) => ({ x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f });
      beams.push({
        at: [along(0.3), along(0.5), along(0.7)],
        text: t(lang, track ? 'debrief.svg.beam.track' : 'debrief.svg.beam.slewed', { emitter: emName }),
      });
    }
  }
  // Calls in the air: one line per recipient on the map, green if it got as far as needed.
  const calls: { at: { x: number; y: number }[]; text: string; ink: string }[] = [];
  for (const tf of frame.transmissions) {
    const from = pos.get(tf.tx.from);
    if (!from) continue;
    for (const o of tf.outcomes) {
      const to = pos.get(o.unit);
      if (!to) continue;
      const ok = o.failedAt === null;
      const ink = ok ? OK_INK : lost(o.failedAt) ? FAIL_INK : WARN_INK;
      out.push(
        `<line x1="${f1(from.x)}" y1="${f1(from.y)}" x2="${f1(to.x)}" y2="${f1(to.y)}" stroke="${ink}" stroke-width="2"${ok ? '' : ' stroke-dasharray="6 4"'} marker-end="url(#${id}-${ok ? 'ok' : 'fail'})"/>`,
      );
      const along = (f: number) => ({ x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f });
      calls.push({ at: [along(0.5), along(0.35), along(0.65)], text: `${tf.tx.channel} ${mark(lang, o)}`, ink });
    }
  }
  // Units on top of the lines.
  const order = [...units].sort((p, q) => pos.get(p.spec.id)!.y - pos.get(q.spec.id)!.y || pos.get(p.spec.id)!.x - pos.get(q.spec.id)!.x);
  for (const u of order) {
    const p = pos.get(u.spec.id)!;
    const ink = nationInk(u.spec.nation);
    const h = u.headingDeg;
    switch (u.spec.kind) {
      case 'aircraft':
        out.push(
          `<path d="M0,-9 L6,7 L0,3 L-6,7 Z" transform="translate(${f1(p.x)} ${f1(p.y)}) rotate(${f1(h)})" fill="${ink}" stroke="#fff" stroke-width="1"/>`,
        );
        break;
      case 'vessel':
        out.push(`<rect x="${f1(p.x - 4)}" y="${f1(p.y - 4)}" width="8" height="8" fill="${ink}" stroke="#fff" stroke-width="1"/>`);
        break;
      case 'ship':
      case 'headquarters':
        out.push(
          `<path d="M0,-9 L5,-2 L5,8 L-5,8 L-5,-2 Z" transform="translate(${f1(p.x)} ${f1(p.y)}) rotate(${f1(h)})" fill="${ink}" stroke="#fff" stroke-width="1"/>`,
        );
        break;
    }
  }
  for (const u of order)
    place([pos.get(u.spec.id)!], `${u.spec.name}${isAirborne(u.spec) ? ` · ${Math.round(u.altM)} m` : ''}`, 'unit', nationInk(u.spec.nation), 12);
  for (const c of calls) place(c.at, c.text, 'call', c.ink, 11);
  for (const b of beams) place(b.at, b.text, 'beam', '#8a4b00', 11);
  for (const l of areaLabels) place([l.at], l.text, 'area', l.ink, 10);
  out.push(...labels);
  if (notes.length) out.push(`<text x="${W - 8}" y="${H - 8}" text-anchor="end" class="call">${notes.join('<tspan> · </tspan>')}</text>`);
  out.push(
    `<defs><marker id="${id}-ok" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${OK_INK}"/></marker><marker id="${id}-fail" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${FAIL_INK}"/></marker></defs>`,
  );
  out.push('</svg>');
  return out.join('');
}

function niceKm(x: number): number {
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500];
  return steps.reduce((best, s) => (Math.abs(s - x) < Math.abs(best - x) ? s : best), steps[0]!);
}

/** The message sequence chart: one lifeline per unit that sent or was sent a message, one row per message and recipient. */
export function sequenceSvg(a: Analysis, opts: { lang?: Lang } = {}): string {
  const lang = opts.lang ?? 'en';
  const { run } = a;
  const involved = new Set<string>();
  for (const tx of run.transmissions) {
    involved.add(tx.from);
    for (const r of tx.recipients) involved.add(r);
  }
  const people = run.scenario.units.filter((u) => involved.has(u.id));
  const byTx = new Map<string, typeof a.outcomes>();
  for (const o of a.outcomes) byTx.set(o.tx.id, [...(byTx.get(o.tx.id) ?? []), o]);
  type Row = { tx: (typeof run.transmissions)[number]; o: (typeof a.outcomes)[number] | null };
  const rows = run.transmissions.flatMap((tx): Row[] => {
    const outs = byTx.get(tx.id) ?? [];
    return outs.length ? outs.map((o) => ({ tx, o })) : [{ tx, o: null }];
  });
  const COL = 180;
  const LEFT = 76;
  const TOP = 54;
  const ROW = 36;
  const W = LEFT + Math.max(1, people.length) * COL;
  const H = TOP + Math.max(1, rows.length) * ROW + 16;
  const x = (id: string) => LEFT + COL / 2 + people.findIndex((u) => u.id === id) * COL;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(t(lang, 'debrief.svg.sequence'))}" class="sequence">`,
  );
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#fbfcfd"/>`);
  for (const u of people) {
    const cx = x(u.id);
    out.push(`<line x1="${cx}" y1="${TOP - 8}" x2="${cx}" y2="${H - 8}" stroke="#b8c2cc" stroke-width="1.5"/>`);
    out.push(`<rect x="${cx - COL / 2 + 8}" y="8" width="${COL - 16}" height="30" rx="4" fill="#fff" stroke="${nationInk(u.nation)}" stroke-width="1.5"/>`);
    out.push(`<text x="${cx}" y="27" text-anchor="middle" class="who" fill="${nationInk(u.nation)}">${esc(clip(u.name, Math.floor((COL - 28) / 7.4)))}</text>`);
  }
  if (rows.length === 0) out.push(`<text x="${W / 2}" y="${TOP + 20}" text-anchor="middle" class="muted">${esc(t(lang, 'debrief.svg.no-message'))}</text>`);
  rows.forEach(({ tx, o }, i) => {
    const y = TOP + i * ROW + ROW / 2 + 6;
    out.push(`<text x="6" y="${y + 4}" class="time">${esc(clockTime(run.scenario.spec.start, tx.t))}</text>`);
    const x1 = x(tx.from);
    if (!o) {
      out.push(
        `<text x="${x1 + 8}" y="${y}" class="muted">${esc(t(lang, 'debrief.svg.no-outcome', { tx: tx.id, channel: tx.channel, kind: tx.kind, to: tx.to === 'all' ? t(lang, 'debrief.all-stations') : tx.to }))}</text>`,
      );
      return;
    }
    const x2 = x(o.unit);
    const ok = o.failedAt === null;
    const died = lost(o.failedAt);
    const ink = ok ? OK_INK : died ? FAIL_INK : WARN_INK;
    const end = died ? x1 + (x2 - x1) * 0.62 : x2 + (x2 > x1 ? -4 : 4);
    out.push(
      `<line x1="${x1}" y1="${y}" x2="${f1(end)}" y2="${y}" stroke="${ink}" stroke-width="2"${died ? ' stroke-dasharray="6 4"' : ` marker-end="url(#seq-${ok ? 'ok' : 'warn'})"`}/>`,
    );
    if (died) out.push(`<text x="${f1(end)}" y="${y + 5}" text-anchor="middle" class="cross" fill="${FAIL_INK}">✗</text>`);
    const label = `${tx.id} · ${tx.channel} · ${tx.kind}${tx.attempt > 1 ? ` #${tx.attempt}` : ''} — ${mark(lang, o)}${o.heardAs ? t(lang, 'debrief.heard-as', { text: o.heardAs }) : ''}`;
    // Left-aligned from the leftmost lifeline of the two; long labels may run on past the next one.
    const lx = Math.min(x1, x2) + 8;
    out.push(`<text x="${f1(lx)}" y="${y - 6}" class="msg" fill="${ink}">${esc(clip(label, Math.max(30, Math.floor((W - lx - 8) / 6.2))))}</text>`);
  });
  out.push(
    `<defs><marker id="seq-ok" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${OK_INK}"/></marker><marker id="seq-warn" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${WARN_INK}"/></marker></defs>`,
  );
  out.push('</svg>');
  return out.join('');
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
