/**
 * How well flagged hotspots (from last period's map) capture this period's events.
 *
 * Predictive Accuracy Index (Chainey, Tompson & Uhlig 2008, "The utility of hotspot mapping
 * for predicting spatial patterns of crime", Security Journal 21:4–28):
 *
 *     PAI = (n/N) / (a/A)
 *
 * n: events inside the flagged cells, N: all events (in the evaluated cells), a: flagged area,
 * A: total area (m², or any one unit). PAI = 1 is no better than flagging at random.
 *
 * Predictive Efficiency Index (Hunt 2016, "Do crime hot spots move? Exploring the effects of
 * the modifiable areal unit problem and modifiable temporal unit problem on crime hot spot
 * stability", PhD thesis, American University): PEI = PAI / PAI*, where PAI* = (n* / N)/(a/A)
 * is the best PAI possible for the same flagged area: n* events, the most that any set of
 * cells of total area a holds (so PEI = n/n*, 1 = as good as hindsight). With equal cells n*
 * is the sum of the k largest counts, k = the number of flagged cells. With unequal areas
 * the best set is a knapsack problem; n* is then taken from the cells in order of density
 * (events per m²) with the last one counted fractionally: an upper bound of the best set, so
 * PEI is a lower bound (stated in `paiStarMethod`).
 */

export type HotspotEvaluation = {
  /** n, N, a, A. */
  hits: number;
  events: number;
  flaggedArea: number;
  totalArea: number;
  /** n/N and a/A. */
  hitRate: number;
  areaShare: number;
  pai: number;
  /** n*: the most events any area of size a could hold; PAI* and PEI = PAI/PAI*. */
  bestHits: number;
  paiStar: number;
  pei: number;
  paiStarMethod: 'exact (equal cells)' | 'upper bound (unequal areas, fractional)';
};

/**
 * PAI and PEI. `counts`: events per cell in the evaluation period; `flagged`: 1 for cells
 * flagged as hotspots; `cellAreas`: one area for all cells (default 1) or one per cell;
 * `mask`: 1 for cells in the study area (default all).
 */
export function hotspotAccuracy(
  counts: Float64Array,
  flagged: Uint8Array,
  options: { cellAreas?: number | Float64Array; mask?: Uint8Array } = {},
): HotspotEvaluation {
  const m = counts.length;
  if (flagged.length !== m) throw new RangeError('flagged and counts differ in length');
  const areas = options.cellAreas ?? 1;
  if (typeof areas !== 'number' && areas.length !== m)
    throw new RangeError('cellAreas and counts differ in length');
  const mask = options.mask;
  const areaOf = (i: number): number => (typeof areas === 'number' ? areas : (areas[i] as number));
  let hits = 0;
  let events = 0;
  let flaggedArea = 0;
  let totalArea = 0;
  let flaggedCells = 0;
  const cells: number[] = [];
  for (let i = 0; i < m; i++) {
    if (mask && !mask[i]) continue;
    const c = counts[i] as number;
    const area = areaOf(i);
    if (!(area > 0)) throw new RangeError(`cell ${i} has no positive area`);
    events += c;
    totalArea += area;
    cells.push(i);
    if (flagged[i]) {
      hits += c;
      flaggedArea += area;
      flaggedCells++;
    }
  }
  let bestHits = 0;
  const equalCells = typeof areas === 'number';
  if (equalCells) {
    const sorted = Float64Array.from(cells, (i) => counts[i] as number).sort();
    for (let k = 0; k < flaggedCells; k++) bestHits += sorted[sorted.length - 1 - k] as number;
  } else {
    cells.sort((i, j) => (counts[j] as number) / areaOf(j) - (counts[i] as number) / areaOf(i));
    let room = flaggedArea;
    for (const i of cells) {
      if (room <= 0) break;
      const take = Math.min(1, room / areaOf(i));
      bestHits += take * (counts[i] as number);
      room -= take * areaOf(i);
    }
  }
  const hitRate = hits / events;
  const areaShare = flaggedArea / totalArea;
  const pai = hitRate / areaShare;
  const paiStar = bestHits / events / areaShare;
  return {
    hits,
    events,
    flaggedArea,
    totalArea,
    hitRate,
    areaShare,
    pai,
    bestHits,
    paiStar,
    pei: pai / paiStar,
    paiStarMethod: equalCells ? 'exact (equal cells)' : 'upper bound (unequal areas, fractional)',
  };
}
