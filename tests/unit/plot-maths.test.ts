// Pure maths behind the tactical plot (no pixi: these modules must stay importable in Node).
import { describe, expect, test } from 'vitest';
import { Camera, encounterBox, makeProjection, KM_PER_NM } from '../../src/app/plot/projection';
import { formatDeg, formatDistance, gridStepDeg, niceBelow, scaleBar } from '../../src/app/plot/scale';
import { sidcFor, unitLabel, unitShort, channelColour } from '../../src/app/plot/style';
import { groundDistanceM, destination } from '../../src/core/geo';

describe('projection', () => {
  const proj = makeProjection(38.0, 134.6);

  test('the centre projects to the origin and back', () => {
    const [x, y] = proj.project(38.0, 134.6);
    expect(x).toBeCloseTo(0, 9);
    expect(y).toBeCloseTo(0, 9);
    const [lat, lon] = proj.invert(0, 0);
    expect(lat).toBeCloseTo(38.0, 9);
    expect(lon).toBeCloseTo(134.6, 9);
  });

  test('one world unit is a kilometre, north is up and east is right', () => {
    for (const bearing of [0, 45, 90, 200, 315]) {
      for (const km of [1, 10, 100]) {
        const p = destination({ lat: 38, lon: 134.6 }, bearing, km * 1000);
        const [x, y] = proj.project(p.lat, p.lon);
        // Stereographic scale grows as 1/cos²(c/2): under 0.1 % at 100 km.
        expect(Math.hypot(x, y) / km).toBeCloseTo(1, 2);
        const screenBearing = (Math.atan2(x, -y) * 180) / Math.PI;
        expect(((screenBearing - bearing + 540) % 360) - 180).toBeCloseTo(0, 1);
      }
    }
  });

  test('distances on the plot match the core geometry for the encounter (~10 km)', () => {
    const a = { lat: 38.0, lon: 134.6 };
    const b = destination(a, 310, 6500);
    const [ax, ay] = proj.project(a.lat, a.lon);
    const [bx, by] = proj.project(b.lat, b.lon);
    expect(Math.hypot(bx - ax, by - ay) * 1000).toBeCloseTo(groundDistanceM(a, b), -1);
  });

  test('invert is the inverse of project', () => {
    const [x, y] = proj.project(35.1, 128.7);
    const [lat, lon] = proj.invert(x, y);
    expect(lat).toBeCloseTo(35.1, 6);
    expect(lon).toBeCloseTo(128.7, 6);
  });
});

describe('camera', () => {
  test('screen and world transforms are inverse, zoom keeps the point under the cursor', () => {
    const cam = new Camera();
    cam.resize(800, 600);
    cam.cx = 3;
    cam.cy = -2;
    cam.scale = 25;
    expect(cam.wx(cam.sx(7.5))).toBeCloseTo(7.5, 9);
    expect(cam.wy(cam.sy(-4))).toBeCloseTo(-4, 9);
    const before = [cam.wx(100), cam.wy(450)];
    cam.zoomAt(100, 450, 2);
    expect(cam.scale).toBe(50);
    expect(cam.wx(100)).toBeCloseTo(before[0]!, 9);
    expect(cam.wy(450)).toBeCloseTo(before[1]!, 9);
  });

  test('fit frames a box with a margin; zoom is clamped', () => {
    const cam = new Camera();
    cam.resize(1000, 500);
    cam.fit({ x0: -10, y0: -5, x1: 10, y1: 5 }, 0.1);
    const v = cam.view();
    expect(v.x0).toBeLessThanOrEqual(-10);
    expect(v.x1).toBeGreaterThanOrEqual(10);
    expect(v.y0).toBeLessThanOrEqual(-5);
    expect(v.y1).toBeGreaterThanOrEqual(5);
    cam.zoomAt(500, 250, 1e9);
    expect(cam.scale).toBe(cam.maxScale);
    cam.zoomAt(500, 250, 1e-9);
    expect(cam.scale).toBe(cam.minScale);
  });

  test('panning stops at the edge of the mapped area', () => {
    const cam = new Camera();
    cam.scale = 1;
    cam.panBy(-1e6, 0);
    expect(Math.hypot(cam.cx, cam.cy)).toBeCloseTo(cam.maxOffsetKm, 6);
  });

  test('the encounter box ignores a far departure leg', () => {
    const pts: [number, number][] = [];
    for (let i = 0; i < 100; i++) pts.push([Math.cos(i) * 5, Math.sin(i) * 5]);
    for (let i = 0; i < 8; i++) pts.push([0, 10 + i * 5]);
    const b = encounterBox(pts);
    expect(b.y1).toBeLessThan(15);
    expect(b.x1 - b.x0).toBeGreaterThan(9);
  });
});

