// The import's closing report on stdout: what happened to every row of the file, this run and earlier
// runs together, with failures counted by reason.
import type { RowResult } from './backfill.js';

export interface SummaryInput {
  file: string;
  rows: number;
  /** Rows skipped because the journal says FirstPromoter accepted them in an earlier run. */
  alreadyDone: number;
  invalid: number;
  results: readonly RowResult[];
  /** Rows never sent in this run because it was interrupted. */
  notSent: number;
}

export function summaryLines(input: SummaryInput): string[] {
  const count = (outcome: RowResult['outcome']) => input.results.filter((r) => r.outcome === outcome).length;
  const reasons = new Map<string, number>();
  for (const result of input.results) {
    if (result.outcome === 'failed') reasons.set(result.reason ?? 'error', (reasons.get(result.reason ?? 'error') ?? 0) + 1);
  }
  if (input.invalid > 0) reasons.set('invalid', input.invalid);
  const failed = count('failed') + input.invalid;
  const byReason = [...reasons].sort(([a], [b]) => a.localeCompare(b)).map(([reason, n]) => `${reason} ${n}`).join(', ');
  const lines = [
    `import ${input.file}: ${input.rows} rows`,
    `  already done (journal): ${input.alreadyDone}`,
    `  tracked: ${count('tracked')}`,
    `  duplicate: ${count('duplicate')}`,
    `  not_referral: ${count('not_referral')}`,
    `  failed: ${failed}${byReason ? ` (${byReason})` : ''}`,
  ];
  if (input.notSent > 0) lines.push(`  not sent (interrupted): ${input.notSent}`);
  return lines;
}
