/**
 * Transmissions as they happen: a ring spreading from the originator in the channel's colour, and
 * to each intended recipient a line showing how far up the delivery ladder the message got —
 * solid to the recipient when understood, or cut short at an ✗ where it broke down, labelled with
 * the stage (and what was heard, when it was misheard). Where each line, lane, ✗ and label spot
 * goes is worked out in geometry/call.ts; this layer draws it and words the labels.
 */
import { Container, Graphics } from 'pixi.js';
import { LabelPool } from '../labels';
import { arrowHead, crossPath, dashedPath } from '../draw';
import { FAIL, INK, channelColour, unitShort } from '../style';
import { LADDER, stageIndex } from '../../../core/log';
import type { Outcome } from '../../../core/analysis/outcomes';
import { callLabelSpots, layoutTransmissions, type CallLayout, type TransmissionLayout } from '../geometry/call';
import type { DrawState, Placed } from './types';

export { RECENT_S } from '../geometry/call';

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

  /** The calls of the last scene, as laid out (the plot's debug hook reports them). */
  laidOut: TransmissionLayout<Placed>[] = [];

  draw(s: DrawState): void {
    const g = this.lines.clear();
    this.labels.begin();
    this.laidOut = layoutTransmissions(s.frame.transmissions, s.placed, s.t, s.index.receptionAt);
    for (const tl of this.laidOut) {
      const tx = tl.tf.tx;
      const colour = channelColour(tx.channel, s.index.linkKinds.get(tx.channel));
      // The ring: spreads over RING_S seconds of scenario time (frozen when paused, like everything else).
      for (const ring of tl.rings) g.circle(ring.x, ring.y, ring.r).stroke({ color: colour, width: ring.width, alpha: ring.alpha });
      const kind = KIND_WORDS[tx.kind] ?? tx.kind;
      const attempt = tx.attempt > 1 ? ` #${tx.attempt}` : '';
      // Radio calls are named by frequency; other links by what they are ("satellite report").
      const linkKind = s.index.linkKinds.get(tx.channel);
      const via = linkKind ? (LINK_WORDS[linkKind] ?? tx.channel) : tx.channel;
      for (const call of tl.calls) {
        const head = `${via} ${kind}${attempt} → ${unitShort(call.to.unit.spec)}`;
        const status = this.drawCall(g, call, colour, tl.fade, s.t, s.analysis.run.scenario.units);
        // Label beside the line: what was sent, then how far it got. Tried first on the lane's side.
        this.labels.block(
          [
            { text: head, tint: colour, size: 11, bold: true },
            { text: status.text, tint: status.tint, size: 11 },
          ],
          callLabelSpots(call.line, call.marks.labelF),
          s.placer,
          tl.fade,
          call.key,
        );
      }
    }
    this.labels.end();
  }

  /** Draws one call's line and marks; returns its status line. */
  private drawCall(
    g: Graphics,
    call: CallLayout<Placed>,
    colour: number,
    fade: number,
    t: number,
    specs: DrawState['analysis']['run']['scenario']['units'],
  ): { text: string; tint: number } {
    const { line, verdict, marks } = call;
    const { x0, y0, x1, y1, ux, uy } = line;
    switch (verdict.kind) {
      case 'in-air':
        // In the air: no verdict yet.
        dashedPath(g, x0, y0, x1, y1, 5, 5, -t * 12);
        g.stroke({ color: colour, width: 1.6, alpha: 0.8 * fade });
        return { text: verdict.recorded ? 'in the air…' : 'no verdict recorded', tint: INK };
      case 'awaiting':
        // Through, a reply still to come: a lighter arrow.
        solidArrow(g, x0, y0, x1, y1, ux, uy, { colour, width: 2, head: 8, alpha: 0.9 * fade });
        return { text: `✓ ${verdict.reached ?? 'understood'}, awaiting reply`, tint: INK };
      case 'delivered':
        solidArrow(g, x0, y0, x1, y1, ux, uy, { colour, width: 2.4, head: 9, alpha: 0.95 * fade });
        return { text: `✓ ${verdict.reached ?? 'understood'}`, tint: INK };
      case 'failed': {
        const f = marks.crossF!;
        const [cx, cy] = marks.cross!;
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
        for (const [ax, ay, bx, by] of marks.rungs) g.moveTo(ax, ay).lineTo(bx, by);
        g.stroke({ color: colour, width: 1.5, alpha: 0.8 * fade });
        crossPath(g, cx, cy, 6);
        g.stroke({ color: 0x0a1118, width: 6, alpha: 0.7 * fade, cap: 'round' });
        crossPath(g, cx, cy, 6);
        g.stroke({ color: FAIL, width: 3, alpha: fade, cap: 'round' });
        return { text: `✗ ${verdict.stage}: ${this.why(call.outcome!, specs)}`, tint: FAIL };
      }
    }
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

/** A call that got through: the line and an arrow head at the recipient's end. */
function solidArrow(
  g: Graphics,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  ux: number,
  uy: number,
  o: { colour: number; width: number; head: number; alpha: number },
): void {
  g.moveTo(x0, y0).lineTo(x1, y1).stroke({ color: o.colour, width: o.width, alpha: o.alpha });
  arrowHead(g, x1, y1, ux, uy, o.head);
  g.fill({ color: o.colour, alpha: o.alpha });
}
