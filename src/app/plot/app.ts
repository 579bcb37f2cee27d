/**
 * The plot's pixi "application": a stage, a ticker and a WebGL renderer (issue 8: bundle size).
 *
 * pixi's Application picks its renderer with autoDetectRenderer, which imports the WebGL, WebGPU
 * and Canvas renderers dynamically; the bundler then put all three into the plot's chunk, about
 * 40 % of pixi's code, of which the plot runs one. Here the WebGL renderer is imported directly;
 * only a browser without WebGL loads pixi's own choice among the others (renderer-fallback.ts, a
 * chunk of its own), which picks as Application did (WebGPU, then Canvas).
 *
 * It keeps the members the plot and its tests use: canvas, renderer, stage, screen, ticker,
 * render() and destroy().
 */
import { Container, Ticker, WebGLRenderer, isWebGLSupported, type Rectangle, type Renderer } from 'pixi.js';
import type { PlotAppOptions } from './app-options';

export type { PlotAppOptions };

export class PlotApp {
  readonly stage = new Container();
  /** Not started: the plot adds its own frame callback and starts it. */
  readonly ticker = new Ticker();
  renderer!: Renderer;

  async init(options: PlotAppOptions): Promise<void> {
    // skipExtensionImports: pixi would otherwise import its browser extensions (pointer events,
    // accessibility, DOM overlay, filters) when the renderer starts. The plot handles the pointer
    // itself (interaction.ts) and uses no filters, masks or DOM containers.
    const opts = { ...options, skipExtensionImports: true };
    if (isWebGLSupported()) {
      const renderer = new WebGLRenderer();
      await renderer.init(opts);
      this.renderer = renderer;
    } else {
      const { fallbackRenderer } = await import('./renderer-fallback');
      this.renderer = await fallbackRenderer(opts);
    }
  }

  get canvas(): HTMLCanvasElement {
    return this.renderer.canvas;
  }

  get screen(): Rectangle {
    return this.renderer.screen;
  }

  /**
   * Called before each render: true when it put the picture's bottom into the canvas itself (the
   * plot's still layers, copied: still.ts), so the stage is drawn over it without clearing.
   */
  underlay: () => boolean = () => false;

  render(): void {
    const under = this.underlay();
    this.renderer.render({ container: this.stage, clear: !under });
  }

  destroy(): void {
    this.ticker.destroy();
    this.stage.destroy({ children: true });
    this.renderer.destroy({ removeView: true });
  }
}
