/**
 * Seeded random source owned by the engine. Every draw goes through here so that
 * the same scenario, account, procedure and seed give the same log, byte for byte.
 * sfc32 seeded through splitmix32: small, fast, and good enough for simulation.
 */
/** Largest seed: the generator keeps 32 bits of it, so a larger seed would repeat a smaller one. */
export const MAX_SEED = 4_294_967_295;

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A new independent stream, so adding draws in one place does not shift another. */
  fork(label: string): Random;
}

function splitmix32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashLabel(label: string): number {
  // FNV-1a: stable across platforms, unlike any engine-provided hash.
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init(),
    b = init(),
    c = init(),
    d = init();
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    chance: (p) => next() < p,
    fork: (label) => createRandom((seed ^ hashLabel(label)) >>> 0),
  };
}

/**
 * parent.fork(label), made only when something first draws from it: the same numbers, but a
 * call that nobody's chances decide (most receptions: an operator at half load or less never
 * misses) does not seed and warm a stream it never uses.
 */
export function forkWhenDrawn(parent: Random, label: string): Random {
  return new DeferredFork(parent, label);
}

class DeferredFork implements Random {
  private stream: Random | undefined;
  constructor(
    private readonly parent: Random,
    private readonly label: string,
  ) {}
  private get made(): Random {
    return (this.stream ??= this.parent.fork(this.label));
  }
  next(): number {
    return this.made.next();
  }
  chance(p: number): boolean {
    return this.made.chance(p);
  }
  fork(label: string): Random {
    return this.made.fork(label);
  }
}
