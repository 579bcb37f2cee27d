/**
 * The caption under an exported picture of the plot (no pixi, no DOM): what a slide needs so the
 * picture stands on its own — the scenario, the moment (date, clock time in the scenario's zone
 * and time since the start), the account and procedure it was run under, and the selected
 * breakdown in words. In the reader's language, like the screen.
 */
import { t, type Lang } from '../../i18n';
import { scenarioClock, scenarioZone } from '../../i18n/clock';
import type { AppState } from '../store';
import { breakdownText } from '../panels/breakdowns';
import { elapsedText } from '../panels/timeline-model';

export interface Caption {
  title: string;
  moment: string;
  /** The selected breakdown, "B3: …", or null. */
  breakdown: string | null;
  /** A file name for the picture: scenario, account, procedure and playhead, safe on every disk. */
  fileName: string;
}

type CaptionInput = Pick<AppState, 'analysis' | 't' | 'selectedBreakdown'> & { lang?: Lang };

export function plotCaption(s: CaptionInput): Caption | null {
  const a = s.analysis;
  if (!a) return null;
  const lang = s.lang ?? 'en';
  const sc = a.run.scenario;
  const start = sc.spec.start;
  const accountId = sc.account;
  const accountTitle = accountId ? (sc.spec.accounts?.[accountId]?.title ?? accountId) : t(lang, 'app.header.no-accounts');
  const moment = t(lang, 'app-tools.png.moment', {
    date: start.slice(0, 10),
    clock: scenarioClock(lang, start, s.t),
    zone: scenarioZone(start),
    elapsed: elapsedText(s.t, a.run.durationS),
    account: accountTitle,
    procedure: `${sc.procedure.id} — ${sc.procedure.title}`,
  });
  const b = s.selectedBreakdown ? a.breakdowns.find((x) => x.id === s.selectedBreakdown) : undefined;
  const stamp = `${Math.floor(s.t / 60)}m${String(Math.floor(s.t % 60)).padStart(2, '0')}s`;
  const safe = (x: string) => x.replace(/[^A-Za-z0-9._-]+/g, '-');
  const parts = [sc.file.replace(/^.*\//, '').replace(/\.yaml$/, ''), accountId ?? '', sc.procedure.id, `t${stamp}`].filter(Boolean).map(safe);
  return {
    title: sc.spec.title,
    moment,
    breakdown: b ? `${b.id}: ${breakdownText(a, b, lang)}` : null,
    fileName: `${parts.join('_')}.png`,
  };
}
