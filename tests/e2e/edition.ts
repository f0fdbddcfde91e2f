import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The edition the site under test was built from, read from the data as the
// build picks it: the latest of `data/action-program.json` (the first
// edition) and `data/editions/*.json` (model::edition::Editions). Tests
// name editions and reporting years through these, never as literals, so
// `cargo xtask edition add` leaves them passing.

const data = resolve(__dirname, '..', '..', 'data');

/** The 令和 year a `status_as_of` reports to: 「令和4年度末」 → 4. */
function reportedYear(statusAsOf: string): number {
  const year = /^令和(\d+)年度末$/.exec(statusAsOf.trim());
  if (!year) throw new Error(`not an edition: ${statusAsOf}`);
  return Number(year[1]);
}

const editionFiles = [
  join(data, 'action-program.json'),
  ...readdirSync(join(data, 'editions'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(data, 'editions', name)),
];

/** The 令和 year each edition reports to, latest last. */
const years = editionFiles
  .map((file) => reportedYear(JSON.parse(readFileSync(file, 'utf8')).meta.status_as_of))
  .sort((a, b) => a - b);

/** An edition as the interface names it: 「令和4年度末」. */
export const editionLabel = (year: number) => `令和${year}年度末`;

/** The current edition: its year, its label, and the part of file names that names it (`r4-end`). */
export const edition = (() => {
  const year = years[years.length - 1];
  return { year, label: editionLabel(year), slug: `r${year}-end` };
})();

/** The next edition, the one the sections' reports make. */
export const nextEdition = { year: edition.year + 1, label: editionLabel(edition.year + 1), slug: `r${edition.year + 1}-end` };

/** The edition before the current one: what a stale report was made from. */
export const olderEdition = { year: edition.year - 1, label: editionLabel(edition.year - 1) };

/** The year the sections report on: 「令和5年度」 after the 令和4年度末 edition. */
export const reportingYear = `令和${nextEdition.year}年度`;
