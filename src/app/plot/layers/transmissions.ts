/**
 * Transmissions as they happen: a ring spreading from the originator in the channel's colour, and
 * to each intended recipient a line showing how far up the delivery ladder the message got —
 * solid to the recipient when understood, or cut short at an ✗ where it broke down, labelled with
 * the stage (and what was heard, when it was misheard). Where each line, lane, ✗ and label spot
 * goes is worked out in geometry/call.ts; this layer draws it. The labels are worded and laid out
 * with the scene's others (geometry/label-items.ts): the ✗ and its cause come from the outcome's
 * data (failedAt, why), never from the core's English sentence.
 */
import type { Container, Graphics } from 'pixi.js';
import { drain } from '../geometry/slices';
import { GraphicsRun, arrowHead, crossPath, dashedPath } from '../draw';
import { FAIL, channelColour } from '../style';
import type { CallLayout, TransmissionLayout } from '../geometry/call';
import type { DrawState, Placed } from './types';

export { RECENT_S } from '../geometry/call';

/**
 * Calls drawn into one Graphics before the next is started. Each call is a few strokes and fills,
 * and a renderer builds a Graphics' geometry in one go: 40 calls (their dashes) made 20,000–26,000 vertices, 10–35 ms.
 */
const CALLS_PER_GRAPHICS = 10;

export class TransmissionsLayer {
  /** The calls' lines and marks: Graphics in drawing order, each holding up to CALLS_PER_GRAPHICS calls (draw.ts GraphicsRun). */
  private readonly run = new GraphicsRun();
  readonly lines: Container = this.run.container;

  constructor(lineParent: Container) {
    lineParent.addChild(this.lines);
  }

  /** The calls of the last scene, as laid out (the plot's debug hook reports them). */
  laidOut: TransmissionLayout<Placed>[] = [];

  draw(s: DrawState): void {
    drain(this.drawSteps(s));
  }

  /** draw in slices (geometry/slices.ts): a step per Graphics filled. */
  *drawSteps(s: DrawState): Generator<void> {
    const run = this.run;
    run.begin();
    let inIt = CALLS_PER_GRAPHICS;
    let g: Graphics | null = null;
    this.laidOut = s.calls;
    for (const tl of this.laidOut) {
      if (inIt >= CALLS_PER_GRAPHICS) {
        if (g) yield;
        g = run.next();
        inIt = 0;
      }
      inIt += tl.calls.length + tl.rings.length;
      const tx = tl.tf.tx;
      const colour = channelColour(tx.channel, s.index.linkKinds.get(tx.channel));
      // The ring: spreads over RING_S seconds of scenario time (frozen when paused, like everything else).
      for (const ring of tl.rings) g!.circle(ring.x, ring.y, ring.r).stroke({ color: colour, width: ring.width, alpha: ring.alpha });
      // The call a trainer picked (a breakdown) stays bright while it is on the plot.
      for (const call of tl.calls) this.drawCall(g!, call, colour, call.key === s.selectedCall ? 1 : tl.fade, s);
    }
    run.end();
  }

  /** Draws one call's line and marks (its label is laid out with the others: label-items.ts). */
  private drawCall(g: Graphics, call: CallLayout<Placed>, colour: number, fade: number, s: DrawState): void {
    const { line, verdict, marks } = call;
    const { x0, y0, x1, y1, ux, uy } = line;
    switch (verdict.kind) {
      case 'in-air':
        // In the air: no verdict yet.
        dashedPath(g, x0, y0, x1, y1, 5, 5, -s.t * 12);
        g.stroke({ color: colour, width: 1.6, alpha: 0.8 * fade });
        return;
      case 'awaiting':
        // Through, a reply still to come: a lighter arrow.
        solidArrow(g, x0, y0, x1, y1, ux, uy, { colour, width: 2, head: 8, alpha: 0.9 * fade });
        return;
      case 'delivered':
        solidArrow(g, x0, y0, x1, y1, ux, uy, { colour, width: 2.4, head: 9, alpha: 0.95 * fade });
        return;
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
      }
    }
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
