/** How the plot's renderer starts: shared by app.ts and the fallback renderer it may load. */
export interface PlotAppOptions {
  width: number;
  height: number;
  background: number;
  antialias: boolean;
  resolution: number;
  autoDensity: boolean;
}
