/** The Compare, Paths and Sweep tab views, one chunk loaded when one of them is first shown (see lazy.ts). */
export { mountCompare } from './compare-tab';
export { mountPaths } from './paths-tab';
export { mountSweep } from './sweep-tab';
