/**
 * What the three training modes (step, drill, what-if) share: which run is the scenario's own,
 * which units a procedure binds, times in words, and saving a file from the browser.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Lang } from '../../i18n';
import { clockOf, shortName } from '../words';
import { originalOf, type AppState } from '../store';

/** The run the scenario's settings produce, whatever the main view shows at the moment. */
export { originalOf };

/** The label of the run shown in place of the scenario's own, or null when that run is shown. */
export function shownLabel(s: AppState): string | null {
  return s.shown && s.shown.analysis === s.analysis ? s.shown.label : null;
}

let lastKey: { parts: readonly unknown[]; key: string } | null = null;

/**
 * What identifies the scenario's settings: a change means drills and what-ifs start over. Called
 * on every store change (each frame while playing), so the key of unchanged settings is reused
 * rather than stringifying the scenario's text again (a generated exercise is a megabyte).
 */
export function settingsKey(s: AppState): string {
  const parts = [s.scenarioFile, s.scenarioText, s.account, s.procedure, s.seed] as const;
  if (lastKey && lastKey.parts.every((p, i) => p === parts[i])) return lastKey.key;
  lastKey = { parts, key: JSON.stringify(parts) };
  return lastKey.key;
}

/** Units the procedures bind (the ones a student can play): the core's own rule. */
export { boundBy } from '../../core/procedure/duties';

/** "+6:19" from the scenario start. */
export function elapsed(t: number): string {
  const s = Math.max(0, Math.round(t));
  return `+${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "15:00:19 (+6:19)" */
export function when(a: Analysis, t: number): string {
  return `${clockOf(a, t)} (${elapsed(t)})`;
}

const sharedNames = new WeakMap<Analysis, Map<Lang, Set<string>>>();

/** Short names that two or more of the scenario's units answer to in `lang`. */
function namesShared(a: Analysis, lang: Lang): Set<string> {
  let byLang = sharedNames.get(a);
  if (!byLang) sharedNames.set(a, (byLang = new Map()));
  let shared = byLang.get(lang);
  if (!shared) {
    const seen = new Set<string>();
    shared = new Set();
    for (const u of a.run.scenario.units) {
      const name = shortName(a, u.id, lang);
      if (seen.has(name)) shared.add(name);
      seen.add(name);
    }
    byLang.set(lang, shared);
  }
  return shared;
}

/**
 * "Gwanggaeto the Great": the name in the reader's language where the scenario gives one. The
 * scenario's id is added, "Patrol boat (pb-2)", only where two units have the same name, so a
 * student picks the unit by the name a watch-keeper would use.
 */
export function unitWords(a: Analysis, id: string, lang: Lang = 'en'): string {
  const name = shortName(a, id, lang);
  return name === id || !namesShared(a, lang).has(name) ? name : `${name} (${id})`;
}

/** Is the key press meant for a text field (so not a shortcut)? */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName;
  const type = (el as HTMLInputElement).type ?? '';
  return (
    tag === 'SELECT' || tag === 'TEXTAREA' || el.isContentEditable || (tag === 'INPUT' && !['range', 'checkbox', 'radio', 'button', 'submit'].includes(type))
  );
}

export { download } from '../dom';
