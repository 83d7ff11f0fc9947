// The README's table of tracking outcomes, written by the generator from every API's operation table
// (the `x-outcomes` of the specs), so the documentation says what the code does: for each tracking
// call, which answers are `tracked`, `not_referral` or `duplicate`, and which are thrown.

export const START = '<!-- tracking-outcomes:start (written by npm run generate from x-outcomes) -->';
export const END = '<!-- tracking-outcomes:end -->';

/** `tables`: each API's name and operation table (scripts/operation-table.mjs). */
export function outcomeTable(tables) {
  const rows = tables.flatMap(({ api, operations }) => operations.filter((op) => op.kind === 'tracking').map((op) => {
    const rules = op.outcomes ?? {};
    const cell = (outcome) => Object.entries(rules).filter(([, rule]) => rule.outcome === outcome)
      .map(([status, rule]) => `${status}${condition(rule.when)}`).join(', ') || '—';
    const tracked = op.statuses.filter((s) => s >= 200 && s < 300 && !rules[s] && op.media[s]).join(', ');
    const thrown = op.statuses.filter((s) => (s < 200 || s >= 300) && !rules[s]);
    const conditional = Object.entries(rules).filter(([, rule]) => rule.when).map(([status]) => `${status} otherwise`);
    return `| ${api} \`${op.path.replace(/^\/track\//, 'track.')}\` | ${tracked} | ${cell('not_referral')} | ${cell('duplicate')} | ${[...thrown, ...conditional, 'any other'].join(', ')} |`;
  }));
  return [
    START,
    '| call | `tracked` | `not_referral` | `duplicate` | thrown as a typed error |',
    '|---|---|---|---|---|',
    ...rows,
    END,
  ].join('\n');
}

/** ` with code: not_found`, ` with a transaction_id`, or nothing. */
function condition(when) {
  if (!when) return '';
  return ` with ${Object.entries(when).map(([name, value]) => (value === true ? `\`${name}\`` : `\`${name}: ${value}\``)).join(' and ')}`;
}

/** `readme` with the block between the markers replaced by `table`; throws when the markers are missing. */
export function withOutcomeTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the tracking outcome markers (${START} … ${END})`);
  return readme.slice(0, start) + table + readme.slice(end + END.length);
}
