/**
 * Offline use: the built app registers a service worker (made by vite-plugin-pwa from
 * vite.config.ts) that keeps every file of the app — code, styles, coastlines, scenarios and
 * procedures, which are bundled — so it opens and runs with no network, as training rooms and
 * ships often have none; the web app manifest lets the browser install it.
 *
 * Registered once the app is ready, so the first visit's own loading is not slowed. Not under
 * browser automation (the e2e tests count what each page fetches and when), unless a test asks
 * for it by setting sessionStorage "encounter-sim:offline" to "on".
 */
export const OFFLINE_OPT_IN = 'encounter-sim:offline';

export function registerOffline(win: Window = window): Promise<ServiceWorkerRegistration | null> {
  const nav = win.navigator;
  if (!import.meta.env.PROD || !('serviceWorker' in nav)) return Promise.resolve(null);
  if (nav.webdriver && win.sessionStorage.getItem(OFFLINE_OPT_IN) !== 'on') return Promise.resolve(null);
  return nav.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).catch((err: unknown) => {
    console.warn('offline use unavailable:', err);
    return null;
  });
}
