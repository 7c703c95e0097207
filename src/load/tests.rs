//! Tests of reading the content folder into raw records.

use super::*;

/// Copies the folder `from` to `to`, recursively.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

#[test]
fn the_cache_reuses_unchanged_files_and_rereads_changed_and_broken_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    copy_tree(&fixture, tmp.path());
    let cache = Cache::default();
    let (first, diags) = load_with(tmp.path(), Some(&cache));
    assert!(!diags.has_errors(), "{diags}");
    let (second, _) = load_with(tmp.path(), Some(&cache));
    let item = |c: &RawContent| Arc::clone(&c.plans[0].items[0]);
    assert!(
        Arc::ptr_eq(&item(&first), &item(&second)),
        "unchanged: reused"
    );

    let file = tmp.path().join(&item(&first).file);
    let text = std::fs::read_to_string(&file).unwrap();
    let title = item(&first).value.title.clone();
    std::fs::write(&file, text.replace(&title, "変えた題名")).unwrap();
    let (third, _) = load_with(tmp.path(), Some(&cache));
    assert_eq!(
        item(&third).value.title,
        "変えた題名",
        "changed: read again"
    );

    std::fs::write(&file, "number: [\n").unwrap();
    let (_, diags) = load_with(tmp.path(), Some(&cache));
    assert!(diags.has_errors(), "a broken file is reported every time");
    let (_, diags) = load_with(tmp.path(), Some(&cache));
    assert!(diags.has_errors(), "and not kept");

    std::fs::remove_file(&file).unwrap();
    let (fourth, _) = load_with(tmp.path(), Some(&cache));
    assert!(fourth.plans[0].items.is_empty());
    assert!(
        cache.items.lock().unwrap().is_empty(),
        "deleted files are forgotten"
    );
}

#[test]
fn plans_read_in_one_pass_as_if_one_after_another() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/plans");
    let valid_plan = std::fs::read_to_string(sample.join("gunma-2025/plan.yaml")).unwrap();
    let valid_item = std::fs::read_to_string(sample.join("gunma-2025/items/01.yaml")).unwrap();
    let valid_results =
        std::fs::read_to_string(sample.join("gunma-2020/results/2024.yaml")).unwrap();
    let root = tempfile::tempdir().unwrap();
    let plans = root.path().join("content/plans");
    let write = |path: &str, text: &str| {
        let path = plans.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    // Valid files, syntax errors and unknown keys, in several plans, one
    // without plan.yaml.
    for (p, plan) in ["a", "b", "c", "d"].into_iter().enumerate() {
        match p {
            0 => write(&format!("{plan}/plan.yaml"), &valid_plan),
            1 => {}
            _ => write(&format!("{plan}/plan.yaml"), "title: [\n"),
        }
        for i in 0..12 {
            let text = match (i + p) % 3 {
                0 => valid_item.clone(),
                1 => format!("colour: red{i}\n"),
                _ => format!("number: [{i}\n"),
            };
            write(&format!("{plan}/items/{i:02}.yaml"), &text);
        }
        for year in 2020..2023 {
            let text = if (year + p) % 2 == 0 {
                valid_results.clone()
            } else {
                format!("year: {year}\nmood: good\n")
            };
            write(&format!("{plan}/results/{year}.yaml"), &text);
        }
    }
    let site = SiteRoot::new(root.path());
    let dirs = plan_dirs(&site, &plans, &mut Diagnostics::new());
    assert_eq!(dirs.len(), 4);

    let mut diags = Diagnostics::new();
    let mut loaded = list_plan_dirs(&site, &dirs, None, &mut diags);
    read_plan_files(&site, &mut loaded, None, &mut diags);

    // The same, one file after another.
    let mut want_diags = Diagnostics::new();
    let mut want = Vec::new();
    for dir in &dirs {
        let d = &mut want_diags;
        let plan_file = dir.join("plan.yaml");
        let plan = if plan_file.is_file() {
            load_yaml(&site, &plan_file, d)
        } else {
            PlanFile::MissingPlan(plan_file).load(&site, None, d);
            None
        };
        let items = content_files(&site, &dir.join("items"), YAML, "", &mut Diagnostics::new());
        let items: Vec<Arc<Sourced<RawItem>>> = items
            .iter()
            .filter_map(|f| load_yaml(&site, f, d).map(Arc::new))
            .collect();
        let results = content_files(
            &site,
            &dir.join("results"),
            YAML,
            "",
            &mut Diagnostics::new(),
        );
        let results: Vec<Arc<Sourced<RawResults>>> = results
            .iter()
            .filter_map(|f| load_yaml(&site, f, d).map(Arc::new))
            .collect();
        want.push(RawPlanDir {
            id: dir.file_name().unwrap().to_string_lossy().into_owned(),
            dir: site.show(dir),
            plan,
            items,
            results,
            pending: Vec::new(),
        });
    }
    assert_eq!(format!("{loaded:?}"), format!("{want:?}"));
    assert_eq!(format!("{diags:?}"), format!("{want_diags:?}"));
    assert!(diags.error_count() > 30, "{}", diags.error_count());
    assert_eq!(loaded[0].items.len(), 4);
    assert!(loaded[0].plan.is_some() && loaded[1].plan.is_none());
}
