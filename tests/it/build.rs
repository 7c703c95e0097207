//! Whole builds: the sample site, determinism, the atomic swap, safety.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use kohyo::pipeline::{self, BuildError, BuildOptions};

use crate::harness::snapshot;
use crate::serve::harness::copy_dir;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(case: &str) -> PathBuf {
    repo().join("tests/fixtures").join(case)
}

fn build_sample(out: &Path) -> pipeline::BuildReport {
    pipeline::build(&repo(), out, &BuildOptions::default()).expect("sample site builds")
}

#[test]
fn sample_site_has_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_sample(&out);
    let files = snapshot(&out);
    let count = |prefix: &str| {
        files
            .keys()
            .filter(|k| k.starts_with(prefix) && k.ends_with(".html"))
            .count()
    };
    assert_eq!(count("plans/gunma-2025/items/"), 35);
    assert_eq!(count("plans/gunma-2025/policies/"), 17);
    assert_eq!(count("plans/gunma-2025/goals/"), 4);
    for page in [
        "index.html",
        "404.html",
        "plans/gunma-2025/index.html",
        "divisions/index.html",
        "pages/about.html",
        "static/style.css",
    ] {
        assert!(files.contains_key(page), "missing {page}");
    }
    // The sample has no base URL, so no sitemap (its addresses must be absolute).
    assert!(!files.contains_key("sitemap.xml"));
    let site = pipeline::load_site(&repo()).unwrap();
    for d in &site.divisions {
        assert!(
            files.contains_key(&format!("divisions/{}.html", d.id)),
            "no page for division {}",
            d.name
        );
    }
    let item25 = String::from_utf8(files["plans/gunma-2025/items/25.html"].clone()).unwrap();
    for text in [
        "<title>実施項目25 働きやすい職場環境づくり｜方針11 職員が能力を発揮できる環境の整備｜",
        "総労働時間縮減",
        "メンタルヘルス対策",
        "12.5時間",
        "12.6日",
        "65.1%",
        "93.2%",
        "1.9%",
        "2025年度（令和7年度）",
        "<html lang=\"ja\">",
        "class=\"skip-link\"",
    ] {
        assert!(item25.contains(text), "item 25 page lacks {text}");
    }
    assert_eq!(item25.matches("<h1>").count(), 1);
    let plan = String::from_utf8(files["plans/gunma-2025/index.html"].clone()).unwrap();
    assert!(
        plan.contains("方針への位置付けは推定"),
        "the plan page says which assignments are inferred"
    );
}

