/**
 * How much larger the plot's labels and symbols are drawn in presentation mode (no pixi: unit
 * tested). In front of a class the plot is read from the back of the room: a label must be a
 * fixed share of the screen, not a fixed number of pixels. The factor follows the plot's width in
 * CSS px so that a 11 px label is 18 px at 1920 wide (issue 17: at least 18 px there), and is never
 * under 1.25 (a laptop at 150 % has a narrow plot in CSS px, but its pixels are already larger),
 * nor over 2.2 (a very wide wall would otherwise fill with a few huge labels).
 */
export const PRESENT_MIN = 1.25;
export const PRESENT_MAX = 2.2;
/** Plot width (CSS px) at which the factor is 1: 1150 gives 11 px × 1.66 = 18 px on a 1920 px wide plot (less borders). */
const WIDTH_AT_ONE = 1150;

export function presentScale(plotWidthCss: number, presenting: boolean): number {
  if (!presenting || !(plotWidthCss > 0)) return 1;
  return Math.min(PRESENT_MAX, Math.max(PRESENT_MIN, plotWidthCss / WIDTH_AT_ONE));
}
