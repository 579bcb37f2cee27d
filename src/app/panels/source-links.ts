/**
 * Source ids as the app shows them: each a link to the source's page, named in full (publisher,
 * date, title) on hover, from the project's source index. An id the index lacks stays plain text.
 */
import { h, type Child } from '../dom';
import { citationText, primaryUrl, sourceEntry, SOURCES_DOC } from '../../core/sources/registry';

export function sourceLinks(ids: readonly string[]): Child[] {
  return ids.flatMap((id, i) => {
    const e = sourceEntry(id);
    const url = e ? primaryUrl(e) : undefined;
    const title = e ? `${id}: ${citationText(e)}${url ? '' : '. No address is known'}` : `${id} is not in ${SOURCES_DOC}`;
    const el = url
      ? h('a', { class: 'source', href: url, title, target: '_blank', rel: 'noopener noreferrer' }, id)
      : h('span', { class: 'source', title }, id);
    return i ? [', ', el] : [el];
  });
}
