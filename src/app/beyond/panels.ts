/** The Compare, Paths and Sweep tab views, one chunk loaded when one of them is first shown (see lazy.ts). */
export { mountCompare } from './compare';
export { mountPaths } from './paths';
export { mountSweep } from './sweep';
