//! `kohyo-synth`: synthetic sites for the speed benchmark in `bench/`.
//!
//! - `kohyo-synth --out DIR --items N [--plans P] [--seed S]` writes a valid
//!   kohyo site of N items (with projects, roadmaps, indicators and five
//!   fiscal years of results) into `DIR/content/`. Add `--hugo HDIR` to also
//!   write the equivalent Hugo site (same pages, same fields as front matter);
//!   `--hugo HDIR` alone writes only the Hugo site.
//! - `kohyo-synth --list DIR` prints `size<TAB>path` for every file below DIR.
//! - `kohyo-synth --floor-write OUT --like LIST` writes files with the paths and
//!   sizes of LIST (a `--list` manifest, or a folder), one `std::fs::write`
//!   each on one thread: the floor that any generator writing them must pay.
//! - `kohyo-synth --phases ROOT [--out DIR] [--skip-search]` runs the steps of
//!   `kohyo build` one by one through the library (load, validate, render,
//!   search index, write into DIR, by default `ROOT/public-phases`) and prints
//!   the time and peak memory after each.
//!
//! Everything is deterministic from `--seed`: a splitmix64 generator drives
//! word lists, so the same arguments give byte-identical files.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

/// Write synthetic kohyo and Hugo sites, or the file-writing floor, for benchmarks.
#[derive(Parser)]
#[command(name = "kohyo-synth", version)]
struct Cli {
    /// Write a kohyo site into this folder (its `content/` must not exist yet).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write the equivalent Hugo site into this folder (must not exist yet).
    #[arg(long)]
    hugo: Option<PathBuf>,
    /// Number of implementation items, split over the plans.
    #[arg(long, default_value_t = 35)]
    items: usize,
    /// Number of plans (1–20), each of five fiscal years: the first is
    /// current, the others archived. Items are split evenly over them. Each
    /// plan's results file for a year lists all its items; kohyo loads such
    /// files up to about 64 MiB (some 70,000 items).
    #[arg(long, default_value_t = 1)]
    plans: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print `size<TAB>path` of every file below this folder, for `--like`.
    #[arg(long, conflicts_with_all = ["out", "hugo", "floor_write"])]
    list: Option<PathBuf>,
    /// Write files with the paths and sizes given by `--like` into this new folder.
    #[arg(long, requires = "like", conflicts_with_all = ["out", "hugo"])]
    floor_write: Option<PathBuf>,
    /// A manifest printed by `--list`, or a folder whose files to mimic.
    #[arg(long)]
    like: Option<PathBuf>,
    /// Time each step of `kohyo build` on this site folder, writing into
    /// `--out` (default ROOT/public-phases).
    #[arg(long, conflicts_with_all = ["hugo", "floor_write", "list"])]
    phases: Option<PathBuf>,
    /// With `--phases`: leave out the search index, to see what the rest costs.
    #[arg(long, requires = "phases")]
    skip_search: bool,
}

