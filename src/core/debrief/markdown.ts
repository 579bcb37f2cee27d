/** The debrief as Markdown: the run's debrief (../format/markdown.ts), then the comparison if one was made. */
import type { Analysis } from '../analysis/report';
import type { Comparison } from '../compare/compare';
import { formatComparisonMarkdown } from '../compare/output';
import { formatMarkdown } from '../format/markdown';

export function debriefMarkdown(a: Analysis, comparison?: Comparison): string {
  const md = formatMarkdown(a);
  return comparison ? `${md}\n${formatComparisonMarkdown(comparison, 2)}` : md;
}
