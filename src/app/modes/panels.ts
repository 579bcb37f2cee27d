/** The training modes' tab views, one chunk loaded when a mode tab is first shown (see lazy.ts). */
export { mountDrill } from './drill';
export { mountStep } from './step';
export { mountWhatIf } from './whatif';
