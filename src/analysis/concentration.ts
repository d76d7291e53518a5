/**
 * Concentration of events at places (and at victims): repeat locations and repeat victims,
 * the share of events at the top x % of places, the Lorenz curve and the Gini coefficient,
 * standard and generalised (Bernasco & Steenbeek 2017).
 *
 * Counts: cᵢ = events at place i over all N places at risk (places without events count:
 * give `placeCount` = N, e.g. all street segments or addresses; by default only the places
 * that have events are known, which overstates equality). n = Σ cᵢ events.
 *
 * Gini (discrete, as DescTools::Gini without the small-sample correction): with c₍₁₎ ≤ … ≤
 * c₍N₎ sorted ascending, G = Σᵢ (2i − N − 1)·c₍ᵢ₎ / (N·n), i.e. Σᵢ Σⱼ |cᵢ − cⱼ| / (2N²c̄).
 * 0 = all places equal; (N − 1)/N = all events at one place.
 *
 * Generalised Gini (Bernasco, W. & Steenbeek, W. 2017, "More places than crimes:
 * implications for evaluating the law of crime concentration at place", J Quant Criminol
 * 33:451–467, doi:10.1007/s10940-016-9324-7): when events are fewer than places (n < N), at
 * least N − n places must stay empty however evenly the events fall, so even the most equal
 * possible spread (n places with one event) has G_min = 1 − n/N, and G overstates
 * concentration in sparse data. They compare with that "maximal equality given the data"
 * instead of perfect equality:
 *
 *     G' = max(1, N/n) · (G − 1) + 1      (= (G − G_min)/(1 − G_min) when n < N; = G when n ≥ N)
 *
 * (as in their lorenzgini R package, without its optional small-sample correction).
 *
 * Lorenz curve: points (share of places, share of events) with places sorted ascending by
 * count, from (0, 0) to (1, 1); only the vertices where the slope changes are returned
 * (places with equal counts form one straight segment). Top x %: the share of events at the
 * x % of places with most events, x/100·N places, interpolated linearly for a fraction of a
 * place (the same curve read from the top).
 */

export type ConcentrationOptions = {
  /** N: the number of places at risk, ≥ the number of distinct places with events. */
  placeCount?: number;
  /** Percentages of places for the top-x % shares (default 1, 5, 10, 20, 50). */
  topPercents?: readonly number[];
  /** A victim id per event (−1 = unknown), for repeat victimisation. */
  victimIds?: Int32Array;
};

export type ConcentrationResult = {
  events: number;
  /** N, and the number of places with at least one event. */
  places: number;
  placesWithEvents: number;
  /** Places with events sorted by count descending (ties by id), and their counts. */
  placeIds: Int32Array;
  counts: Int32Array;
  /** Repeat locations: places with ≥ 2 events, and the events there. */
  repeatPlaces: number;
  eventsAtRepeatPlaces: number;
  topShares: { percent: number; places: number; eventShare: number }[];
  lorenz: { placeShare: Float64Array; eventShare: Float64Array };
  gini: number;
  generalizedGini: number;
  victims: { victims: number; repeatVictims: number; eventsToRepeatVictims: number; unknown: number } | null;
};

/** Distinct ids with their counts, sorted by count descending then id ascending; negative ids are skipped. */
function countIds(ids: Int32Array): { ids: Int32Array; counts: Int32Array; skipped: number } {
  const sorted = ids.slice().sort();
  const distinct: number[] = [];
  const counts: number[] = [];
  let skipped = 0;
  for (const id of sorted) {
    if (id < 0) {
      skipped++;
      continue;
    }
    if (distinct.length > 0 && distinct[distinct.length - 1] === id)
      counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    else {
      distinct.push(id);
      counts.push(1);
    }
  }
  const order = distinct
    .map((_, k) => k)
    .sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  return {
    ids: Int32Array.from(order, (k) => distinct[k] as number),
    counts: Int32Array.from(order, (k) => counts[k] as number),
    skipped,
  };
}

/**
 * Gini G of counts over N places, where `counts` lists the places with events (any order) and
 * the other N − counts.length places have none.
 */
export function gini(counts: ArrayLike<number>, placeCount = counts.length): number {
  const values = Float64Array.from(counts).sort();
  const N = placeCount;
  if (N < values.length) throw new RangeError('placeCount is below the number of places given');
  let n = 0;
  let weighted = 0;
  // values[k] is c₍ᵢ₎ with i = N − values.length + k + 1 (the empty places come first).
  for (let k = 0; k < values.length; k++) {
    const c = values[k] as number;
    if (c < 0) throw new RangeError('counts must be ≥ 0');
    const i = N - values.length + k + 1;
    weighted += (2 * i - N - 1) * c;
    n += c;
  }
  if (!(n > 0)) return Number.NaN;
  return weighted / (N * n);
}

