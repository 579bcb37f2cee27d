/**
 * Transmissions as they happen: a ring spreading from the originator in the channel's colour, and
 * to each intended recipient a line showing how far up the delivery ladder the message got —
 * solid to the recipient when understood, or cut short at an ✗ where it broke down, labelled with
 * the stage (and what was heard, when it was misheard).
 */
import { Container, Graphics } from 'pixi.js';
import { LabelPool, type Spot } from '../labels';
import { arrowHead, crossPath, dashedPath } from '../draw';
import { FAIL, INK, channelColour, unitShort } from '../style';
import { LADDER, stageIndex, type Stage } from '../../../core/log';
import type { Outcome } from '../../../core/analysis/outcomes';
import type { DrawState, Placed } from './types';

/** How long (sim s) the ring takes to spread and fade: about the time a call takes to say. */
const RING_S = 12;
/** Transmissions older than this fade out over their last FADE_S. */
export const RECENT_S = 60;
const FADE_S = 12;
/** Where each ladder stage sits along the line, 0 = originator, 1 = recipient. */
const UNDERSTOOD = stageIndex('understood');

/** Lines leaving one originator closer than this (radians) share a direction and get lanes. */
const LANE_ANGLE = 0.35;
/**
 * Directions already used, binned by angle (a call to all stations sends a line to every unit):
 * lines within LANE_ANGLE of a direction lie in its bin or the two either side.
 */
const LANE_BINS = Math.ceil((2 * Math.PI) / LANE_ANGLE);

/** How many earlier lines leave within LANE_ANGLE of `angle`; records `angle`. */
function laneOf(bins: number[][], angle: number): number {
  const b = Math.min(LANE_BINS - 1, Math.max(0, Math.floor((angle + Math.PI) / LANE_ANGLE)));
  let n = 0;
  for (let d = -2; d <= 2; d++) {
    for (const a of bins[(b + d + LANE_BINS) % LANE_BINS]!) if (Math.abs(Math.atan2(Math.sin(a - angle), Math.cos(a - angle))) < LANE_ANGLE) n++;
  }
  bins[b]!.push(angle);
  return n;
}

function stagePos(s: Stage): number {
  return Math.min(1, stageIndex(s) / UNDERSTOOD);
}

const KIND_WORDS: Record<string, string> = {
  hail: 'call',
  reply: 'reply',
  'say-again': 'say again',
  announce: 'announcement',
  report: 'report',
  'hq-contact': 'HQ contact',
  relay: 'relay',
};

const LINK_WORDS: Record<string, string> = {
  satellite: 'satellite',
  'fleet-net': 'fleet net',
  hotline: 'hotline',
  landline: 'landline',
};

export class TransmissionsLayer {
  readonly lines = new Graphics();
  readonly labelsContainer = new Container();
  private readonly labels: LabelPool;
  private readonly whyCache = new WeakMap<Outcome, string>();

  constructor(lineParent: Container, labelParent: Container) {
    lineParent.addChild(this.lines);
    labelParent.addChild(this.labelsContainer);
    this.labels = new LabelPool(this.labelsContainer, 11);
  }

