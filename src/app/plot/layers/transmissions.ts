/**
 * Transmissions as they happen: a ring spreading from the originator in the channel's colour, and
 * to each intended recipient a line showing how far up the delivery ladder the message got —
 * solid to the recipient when understood, or cut short at an ✗ where it broke down, labelled with
 * the stage (and what was heard, when it was misheard). Where each line, lane, ✗ and label spot
 * goes is worked out in geometry/call.ts; this layer draws it and words the labels in the reader's
 * language. The ✗ and its cause come from the outcome's data (failedAt, why), never from the
 * core's English sentence.
 */
import { Container, Graphics } from 'pixi.js';
import { LabelPool } from '../labels';
import { arrowHead, crossPath, dashedPath } from '../draw';
import { FAIL, INK, channelColour, unitShort } from '../style';
import { stageWord as stageTerm } from '../../words';
import type { Stage } from '../../../core/log';
import type { Outcome } from '../../../core/analysis/outcomes';
import { say, t, tOr, type Lang } from '../../../i18n';
import { callLabelSpots, layoutTransmissions, type CallLayout, type TransmissionLayout } from '../geometry/call';
import type { DrawState, Placed } from './types';

export { RECENT_S } from '../geometry/call';

const stageWord = (lang: Lang, stage: Stage | null | undefined) => stageTerm(stage ?? 'understood', lang);

/** Longest cause on a label, in characters; the full cause is in the breakdown card and the log. */
const WHY_MAX = 46;

export class TransmissionsLayer {
  readonly lines = new Graphics();
  readonly labelsContainer = new Container();
  private readonly labels: LabelPool;
  /** Each outcome's words, per language (outcomes do not change once analysed). */
  private readonly whyCache = new WeakMap<Outcome, Partial<Record<Lang, string>>>();

  constructor(lineParent: Container, labelParent: Container) {
    lineParent.addChild(this.lines);
    labelParent.addChild(this.labelsContainer);
    this.labels = new LabelPool(this.labelsContainer, 11);
  }

  /** The calls of the last scene, as laid out (the plot's debug hook reports them). */
  laidOut: TransmissionLayout<Placed>[] = [];

  draw(s: DrawState): void {
    const g = this.lines.clear();
    this.labels.begin(s.lang);
    this.laidOut = layoutTransmissions(s.frame.transmissions, s.placed, s.t, s.index.receptionAt);
    for (const tl of this.laidOut) {
      const tx = tl.tf.tx;
      const colour = channelColour(tx.channel, s.index.linkKinds.get(tx.channel));
      // The ring: spreads over RING_S seconds of scenario time (frozen when paused, like everything else).
      for (const ring of tl.rings) g.circle(ring.x, ring.y, ring.r).stroke({ color: colour, width: ring.width, alpha: ring.alpha });
      const kind = tOr(s.lang, `app.plot.kind.${tx.kind}`, tx.kind);
      const attempt = tx.attempt > 1 ? t(s.lang, 'app.plot.attempt', { n: tx.attempt }) : '';
      // Radio calls are named by frequency; other links by what they are ("satellite report").
      const linkKind = s.index.linkKinds.get(tx.channel);
      const via = linkKind ? tOr(s.lang, `app.plot.link.${linkKind}`, tx.channel) : tx.channel;
      for (const call of tl.calls) {
        const head = t(s.lang, 'app.plot.call-head', { via, kind, attempt, to: unitShort(call.to.unit.spec, s.lang) });
        const status = this.drawCall(g, call, colour, tl.fade, s);
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
  private drawCall(g: Graphics, call: CallLayout<Placed>, colour: number, fade: number, s: DrawState): { text: string; tint: number } {
    const { line, verdict, marks } = call;
    const { lang } = s;
    const { x0, y0, x1, y1, ux, uy } = line;
    switch (verdict.kind) {
      case 'in-air':
        // In the air: no verdict yet.
        dashedPath(g, x0, y0, x1, y1, 5, 5, -s.t * 12);
        g.stroke({ color: colour, width: 1.6, alpha: 0.8 * fade });
        return { text: t(lang, verdict.recorded ? 'app.plot.in-air' : 'app.plot.no-verdict'), tint: INK };
      case 'awaiting':
        // Through, a reply still to come: a lighter arrow.
        solidArrow(g, x0, y0, x1, y1, ux, uy, { colour, width: 2, head: 8, alpha: 0.9 * fade });
        return { text: t(lang, 'app.plot.awaiting', { stage: stageWord(lang, verdict.reached) }), tint: INK };
      case 'delivered':
        solidArrow(g, x0, y0, x1, y1, ux, uy, { colour, width: 2.4, head: 9, alpha: 0.95 * fade });
        return { text: t(lang, 'app.plot.delivered', { stage: stageWord(lang, verdict.reached) }), tint: INK };
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
        return { text: t(lang, 'app.plot.failed', { stage: stageWord(lang, verdict.stage), why: this.why(call.outcome!, s) }), tint: FAIL };
      }
    }
  }

  /** The cause in a few words: what was heard, or the outcome's cause in the reader's language. */
  private why(o: Outcome, s: DrawState): string {
    let byLang = this.whyCache.get(o);
    if (!byLang) this.whyCache.set(o, (byLang = {}));
    return (byLang[s.lang] ??= wordWhy(o, s));
  }
}

/**
 * What the label says went wrong, read from the outcome's data: the misheard words (the radio's,
 * quoted as heard), else its cause as data in the reader's language, with units by their short
 * names. Only an outcome the core has not yet given as data falls back to its English cause.
 */
function wordWhy(o: Outcome, s: DrawState): string {
  if (o.failedAt === 'understood' && o.heardAs) return t(s.lang, 'app.plot.heard-as', { text: o.heardAs });
  const specs = s.analysis.run.scenario.units;
  const short = (id: string) => {
    const sp = specs.find((u) => u.id === id);
    return sp ? unitShort(sp, s.lang) : undefined;
  };
  const c = o.why ? say(s.lang, o.why, { unitName: short }) : (o.cause ?? '');
  if (!c) return stageWord(s.lang, o.failedAt);
  return [...c].length > WHY_MAX ? `${[...c].slice(0, WHY_MAX - 2).join('')}…` : c;
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
