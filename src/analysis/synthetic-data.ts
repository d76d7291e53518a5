/**
 * Seeded synthetic crime data with planted patterns, for the tests and benchmarks of this
 * folder: uniform background events, hotspots (normal clusters), near-repeat chains (events
 * close in space and time), Poisson counts. Not for production use.
 */
import { uniform } from './random.ts';

/** Standard normal draws (Box–Muller) from a uniform generator. */
export function normalGenerator(random: () => number): () => number {
  return () => {
    const u = 1 - random(); // (0, 1]
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

/** A Poisson(mean) draw: Knuth's product method below 30, a rounded normal above (tests only). */
export function poissonDraw(mean: number, random: () => number): number {
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = random();
    while (product > limit) {
      k++;
      product *= random();
    }
    return k;
  }
  const normal = normalGenerator(random);
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
}

export type SyntheticEvents = { x: Float64Array; y: Float64Array; days: Int32Array };

/**
 * `background` events uniform over [0, size]² metres and over `spanDays` days, plus, for
 * each hotspot, `count` events normally spread (σ metres) around its centre at uniform days.
 */
export function eventsWithHotspots(
  seed: number,
  size: number,
  spanDays: number,
  background: number,
  hotspots: readonly { x: number; y: number; sigma: number; count: number }[],
): SyntheticEvents {
  const random = uniform(seed);
  const normal = normalGenerator(random);
  const total = background + hotspots.reduce((s, h) => s + h.count, 0);
  const events: SyntheticEvents = {
    x: new Float64Array(total),
    y: new Float64Array(total),
    days: new Int32Array(total),
  };
  let i = 0;
  for (; i < background; i++) {
    events.x[i] = random() * size;
    events.y[i] = random() * size;
    events.days[i] = Math.floor(random() * spanDays);
  }
  for (const h of hotspots) {
    for (let k = 0; k < h.count; k++, i++) {
      events.x[i] = h.x + h.sigma * normal();
      events.y[i] = h.y + h.sigma * normal();
      events.days[i] = Math.floor(random() * spanDays);
    }
  }
  return events;
}

/**
 * Near-repeat burglaries: `seeds` events uniform in space ([0, size]² m, coordinates rounded
 * to whole metres) and time ([0, spanDays) days); each seed starts a chain that, with
 * probability `repeatChance` per step, adds a next event within `radius` metres (uniform in
 * the square, Manhattan ≤ 2·radius) and 0 … `maxLagDays` days later.
 */
export function nearRepeatEvents(
  seed: number,
  options: {
    seeds: number;
    size: number;
    spanDays: number;
    repeatChance: number;
    radius: number;
    maxLagDays: number;
  },
): SyntheticEvents {
  const random = uniform(seed);
  const xs: number[] = [];
  const ys: number[] = [];
  const ds: number[] = [];
  for (let s = 0; s < options.seeds; s++) {
    let x = Math.round(random() * options.size);
    let y = Math.round(random() * options.size);
    let day = Math.floor(random() * options.spanDays);
    xs.push(x);
    ys.push(y);
    ds.push(day);
    while (random() < options.repeatChance) {
      x = Math.round(x + (2 * random() - 1) * options.radius);
      y = Math.round(y + (2 * random() - 1) * options.radius);
      day += Math.floor(random() * (options.maxLagDays + 1));
      xs.push(x);
      ys.push(y);
      ds.push(day);
    }
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys), days: Int32Array.from(ds) };
}