  draw(s: DrawState): void {
    const g = this.lines.clear();
    this.labels.begin();
    /** Directions (screen radians) already used by lines from each originator, for parallel lanes. */
    const lanes = new Map<string, number[][]>();
    const specs = s.analysis.run.scenario.units;

    for (const tf of s.frame.transmissions) {
      const tx = tf.tx;
      const from = s.placed.get(tx.from);
      if (!from) continue;
      const colour = channelColour(tx.channel, s.index.linkKinds.get(tx.channel));
      const age = tf.ageS;
      const fade = age > RECENT_S - FADE_S ? Math.max(0, (RECENT_S - age) / FADE_S) : 1;
      if (fade <= 0) continue;

      // The ring: spreads over RING_S seconds of scenario time (frozen when paused, like everything else).
      if (age < RING_S && from.visible) {
        for (const lag of [0, 4]) {
          const a = age - lag;
          if (a < 0) continue;
          const f = a / RING_S;
          const r = from.r + 6 + f * 110;
          g.circle(from.x, from.y, r).stroke({ color: colour, width: 2.5 * (1 - f) + 0.6, alpha: 0.9 * (1 - f) * (1 - f) + 0.05 });
        }
      }

      const kind = KIND_WORDS[tx.kind] ?? tx.kind;
      // A call to all stations has a recipient per unit: look outcomes up, not through the list.
      const outcomeOf = new Map<string, Outcome>();
      for (const x of tf.outcomes) if (!outcomeOf.has(x.unit)) outcomeOf.set(x.unit, x);
      const attempt = tx.attempt > 1 ? ` #${tx.attempt}` : '';
      for (const unit of tx.recipients) {
        const to = s.placed.get(unit);
        if (!to) continue;
        // Lines leaving one originator in nearly the same direction (repeated calls, a satellite
        // report towards a headquarters that lies beyond the ship) get parallel lanes.
        const angle = Math.atan2(to.y - from.y, to.x - from.x);
        let used = lanes.get(tx.from);
        if (!used) {
          used = Array.from({ length: LANE_BINS }, () => []);
          lanes.set(tx.from, used);
        }
        const lane = laneOf(used, angle);
        const o = outcomeOf.get(unit);
        // Radio calls are named by frequency; other links by what they are ("satellite report").
        const linkKind = s.index.linkKinds.get(tx.channel);
        const via = linkKind ? (LINK_WORDS[linkKind] ?? tx.channel) : tx.channel;
        const head = `${via} ${kind}${attempt} → ${unitShort(to.unit.spec)}`;
        this.drawRecipient(s, g, from, to, lane, colour, fade, head, o, s.index.receptionAt.get(`${tx.id}/${unit}`), specs, `${tx.id}/${unit}`);
      }
    }
    this.labels.end();
  }

