// Sampling and statistics shared by every runtime (no Node-only API here: Deno and Bun load it).
// Noise on a shared machine is handled three ways: warm-up before sampling, every case sampled in
// each round (rotated order) so a noisy moment hits all of them, and medians over many rounds.

export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** median, p25 and p75 of a list of numbers. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), n: sorted.length };
}

/** Per-round ratios case/baseline: both were sampled in the same round, so shared noise cancels. */
export function ratioSummary(samples, baseline) {
  const ratios = [];
  for (let i = 0; i < Math.min(samples.length, baseline.length); i++) ratios.push(samples[i] / baseline[i]);
  return summarize(ratios);
}

async function runBatch(fn, count) {
  const start = performance.now();
  for (let i = 0; i < count; i++) await fn();
  return performance.now() - start;
}

/**
 * Samples each case `rounds` times, interleaved: in every round each case runs one batch, in an
 * order rotated per round. Batches are sized so one lasts ~`sampleMs` (timer resolution and
 * per-sample overhead vanish). Returns ms per operation, one sample per round, per case id.
 */
export async function sampleInterleaved(cases, { rounds, sampleMs, warmupMs, maxBatch = 100_000 }) {
  const batch = new Map();
  for (const c of cases) {
    // Warm-up (JIT, caches) doubles as calibration; bounded by time and by iterations.
    let ops = 0;
    const start = performance.now();
    while (performance.now() - start < warmupMs && ops < maxBatch * 4) {
      await c.fn();
      ops++;
    }
    const perOp = (performance.now() - start) / ops;
    batch.set(c.id, Math.max(1, Math.min(maxBatch, Math.round(sampleMs / perOp))));
  }
  const samples = Object.fromEntries(cases.map((c) => [c.id, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length];
      const n = batch.get(c.id);
      samples[c.id].push((await runBatch(c.fn, n)) / n);
    }
  }
  return { samples, batch: Object.fromEntries(batch) };
}

/**
 * Several processes' in-process results as one: every round of every process summarized again
 * (times in the results' unit, ratios per round), with each process's own ratio median kept as
 * `perProcess` so that a disagreement between processes stays visible.
 */
export function poolRuns(runs) {
  if (runs.length === 1) return runs[0];
  const [first] = runs;
  const results = first.results.map((r) => {
    const all = runs.map((run) => run.results.find((x) => x.id === r.id));
    const time = summarize(all.flatMap((x) => x.rounds.times));
    const ratio = r.isBaseline ? undefined : summarize(all.flatMap((x) => x.rounds.ratios));
    return { ...r, median: time.median, p25: time.p25, p75: time.p75, n: time.n, ratio, perProcess: all.map((x) => x.ratio?.median) };
  });
  const hashes = (type) => [...new Set(runs.map((run) => run.floorHash[type]))].join(' / ');
  return { ...first, results, floorHash: { MD5: hashes('MD5'), SHA256: hashes('SHA256') }, processes: runs.length, seconds: runs.reduce((sum, run) => sum + run.seconds, 0) };
}
