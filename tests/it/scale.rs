//! Cost linear in input size: one content file grown in each way it can grow
//! (a long 取組内容 in Markdown, with and without HTML; many projects; many
//! roadmap rows; many indicators; a long Markdown page) builds, and four
//! times the input takes well under sixteen times as long (what a cost
//! growing with the square of the size would take). The README lists the
//! release-build times of the 10 MB versions.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use kohyo::pipeline::{self, BuildOptions};

use crate::serve::harness::site as minimal;

const ITEM: &str = "content/plans/demo/items/01.yaml";

const HEAD: &str =
    "number: 1\ntitle: 働きやすい職場環境づくり\npolicy: 1\nmarks: [data]\ndivisions: [人事課]\n";

const SENTENCE: &str = "時間外勤務の縮減に向けて、各所属の業務を見直し、事務の効率化を進める。";

/// Makes a file's text of about the given number of bytes.
type Text = fn(usize) -> String;

/// The ways one file grows: (name, the file, its text of about `bytes`).
const SHAPES: [(&str, &str, Text); 6] = [
    ("取組内容 (Markdown)", ITEM, |bytes| {
        actions(bytes, |i| {
            format!("第{i}段落：{SENTENCE}**重点**は[こちら](https://example.org/{i})。")
        })
    }),
    ("取組内容 (with HTML)", ITEM, |bytes| {
        actions(bytes, |i| {
            format!(
                "第{i}段落：{SENTENCE}<br><strong>重点</strong>は<a href=\"https://example.org/{i}\">こちら</a>。"
            )
        })
    }),
    ("projects", ITEM, |bytes| {
        grow(format!("{HEAD}projects:\n"), bytes, |i| {
            format!(
                "  - title: 事業{i}の推進\n    divisions: [jinji]\n    actions: 第{i}の取組を進める。\n    roadmap:\n      - label: 周知啓発{i}\n        from: 2025\n        to: 2029\n"
            )
        })
    }),
    ("roadmap rows", ITEM, |bytes| {
        grow(
            format!("{HEAD}projects:\n  - title: 総労働時間縮減\n    roadmap:\n"),
            bytes,
            |i| {
                format!(
                    "      - label: 周知啓発{i}\n        from: 2025\n        to: 2029\n        detail: 注意喚起{i}\n"
                )
            },
        )
    }),
    ("indicators", ITEM, |bytes| {
        grow(format!("{HEAD}indicators:\n"), bytes, |i| {
            format!(
                "  - id: ind-{i}\n    name: 指標{i}\n    kind: target\n    unit: 件\n    direction: higher\n    baseline: {{year: 2023, value: {i}}}\n    targets: [{{year: 2029, value: {}}}]\n",
                i + 10
            )
        })
    }),
    ("Markdown page", "content/pages/about.md", |bytes| {
        grow(
            "---\ntitle: このサイトについて\n---\n".into(),
            bytes,
            |i| {
                let heading = if i % 50 == 0 {
                    format!("## 見出し{i}\n\n")
                } else {
                    String::new()
                };
                format!(
                    "{heading}第{i}段落：{SENTENCE}**重点**は[こちら](https://example.org/{i})。\n\n"
                )
            },
        )
    }),
];

/// `head` and then `part(1)`, `part(2)`, … until about `bytes` long.
fn grow(mut text: String, bytes: usize, part: impl Fn(usize) -> String) -> String {
    let mut i = 0;
    while text.len() < bytes {
        i += 1;
        text.push_str(&part(i));
    }
    text
}

/// One project whose `actions` is a block of paragraphs made by `paragraph`.
fn actions(bytes: usize, paragraph: impl Fn(usize) -> String) -> String {
    let head = format!("{HEAD}projects:\n  - title: 総労働時間縮減\n    actions: |\n");
    grow(head, bytes, |i| {
        let mut p = String::new();
        writeln!(p, "      {}\n", paragraph(i)).unwrap();
        p
    })
}

/// The shortest of two builds of the site at `root` (without search).
fn build_time(root: &Path) -> Duration {
    let options = BuildOptions {
        no_search: true,
        ..BuildOptions::default()
    };
    (0..2)
        .map(|_| {
            let start = Instant::now();
            let rendered = pipeline::render_site(root, &options)
                .unwrap_or_else(|d| panic!("{:?}", d.sorted()));
            assert!(rendered.files.iter().any(|f| f.path == "index.html"));
            start.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn one_file_four_times_larger_costs_about_four_times_as_much() {
    const SMALL: usize = 60_000;
    let mut report = String::new();
    for (name, file, text) in SHAPES {
        let site = minimal();
        let path = site.path().join(file);
        // Linear cost gives about 4, quadratic about 16; the margin absorbs
        // the fixed cost of the rest of the site. A busy machine (other tests,
        // other builds) can slow one measurement down, never a whole series,
        // so a ratio over the limit is measured again, up to three times:
        // a quadratic cost is over it every time.
        let mut ratio = f64::INFINITY;
        for _ in 0..3 {
            std::fs::write(&path, text(SMALL)).unwrap();
            let small = build_time(site.path());
            std::fs::write(&path, text(4 * SMALL)).unwrap();
            let large = build_time(site.path());
            let this = large.as_secs_f64() / small.as_secs_f64().max(0.001);
            writeln!(report, "{name}: {small:?} → {large:?} (×{this:.1})").unwrap();
            ratio = ratio.min(this);
            if ratio < 9.0 {
                break;
            }
        }
        assert!(ratio < 9.0, "{name} grows faster than its input:\n{report}");
    }
    println!("{report}");
}

/// `kohyo build` on `root`: exit code and standard error.
fn build(root: &Path) -> (Option<i32>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .args(["build", "--no-search", "--root"])
        .arg(root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

/// Appends a YAML comment line that makes `file` `bytes` long or longer.
fn pad(root: &Path, file: &str, bytes: usize) {
    let path = root.join(file);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("# ");
    text.push_str(&"x".repeat(bytes.saturating_sub(text.len())));
    text.push('\n');
    std::fs::write(path, text).unwrap();
}

#[test]
fn files_over_the_size_limit_are_refused_at_once_naming_file_and_limit() {
    let site = minimal();
    pad(site.path(), ITEM, 17 << 20);
    std::fs::create_dir_all(site.path().join("content/plans/demo/results")).unwrap();
    std::fs::write(
        site.path().join("content/plans/demo/results/2025.yaml"),
        "year: 2025\n",
    )
    .unwrap();
    pad(
        site.path(),
        "content/plans/demo/results/2025.yaml",
        65 << 20,
    );
    let start = Instant::now();
    let (code, stderr) = build(site.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        stderr,
        "content/plans/demo/items/01.yaml: error: file is too large: 17.0 MiB, and kohyo reads files of this kind up to 16 MiB
  hint: split it into smaller files: one file per implementation item in items/, a long page into several pages
content/plans/demo/results/2025.yaml: error: file is too large: 65.0 MiB, and kohyo reads files of this kind up to 64 MiB
  hint: a results file holds one plan's evaluation of one year (64 MiB is some 70,000 items): check that nothing else was pasted into it
2 error(s); nothing was written.
"
    );
    assert!(start.elapsed() < Duration::from_secs(10), "refused at once");
    assert!(!site.path().join("public").exists());
}
