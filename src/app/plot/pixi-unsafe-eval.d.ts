// pixi.js ships no types for this side-effect entry (it makes pixi work without eval, for the CSP).
declare module 'pixi.js/unsafe-eval';
