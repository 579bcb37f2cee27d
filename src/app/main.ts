// Placeholder entry until the UI lands: shows the name and raises the ready flag e2e tests wait for.
const app = document.querySelector<HTMLDivElement>('#app');
if (app) {
  const heading = document.createElement('h1');
  heading.textContent = 'encounter-sim';
  app.append(heading);
}
document.body.dataset.ready = 'true';
