/**
 * The debrief's source ids as links: each inline id points at its entry in the Sources section and
 * names the source on hover; the section gives publisher, date, title and address.
 */
import { citationText, sourceEntry } from '../sources/registry';
import { sourceLines } from '../sources/cite';
import { esc } from './svg';
import { t, type Lang } from '../../i18n';

export function sourceIdsHtml(ids: readonly string[]): string {
  return ids
    .map((id) => {
      const e = sourceEntry(id);
      return e ? `<a href="#src-${esc(id)}" title="${esc(citationText(e))}">${esc(id)}</a>` : esc(id);
    })
    .join(', ');
}

export function sourcesSection(ids: readonly string[], lang: Lang = 'en'): { id: string; title: string; body: string } | undefined {
  if (!ids.length) return undefined;
  const items = sourceLines(ids).map(
    (l) =>
      `<li id="src-${esc(l.id)}"><b>${esc(l.id)}</b> ${esc(l.words)}${l.urls.length ? `<br>${l.urls.map((u) => `<a href="${esc(u)}" rel="noreferrer">${esc(u)}</a>`).join(' · ')}` : ''}</li>`,
  );
  return {
    id: 'sources',
    title: t(lang, 'debrief.html.section.sources'),
    body: `<p class="muted">${esc(t(lang, 'debrief.html.sources.key'))}</p><ul class="sources">${items.join('')}</ul>`,
  };
}
