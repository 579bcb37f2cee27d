/** Pan (drag), zoom (wheel, pinch-free), click and hover on the plot's canvas. DOM only, no pixi. */
export interface PointerHandlers {
  pan(dx: number, dy: number): void;
  zoom(x: number, y: number, factor: number): void;
  /** `additive`: shift (or ctrl/cmd) was held, to add to the selection rather than replace it. */
  click(x: number, y: number, additive: boolean): void;
  hover(x: number, y: number): void;
  /** The pointer left the plot (or a drag began): hide what hovering showed. */
  leave(): void;
  /** Double-click: frame the encounter again. */
  reset(): void;
}

/** Movement (px) below which a press-and-release is a click, not a drag. */
const CLICK_SLOP = 4;

export function attachPointer(el: HTMLElement, h: PointerHandlers): () => void {
  let down: { id: number; x: number; y: number; lx: number; ly: number; moved: boolean } | null = null;
  const local = (e: MouseEvent) => {
    const r = el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const p = local(e);
    down = { id: e.pointerId, x: p.x, y: p.y, lx: p.x, ly: p.y, moved: false };
    el.setPointerCapture?.(e.pointerId);
  };
  const onMove = (e: PointerEvent) => {
    const p = local(e);
    if (down && e.pointerId === down.id) {
      if (!down.moved && Math.hypot(p.x - down.x, p.y - down.y) > CLICK_SLOP) {
        down.moved = true;
        el.style.cursor = 'grabbing';
        h.leave();
      }
      if (down.moved) {
        h.pan(p.x - down.lx, p.y - down.ly);
        down.lx = p.x;
        down.ly = p.y;
      }
    } else h.hover(p.x, p.y);
  };
  const onUp = (e: PointerEvent) => {
    if (!down || e.pointerId !== down.id) return;
    const p = local(e);
    const wasClick = !down.moved;
    down = null;
    el.releasePointerCapture?.(e.pointerId);
    el.style.cursor = '';
    if (wasClick) h.click(p.x, p.y, e.shiftKey || e.ctrlKey || e.metaKey);
  };
  const onCancel = () => {
    down = null;
    el.style.cursor = '';
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const p = local(e);
    // Trackpads send small deltas often, mice ±100: an exponential keeps both smooth.
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    h.zoom(p.x, p.y, Math.exp(-delta * 0.0015));
  };
  const onDbl = (e: MouseEvent) => {
    e.preventDefault();
    h.reset();
  };
  el.addEventListener('pointerdown', onDown);
  el.addEventListener('pointermove', onMove);
  el.addEventListener('pointerup', onUp);
  el.addEventListener('pointercancel', onCancel);
  el.addEventListener('wheel', onWheel, { passive: false });
  el.addEventListener('dblclick', onDbl);
  el.addEventListener('pointerleave', h.leave);
  el.style.touchAction = 'none';
  return () => {
    el.removeEventListener('pointerdown', onDown);
    el.removeEventListener('pointermove', onMove);
    el.removeEventListener('pointerup', onUp);
    el.removeEventListener('pointercancel', onCancel);
    el.removeEventListener('wheel', onWheel);
    el.removeEventListener('dblclick', onDbl);
    el.removeEventListener('pointerleave', h.leave);
  };
}
