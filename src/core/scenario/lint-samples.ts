/**
 * Where units are at the checker's sample times, and the scan for the first sample at which two
 * of them are within some range (lint.ts asks it for radio range, radar horizons and approaches).
 */
import { boxGapM, EARTH_RADIUS_M, groundDistanceM, slantDistanceM, type Position } from '../geo';
import { maxSpeedMps, positionAt, segmentIndex, trackBox, type Motion, type TrackBox } from './motion';

/** Slack for floating-point rounding in the distance bounds of firstSample, metres. */
export const MARGIN_M = 1;

/** How to find a unit's position at a sample: its motion, and the antenna height of a unit that does not fly. */
export interface Samples {
  m: Motion;
  times: readonly number[];
  airborne: boolean;
  antennaM: number;
  /** Where it is at the first sample, kept: every unit's distance to every other there orders the radio-range search. */
  start?: Position;
  /** trackBox and maxSpeedMps of m, kept: the pair scans ask for them for every pair. */
  box?: TrackBox;
  topSpeedMps?: number;
}

/**
 * The first sample at which `hit` holds for two units, or -1. `hit` can only hold where their
 * ground distance is at most reachM. A thousand-unit exercise has half a million pairs, so most
 * are settled without placing the units at all, and the rest skip stretches where they are surely
 * farther apart:
 *
 * - every position of a track lies within the box of its waypoints (positionAt interpolates
 *   between them), so two tracks whose boxes are more than reachM apart (boxGapM, a lower bound
 *   on the same haversine groundDistanceM takes) are never within reach at any sample;
 * - from a sample at ground distance g, neither can close the gap faster than their tracks' top
 *   speeds, so no sample before (g − reachM) / (vA + vB) seconds later can be within reach.
 *
 * Every sample that is not skipped is tested exactly as a full scan would, so the answer is the
 * same. Both rest on `hit` holding only within reachM; where a track jumps (two waypoints at one
 * time) no top speed bounds anything and only the boxes settle the pair. `boxes: false` leaves out
 * the first test, for the property test that shows it changes nothing.
 */
export function firstSample(a: Samples, b: Samples, reachM: number, hit: (i: number, groundM: number) => boolean, boxes = true): number {
  if (boxes && boxGapM(boxOf(a), boxOf(b)) > reachM + MARGIN_M) return -1;
  const times = a.times;
  const v = (a.topSpeedMps ??= maxSpeedMps(a.m)) + (b.topSpeedMps ??= maxSpeedMps(b.m));
  const n = times.length;
  for (let i = 0; i < n;) {
    const g = groundAt(a, b, i);
    const gap = g - reachM - MARGIN_M;
    if (gap <= 0 || !Number.isFinite(v)) {
      if (hit(i, g)) return i;
      i++;
      continue;
    }
    if (v === 0) return -1;
    const until = times[i]! + gap / v;
    if (until > times[n - 1]!) return -1;
    // The first sample at or after `until` (samples are sorted and distinct).
    const k = segmentIndex(times as number[], until);
    i = Math.max(i + 1, times[k]! >= until ? k : k + 1);
  }
  return -1;
}

function boxOf(p: Samples): TrackBox {
  return (p.box ??= trackBox(p.m));
}

/** Metres of ground per degree of latitude difference at least: the haversine is never less than R·Δφ. */
const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

/**
 * Units filed by the latitudes their tracks span, to find the few that may come within some
 * ground range of a given track among the hundreds of a large exercise. A unit left out never
 * comes within range at any sample: its latitudes and the track's are farther apart than the
 * range (plus firstSample's slack) even in metres along a meridian, the least the haversine gives
 * for that latitude difference, so firstSample would find nothing for the pair.
 */
export class ByLatitude<T> {
  private readonly items: { item: T; latMin: number; latMax: number }[];
  /** The tallest track's latitude span, degrees: how far below a latitude a track that reaches it may start. */
  private readonly tallest: number;

  constructor(items: readonly T[], samplesOf: (item: T) => Samples) {
    this.items = items.map((item) => {
      const b = boxOf(samplesOf(item));
      return { item, latMin: b.latMin, latMax: b.latMax };
    });
    this.items.sort((x, y) => x.latMin - y.latMin);
    this.tallest = this.items.reduce((h, x) => Math.max(h, x.latMax - x.latMin), 0);
  }

  /** The units whose tracks may come within reachM of p's, southernmost start first. */
  near(p: Samples, reachM: number): T[] {
    // Rounded up: leaving a unit in only costs a scan.
    const slack = ((reachM + MARGIN_M) / METRES_PER_DEGREE) * (1 + 1e-9) + 1e-9;
    if (!Number.isFinite(slack) || !Number.isFinite(this.tallest)) return this.items.map((x) => x.item);
    const b = boxOf(p);
    const lo = b.latMin - slack;
    const hi = b.latMax + slack;
    if (!(lo <= hi)) return this.items.map((x) => x.item);
    const out: T[] = [];
    for (let k = this.firstFrom(lo - this.tallest); k < this.items.length && this.items[k]!.latMin <= hi; k++) {
      if (this.items[k]!.latMax >= lo) out.push(this.items[k]!.item);
    }
    return out;
  }

  /** The first item whose latMin is at least lat. */
  private firstFrom(lat: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.latMin < lat) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function startOf(p: Samples): Position {
  return (p.start ??= load(p, 0));
}

/** Height at time t: the flight altitude of an aircraft, else the antenna height. */
export function altAt(p: Samples, t: number): number {
  return p.airborne ? positionAt(p.m, t).altM : p.antennaM;
}

export function sampleAlt(p: Samples, i: number): number {
  return altAt(p, p.times[i]!);
}

function load(p: Samples, i: number): Position {
  const at = positionAt(p.m, p.times[i]!);
  if (!p.airborne) at.altM = p.antennaM;
  return at;
}

/** Ground distance between two units at sample i, metres (the same haversine as everywhere). */
export function groundAt(a: Samples, b: Samples, i: number): number {
  return groundDistanceM(load(a, i), load(b, i));
}

/** Slant distance between two units at sample i, metres. */
export function slantAt(a: Samples, b: Samples, i: number): number {
  return slantDistanceM(load(a, i), load(b, i));
}
