/**
 * What the banner over the plot says while the main view shows a drill or what-if run, in the
 * reader's language, from the session's data (the store's English label is the fallback for a
 * run shown by anything else).
 */
import type { Lang } from '../../i18n';
import { wordsIn } from '../said';
import { originalOf, type AppState, type DrillSession } from '../store';
import { shortName } from '../words';
import { changeWords } from './change-words';
import { shownLabel } from './shared';

/** The drill run, by where the student is. */
export function drillBanner(original: AppState['analysis'], d: DrillSession, lang: Lang = 'en'): string {
  const w = wordsIn(lang, original);
  const r = d.result;
  const unit = original ? shortName(original, d.unit) : d.unit;
  if (!r) return w('app-tools.banner.drill', { unit });
  const n = r.decisions.length;
  if (d.phase === 'decide') return w('app-tools.banner.drill-decide', { unit, n: n + 1 });
  if (d.phase === 'feedback') return w('app-tools.banner.drill-feedback', { unit, n, more: !!r.pending, next: n + 1 });
  return w('app-tools.banner.drill-done', { unit, right: r.score.right, total: r.score.total });
}

/** The label of the run shown in place of the scenario's own, or null when that run is shown. */
export function bannerLabel(s: AppState): string | null {
  const label = shownLabel(s);
  if (label === null) return null;
  if (s.drill?.result && s.analysis === s.drill.result.analysis) return drillBanner(originalOf(s), s.drill, s.lang);
  const last = s.whatIf?.last;
  if (last && s.analysis === last.analysis) {
    const w = wordsIn(s.lang, last.original);
    return w('app-tools.banner.whatif', { changes: last.changes.map((c) => changeWords(w, c)).join(w('app-tools.whatif.change-sep')) });
  }
  return label;
}
