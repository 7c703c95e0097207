//! `kohyo-synth`, the benchmark's content generator: its sites pass kohyo's
//! checks (the library's `load_site`, which `kohyo check` runs), the same
//! seed gives the same files, and the floor writer copies a folder's paths
//! and sizes. The benchmark itself is `bench/run`, run by hand.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn synth() -> Command {
    Command::cargo_bin("kohyo-synth").expect("the kohyo-synth binary")
}

/// Checks the site under `root` as `kohyo check` does and asserts it has no
/// errors, `plans` plans and `items` items in all.
fn passes_check(root: &Path, plans: usize, items: usize) {
    let site = kohyo::pipeline::load_site(root)
        .unwrap_or_else(|d| panic!("the synthetic site has errors:\n{:?}", d.sorted()));
    assert_eq!(site.plans.len(), plans);
    assert_eq!(
        site.plans.iter().map(|p| p.items.len()).sum::<usize>(),
        items
    );
}

/// Every file below `dir`, by relative path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn generate(dir: &Path, items: usize, extra: &[&str]) {
    synth()
        .arg("--out")
        .arg(dir)
        .args(["--items", &items.to_string()])
        .args(extra)
        .assert()
        .success();
}

#[test]
fn a_35_item_site_passes_check() {
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path(), 35, &[]);
    let content = tmp.path().join("content");
    assert!(content.join("site.yaml").is_file());
    assert!(content.join("divisions.yaml").is_file());
    assert!(content.join("plans/plan-2025/items/00035.yaml").is_file());
    for year in 2025..=2029 {
        assert!(
            content
                .join(format!("plans/plan-2025/results/{year}.yaml"))
                .is_file()
        );
    }
    passes_check(tmp.path(), 1, 35);
}

#[test]
fn archived_plans_pass_check_too() {
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path(), 41, &["--plans", "3", "--seed", "7"]);
    passes_check(tmp.path(), 3, 41);
}

/// The benchmark's middle size; slow unoptimised, so run it with
/// `cargo test --release -p kohyo-synth -- --ignored` (bench/run checks it too).
#[test]
#[ignore]
fn a_1000_item_site_passes_check() {
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path(), 1000, &[]);
    passes_check(tmp.path(), 1, 1000);
}

#[test]
fn the_same_seed_gives_the_same_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    let hugo = tmp.path().join("hugo-a");
    generate(&a, 20, &["--seed", "3", "--hugo", hugo.to_str().unwrap()]);
    generate(&b, 20, &["--seed", "3"]);
    generate(&c, 20, &["--seed", "4"]);
    let (sa, sb) = (snapshot(&a.join("content")), snapshot(&b.join("content")));
    assert_eq!(sa, sb);
    assert_ne!(sa, snapshot(&c.join("content")));
}

#[test]
fn the_hugo_site_has_a_page_per_item_and_every_list() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = tmp.path().join("hugo");
    synth()
        .arg("--hugo")
        .arg(&hugo)
        .args(["--items", "35"])
        .assert()
        .success();
    assert!(hugo.join("hugo.toml").is_file());
    assert!(hugo.join("layouts/items/page.html").is_file());
    let items = fs::read_dir(hugo.join("content/items")).unwrap().count();
    assert_eq!(items, 35);
    let item = fs::read_to_string(hugo.join("content/items/plan-2025-00001.md")).unwrap();
    for key in [
        "\nprojects:",
        "\nindicators:",
        "\nresults:",
        "\ndivisions:",
        "\npolicies:",
    ] {
        assert!(item.contains(key), "{key} missing from {item}");
    }
    assert!(hugo.join("content/goals/plan-2025-g1/_index.md").is_file());
    assert!(
        hugo.join("content/policies/plan-2025-p17/_index.md")
            .is_file()
    );
    assert!(hugo.join("content/divisions/d001/_index.md").is_file());
    assert!(hugo.join("content/cycles/plan-2025-2029.md").is_file());
    // It refuses to write over an existing folder.
    synth()
        .arg("--hugo")
        .arg(&hugo)
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn the_floor_writes_the_same_paths_and_sizes() {
    let tmp = tempfile::tempdir().unwrap();
    let like = tmp.path().join("like");
    fs::create_dir_all(like.join("a/b")).unwrap();
    fs::write(like.join("index.html"), "x".repeat(1000)).unwrap();
    fs::write(like.join("a/b/page.html"), "").unwrap();
    fs::write(like.join("a/data.json"), "{}").unwrap();
    let manifest = synth().arg("--list").arg(&like).assert().success();
    let manifest = String::from_utf8(manifest.get_output().stdout.clone()).unwrap();
    assert_eq!(
        manifest,
        "0\ta/b/page.html\n2\ta/data.json\n1000\tindex.html\n"
    );
    let list = tmp.path().join("manifest.tsv");
    fs::write(&list, &manifest).unwrap();
    for (out, from) in [
        (tmp.path().join("f1"), &list),
        (tmp.path().join("f2"), &like),
    ] {
        synth()
            .arg("--floor-write")
            .arg(&out)
            .arg("--like")
            .arg(from)
            .assert()
            .success();
        let sizes: Vec<(String, usize)> = snapshot(&out)
            .into_iter()
            .map(|(p, b)| (p, b.len()))
            .collect();
        assert_eq!(
            sizes,
            [
                ("a/b/page.html".to_string(), 0),
                ("a/data.json".into(), 2),
                ("index.html".into(), 1000)
            ]
        );
    }
}