#[test]
fn every_page_has_one_h1_captions_and_resolving_links() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_sample(&out);
    let files = snapshot(&out);
    let mut checked = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(html.matches("<h1").count(), 1, "{path} must have one h1");
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<caption>").count(),
            "{path}: every table has a caption"
        );
        for href in html
            .split(" href=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
        {
            if href.starts_with("http") || href.starts_with("mailto:") || href.starts_with('#') {
                continue;
            }
            // The 404 page is shown at any depth: without a base URL its
            // links start at the server's root.
            let href = if *path == "404.html" {
                href.strip_prefix('/')
                    .unwrap_or_else(|| panic!("404.html: link {href} is relative"))
            } else {
                href
            };
            let target = href.split('#').next().unwrap();
            let resolved = Path::new(path).parent().unwrap().join(target);
            let mut parts: Vec<String> = Vec::new();
            for c in resolved.components() {
                match c.as_os_str().to_str().unwrap() {
                    ".." => assert!(parts.pop().is_some(), "{path}: link {href} leaves the site"),
                    "." => {}
                    s => parts.push(s.to_string()),
                }
            }
            let key = parts.join("/");
            assert!(
                files.contains_key(&key),
                "{path}: link {href} points to missing {key}"
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
}

#[test]
fn two_builds_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build_sample(&a);
    build_sample(&b);
    assert_eq!(snapshot(&a), snapshot(&b));
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    pipeline::build(&fixture("minimal"), &out, &BuildOptions::default()).unwrap();
    let before = snapshot(&out);
    let err = pipeline::build(&fixture("many-errors"), &out, &BuildOptions::default()).unwrap_err();
    assert!(
        matches!(err, BuildError::Content(ref d) if d.error_count() == 5),
        "{err}"
    );
    assert_eq!(snapshot(&out), before);
    let mut leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    leftovers.sort();
    // The lock file stays beside the output folder; nothing else is left.
    assert_eq!(leftovers, [".public.kohyo-lock", "public"]);
}

#[test]
fn refuses_to_replace_a_folder_that_is_not_kohyo_output() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("docs");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("important.txt"), "keep me").unwrap();
    let run = |force: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kohyo"));
        cmd.args(["build", "--quiet", "--root"])
            .arg(fixture("minimal"))
            .arg("--out")
            .arg(&out);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let refused = run(false);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("does not look like kohyo output"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(out.join("important.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(run(true).status.code(), Some(0));
    assert!(out.join("index.html").is_file());
    assert!(!out.join("important.txt").exists());
}

#[test]
fn markdown_html_comes_out_inert() {
    let rendered =
        pipeline::render_site(&fixture("unsafe-markdown"), &BuildOptions::default()).unwrap();
    let page = rendered
        .files
        .iter()
        .find(|f| f.path == "pages/about.html")
        .unwrap();
    let html = String::from_utf8(page.bytes.clone()).unwrap();
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    for bad in [
        "<script",
        "onerror",
        "onclick",
        "href=\"javascript:",
        "<img",
    ] {
        assert!(
            !main.to_lowercase().contains(bad),
            "`{bad}` survived: {main}"
        );
    }
    assert!(
        main.contains("href=\"https://www.pref.gunma.jp/\""),
        "safe links stay: {main}"
    );
    assert!(main.contains("危ないリンク"), "the link text stays");
}

#[test]
fn base_url_makes_absolute_sitemap_and_canonical_links() {
    let options = BuildOptions {
        base_url: Some("https://example.org/kaikaku".into()),
        ..BuildOptions::default()
    };
    let rendered = pipeline::render_site(&fixture("minimal"), &options).unwrap();
    let file = |p: &str| text(&rendered, p);
    assert!(
        file("sitemap.xml")
            .contains("<loc>https://example.org/kaikaku/plans/demo/items/1.html</loc>")
    );
    assert!(
        file("index.html")
            .contains("<link rel=\"canonical\" href=\"https://example.org/kaikaku/index.html\">")
    );
    assert!(!file("sitemap.xml").contains("404.html"));
    // The 404 page is shown at any depth, so its links are absolute; other
    // pages keep relative links, so the site still works from disk.
    let not_found = file("404.html");
    assert!(
        not_found.contains("href=\"https://example.org/kaikaku/index.html\"")
            && not_found.contains("https://example.org/kaikaku/static/"),
        "{not_found}"
    );
    assert!(!not_found.contains("href=\"index.html\""), "{not_found}");
    assert!(file("plans/demo/items/1.html").contains("href=\"../../../index.html\""));
}

#[test]
fn usage_errors_exit_with_two() {
    let out = Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .arg("bulid")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn site_theme_overrides_a_template() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for (rel, bytes) in snapshot(&fixture("minimal")) {
        let p = root.join(&rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }
    let tpl = root.join("themes/default/templates/404.html");
    fs::create_dir_all(tpl.parent().unwrap()).unwrap();
    fs::write(
        &tpl,
        "{% extends \"base.html\" %}{% block main %}<h1>独自の404</h1>{% endblock main %}",
    )
    .unwrap();
    let rendered = pipeline::render_site(root, &BuildOptions::default()).unwrap();
    let page = rendered
        .files
        .iter()
        .find(|f| f.path == "404.html")
        .unwrap();
    assert!(String::from_utf8_lossy(&page.bytes).contains("独自の404"));
    fs::write(&tpl, "{% if %}").unwrap();
    let diags = pipeline::render_site(root, &BuildOptions::default()).unwrap_err();
    let text = diags.to_string();
    assert!(
        text.starts_with("themes/default/templates/404.html:1:")
            && text.contains(": error: template error"),
        "the error names the template and its line: {diags}"
    );
}

#[test]
fn archived_plan_is_published_beside_the_current_one() {
    let rendered = pipeline::render_site(&fixture("archive"), &BuildOptions::default()).unwrap();
    assert_eq!(
        rendered.site.plans[0].id, "demo",
        "the current plan comes first"
    );
    let file = |p: &str| text(&rendered, p);
    let home = file("index.html");
    assert!(home.contains("過去の計画"));
    assert!(home.contains("href=\"plans/old-2020/index.html\""));
    assert!(file("plans/old-2020/index.html").contains("過去の計画（アーカイブ）"));
    assert!(file("plans/old-2020/items/1.html").contains("2021年度（令和3年度）"));
    let division = file("divisions/jinji.html");
    assert!(
        division.contains("例示計画（旧）") && division.contains("例示計画（2025年度"),
        "a division page lists items of both plans"
    );
}

#[test]
fn static_filters_work_as_plain_links() {
    let rendered = pipeline::render_site(
        &repo(),
        &BuildOptions {
            no_search: true,
            ..BuildOptions::default()
        },
    )
    .unwrap();
    let file = |p: &str| text(&rendered, p);
    let plan = file("plans/gunma-2025/index.html");
    let nav = &plan[plan.find("<nav class=\"filters\"").unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    for link in [
        "goals/1.html",
        "goals/4.html",
        "marks/data.html",
        "../../divisions/dx.html",
    ] {
        assert!(
            nav.contains(&format!("href=\"../../plans/gunma-2025/{link}\""))
                || nav.contains(&format!("href=\"{link}\""))
                || nav.contains(link),
            "plan filters link {link}"
        );
    }
    assert!(
        nav.contains("★ 群馬県官民データ活用推進計画の取組項目（5）"),
        "{nav}"
    );
    let marks = file("plans/gunma-2025/marks/data.html");
    let numbers: Vec<&str> = marks
        .split("<td class=\"num\">")
        .skip(1)
        .map(|s| &s[..s.find('<').unwrap()])
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "15", "16"]);
    let dx = file("divisions/dx.html");
    assert!(
        dx.contains("href=\"#gunma-2025-goal-1\"") && dx.contains("id=\"gunma-2025-goal-1\""),
        "division page filters by goal with anchors"
    );
    assert!(
        dx.contains("href=\"#gunma-2025-mark-data\"") && dx.contains("id=\"gunma-2025-mark-data\""),
        "and by mark"
    );
}

/// The file at `path` of a site rendered in memory, as text.
fn text(rendered: &pipeline::Rendered, path: &str) -> String {
    let file = rendered
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path} in the output"));
    String::from_utf8(file.bytes.clone()).unwrap()
}

#[test]
fn a_template_that_fails_after_pages_were_written_leaves_the_previous_output() {
    // Pages are written to the staging folder while later ones still render:
    // a template failing on item pages (rendered after the home page, the data
    // files and the plan pages) must still leave the old output alone.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("minimal"), &site);
    let out = tmp.path().join("public");
    pipeline::build(&site, &out, &BuildOptions::default()).unwrap();
    let before = snapshot(&out);
    let templates = site.join("themes/default/templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("item.html"),
        "{% extends \"base.html\" %}{% block main %}{{ page.no_such_view.field }}{% endblock %}",
    )
    .unwrap();
    let err = pipeline::build(&site, &out, &BuildOptions::default()).unwrap_err();
    let BuildError::Content(diags) = &err else {
        panic!("expected a template error, got {err}");
    };
    let text = diags.to_string();
    assert!(text.contains("templates/item.html"), "{text}");
    assert_eq!(snapshot(&out), before);
    let mut leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    leftovers.sort();
    // The lock file stays beside the output folder; nothing else is left.
    assert_eq!(leftovers, [".public.kohyo-lock", "public", "site"]);
}

/// The `<div class="prose">` of a built page.
fn prose(rendered: &pipeline::Rendered, path: &str) -> String {
    let html = text(rendered, path);
    let start = html.find("<div class=\"prose\">").expect("a prose block");
    let end = start + html[start..].find("</div>").expect("its end");
    html[start..end].to_string()
}

#[test]
fn markdown_without_a_less_than_sign_is_written_directly_and_as_sanitised() {
    // A text without `<` takes the fast path (written directly, no
    // sanitiser); the same text with an HTML comment goes through the
    // sanitiser, which drops the comment. Both must give the same HTML.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("minimal"), &site);
    let body = "## 取組の方針\n\n**重点**として、*行政改革*を進めます。\n\n- 窓口の「デジタル化」\n- 費用 & 効果の見える化\n\n詳しくは[県のサイト](https://www.pref.example.jp/)へ。\n\n`code` と 1 > 0。\n";
    for (slug, text) in [
        ("fast", body.to_string()),
        ("slow", format!("{body}\n<!-- 注 -->\n")),
    ] {
        fs::write(
            site.join(format!("content/pages/{slug}.md")),
            format!("---\ntitle: 方針\n---\n{text}"),
        )
        .unwrap();
    }
    let rendered = pipeline::render_site(&site, &BuildOptions::default()).unwrap();
    let fast = prose(&rendered, "pages/fast.html");
    for want in [
        "<h2>取組の方針</h2>",
        "<strong>重点</strong>として、<em>行政改革</em>を進めます。",
        "<li>窓口の「デジタル化」</li>",
        "<li>費用 &amp; 効果の見える化</li>",
        "<a href=\"https://www.pref.example.jp/\" rel=\"noopener noreferrer\">県のサイト</a>",
        "<code>code</code> と 1 &gt; 0。",
    ] {
        assert!(fast.contains(want), "`{want}` missing from {fast}");
    }
    assert!(!fast.contains("注"), "{fast}");
    // The comment's block leaves only a line break behind.
    assert_eq!(
        fast.trim_end(),
        prose(&rendered, "pages/slow.html").trim_end()
    );
}

#[test]
fn every_page_kind_is_listed_once_and_found_by_its_path() {
    use kohyo::render::{PageKind, Pages};
    let (site, theme, _) = pipeline::prepare(&repo(), &BuildOptions::default()).unwrap();
    let pages = Pages::new(&site, &theme).unwrap();
    let paths: Vec<&str> = pages.paths().collect();
    let unique: std::collections::BTreeSet<&str> = paths.iter().copied().collect();
    assert_eq!(unique.len(), paths.len(), "a path listed twice");
    let mut seen = std::collections::BTreeSet::new();
    for path in &paths {
        let kind = pages.kind(path).expect("found by its path");
        assert_eq!(kind.path(&site), *path);
        seen.insert(
            format!("{kind:?}")
                .split([' ', '{'])
                .next()
                .unwrap()
                .to_string(),
        );
    }
    // The sample site has a page of every kind.
    for kind in [
        PageKind::Home,
        PageKind::Divisions,
        PageKind::Data,
        PageKind::Search,
        PageKind::Accessibility,
        PageKind::NotFound,
    ] {
        assert!(pages.kind(&kind.path(&site)) == Some(kind), "{kind:?}");
    }
    for name in [
        "Plan",
        "Goal",
        "Policy",
        "Dashboard",
        "Mark",
        "Cycle",
        "Item",
        "Division",
        "Page",
    ] {
        assert!(seen.contains(name), "no {name} page in {seen:?}");
    }
    assert!(pages.kind("plans/none/index.html").is_none());
}