  private drawRecipient(
    s: DrawState,
    g: Graphics,
    from: Placed,
    to: Placed,
    lane: number,
    colour: number,
    fade: number,
    head: string,
    o: Outcome | undefined,
    receivedAt: number | undefined,
    specs: DrawState['analysis']['run']['scenario']['units'],
    key: string,
  ): void {
    let dx = to.x - from.x;
    let dy = to.y - from.y;
    const dist = Math.hypot(dx, dy) || 1;
    const ux = dx / dist;
    const uy = dy / dist;
    // Left of originator → recipient; parallel lanes keep repeated calls (and radar beams) apart.
    const nx = uy;
    const ny = -ux;
    const off = 7 + 10 * lane;
    const x0 = from.x + ux * (from.r + 3) + nx * off;
    const y0 = from.y + uy * (from.r + 3) + ny * off;
    // A recipient off-screen (a headquarters far away) gets a short arrow pointing its way.
    const far = !to.visible;
    const reach = far ? Math.min(150, dist) : dist - from.r - to.r - 9;
    const x1 = x0 + ux * Math.max(reach, 10);
    const y1 = y0 + uy * Math.max(reach, 10);
    dx = x1 - x0;
    dy = y1 - y0;
    const at = (f: number) => [x0 + dx * f, y0 + dy * f] as const;

    let status: string;
    let statusTint = INK;
    let labelF = 0.5;
    const t = s.t;
    if (!o || receivedAt === undefined || t < receivedAt) {
      // In the air: no verdict yet.
      dashedPath(g, x0, y0, x1, y1, 5, 5, -t * 12);
      g.stroke({ color: colour, width: 1.6, alpha: 0.8 * fade });
      status = receivedAt === undefined ? 'no verdict recorded' : 'in the air…';
    } else if (t < o.settledAt && !o.ladder.failedAt) {
      g.moveTo(x0, y0)
        .lineTo(x1, y1)
        .stroke({ color: colour, width: 2, alpha: 0.9 * fade });
      arrowHead(g, x1, y1, ux, uy, 8);
      g.fill({ color: colour, alpha: 0.9 * fade });
      status = `✓ ${o.ladder.reached ?? 'understood'}, awaiting reply`;
    } else if (!o.failedAt) {
      g.moveTo(x0, y0)
        .lineTo(x1, y1)
        .stroke({ color: colour, width: 2.4, alpha: 0.95 * fade });
      arrowHead(g, x1, y1, ux, uy, 9);
      g.fill({ color: colour, alpha: 0.95 * fade });
      status = `✓ ${o.reached ?? 'understood'}`;
    } else {
      const f = far ? 1 : stagePos(o.failedAt);
      const [cx, cy] = at(f);
      if (f > 0)
        g.moveTo(x0, y0)
          .lineTo(cx, cy)
          .stroke({ color: colour, width: 2.4, alpha: 0.95 * fade });
      if (f < 1) {
        // The rest of the way, faint: whom it was meant for.
        dashedPath(g, cx, cy, x1, y1, 2, 5);
        g.stroke({ color: colour, width: 1, alpha: 0.35 * fade });
      }
      // Ladder rungs passed, as small ticks.
      for (let i = 1; i < UNDERSTOOD && !far; i++) {
        const fi = i / UNDERSTOOD;
        if (fi >= f) break;
        const [tx, ty] = at(fi);
        g.moveTo(tx - nx * 4, ty - ny * 4).lineTo(tx + nx * 4, ty + ny * 4);
      }
      g.stroke({ color: colour, width: 1.5, alpha: 0.8 * fade });
      crossPath(g, cx, cy, 6);
      g.stroke({ color: 0x0a1118, width: 6, alpha: 0.7 * fade, cap: 'round' });
      crossPath(g, cx, cy, 6);
      g.stroke({ color: FAIL, width: 3, alpha: fade, cap: 'round' });
      status = `✗ ${o.failedAt}: ${this.why(o, specs)}`;
      statusTint = FAIL;
      labelF = f;
    }

    // Label beside the line: what was sent, then how far it got. Tried first on the lane's side.
    const spots: Spot[] = [];
    for (const dist of [10, 28, 48]) {
      for (const df of [0, 0.12, -0.12, 0.25, -0.25, 0.4, -0.4]) {
        const f = Math.min(1, Math.max(0, labelF + df));
        const [bx, by] = at(f);
        for (const side of [1, -1]) {
          const sx = nx * side;
          const sy = ny * side;
          spots.push({ x: bx + sx * dist, y: by + sy * dist, ax: sx < -0.3 ? 1 : sx > 0.3 ? 0 : 0.5, ay: sy < -0.3 ? 1 : sy > 0.3 ? 0 : 0.5 });
        }
      }
    }
    this.labels.block(
      [
        { text: head, tint: colour, size: 11, bold: true },
        { text: status, tint: statusTint, size: 11 },
      ],
      spots,
      s.placer,
      fade,
      key,
    );
  }

  /** The cause in a few words: what was heard, or the first clause of the ladder's cause. */
  private why(o: Outcome, specs: DrawState['analysis']['run']['scenario']['units']): string {
    // Outcomes do not change once analysed: each is worded once (a scan of every unit's id).
    let w = this.whyCache.get(o);
    if (w === undefined) {
      w = this.wordWhy(o, specs);
      this.whyCache.set(o, w);
    }
    return w;
  }

  private wordWhy(o: Outcome, specs: DrawState['analysis']['run']['scenario']['units']): string {
    if (o.failedAt === 'understood' && o.heardAs) return `heard as "${o.heardAs}"`;
    let c = (o.cause ?? '').split(/: |; /)[0] ?? '';
    for (const sp of specs) c = c.replace(new RegExp(`\\b${sp.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'), unitShort(sp));
    if (c.length > 46) c = `${c.slice(0, 44)}…`;
    return c || LADDER[stageIndex(o.failedAt)] || '';
  }
}