/// mimalloc instead of the system allocator: builds allocate many small
/// strings on every core, and it is faster and returns memory more readily
/// (see the README's dependency list for the measurement).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = if let Some(dir) = &cli.list {
        list(dir)
    } else if let Some(root) = &cli.phases {
        let out = cli
            .out
            .clone()
            .unwrap_or_else(|| root.join("public-phases"));
        phases(root, &out, !cli.skip_search)
    } else if let (Some(out), Some(like)) = (&cli.floor_write, &cli.like) {
        floor_write(out, like)
    } else if cli.out.is_some() || cli.hugo.is_some() {
        generate(&cli)
    } else {
        eprintln!(
            "error: give --out DIR, --hugo DIR, --list DIR, --floor-write OUT --like LIST or --phases ROOT"
        );
        return ExitCode::from(2);
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn generate(cli: &Cli) -> io::Result<()> {
    if cli.items == 0 || cli.plans == 0 || cli.plans > 20 {
        return Err(io::Error::other(
            "--items must be at least 1 and --plans between 1 and 20",
        ));
    }
    let site = Site::new(cli.items, cli.plans.min(cli.items), cli.seed);
    if let Some(out) = &cli.out {
        let content = out.join("content");
        if content.exists() {
            return Err(io::Error::other(format!(
                "{} already exists; pick a new folder",
                content.display()
            )));
        }
        kohyo_site::write(&site, &content)?;
    }
    if let Some(dir) = &cli.hugo {
        if dir.exists() {
            return Err(io::Error::other(format!(
                "{} already exists; pick a new folder",
                dir.display()
            )));
        }
        hugo::write(&site, dir)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The floor: the same files, the same sizes, written as plainly as possible.

/// Every file below `dir` as (site-relative path with `/`, size), sorted.
fn walk(dir: &Path) -> io::Result<Vec<(String, u64)>> {
    let mut out = Vec::new();
    let mut todo = vec![(dir.to_path_buf(), String::new())];
    while let Some((path, rel)) = todo.pop() {
        for entry in fs::read_dir(&path)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let child = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            let kind = entry.file_type()?;
            if kind.is_dir() {
                todo.push((entry.path(), child));
            } else if kind.is_file() {
                out.push((child, entry.metadata()?.len()));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn list(dir: &Path) -> io::Result<()> {
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    for (path, size) in walk(dir)? {
        writeln!(w, "{size}\t{path}")?;
    }
    w.flush()
}

fn floor_write(out: &Path, like: &Path) -> io::Result<()> {
    let files = if like.is_dir() {
        walk(like)?
    } else {
        let text = fs::read_to_string(like)?;
        let mut files = Vec::new();
        for line in text.lines().filter(|l| !l.is_empty()) {
            let bad = || io::Error::other(format!("bad manifest line `{line}`"));
            let (size, path) = line.split_once('\t').ok_or_else(bad)?;
            files.push((path.to_string(), size.parse::<u64>().map_err(|_| bad())?));
        }
        files
    };
    if out.exists() {
        return Err(io::Error::other(format!(
            "{} already exists; the floor writes into a new folder",
            out.display()
        )));
    }
    let largest = files.iter().map(|f| f.1).max().unwrap_or(0) as usize;
    let filler: Vec<u8> = (0..largest).map(|i| b'a' + (i % 26) as u8).collect();
    let mut made: HashSet<PathBuf> = HashSet::new();
    fs::create_dir_all(out)?;
    for (path, size) in &files {
        let dest = out.join(path);
        if let Some(parent) = dest.parent()
            && made.insert(parent.to_path_buf())
        {
            fs::create_dir_all(parent)?;
        }
        fs::write(&dest, &filler[..*size as usize])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Where a build's time and memory go, step by step.

/// Peak resident memory of this process so far, in MiB (Linux only).
fn peak_mib() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The steps of `pipeline::render_site` and `pipeline::build`, timed one by one.
fn phases(root: &Path, out: &Path, with_search: bool) -> io::Result<()> {
    use ::kohyo::load::theme;
    use ::kohyo::{load, output, render, search, validate};
    let failed =
        |what: &str| io::Error::other(format!("{what}; run `kohyo check` for the details"));
    let start = Instant::now();
    let mut mark = start;
    let mut step = |name: &str| {
        let now = Instant::now();
        let secs = (now - mark).as_secs_f64();
        mark = now;
        let peak = peak_mib().map_or(String::from("?"), |m| format!("{m:.0}"));
        println!("{name:<28} {secs:>9.3} s   peak RSS so far {peak:>7} MiB");
    };
    let (raw, mut diags) = load::load(root);
    step("load (read + parse YAML)");
    let theme = theme::load(root, &mut diags);
    let site = validate::validate(raw, &mut diags);
    step("theme + validate");
    let (Some(site), Some(theme)) = (site, theme) else {
        return Err(failed("the content has errors"));
    };
    if diags.has_errors() {
        return Err(failed("the content has errors"));
    }
    // The steps of `pipeline::build`, one after the other so each is timed
    // on its own (the build runs the search index beside the rendering).
    let io_err = |e: &dyn std::fmt::Display| io::Error::other(e.to_string());
    let mut staging =
        output::Staging::begin(out, &output::WriteOptions::default()).map_err(|e| io_err(&e))?;
    render::render(&site, &theme, &mut diags, &mut staging).map_err(|e| io_err(&e))?;
    if diags.has_errors() {
        return Err(failed("rendering failed"));
    }
    step("render + write");
    if with_search {
        let index = search::build(&site);
        step("search index: documents + write");
        let stats = index.stats;
        output::Sink::put(&mut staging, index.files).map_err(|e| io_err(&e))?;
        step("search index: to staging");
        println!(
            "{:<28} {} documents, {} files ({} shards), {:.1} MiB",
            "search index",
            stats.pages,
            stats.files,
            stats.shards,
            stats.bytes as f64 / 1048576.0
        );
    }
    let report = staging.commit().map_err(|e| io_err(&e))?;
    step("swap");
    let total = start.elapsed().as_secs_f64();
    println!(
        "{:<28} {total:>9.3} s   {} files, {:.1} MiB",
        "total",
        report.files,
        report.bytes as f64 / 1048576.0
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Randomness and words.

/// splitmix64: tiny, fast and good enough for synthetic text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with `pct` percent probability.
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
    /// A float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const AREAS: &[&str] = &[
    "行政手続",
    "県有施設",
    "公共データ",
    "職員研修",
    "窓口サービス",
    "電子申請",
    "庁内業務",
    "財政運営",
    "公共交通",
    "防災情報",
    "子育て支援",
    "地域医療",
    "観光振興",
    "中小企業支援",
    "農業経営",
    "森林資源",
    "道路維持管理",
    "県立学校",
    "文化施設",
    "広報発信",
    "働き方",
    "人材育成",
    "市町村連携",
    "官民共創",
    "デジタル基盤",
    "情報セキュリティ",
    "公金収納",
    "契約事務",
    "統計調査",
    "移住定住",
];
const METHODS: &[&str] = &[
    "オンライン化",
    "デジタル化",
    "効率化",
    "見える化",
    "標準化",
    "最適化",
    "集約化",
    "共同化",
    "民間活用",
    "データ連携",
    "ペーパーレス化",
    "キャッシュレス化",
    "自動化",
    "多言語化",
    "再編",
];
const ACTIONS: &[&str] = &[
    "の推進",
    "の強化",
    "の促進",
    "の充実",
    "の見直し",
    "に向けた取組",
    "の検討",
    "の拡大",
    "の着実な実施",
    "による業務改善",
];
const NOUNS: &[&str] = &[
    "手続の件数",
    "利用者の満足度",
    "職員の負担",
    "事務処理の時間",
    "紙の書類",
    "問い合わせの件数",
    "システムの運用経費",
    "情報の共有",
    "現場の人手",
    "データの精度",
    "施設の稼働率",
    "相談の件数",
];
const PROBLEMS: &[&str] = &[
    "増加",
    "偏り",
    "長期化",
    "不足",
    "重複",
    "属人化",
    "老朽化",
    "分散",
];
const BENEFITS: &[&str] = &[
    "県民の利便性の向上",
    "業務の効率化",
    "経費の節減",
    "サービスの質の向上",
    "職員の働きやすさの向上",
    "行政の透明性の向上",
    "地域の持続的な発展",
];
const VERBS: &[&str] = &[
    "見直します",
    "整理します",
    "共有します",
    "点検します",
    "拡充します",
    "周知します",
    "検証します",
    "進めます",
];
const PAST: &[&str] = &[
    "実施した",
    "見直した",
    "周知した",
    "試行した",
    "導入した",
    "点検した",
    "拡大した",
];
const GOALS: &[&str] = &[
    "DX等による質の高い行政サービス提供",
    "官民共創による持続可能な公共づくり",
    "未来を切り拓く職員の育成と組織風土改革",
    "持続可能な財政基盤の確立",
    "県民との対話による開かれた県政",
    "市町村との連携による広域的な課題解決",
];
const BUREAUS: &[&str] = &[
    "総務部",
    "知事戦略部",
    "デジタル推進部",
    "健康福祉部",
    "環境森林部",
    "農政部",
    "産業経済部",
    "県土整備部",
    "生活こども部",
    "地域創生部",
    "危機管理部",
    "会計局",
    "教育委員会事務局",
    "企業局",
];
const STEMS: &[&str] = &[
    "総務",
    "企画",
    "人事",
    "財政",
    "管財",
    "広報",
    "統計",
    "情報政策",
    "福祉",
    "医療",
    "保健予防",
    "環境政策",
    "森林保全",
    "農業構造",
    "観光",
    "商政",
    "労働政策",
    "道路整備",
    "河川",
    "都市計画",
    "住宅政策",
    "子育て支援",
    "文化振興",
    "スポーツ振興",
    "消防保安",
    "学校人事",
    "生涯学習",
    "契約検査",
    "施設管理",
    "業務改革",
];
/// (unit, decimal places, typical size).
const UNITS: &[(&str, u8, f64)] = &[
    ("件", 0, 5000.0),
    ("%", 1, 60.0),
    ("時間", 1, 20.0),
    ("人", 0, 800.0),
    ("者", 0, 300.0),
    ("回", 0, 120.0),
    ("日", 1, 14.0),
    ("億円", 1, 40.0),
];
const METRICS: &[&str] = &[
    "件数",
    "利用率",
    "処理時間",
    "参加者数",
    "登録者数",
    "実施回数",
    "取得日数",
    "削減額",
];

fn sentence(r: &mut Rng, year: i32) -> String {
    let area = r.pick(AREAS);
    let noun = r.pick(NOUNS);
    match r.below(6) {
        0 => format!(
            "{area}については、{noun}の{}が課題となっています。",
            r.pick(PROBLEMS)
        ),
        1 => format!(
            "{year}年度までに{area}の{}を進め、{}を目指します。",
            r.pick(METHODS),
            r.pick(BENEFITS)
        ),
        2 => format!(
            "関係所属と連携し、{area}に関する{noun}を{}。",
            r.pick(VERBS)
        ),
        3 => format!(
            "これまでの取組で{noun}は改善しましたが、{}への対応が引き続き必要です。",
            r.pick(PROBLEMS)
        ),
        4 => format!(
            "{area}の{}により、{}につなげます。",
            r.pick(METHODS),
            r.pick(BENEFITS)
        ),
        _ => format!(
            "利用者の声をもとに{noun}を定期的に把握し、必要に応じて取組を{}。",
            r.pick(VERBS)
        ),
    }
}

/// A paragraph of `lo..=hi` sentences on one line.
fn para(r: &mut Rng, lo: usize, hi: usize, year: i32) -> String {
    let n = r.range(lo, hi);
    (0..n).map(|_| sentence(r, year)).collect()
}

/// Markdown prose: a paragraph, sometimes a second one or a short list.
fn prose(r: &mut Rng, year: i32) -> String {
    let mut s = para(r, 2, 4, year);
    s.push('\n');
    if r.chance(30) {
        s.push('\n');
        for _ in 0..r.range(2, 4) {
            let _ = writeln!(s, "- {}の{}", r.pick(AREAS), r.pick(METHODS));
        }
    } else if r.chance(30) {
        s.push('\n');
        s.push_str(&para(r, 1, 2, year));
        s.push('\n');
    }
    s
}

fn item_title(r: &mut Rng) -> String {
    format!("{}の{}{}", r.pick(AREAS), r.pick(METHODS), r.pick(ACTIONS))
}

/// `v` rounded to `places` decimals.
fn round(v: f64, places: u8) -> f64 {
    let f = 10f64.powi(places as i32);
    (v * f).round() / f
}

// ---------------------------------------------------------------------------
// The synthetic site: one model, written out for kohyo and for Hugo.

struct Division {
    id: String,
    name: String,
    bureau: String,
    alias: Option<String>,
}

struct Site {
    divisions: Vec<Division>,
    plans: Vec<Plan>,
}

struct Plan {
    id: String,
    title: String,
    from: i32,
    to: i32,
    current: bool,
    summary: String,
    goals: Vec<Goal>,
    items: Vec<Item>,
    cycles: Vec<CycleMeta>,
}

struct Goal {
    number: u32,
    title: String,
    summary: Option<String>,
    policies: Vec<Policy>,
}

struct Policy {
    number: u32,
    title: String,
    summary: Option<String>,
}

struct Item {
    number: u32,
    title: String,
    policy: u32,
    goal: u32,
    mark: bool,
    divisions: Vec<usize>,
    inferred: bool,
    summary: String,
    note: Option<String>,
    projects: Vec<Project>,
    indicators: Vec<Indicator>,
    results: Vec<ItemYear>,
}

struct Project {
    title: String,
    divisions: Vec<usize>,
    related: Vec<usize>,
    situation: String,
    actions: String,
    links: Vec<(String, Option<String>)>,
    roadmap: Vec<Row>,
    evaluation: Vec<(String, Option<String>)>,
}

struct Row {
    label: String,
    from: i32,
    to: i32,
    detail: Option<String>,
}

struct Indicator {
    id: String,
    name: String,
    target: bool,
    unit: &'static str,
    direction: &'static str,
    places: u8,
    precision: Option<u8>,
    baseline: (i32, f64),
    targets: Vec<(i32, f64)>,
    actuals: Vec<Actual>,
    source: Option<String>,
    notes: Option<String>,
}

struct Actual {
    year: i32,
    value: Option<f64>,
    note: Option<String>,
}

struct ItemYear {
    year: i32,
    grade: &'static str,
    /// (project from 1, row from 1, status, text).
    achievements: Vec<(usize, usize, &'static str, String)>,
    self_evaluation: String,
    analysis: Option<String>,
    issues: Option<String>,
    next_response: Option<String>,
    opinions: Vec<(String, Option<String>)>,
}

struct CycleMeta {
    year: i32,
    published: String,
    summary: String,
    meetings: Vec<Meeting>,
    revisions: Vec<Revision>,
}

struct Meeting {
    date: String,
    title: String,
    summary: String,
    minutes: String,
}

struct Revision {
    kind: &'static str,
    item: Option<u32>,
    indicator: Option<String>,
    from: i32,
    change: String,
    reason: String,
}

const GRADES: &[(&str, &str)] = &[
    ("A", "大きな成果あり"),
    ("B", "成果あり"),
    ("C", "実施"),
    ("D", "未実施"),
];

impl Site {
    fn new(items: usize, plans: usize, seed: u64) -> Site {
        let mut r = Rng(seed ^ 0x6B6F_6879_6F00_0000);
        let ndiv = (items / 10).clamp(12, BUREAUS.len() * STEMS.len());
        let divisions = (0..ndiv)
            .map(|k| {
                let bureau = BUREAUS[k % BUREAUS.len()];
                // Every (bureau, stem) pair once: names stay unique.
                let stem = STEMS[(k / BUREAUS.len() + (k % BUREAUS.len()) * 7) % STEMS.len()];
                Division {
                    id: format!("d{:03}", k + 1),
                    name: format!("{bureau}{stem}課"),
                    bureau: bureau.to_string(),
                    alias: (k % 5 == 0).then(|| format!("{stem}課（{bureau}）")),
                }
            })
            .collect();
        let mut site = Site {
            divisions,
            plans: Vec::new(),
        };
        for p in 0..plans {
            let n = items / plans + usize::from(p < items % plans);
            let plan = site.plan(&mut r, p, n);
            site.plans.push(plan);
        }
        site
    }

    fn plan(&self, r: &mut Rng, index: usize, n: usize) -> Plan {
        let from = 2025 - 5 * index as i32;
        let to = from + 4;
        let npol = (n / 2).min(17 + n / 100).max(4);
        let ngoal = (npol / 3).min(4 + n / 5000).max(2);
        let mut goals = Vec::new();
        let mut pol = 0;
        for g in 0..ngoal {
            let count = npol / ngoal + usize::from(g < npol % ngoal);
            let base = GOALS[g % GOALS.len()];
            let title = if g < GOALS.len() {
                base.to_string()
            } else {
                format!("{base}（{}）", g / GOALS.len() + 1)
            };
            let policies = (0..count)
                .map(|_| {
                    pol += 1;
                    Policy {
                        number: pol as u32,
                        title: format!(
                            "{}における{}{}",
                            r.pick(AREAS),
                            r.pick(METHODS),
                            r.pick(ACTIONS)
                        ),
                        summary: r.chance(50).then(|| para(r, 1, 3, to) + "\n"),
                    }
                })
                .collect();
            goals.push(Goal {
                number: g as u32 + 1,
                title,
                summary: r.chance(70).then(|| para(r, 2, 3, to) + "\n"),
                policies,
            });
        }
        let policy_goal: Vec<u32> = goals
            .iter()
            .flat_map(|g| g.policies.iter().map(|_| g.number))
            .collect();
        let id = format!("plan-{from}");
        let mut items: Vec<Item> = (0..n)
            .map(|i| {
                let policy = (i * npol / n) as u32 + 1;
                self.item(
                    r,
                    &id,
                    i as u32 + 1,
                    policy,
                    policy_goal[policy as usize - 1],
                    from,
                    to,
                )
            })
            .collect();
        let cycles = cycles(r, &mut items, from, to);
        Plan {
            title: format!("第{}次行財政改革 実施計画（合成データ）", 9 - index.min(8)),
            id,
            from,
            to,
            current: index == 0,
            summary: prose(r, to),
            goals,
            items,
            cycles,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn item(
        &self,
        r: &mut Rng,
        plan: &str,
        number: u32,
        policy: u32,
        goal: u32,
        from: i32,
        to: i32,
    ) -> Item {
        let nd = self.divisions.len();
        let pick_divs = |r: &mut Rng, lo: usize, hi: usize| -> Vec<usize> {
            let mut v: Vec<usize> = Vec::new();
            for _ in 0..r.range(lo, hi) {
                let d = r.below(nd);
                if !v.contains(&d) {
                    v.push(d);
                }
            }
            v
        };
        let divisions = if r.chance(3) {
            Vec::new()
        } else {
            pick_divs(r, 1, 2)
        };
        let projects = (0..r.range(1, 3))
            .map(|_| {
                let roadmap = (0..r.range(1, 4))
                    .map(|_| {
                        let a = r.range(from as usize, to as usize) as i32;
                        let b = r.range(a as usize, to as usize) as i32;
                        let (a, b) = if r.chance(50) { (from, to) } else { (a, b) };
                        Row {
                            label: format!("{}の{}", r.pick(AREAS), r.pick(METHODS)),
                            from: a,
                            to: b,
                            detail: r.chance(60).then(|| {
                                format!(
                                    "{}に向けた{}の{}",
                                    r.pick(BENEFITS),
                                    r.pick(NOUNS),
                                    r.pick(METHODS)
                                )
                            }),
                        }
                    })
                    .collect();
                Project {
                    title: format!("{}の{}", r.pick(AREAS), r.pick(METHODS)),
                    divisions: pick_divs(r, 1, 2),
                    related: pick_divs(r, 0, 3),
                    situation: prose(r, to),
                    actions: prose(r, to),
                    links: (0..r.range(0, 2))
                        .map(|k| {
                            let title = format!("{}の取組", r.pick(AREAS));
                            let url = r
                                .chance(80)
                                .then(|| format!("https://example.org/{plan}/{number}/{k}.html"));
                            (title, url)
                        })
                        .collect(),
                    roadmap,
                    evaluation: (0..r.range(1, 2))
                        .map(|_| {
                            (
                                format!("{}の{}", r.pick(NOUNS), r.pick(PROBLEMS)),
                                r.chance(50)
                                    .then(|| format!("{}に資する取組", r.pick(BENEFITS))),
                            )
                        })
                        .collect(),
                }
            })
            .collect();
        let indicators = (0..r.range(1, 3))
            .map(|k| {
                let &(unit, places, size) = r.pick(UNITS);
                let target = r.chance(60);
                let direction = *r.pick(&["higher", "higher", "lower", "neither"]);
                let base = round(size * (0.5 + r.unit()), places);
                let sign = if direction == "lower" { -1.0 } else { 1.0 };
                let goal_value = round(base * (1.0 + sign * (0.05 + 0.2 * r.unit())), places);
                let mut targets = Vec::new();
                if target {
                    if r.chance(40) {
                        targets.push((from + 2, round((base + goal_value) / 2.0, places)));
                    }
                    targets.push((to, goal_value));
                }
                Indicator {
                    id: format!("i{number:05}-{}", k + 1),
                    name: format!("{}の{}", r.pick(AREAS), r.pick(METRICS)),
                    target,
                    unit,
                    direction,
                    places,
                    precision: r.chance(30).then_some(places),
                    baseline: (from - 1 - r.below(2) as i32, base),
                    targets,
                    actuals: Vec::new(),
                    source: r.chance(40).then(|| format!("{}調べ", r.pick(BUREAUS))),
                    notes: r.chance(15).then(|| para(r, 1, 2, to) + "\n"),
                }
            })
            .collect();
        Item {
            number,
            title: item_title(r),
            policy,
            goal,
            mark: r.chance(20),
            divisions,
            inferred: r.chance(40),
            summary: prose(r, to),
            note: r.chance(25).then(|| para(r, 1, 2, to) + "\n"),
            projects,
            indicators,
            results: Vec::new(),
        }
    }
}

/// Five fiscal years of results: grades, achievements, actuals, revisions.
fn cycles(r: &mut Rng, items: &mut [Item], from: i32, to: i32) -> Vec<CycleMeta> {
    let n = items.len();
    // One indicator is retired half-way through, as real plans do.
    let retire_year = from + 2;
    let retired = items
        .last()
        .and_then(|i| i.indicators.last())
        .map(|i| i.id.clone());
    let mut out = Vec::new();
    for year in from..=to {
        for item in items.iter_mut() {
            let grade = match r.below(100) {
                0..20 => "A",
                20..65 => "B",
                65..95 => "C",
                _ => "D",
            };
            let mut achievements = Vec::new();
            for (p, project) in item.projects.iter().enumerate() {
                for (k, row) in project.roadmap.iter().enumerate() {
                    if (row.from..=row.to).contains(&year) {
                        let status = match r.below(10) {
                            0..7 => "done",
                            7..9 => "partial",
                            _ => "not-done",
                        };
                        let text =
                            format!("{}の{}を{}。", r.pick(AREAS), r.pick(METHODS), r.pick(PAST));
                        achievements.push((p + 1, k + 1, status, text));
                    }
                }
            }
            item.results.push(ItemYear {
                year,
                grade,
                achievements,
                self_evaluation: para(r, 1, 2, year) + "\n",
                analysis: r.chance(60).then(|| para(r, 1, 1, year) + "\n"),
                issues: r.chance(50).then(|| para(r, 1, 1, year) + "\n"),
                next_response: r.chance(60).then(|| para(r, 1, 1, year + 1) + "\n"),
                opinions: if r.chance(10) {
                    vec![(
                        format!(
                            "{}の{}について検討してはどうか。",
                            r.pick(AREAS),
                            r.pick(METHODS)
                        ),
                        r.chance(80)
                            .then(|| format!("次年度から{}。", r.pick(VERBS))),
                    )]
                } else {
                    Vec::new()
                },
            });
            for ind in &mut item.indicators {
                if year >= retire_year && Some(&ind.id) == retired.as_ref() {
                    continue;
                }
                let last = ind.actuals.iter().rev().find_map(|a| a.value);
                let prev = last.unwrap_or(ind.baseline.1);
                let (value, note) = if r.chance(5) {
                    (None, Some("集計中".to_string()))
                } else {
                    let v = round(prev * (0.95 + 0.12 * r.unit()), ind.places);
                    let note = r.chance(5).then(|| "速報値".to_string());
                    (Some(v), note)
                };
                ind.actuals.push(Actual { year, value, note });
            }
        }
        let mut revisions = Vec::new();
        for _ in 0..(n / 500).max(1) {
            let item = r.range(1, n) as u32;
            revisions.push(Revision {
                kind: if r.chance(50) { "roadmap" } else { "item" },
                item: Some(item),
                indicator: None,
                from: (year + 1).min(to),
                change: format!("{}の{}を工程に加える。", r.pick(AREAS), r.pick(METHODS)),
                reason: format!("{}が見込まれるため。", r.pick(BENEFITS)),
            });
        }
        if let Some(first) = items.first().and_then(|i| i.indicators.first()) {
            revisions.push(Revision {
                kind: "indicator",
                item: Some(1),
                indicator: Some(first.id.clone()),
                from: (year + 1).min(to),
                change: "目標値を上方修正する。".into(),
                reason: "前年度の実績が目標を上回ったため。".into(),
            });
        }
        if year == retire_year
            && let Some(id) = &retired
        {
            revisions.push(Revision {
                kind: "indicator-retired",
                item: Some(n as u32),
                indicator: Some(id.clone()),
                from: retire_year,
                change: "この指標の測定をやめる。".into(),
                reason: "他の指標で把握できるため。".into(),
            });
        }
        out.push(CycleMeta {
            year,
            published: format!("{}-08-{:02}", year + 1, r.range(20, 31)),
            summary: prose(r, year),
            meetings: (1..=2)
                .map(|k| Meeting {
                    date: format!("{}-{:02}-{:02}", year + 1, 5 + k, r.range(1, 28)),
                    title: format!("第{k}回行財政改革評価・推進委員会"),
                    summary: para(r, 1, 2, year) + "\n",
                    minutes: format!("https://example.org/minutes/{year}-{k}.html"),
                })
                .collect(),
            revisions,
        });
    }
    out
}

/// A double-quoted YAML string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `key: |` with `text` as a literal block indented by `indent + 2`.
fn block(o: &mut String, indent: usize, key: &str, text: &str) {
    let pad = " ".repeat(indent);
    let _ = writeln!(o, "{pad}{key}: |");
    for line in text.lines() {
        if line.is_empty() {
            o.push('\n');
        } else {
            let _ = writeln!(o, "{pad}  {line}");
        }
    }
}

fn num(v: f64, places: u8) -> String {
    format!("{v:.*}", places as usize)
}

fn write_file(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

// ---------------------------------------------------------------------------
// kohyo's content format (docs/content-format.md).

mod kohyo_site {
    use super::*;

    pub(super) fn write(site: &Site, content: &Path) -> io::Result<()> {
        write_file(
            &content.join("site.yaml"),
            "# Synthetic site written by kohyo-synth for the speed benchmark.\n\
             title: 行財政改革 実施計画 公表サイト（合成データ）\n\
             organisation: 合成県\n\
             era_years: true\n\
             description: ベンチマーク用に機械的に作った計画と評価結果です。\n\
             contact: |\n  このサイトの内容はすべて合成データです。\n",
        )?;
        let mut d = String::from("# Synthetic divisions (kohyo-synth).\ndivisions:\n");
        for div in &site.divisions {
            let _ = writeln!(d, "  - id: {}\n    name: {}", div.id, q(&div.name));
            let _ = writeln!(d, "    bureau: {}", q(&div.bureau));
            if let Some(a) = &div.alias {
                let _ = writeln!(d, "    aliases: [{}]", q(a));
            }
        }
        write_file(&content.join("divisions.yaml"), &d)?;
        write_file(
            &content.join("pages/about.md"),
            "---\ntitle: このサイトについて\norder: 1\ndescription: 合成データのサイトです。\n---\n\n\
             ## このサイトは\n\nベンチマーク用に kohyo-synth が作った合成データです。実在の計画ではありません。\n",
        )?;
        write_file(
            &content.join("pages/how-to-read.md"),
            "---\ntitle: 見方\norder: 2\n---\n\n## 評価の見方\n\n\
             - A：大きな成果あり\n- B：成果あり\n- C：実施\n- D：未実施\n",
        )?;
        for plan in &site.plans {
            let dir = content.join("plans").join(&plan.id);
            write_file(&dir.join("plan.yaml"), &plan_yaml(plan))?;
            for item in &plan.items {
                let path = dir.join(format!("items/{:05}.yaml", item.number));
                write_file(&path, &item_yaml(site, plan, item))?;
            }
            for (k, c) in plan.cycles.iter().enumerate() {
                let path = dir.join(format!("results/{}.yaml", c.year));
                write_file(&path, &results_yaml(plan, k, c))?;
            }
        }
        Ok(())
    }

    fn plan_yaml(p: &Plan) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "# Synthetic plan (kohyo-synth).");
        let _ = writeln!(o, "title: {}", q(&p.title));
        let _ = writeln!(o, "period: {{from: {}, to: {}}}", p.from, p.to);
        let _ = writeln!(o, "adopted: \"{}-03\"", p.from);
        let status = if p.current { "current" } else { "archived" };
        let _ = writeln!(o, "status: {status}");
        block(&mut o, 0, "summary", &p.summary);
        o.push_str(
            "marks:\n  - id: data\n    symbol: ★\n    label: データ活用推進計画の取組項目\n",
        );
        o.push_str("grades:\n");
        for (k, l) in GRADES {
            let _ = writeln!(o, "  - key: {k}\n    label: {l}");
        }
        o.push_str("rates:\n  - name: 計画実施率\n    grades: [A, B]\n  - name: 数値目標等達成率\n    grades: [A]\n");
        o.push_str("goals:\n");
        for g in &p.goals {
            let _ = writeln!(o, "  - number: {}\n    title: {}", g.number, q(&g.title));
            if let Some(s) = &g.summary {
                block(&mut o, 4, "summary", s);
            }
            o.push_str("    policies:\n");
            for pol in &g.policies {
                let _ = writeln!(
                    o,
                    "      - number: {}\n        title: {}",
                    pol.number,
                    q(&pol.title)
                );
                if let Some(s) = &pol.summary {
                    block(&mut o, 8, "summary", s);
                }
            }
        }
        o
    }

    /// How an item file names division `d`: by id, name or alias, in turn.
    fn div_ref(site: &Site, d: usize, salt: usize) -> String {
        let div = &site.divisions[d];
        match (salt + d) % 10 {
            0..6 => div.id.clone(),
            6..9 => q(&div.name),
            _ => q(div.alias.as_ref().unwrap_or(&div.name)),
        }
    }

    fn div_list(site: &Site, ds: &[usize], salt: usize) -> String {
        let refs: Vec<String> = ds.iter().map(|&d| div_ref(site, d, salt)).collect();
        format!("[{}]", refs.join(", "))
    }

    fn item_yaml(site: &Site, plan: &Plan, it: &Item) -> String {
        let mut o = String::with_capacity(6000);
        let salt = it.number as usize;
        let _ = writeln!(
            o,
            "# Synthetic item {} of {} (kohyo-synth).",
            it.number, plan.id
        );
        let _ = writeln!(o, "number: {}", it.number);
        let _ = writeln!(o, "title: {}", q(&it.title));
        let _ = writeln!(o, "policy: {}", it.policy);
        if it.mark {
            o.push_str("marks: [data]\n");
        }
        let _ = writeln!(o, "divisions: {}", div_list(site, &it.divisions, salt));
        if it.inferred {
            o.push_str("placement: inferred\n");
        }
        block(&mut o, 0, "summary", &it.summary);
        if let Some(n) = &it.note {
            block(&mut o, 0, "note", n);
        }
        o.push_str("projects:\n");
        for (k, p) in it.projects.iter().enumerate() {
            let _ = writeln!(o, "  - title: {}", q(&p.title));
            let _ = writeln!(
                o,
                "    divisions: {}",
                div_list(site, &p.divisions, salt + k)
            );
            let _ = writeln!(
                o,
                "    related_divisions: {}",
                div_list(site, &p.related, salt + k + 1)
            );
            block(&mut o, 4, "situation", &p.situation);
            block(&mut o, 4, "actions", &p.actions);
            if !p.links.is_empty() {
                o.push_str("    links:\n");
                for (title, url) in &p.links {
                    let _ = writeln!(o, "      - title: {}", q(title));
                    if let Some(u) = url {
                        let _ = writeln!(o, "        url: {u}");
                    }
                }
            }
            o.push_str("    roadmap:\n");
            for row in &p.roadmap {
                let _ = writeln!(
                    o,
                    "      - label: {}\n        from: {}\n        to: {}",
                    q(&row.label),
                    row.from,
                    row.to
                );
                if let Some(d) = &row.detail {
                    let _ = writeln!(o, "        detail: {}", q(d));
                }
            }
            o.push_str("    evaluation:\n");
            for (label, detail) in &p.evaluation {
                let _ = writeln!(o, "      - label: {}", q(label));
                if let Some(d) = detail {
                    let _ = writeln!(o, "        detail: {}", q(d));
                }
            }
        }
        o.push_str("indicators:\n");
        for i in &it.indicators {
            let kind = if i.target { "target" } else { "reference" };
            let _ = writeln!(
                o,
                "  - id: {}\n    name: {}\n    kind: {kind}\n    unit: {}\n    direction: {}",
                i.id,
                q(&i.name),
                q(i.unit),
                i.direction
            );
            let _ = writeln!(
                o,
                "    baseline: {{year: {}, value: {}}}",
                i.baseline.0,
                num(i.baseline.1, i.places)
            );
            if !i.targets.is_empty() {
                o.push_str("    targets:\n");
                for (y, v) in &i.targets {
                    let _ = writeln!(o, "      - {{year: {y}, value: {}}}", num(*v, i.places));
                }
            }
            if let Some(p) = i.precision {
                let _ = writeln!(o, "    precision: {p}");
            }
            if let Some(s) = &i.source {
                let _ = writeln!(o, "    source: {}", q(s));
            }
            if let Some(n) = &i.notes {
                block(&mut o, 4, "notes", n);
            }
        }
        o
    }

    fn results_yaml(plan: &Plan, k: usize, c: &CycleMeta) -> String {
        let mut o = String::with_capacity(plan.items.len() * 900);
        let _ = writeln!(
            o,
            "# Synthetic results of {} for {} (kohyo-synth).",
            plan.id, c.year
        );
        let _ = writeln!(o, "year: {}\npublished: \"{}\"", c.year, c.published);
        block(&mut o, 0, "summary", &c.summary);
        o.push_str("committee:\n");
        for m in &c.meetings {
            let _ = writeln!(o, "  - date: \"{}\"\n    title: {}", m.date, q(&m.title));
            block(&mut o, 4, "summary", &m.summary);
            let _ = writeln!(o, "    minutes: {}", m.minutes);
        }
        o.push_str("items:\n");
        for it in &plan.items {
            let y = &it.results[k];
            let _ = writeln!(o, "  - item: {}\n    grade: {}", it.number, y.grade);
            if !y.achievements.is_empty() {
                o.push_str("    achievements:\n");
                for (p, row, status, text) in &y.achievements {
                    let _ = writeln!(
                        o,
                        "      - project: {p}\n        row: {row}\n        status: {status}\n        text: {}",
                        q(text)
                    );
                }
            }
            block(&mut o, 4, "self_evaluation", &y.self_evaluation);
            for (key, v) in [
                ("analysis", &y.analysis),
                ("issues", &y.issues),
                ("next_response", &y.next_response),
            ] {
                if let Some(t) = v {
                    block(&mut o, 4, key, t);
                }
            }
            if !y.opinions.is_empty() {
                o.push_str("    opinions:\n");
                for (op, resp) in &y.opinions {
                    let _ = writeln!(o, "      - opinion: {}", q(op));
                    if let Some(r) = resp {
                        let _ = writeln!(o, "        response: {}", q(r));
                    }
                }
            }
        }
        o.push_str("indicators:\n");
        for it in &plan.items {
            for i in &it.indicators {
                let Some(a) = i.actuals.iter().find(|a| a.year == c.year) else {
                    continue;
                };
                let _ = writeln!(o, "  - indicator: {}", i.id);
                match a.value {
                    Some(v) => {
                        let _ = writeln!(o, "    value: {}", num(v, i.places));
                        if let Some(n) = &a.note {
                            let _ = writeln!(o, "    note: {}", q(n));
                        }
                    }
                    None => {
                        let why = a.note.as_deref().unwrap_or("集計中");
                        let _ = writeln!(o, "    unavailable: {}", q(why));
                    }
                }
            }
        }
        if !c.revisions.is_empty() {
            o.push_str("revisions:\n");
            for rev in &c.revisions {
                let _ = writeln!(o, "  - kind: {}", rev.kind);
                if let Some(n) = rev.item {
                    let _ = writeln!(o, "    item: {n}");
                }
                if let Some(i) = &rev.indicator {
                    let _ = writeln!(o, "    indicator: {i}");
                }
                let _ = writeln!(
                    o,
                    "    from: {}\n    change: {}\n    reason: {}",
                    rev.from,
                    q(&rev.change),
                    q(&rev.reason)
                );
            }
        }
        o
    }
}

// ---------------------------------------------------------------------------
// The equivalent Hugo site.

mod hugo {
    use super::*;

    /// Always with a decimal point, so Hugo's template math sees floats.
    fn float(v: f64) -> String {
        format!("{v:.6}")
    }

    fn ids(site: &Site, ds: &[usize]) -> String {
        let v: Vec<String> = ds.iter().map(|&d| q(&site.divisions[d].id)).collect();
        format!("[{}]", v.join(", "))
    }

    pub(super) fn write(site: &Site, dir: &Path) -> io::Result<()> {
        for (path, text) in TEMPLATES {
            write_file(&dir.join(path), text)?;
        }
        let mut data = String::new();
        for d in &site.divisions {
            let _ = writeln!(
                data,
                "{}: {{name: {}, bureau: {}}}",
                d.id,
                q(&d.name),
                q(&d.bureau)
            );
        }
        write_file(&dir.join("data/divisions.yaml"), &data)?;
        let c = dir.join("content");
        write_file(
            &c.join("pages/about.md"),
            "---\ntitle: このサイトについて\nweight: 1\n---\n\n\
             ## このサイトは\n\nベンチマーク用に kohyo-synth が作った合成データです。実在の計画ではありません。\n",
        )?;
        write_file(
            &c.join("pages/how-to-read.md"),
            "---\ntitle: 見方\nweight: 2\n---\n\n## 評価の見方\n\n\
             - A：大きな成果あり\n- B：成果あり\n- C：実施\n- D：未実施\n",
        )?;
        for d in &site.divisions {
            write_file(
                &c.join(format!("divisions/{}/_index.md", d.id)),
                &format!(
                    "---\ntitle: {}\nbureau: {}\n---\n",
                    q(&d.name),
                    q(&d.bureau)
                ),
            )?;
        }
        for plan in &site.plans {
            for g in &plan.goals {
                let mut s = format!(
                    "---\ntitle: {}\nnumber: {}\nplan: {}\n---\n",
                    q(&format!("目標{} {}", g.number, g.title)),
                    g.number,
                    plan.id
                );
                s.push_str(g.summary.as_deref().unwrap_or(""));
                write_file(
                    &c.join(format!("goals/{}-g{}/_index.md", plan.id, g.number)),
                    &s,
                )?;
                for p in &g.policies {
                    let mut s = format!(
                        "---\ntitle: {}\nnumber: {}\nplan: {}\ngoal: {}\n---\n",
                        q(&format!("方針{} {}", p.number, p.title)),
                        p.number,
                        plan.id,
                        q(&format!("{}-g{}", plan.id, g.number))
                    );
                    s.push_str(p.summary.as_deref().unwrap_or(""));
                    write_file(
                        &c.join(format!("policies/{}-p{}/_index.md", plan.id, p.number)),
                        &s,
                    )?;
                }
            }
            write_file(
                &c.join(format!("dashboards/{}.md", plan.id)),
                &format!(
                    "---\ntitle: {}\nplan: {}\n---\n",
                    q(&format!("{}：指標の一覧", plan.title)),
                    plan.id
                ),
            )?;
            for (k, cy) in plan.cycles.iter().enumerate() {
                write_file(
                    &c.join(format!("cycles/{}-{}.md", plan.id, cy.year)),
                    &cycle_md(plan, k, cy),
                )?;
            }
            for item in &plan.items {
                write_file(
                    &c.join(format!("items/{}-{:05}.md", plan.id, item.number)),
                    &item_md(site, plan, item),
                )?;
            }
        }
        Ok(())
    }

    fn cycle_md(plan: &Plan, k: usize, c: &CycleMeta) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "---\ntitle: {}", q(&format!("{}年度の評価結果", c.year)));
        let _ = writeln!(
            o,
            "plan: {}\nyear: {}\nindex: {k}\npublished_on: \"{}\"",
            plan.id, c.year, c.published
        );
        o.push_str("meetings:\n");
        for m in &c.meetings {
            let _ = writeln!(o, "  - date: \"{}\"\n    title: {}", m.date, q(&m.title));
            block(&mut o, 4, "summary", &m.summary);
            let _ = writeln!(o, "    minutes: {}", q(&m.minutes));
        }
        o.push_str("revisions:\n");
        for rev in &c.revisions {
            let _ = writeln!(o, "  - kind: {}", rev.kind);
            if let Some(n) = rev.item {
                let _ = writeln!(o, "    item: {n}");
            }
            if let Some(i) = &rev.indicator {
                let _ = writeln!(o, "    indicator: {i}");
            }
            let _ = writeln!(
                o,
                "    from: {}\n    change: {}\n    reason: {}",
                rev.from,
                q(&rev.change),
                q(&rev.reason)
            );
        }
        o.push_str("---\n");
        o.push_str(&c.summary);
        o
    }

    fn item_md(site: &Site, plan: &Plan, it: &Item) -> String {
        let mut o = String::with_capacity(12000);
        o.push_str("---\n");
        let _ = writeln!(o, "title: {}", q(&it.title));
        let _ = writeln!(o, "weight: {}\nnumber: {}", it.number, it.number);
        let _ = writeln!(o, "plan: {}\nplan_title: {}", plan.id, q(&plan.title));
        let _ = writeln!(o, "period: {{from: {}, to: {}}}", plan.from, plan.to);
        let _ = writeln!(o, "goals: [\"{}-g{}\"]", plan.id, it.goal);
        let _ = writeln!(o, "policies: [\"{}-p{}\"]", plan.id, it.policy);
        let mut all: Vec<usize> = it.divisions.clone();
        for p in &it.projects {
            for &d in p.divisions.iter().chain(&p.related) {
                if !all.contains(&d) {
                    all.push(d);
                }
            }
        }
        let _ = writeln!(o, "divisions: {}", ids(site, &all));
        let _ = writeln!(o, "item_divisions: {}", ids(site, &it.divisions));
        if it.mark {
            o.push_str("marks: [\"★\"]\nmark_labels: データ活用推進計画の取組項目\n");
        }
        if it.inferred {
            o.push_str("placement: inferred\n");
        }
        if let Some(n) = &it.note {
            block(&mut o, 0, "note", n);
        }
        o.push_str("projects:\n");
        for p in &it.projects {
            let _ = writeln!(o, "  - title: {}", q(&p.title));
            let _ = writeln!(o, "    divisions: {}", ids(site, &p.divisions));
            let _ = writeln!(o, "    related_divisions: {}", ids(site, &p.related));
            block(&mut o, 4, "situation", &p.situation);
            block(&mut o, 4, "actions", &p.actions);
            o.push_str("    links:\n");
            for (title, url) in &p.links {
                let _ = writeln!(o, "      - title: {}", q(title));
                if let Some(u) = url {
                    let _ = writeln!(o, "        url: {}", q(u));
                }
            }
            o.push_str("    roadmap:\n");
            for row in &p.roadmap {
                let _ = writeln!(
                    o,
                    "      - label: {}\n        from: {}\n        to: {}",
                    q(&row.label),
                    row.from,
                    row.to
                );
                if let Some(d) = &row.detail {
                    let _ = writeln!(o, "        detail: {}", q(d));
                }
            }
            o.push_str("    evaluation:\n");
            for (label, detail) in &p.evaluation {
                let _ = writeln!(o, "      - label: {}", q(label));
                if let Some(d) = detail {
                    let _ = writeln!(o, "        detail: {}", q(d));
                }
            }
        }
        o.push_str("indicators:\n");
        for i in &it.indicators {
            let kind = if i.target {
                "数値目標"
            } else {
                "参考指標"
            };
            let direction = match i.direction {
                "higher" => "高いほどよい",
                "lower" => "低いほどよい",
                _ => "どちらでもない",
            };
            let _ = writeln!(
                o,
                "  - id: {}\n    name: {}\n    kind: {kind}\n    unit: {}\n    direction: {direction}\n    places: {}",
                i.id,
                q(&i.name),
                q(i.unit),
                i.places
            );
            let _ = writeln!(
                o,
                "    baseline: {{year: {}, value: {}}}",
                i.baseline.0,
                float(i.baseline.1)
            );
            o.push_str("    targets:\n");
            for (y, v) in &i.targets {
                let _ = writeln!(o, "      - {{year: {y}, value: {}}}", float(*v));
            }
            o.push_str("    actuals:\n");
            for a in &i.actuals {
                match a.value {
                    Some(v) => {
                        let _ = writeln!(o, "      - {{year: {}, value: {}}}", a.year, float(v));
                    }
                    None => {
                        let _ =
                            writeln!(o, "      - {{year: {}, unavailable: \"集計中\"}}", a.year);
                    }
                }
            }
            if let Some(s) = &i.source {
                let _ = writeln!(o, "    source: {}", q(s));
            }
            if let Some(n) = &i.notes {
                block(&mut o, 4, "notes", n);
            }
        }
        o.push_str("results:\n");
        for y in &it.results {
            let label = GRADES.iter().find(|g| g.0 == y.grade).map_or("", |g| g.1);
            let _ = writeln!(
                o,
                "  - year: {}\n    grade: {}\n    grade_label: {label}",
                y.year, y.grade
            );
            o.push_str("    achievements:\n");
            for (p, row, status, text) in &y.achievements {
                let status = match *status {
                    "done" => "実施",
                    "partial" => "一部実施",
                    _ => "未実施",
                };
                let _ = writeln!(
                    o,
                    "      - {{project: {p}, row: {row}, status: {status}, text: {}}}",
                    q(text)
                );
            }
            block(&mut o, 4, "self_evaluation", &y.self_evaluation);
            for (key, v) in [
                ("analysis", &y.analysis),
                ("issues", &y.issues),
                ("next_response", &y.next_response),
            ] {
                if let Some(t) = v {
                    block(&mut o, 4, key, t);
                }
            }
            o.push_str("    opinions:\n");
            for (op, resp) in &y.opinions {
                let _ = writeln!(o, "      - opinion: {}", q(op));
                if let Some(r) = resp {
                    let _ = writeln!(o, "        response: {}", q(r));
                }
            }
        }
        o.push_str("---\n");
        o.push_str(&it.summary);
        o
    }

    /// The Hugo project: configuration, templates and style sheet.
    const TEMPLATES: &[(&str, &str)] = &[
        ("hugo.toml", include_str!("../../bench/hugo/hugo.toml")),
        (
            "layouts/baseof.html",
            include_str!("../../bench/hugo/layouts/baseof.html"),
        ),
        (
            "layouts/home.html",
            include_str!("../../bench/hugo/layouts/home.html"),
        ),
        (
            "layouts/page.html",
            include_str!("../../bench/hugo/layouts/page.html"),
        ),
        (
            "layouts/section.html",
            include_str!("../../bench/hugo/layouts/section.html"),
        ),
        (
            "layouts/taxonomy.html",
            include_str!("../../bench/hugo/layouts/taxonomy.html"),
        ),
        (
            "layouts/term.html",
            include_str!("../../bench/hugo/layouts/term.html"),
        ),
        (
            "layouts/404.html",
            include_str!("../../bench/hugo/layouts/404.html"),
        ),
        (
            "layouts/items/page.html",
            include_str!("../../bench/hugo/layouts/items/page.html"),
        ),
        (
            "layouts/cycles/page.html",
            include_str!("../../bench/hugo/layouts/cycles/page.html"),
        ),
        (
            "layouts/home.json",
            include_str!("../../bench/hugo/layouts/home.json"),
        ),
        (
            "layouts/dashboards/page.html",
            include_str!("../../bench/hugo/layouts/dashboards/page.html"),
        ),
        (
            "layouts/_partials/chart.html",
            include_str!("../../bench/hugo/layouts/_partials/chart.html"),
        ),
        (
            "layouts/_partials/itemrows.html",
            include_str!("../../bench/hugo/layouts/_partials/itemrows.html"),
        ),
        (
            "static/style.css",
            include_str!("../../themes/default/static/style.css"),
        ),
    ];
}