/** Bernasco & Steenbeek's generalised Gini G' = max(1, N/n)·(G − 1) + 1 (see the file comment). */
export function generalizedGini(counts: ArrayLike<number>, placeCount = counts.length): number {
  let n = 0;
  for (let k = 0; k < counts.length; k++) n += counts[k] as number;
  const g = gini(counts, placeCount);
  return Math.max(1, placeCount / n) * (g - 1) + 1;
}

/** The Lorenz curve's vertices (see the file comment). */
export function lorenzCurve(
  counts: ArrayLike<number>,
  placeCount = counts.length,
): { placeShare: Float64Array; eventShare: Float64Array } {
  const values = Float64Array.from(counts).sort();
  const N = placeCount;
  let n = 0;
  for (const c of values) n += c;
  const px: number[] = [0];
  const py: number[] = [0];
  let places = N - values.length; // the empty places first
  let events = 0;
  if (places > 0) {
    px.push(places / N);
    py.push(0);
  }
  for (let k = 0; k < values.length; k++) {
    places++;
    events += values[k] as number;
    const last = k === values.length - 1;
    if (last || values[k + 1] !== values[k]) {
      px.push(places / N);
      py.push(n > 0 ? events / n : 0);
    }
  }
  return { placeShare: Float64Array.from(px), eventShare: Float64Array.from(py) };
}

/** Concentration of events at places (and victims): see the file comment. */
export function concentration(placeIds: Int32Array, options: ConcentrationOptions = {}): ConcentrationResult {
  const places = countIds(placeIds);
  if (places.skipped > 0) throw new RangeError('place ids must be ≥ 0');
  const events = placeIds.length;
  const placesWithEvents = places.ids.length;
  const N = options.placeCount ?? placesWithEvents;
  if (!Number.isInteger(N) || N < placesWithEvents) {
    throw new RangeError(
      `placeCount (${N}) must be an integer ≥ the places with events (${placesWithEvents})`,
    );
  }
  let repeatPlaces = 0;
  let eventsAtRepeatPlaces = 0;
  for (const c of places.counts) {
    if (c >= 2) {
      repeatPlaces++;
      eventsAtRepeatPlaces += c;
    }
  }
  // Top x %: cumulative events over places ranked by count, read at x/100·N places.
  const topShares = (options.topPercents ?? [1, 5, 10, 20, 50]).map((percent) => {
    if (!(percent >= 0 && percent <= 100)) throw new RangeError('top percentages must lie in [0, 100]');
    const k = (percent / 100) * N;
    const whole = Math.floor(k);
    let sum = 0;
    for (let r = 0; r < Math.min(whole, placesWithEvents); r++) sum += places.counts[r] as number;
    if (whole < placesWithEvents) sum += (k - whole) * (places.counts[whole] as number);
    return { percent, places: k, eventShare: events > 0 ? sum / events : Number.NaN };
  });
  let victims: ConcentrationResult['victims'] = null;
  if (options.victimIds) {
    if (options.victimIds.length !== events) throw new RangeError('victimIds and placeIds differ in length');
    const v = countIds(options.victimIds);
    let repeatVictims = 0;
    let eventsToRepeatVictims = 0;
    for (const c of v.counts) {
      if (c >= 2) {
        repeatVictims++;
        eventsToRepeatVictims += c;
      }
    }
    victims = { victims: v.ids.length, repeatVictims, eventsToRepeatVictims, unknown: v.skipped };
  }
  return {
    events,
    places: N,
    placesWithEvents,
    placeIds: places.ids,
    counts: places.counts,
    repeatPlaces,
    eventsAtRepeatPlaces,
    topShares,
    lorenz: lorenzCurve(places.counts, N),
    gini: gini(places.counts, N),
    generalizedGini: generalizedGini(places.counts, N),
    victims,
  };
}

/**
 * Place ids from coordinates (metres): points whose coordinates round to the same multiple of
 * `tolerance` (e.g. 1 m for geocoded addresses) share a place. Ids are 0, 1, … in order of
 * first appearance; placeX/placeY are each place's snapped position.
 */
export function placeIdsFromCoordinates(
  x: Float64Array,
  y: Float64Array,
  tolerance: number,
): { placeIds: Int32Array; placeX: Float64Array; placeY: Float64Array } {
  if (!(tolerance > 0)) throw new RangeError('tolerance must be > 0');
  const ids = new Int32Array(x.length);
  const index = new Map<string, number>();
  const px: number[] = [];
  const py: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const sx = Math.round((x[i] as number) / tolerance);
    const sy = Math.round((y[i] as number) / tolerance);
    const key = `${sx},${sy}`;
    let id = index.get(key);
    if (id === undefined) {
      id = px.length;
      index.set(key, id);
      px.push(sx * tolerance);
      py.push(sy * tolerance);
    }
    ids[i] = id;
  }
  return { placeIds: ids, placeX: Float64Array.from(px), placeY: Float64Array.from(py) };
}
