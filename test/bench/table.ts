import type { SystemFigures } from './run-system.js';
import type { ScaleFigures } from './scale.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number, digits = 1) => x.toFixed(digits);

function render(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatTable(dataset: string, rows: readonly SystemFigures[]): string {
  return `${dataset}\n${render(
    [
      'variant',
      'system',
      'in-scope acc',
      'OOS recall',
      'train s',
      'p50 µs',
      'p99 µs',
      'peak RSS MB',
      'cut-off',
      'risk≤1% cov',
    ],
    rows.map((r) => [
      r.variant,
      r.system,
      pct(r.inScopeAccuracy),
      pct(r.oosRecall),
      num(r.trainSeconds, 2),
      num(r.latencyMicros.p50),
      num(r.latencyMicros.p99),
      num(r.peakRssMB, 0),
      `${num(r.cutoff, 3)} (${r.cutoffFrom})`,
      pct(r.riskCoverage),
    ]),
  )}`;
}

export function formatScaleTable(rows: readonly ScaleFigures[]): string {
  return render(
    ['entries', 'phrasings', 'train s', 'p50 µs', 'p99 µs', 'peak RSS MB', 'top-1'],
    rows.map((r) => [
      String(r.entries),
      String(r.phrasings),
      num(r.trainSeconds, 2),
      num(r.latencyMicros.p50),
      num(r.latencyMicros.p99),
      num(r.peakRssMB, 0),
      pct(r.top1),
    ]),
  );
}
