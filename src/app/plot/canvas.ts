/** Starts the plot's renderer and puts its canvas into the page. */
import { PlotApp } from './app';
import { SEA } from './style';

/** The container's size in CSS px (800 × 600 before it has a layout). */
export function containerSize(container: HTMLElement): { w: number; h: number } {
  return { w: Math.max(1, container.clientWidth || 800), h: Math.max(1, container.clientHeight || 600) };
}

/**
 * A started renderer whose canvas fills `container`. On a software rasteriser (SwiftShader,
 * llvmpipe) every filled pixel costs CPU time and multisampling costs it again: no MSAA and 1:1
 * pixels there; a GPU gets both.
 */
export async function startRenderer(container: HTMLElement): Promise<{ app: PlotApp; software: boolean }> {
  const app = new PlotApp();
  const initial = containerSize(container);
  const software = isSoftwareGl();
  await app.init({
    width: initial.w,
    height: initial.h,
    background: SEA,
    antialias: !software,
    resolution: software ? 1 : window.devicePixelRatio || 1,
    autoDensity: true,
  });
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
  container.style.overflow = 'hidden';
  const canvas = app.canvas;
  canvas.style.position = 'absolute';
  canvas.style.left = '0';
  canvas.style.top = '0';
  canvas.style.display = 'block';
  canvas.setAttribute('aria-label', 'Tactical plot');
  canvas.setAttribute('role', 'img');
  container.appendChild(canvas);
  return { app, software };
}

/** True when WebGL runs on a CPU rasteriser (checked on a throw-away context). */
function isSoftwareGl(): boolean {
  try {
    const c = document.createElement('canvas');
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}
