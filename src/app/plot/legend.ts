/**
 * The plot's key, as a small HTML overlay (a <details> in the plot's own container): text stays
 * crisp and selectable, screen readers can read it, and it costs the renderer nothing.
 */
import { t, tOr, type Lang } from '../../i18n';
import { CHANNEL_NAMES, FAIL, INK, LOCK, SLEWED, channelColour, nationColour, plotTheme } from './style';
import type { ScenarioIndex } from './layers/types';
import { FULL_DETAIL_MAX_UNITS } from './geometry/detail';

const css = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

function svg(inner: string): string {
  return `<svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true" style="vertical-align:middle;margin-right:6px;flex:none">${inner}</svg>`;
}

function row(swatch: string, label: string): string {
  return `<li style="display:flex;align-items:center;margin:2px 0">${swatch}<span>${label}</span></li>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export class Legend {
  readonly el: HTMLDetailsElement;
  private key = '';
  /** The legend's box relative to the plot container, refreshed on toggle and resize only. */
  rect = { x: 0, y: 0, w: 0, h: 0 };
  private readonly observer: ResizeObserver | null;
  /** Start folded whatever the plot's size (presentation mode). */
  startClosed = false;

  constructor(
    private readonly container: HTMLElement,
    onChange: () => void,
  ) {
    const el = document.createElement('details');
    el.className = 'plot-legend';
    el.style.cssText = [
      'position:absolute',
      'right:8px',
      'bottom:8px',
      'max-height:calc(100% - 16px)',
      'overflow:auto',
      'background:rgba(13,23,32,0.88)',
      'color:#e8eef4',
      'border:1px solid #2a3a48',
      'border-radius:5px',
      'padding:4px 8px',
      "font:11px/1.3 system-ui, 'Noto Sans CJK JP', 'Noto Sans CJK KR', sans-serif",
      'z-index:2',
      'user-select:text',
    ].join(';');
    container.appendChild(el);
    this.el = el;
    const measure = () => {
      const c = container.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      this.rect = { x: r.left - c.left - 6, y: r.top - c.top - 6, w: r.width + 12, h: r.height + 12 };
      onChange();
    };
    el.addEventListener('toggle', measure);
    this.observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    this.observer?.observe(el);
    this.observer?.observe(container);
  }

  /** `reduced`: the plot draws reduced detail (geometry/detail.ts); the key says what is left out, folded or not. */
  update(nations: string[], index: ScenarioIndex, lang: Lang = 'en', reduced = false): void {
    // The swatches are drawn in the plot's palette: a theme change redraws them.
    const key = `${nations.join()}|${index.channelsUsed.join()}|${lang}|${plotTheme()}|${reduced}`;
    const w = (code: string) => escapeHtml(t(lang, `app.key.${code}`));
    if (key === this.key) return;
    const first = this.key === '';
    this.key = key;
    const section = (title: string, rows: string[]) =>
      `<div style="margin-top:4px;font-weight:600;color:#9fb1c2;letter-spacing:0.04em">${title}</div><ul style="list-style:none;margin:0;padding:0">${rows.join('')}</ul>`;
    const units = nations.map((n) => {
      const c = nationColour(n);
      const name = tOr(lang, `app.key.nation.${n}`, c.name);
      return row(svg(`<rect x="6" y="1" width="18" height="10" rx="2" fill="${c.css}" stroke="#0a1118"/>`), escapeHtml(name));
    });
    const radio = index.channelsUsed.map((ch) => {
      const c = css(channelColour(ch, index.linkKinds.get(ch)));
      const name = CHANNEL_NAMES[ch] ?? index.linkNames.get(ch) ?? ch;
      return row(
        svg(`<circle cx="6" cy="6" r="4.5" fill="none" stroke="${c}" stroke-width="1.5"/><line x1="12" y1="6" x2="30" y2="6" stroke="${c}" stroke-width="3"/>`),
        escapeHtml(name),
      );
    });
    radio.push(
      row(
        svg(`<line x1="0" y1="6" x2="22" y2="6" stroke="${css(INK)}" stroke-width="2"/><path d="M30 6 L21 1.5 L21 10.5 Z" fill="${css(INK)}"/>`),
        w('understood'),
      ),
      row(
        svg(
          `<line x1="0" y1="6" x2="14" y2="6" stroke="${css(INK)}" stroke-width="2"/><path d="M14 2 L22 10 M22 2 L14 10" stroke="${css(FAIL)}" stroke-width="2.5"/><line x1="23" y1="6" x2="30" y2="6" stroke="${css(INK)}" stroke-dasharray="2 3"/>`,
        ),
        w('broke-down'),
      ),
      row(svg(`<line x1="0" y1="6" x2="30" y2="6" stroke="${css(INK)}" stroke-width="1.5" stroke-dasharray="5 4"/>`), w('in-air')),
    );
    const radar = [
      row(svg(`<path d="M4 11 L4 0 A11 11 0 0 1 13 5 Z" fill="${css(INK)}" fill-opacity="0.35"/>`), w('search')),
      row(
        svg(
          `<line x1="0" y1="6" x2="30" y2="6" stroke="${css(LOCK)}" stroke-width="7" stroke-opacity="0.25"/><line x1="0" y1="6" x2="30" y2="6" stroke="${css(LOCK)}" stroke-width="3"/>`,
        ),
        w('held'),
      ),
      row(svg(`<line x1="0" y1="6" x2="30" y2="6" stroke="${css(SLEWED)}" stroke-width="1.5" stroke-dasharray="6 4"/>`), w('pointed')),
    ];
    const other = [
      row(svg(`<line x1="2" y1="6" x2="28" y2="6" stroke="${css(INK)}" stroke-width="2"/>`), w('vector')),
      row(
        svg(
          `<circle cx="4" cy="6" r="1.6" fill="${css(INK)}"/><circle cx="12" cy="6" r="1.6" fill="${css(INK)}" fill-opacity="0.7"/><circle cx="20" cy="6" r="1.6" fill="${css(INK)}" fill-opacity="0.45"/><circle cx="28" cy="6" r="1.6" fill="${css(INK)}" fill-opacity="0.25"/>`,
        ),
        w('track'),
      ),
    ];
    const open = this.el.open;
    const n = FULL_DETAIL_MAX_UNITS;
    const flag = reduced ? ` <span class="plot-detail-flag" style="font-weight:400;color:#f0c060">· ${w('reduced-short')}</span>` : '';
    const note = reduced
      ? `<p class="plot-detail-note" style="margin:4px 0 2px;max-width:260px;color:#f0c060">${escapeHtml(t(lang, 'app.key.reduced', { n }))}</p>`
      : '';
    this.el.innerHTML = `<summary style="cursor:pointer;font-weight:600">${w('title')}${flag}</summary>${note}${section(w('units'), units)}${section(w('radio'), radio)}${section(w('radar'), radar)}${section(w('tracks'), other)}`;
    if (first) {
      const { width, height } = this.container.getBoundingClientRect();
      this.el.open = !this.startClosed && width >= 760 && height >= 520;
    } else this.el.open = open;
  }

  destroy(): void {
    this.observer?.disconnect();
    this.el.remove();
  }
}
