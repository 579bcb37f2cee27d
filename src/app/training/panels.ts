/** The training modes' tab views, one chunk loaded when a mode tab is first shown (see lazy.ts). */
export { mountDrill } from './drill-tab';
export { mountStep } from './step-tab';
export { mountWhatIf } from './whatif-tab';
