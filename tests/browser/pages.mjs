// The pages the browser checks visit: at least one of every page type of the
// sample site (mounted at /) and of the `cycles` fixture (mounted at
// /fixture-cycles/), whose item pages carry evaluation results.

export const SAMPLE = [
  ['home', 'index.html'],
  ['plan', 'plans/gunma-2025/index.html'],
  ['plan (archived)', 'plans/gunma-2020/index.html'],
  ['goal', 'plans/gunma-2025/goals/2.html'],
  ['policy', 'plans/gunma-2025/policies/11.html'],
  ['item with charts', 'plans/gunma-2025/items/25.html'],
  ['item with projects', 'plans/gunma-2025/items/9.html'],
  ['item, no division', 'plans/gunma-2025/items/28.html'],
  ['division', 'divisions/dx.html'],
  ['division index', 'divisions/index.html'],
  ['cycle', 'plans/gunma-2020/cycles/2024.html'],
  ['indicators dashboard', 'plans/gunma-2025/indicators.html'],
  ['data', 'data/index.html'],
  ['search', 'search.html'],
  ['Markdown page', 'pages/about.html'],
  ['404', '404.html'],
  ['accessibility statement', 'accessibility.html'],
];

export const CYCLES = [
  ['home, with results', 'index.html'],
  ['plan, with results', 'plans/demo/index.html'],
  ['item with results', 'plans/demo/items/1.html'],
  ['item with results (2)', 'plans/demo/items/2.html'],
  ['cycle (first)', 'plans/demo/cycles/2025.html'],
  ['cycle (with changes)', 'plans/demo/cycles/2026.html'],
  ['indicators dashboard, with results', 'plans/demo/indicators.html'],
  ['news page', 'pages/news.html'],
];

/** The item page of the keyboard test and the screenshots. */
export const KEYBOARD_PAGE = 'plans/gunma-2025/items/25.html';

/** A search the search page runs, so its results are checked as well. */
export const SEARCH_QUERY = 'テレワーク';