describe('grid and scale bar', () => {
  test('grid steps are chart steps and give a handful of lines', () => {
    expect(gridStepDeg(0.2, 5)).toBeCloseTo(5 / 60, 9);
    expect(gridStepDeg(3, 5)).toBe(1);
    expect(gridStepDeg(0.01, 5)).toBeCloseTo(0.5 / 60, 9);
  });

  test('labels in degrees and minutes', () => {
    expect(formatDeg(38, 'lat', 5 / 60)).toBe('38°00′N');
    expect(formatDeg(134 + 35 / 60, 'lon', 5 / 60)).toBe('134°35′E');
    expect(formatDeg(-12.5, 'lat', 1)).toBe('12°30′S');
    expect(formatDeg(38 + 0.5 / 60, 'lat', 0.5 / 60)).toBe('38°00′30″N');
    expect(formatDeg(5, 'lon', 2)).toBe('005°E');
  });

  test('nice numbers and bars in nautical miles and kilometres', () => {
    expect(niceBelow(7.3)).toBe(5);
    expect(niceBelow(0.3)).toBe(0.25);
    expect(niceBelow(2)).toBe(2);
    const sb = scaleBar(20, 200);
    expect(sb.km).toBe(10);
    expect(sb.kmPx).toBe(200);
    expect(sb.nm).toBe(5);
    expect(sb.nmPx).toBeCloseTo(5 * KM_PER_NM * 20, 9);
    expect(formatDistance(0.25, 'nm')).toBe('0.25 nm');
    expect(formatDistance(10, 'km')).toBe('10 km');
  });
});

describe('symbols and words', () => {
  test('SIDCs: a maritime patrol aircraft, a destroyer, a coast-guard ship, a neutral fishing boat', () => {
    expect(sidcFor({ nation: 'JP', kind: 'aircraft', service: 'navy', emitters: [] })).toBe('SFAPMFP--------');
    expect(sidcFor({ nation: 'KR', kind: 'ship', service: 'navy', emitters: [{ id: 'stir', type: 'fire-control-radar' }] })).toBe('SFSPCLDD-------');
    expect(sidcFor({ nation: 'KR', kind: 'ship', service: 'coast-guard', emitters: [] })).toBe('SFSPXL---------');
    expect(sidcFor({ nation: 'KP', kind: 'vessel', service: 'fishing', emitters: [] })).toBe('SNSPXF---------');
    for (const s of ['SFAPMFP--------', 'SFGPU-----A----']) expect(s).toHaveLength(15);
  });

  test('labels: name and hull; short forms for crowded places', () => {
    expect(unitLabel({ name: 'Gwanggaeto the Great', hull: '971' })).toBe('Gwanggaeto the Great 971');
    expect(unitLabel({ name: 'JMSDF P-1' })).toBe('JMSDF P-1');
    expect(unitShort({ name: 'JMSDF P-1', kind: 'aircraft' })).toBe('P-1');
    expect(unitShort({ name: 'Sambong', hull: '5001', kind: 'ship' })).toBe('5001');
    expect(unitShort({ name: 'ROK Navy headquarters (Naval Operations Command)', kind: 'headquarters' })).toBe('ROK HQ');
  });

  test('the three guard channels have distinct colours', () => {
    const cs = new Set(['121.5', '156.8', '243.0', 'jp-satcom'].map((c) => channelColour(c, c === 'jp-satcom' ? 'satellite' : undefined)));
    expect(cs.size).toBe(4);
  });
});
