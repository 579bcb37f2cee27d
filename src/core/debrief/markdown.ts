/** The debrief as Markdown: the run's debrief (../format/markdown.ts), then the comparison if one was made. */
import type { Analysis } from '../analysis/report';
import type { Comparison } from '../compare/compare';
import { formatComparisonMarkdown } from '../compare/output';
import { formatMarkdown } from '../format/markdown';
import type { Lang } from '../../i18n';

export interface DebriefMarkdownOptions {
  /** The reader's language; the radio's words stay English, quoted. */
  lang?: Lang;
}

export function debriefMarkdown(a: Analysis, comparison?: Comparison, opts: DebriefMarkdownOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const md = formatMarkdown(a, { lang });
  return comparison ? `${md}\n${formatComparisonMarkdown(comparison, 2, { lang })}` : md;
}
