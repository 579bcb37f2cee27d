/** One language's messages, all areas but the command line's (made by vite.config.ts's catalog plugin). */
declare module 'virtual:encounter-sim/messages/*' {
  const messages: Record<string, string>;
  export default messages;
}
