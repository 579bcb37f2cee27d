/**
 * For a browser without WebGL only (see app.ts): pixi's own renderer choice, as its Application
 * makes it (WebGL first, then WebGPU, then Canvas), in a chunk of its own.
 */
import { autoDetectRenderer, type Renderer } from 'pixi.js';
import type { PlotAppOptions } from './app-options';

export function fallbackRenderer(options: PlotAppOptions & { skipExtensionImports: boolean }): Promise<Renderer> {
  return autoDetectRenderer({ ...options, preference: 'webgl' });
}
