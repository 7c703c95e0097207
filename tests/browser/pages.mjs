// The pages the browser checks visit: at least one of every page type of the
// sample site (mounted at /) and of the fixture sites of FIXTURES (each
// built into target/browser/<name>/ and mounted at /fixture-<name>/): the
// `cycles` fixture, whose item pages carry evaluation results, the four
// plans of other governments, with their own levels, ranks, judgements,
// caps, ranges and archived plans, and the illustrative (例) plan of four
// levels, with its node pages. Without --quick every page is visited.

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

// The four real-plan fixtures and the four-level one: every page type each has (the page types
// common to every site, then its own).
const REAL_PLAN = (plan, own) => [
  ['home', 'index.html'],
  ['plan', `plans/${plan}/index.html`],
  ['indicators dashboard', `plans/${plan}/indicators.html`],
  ['division index', 'divisions/index.html'],
  ['data', 'data/index.html'],
  ['search', 'search.html'],
  ['404', '404.html'],
  ['accessibility statement', 'accessibility.html'],
  ...own,
];

/** The fixture sites (tests/fixtures/<name>), with their named pages. */
export const FIXTURES = [
  { name: 'cycles', named: CYCLES },
  {
    name: 'okinawa-2014',
    named: REAL_PLAN('okinawa-2014', [
      ['item (one level)', 'plans/okinawa-2014/items/1.html'],
      ['cycle', 'plans/okinawa-2014/cycles/2016.html'],
    ]),
  },
  {
    name: 'shimotsuke-2015',
    named: REAL_PLAN('shimotsuke-2015', [
      ['goal', 'plans/shimotsuke-2015/goals/1.html'],
      ['policy', 'plans/shimotsuke-2015/policies/1.html'],
    ]),
  },
  { name: 'ohtawara-2006', named: REAL_PLAN('ohtawara-2006', [['cycle', 'plans/ohtawara-2006/cycles/2010.html']]) },
  {
    name: 'example-2026',
    named: REAL_PLAN('example-2026', [
      ['goal', 'plans/example-2026/goals/2.html'],
      ['item with rank and judgement', 'plans/example-2026/items/2.html'],
      ['cycle', 'plans/example-2026/cycles/2026.html'],
      ['division', 'divisions/gyokaku.html'],
      ['plan (archived)', 'plans/example-2021/index.html'],
      ['cycle of the archived plan', 'plans/example-2021/cycles/2025.html'],
      ['dashboard of the archived plan', 'plans/example-2021/indicators.html'],
    ]),
  },
  {
    name: 'example-four-levels',
    named: REAL_PLAN('rei-2027', [
      ['goal (柱)', 'plans/rei-2027/goals/1.html'],
      ['policy (施策)', 'plans/rei-2027/policies/1.html'],
      ['node (事業)', 'plans/rei-2027/nodes/1.html'],
      ['item under a node (取組)', 'plans/rei-2027/items/1.html'],
      ['division', 'divisions/jyoho.html'],
    ]),
  },
];

/** The item page of the keyboard test and the screenshots. */
export const KEYBOARD_PAGE = 'plans/gunma-2025/items/25.html';

/** A search the search page runs, so its results are checked as well. */
export const SEARCH_QUERY = 'テレワーク';

/**
 * A citizen's questions of the issue "Citizens on a phone", each answered in
 * at most two taps from the home page at 375 px: the links tapped (by the
 * end of their address, optionally by their text; `search` types into the
 * header's search box and submits it) and the elements that hold the answer,
 * which must then be inside the screen.
 */
export const QUESTIONS = [
  {
    question: 'is overtime going down? (home → indicators dashboard)',
    taps: [{ href: 'plans/gunma-2025/indicators.html' }],
    answers: [
      { what: 'the latest overtime figure', selector: '#card-overtime-hours [data-answer="latest"]' },
      { what: 'its status against the baseline', selector: '#card-overtime-hours [data-answer="status"]' },
      { what: 'its target', selector: '#card-overtime-hours [data-answer="target"]' },
    ],
  },
  {
    question: 'what is being done about NETSUGEN? (search → item 9)',
    taps: [{ search: 'NETSUGEN' }, { href: 'plans/gunma-2025/items/9.html' }],
    answers: [
      { what: 'the project heading', selector: 'h2', text: 'NETSUGEN' },
      { what: 'what is being done (取組内容)', selector: '.project h3 + .prose' },
    ],
  },
  {
    question: 'which divisions are responsible for item 33? (goal 4 → item 33)',
    taps: [{ href: 'plans/gunma-2025/goals/4.html' }, { href: 'plans/gunma-2025/items/33.html' }],
    answers: [{ what: 'the responsible divisions', selector: '.facts dd', text: '財産有効活用課' }],
  },
  {
    question: 'how did the last plan end? (home → archived plan)',
    taps: [{ href: 'plans/gunma-2020/index.html' }],
    answers: [
      { what: 'the last result of its first indicator', selector: '.kpi-card [data-answer="latest"]' },
      { what: 'its status', selector: '.kpi-card [data-answer="status"]' },
      { what: 'the link to its last evaluation', selector: 'a[href*="cycles/"]' },
    ],
  },
];
