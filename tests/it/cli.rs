//! The authors' workflow from the command line: `init` → `check` → `build`,
//! `check --format json` for CI, the snippet under each human message,
//! `schema`, summaries and `--quiet`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn kohyo() -> Command {
    let mut cmd = Command::cargo_bin("kohyo").expect("the kohyo binary");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8")
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8")
}

/// The YAML of a content file: the whole file, or a page's front matter.
fn yaml_value(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap();
    let yaml = match text.strip_prefix("---\n") {
        Some(rest) => rest[..rest.find("\n---\n").unwrap() + 1].to_string(),
        None => text,
    };
    serde_saphyr::from_str(&yaml).unwrap()
}

#[test]
fn init_then_check_then_build() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("my-site");
    let out = kohyo().arg("init").arg(&site).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let summary = stdout_of(&out);
    assert_eq!(summary.lines().count(), 1, "one summary line: {summary}");
    assert!(
        summary.starts_with("created an example site in ") && summary.contains("kohyo check"),
        "{summary}"
    );
    for file in [
        "content/site.yaml",
        "content/divisions.yaml",
        "content/plans/example/plan.yaml",
        "content/plans/example/items/01.yaml",
        "content/pages/about.md",
        "schemas/site.schema.json",
        "schemas/item.schema.json",
    ] {
        assert!(site.join(file).is_file(), "{file} was written");
    }
    let first = fs::read_to_string(site.join("content/plans/example/items/01.yaml")).unwrap();
    assert!(
        first.starts_with("# yaml-language-server: $schema=../../../../schemas/item.schema.json\n")
    );

    kohyo()
        .args(["check", "--root"])
        .arg(&site)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("ok: 1 plan(s), 1 item(s), "))
        .stderr("");

    kohyo()
        .args(["build", "--root"])
        .arg(&site)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("built "));
    for page in [
        "index.html",
        "plans/example/index.html",
        "plans/example/items/1.html",
        "divisions/gyokaku.html",
        "pages/about.html",
    ] {
        assert!(site.join("public").join(page).is_file(), "{page} was built");
    }
    let index = fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(index.contains("例"), "the example is labelled as such");
}

#[test]
fn init_writes_files_that_match_the_schemas_it_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    kohyo()
        .args(["init", "--quiet"])
        .arg(&site)
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    let schema = |kind: &str| -> jsonschema::Validator {
        let text = fs::read_to_string(site.join(format!("schemas/{kind}.schema.json"))).unwrap();
        jsonschema::draft202012::new(&serde_json::from_str::<Value>(&text).unwrap()).unwrap()
    };
    for (file, kind) in [
        ("content/site.yaml", "site"),
        ("content/divisions.yaml", "divisions"),
        ("content/plans/example/plan.yaml", "plan"),
        ("content/plans/example/items/01.yaml", "item"),
        ("content/pages/about.md", "page"),
    ] {
        let value = yaml_value(&site.join(file));
        let errors: Vec<String> = schema(kind)
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}

#[test]
fn init_refuses_a_non_empty_folder() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    kohyo()
        .arg("init")
        .arg(tmp.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains(
                "is not empty; `kohyo init` only writes into a new or empty folder",
            )
            .and(predicate::str::contains("hint: ")),
        );
    let names: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing was written");
    assert_eq!(
        fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn check_json_gives_one_object_per_problem_and_line() {
    let out = kohyo()
        .args(["check", "--format", "json", "--root"])
        .arg(fixture("many-errors"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = stdout_of(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    let objects: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let places: Vec<(&str, u64, u64, &str)> = objects
        .iter()
        .map(|o| {
            (
                o["file"].as_str().unwrap(),
                o["line"].as_u64().unwrap(),
                o["column"].as_u64().unwrap(),
                o["code"].as_str().unwrap(),
            )
        })
        .collect();
    let item = "content/plans/demo/items/01.yaml";
    assert_eq!(
        places,
        [
            (item, 3, 9, "unknown-policy"),
            (item, 4, 9, "unknown-mark"),
            (item, 5, 18, "unknown-division"),
            (item, 12, 13, "year-out-of-period"),
            ("content/site.yaml", 5, 1, "unknown-key"),
        ]
    );
    for o in &objects {
        assert_eq!(o["severity"], "error");
        assert!(o["message"].is_string() && o["hint"].is_string(), "{o}");
    }
    // Keys in the documented order, and the exact text of one line.
    assert_eq!(
        lines[2],
        r#"{"file":"content/plans/demo/items/01.yaml","line":5,"column":18,"severity":"error","code":"unknown-division","message":"unknown division `秘書課`","hint":"use a division id or name from content/divisions.yaml, or add the division there"}"#
    );
    // The summary goes to stderr, so stdout stays pure JSON Lines.
    assert_eq!(stderr_of(&out), "5 error(s); nothing was written.\n");
}

#[test]
fn check_json_on_a_valid_site_prints_no_lines() {
    let out = kohyo()
        .args(["check", "--format", "json", "--root"])
        .arg(fixture("minimal"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_of(&out), "");
    assert!(stderr_of(&out).starts_with("ok: "), "{}", stderr_of(&out));
}

#[test]
fn check_json_without_a_position_gives_null() {
    let tmp = tempfile::tempdir().unwrap();
    let out = kohyo()
        .args(["check", "--format", "json", "--quiet", "--root"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let first: Value = serde_json::from_str(stdout_of(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["file"], "content/site.yaml");
    assert_eq!(first["line"], Value::Null);
    assert_eq!(first["column"], Value::Null);
    assert_eq!(first["code"], "missing-file");
    assert_eq!(stderr_of(&out), "", "--quiet leaves out the summary");
}

#[test]
fn human_messages_show_the_offending_line_with_a_caret() {
    kohyo()
        .args(["check", "--root"])
        .arg(fixture("wrong-type"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "content/plans/demo/items/01.yaml:3:9: error: wrong kind of value: expected a whole number
  3 | policy: 第一
    |         ^
  hint: ",
        ));
    // Wide characters before the column move the caret two columns each.
    kohyo()
        .args(["check", "--root"])
        .arg(fixture("many-errors"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "  5 | divisions: [人事課, 秘書課]\n    |                     ^\n",
        ));
}

#[test]
fn quiet_leaves_out_the_summary_but_not_the_problems() {
    let out = kohyo()
        .args(["check", "--quiet", "--root"])
        .arg(fixture("unknown-policy"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = stderr_of(&out);
    assert!(stderr.contains("error: unknown 方針 7"), "{stderr}");
    assert!(!stderr.contains("error(s)"), "{stderr}");
    kohyo()
        .args(["check", "--quiet", "--root"])
        .arg(fixture("minimal"))
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
}

#[test]
fn no_colours_when_not_on_a_terminal() {
    let out = Command::cargo_bin("kohyo")
        .unwrap()
        .env_remove("NO_COLOR")
        .args(["check", "--root"])
        .arg(fixture("many-errors"))
        .output()
        .unwrap();
    let text = stderr_of(&out);
    // The problems are printed, in full (message, snippet, hint, summary)…
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains(": error: "), "{text}");
    assert!(text.contains("  hint: "), "{text}");
    assert!(text.contains(" |"), "a snippet: {text}");
    assert!(text.contains("error(s)"), "the summary: {text}");
    // …and without a single colour code.
    assert!(!text.contains('\x1b'), "{text}");
}

#[test]
fn schema_out_writes_one_file_per_kind() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("schemas");
    kohyo()
        .args(["schema", "--out"])
        .arg(&dir)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "wrote 7 schemas (site, divisions, plan, item, results, page, synonyms) into ",
        ));
    for kind in ["site", "divisions", "plan", "item", "results", "page"] {
        let text = fs::read_to_string(dir.join(format!("{kind}.schema.json"))).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{kind}"
        );
        assert_eq!(schema["additionalProperties"], false, "{kind}");
        jsonschema::draft202012::new(&schema).expect("a valid schema");
    }
}

#[test]
fn schema_prints_every_kind_as_one_object() {
    let out = kohyo().arg("schema").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let all: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let mut kinds: Vec<&String> = all.as_object().unwrap().keys().collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "divisions",
            "item",
            "page",
            "plan",
            "results",
            "site",
            "synonyms"
        ]
    );
    assert_eq!(
        all["item"]["properties"]["divisions"]["items"]["type"],
        "string"
    );
    assert!(stderr_of(&out).starts_with("printed 7 schemas"));
    kohyo()
        .args(["schema", "--quiet"])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn a_misspelt_key_fails_both_the_schema_and_the_checker() {
    let schema: Value = {
        let out = kohyo().arg("schema").output().unwrap();
        serde_json::from_str::<Value>(&stdout_of(&out)).unwrap()["site"].clone()
    };
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let site = yaml_value(&fixture("many-errors").join("content/site.yaml"));
    let errors: Vec<String> = validator
        .iter_errors(&site)
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("colour"), "{errors:?}");
}

#[test]
fn the_documented_ci_workflow_is_valid_yaml_and_runs_check_json() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/github-actions-kohyo.yml");
    let text = fs::read_to_string(&path).unwrap();
    let workflow: Value = serde_saphyr::from_str(&text).expect("the workflow parses");
    assert!(workflow["jobs"].is_object(), "{workflow}");
    assert!(text.contains("kohyo check --format json"));
    assert!(text.contains("::error file="));
    assert!(text.contains("actions/upload-pages-artifact"));
    // The site installs a released binary (checked against its checksum),
    // not a compile from source on every run.
    assert!(text.contains("sha256sum -c"));
    assert!(!text.contains("\n        run: cargo install"));
}

#[test]
fn the_documented_release_workflow_builds_strips_and_attaches_the_binary() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/release-kohyo.yml");
    let text = fs::read_to_string(&path).unwrap();
    let workflow: Value = serde_saphyr::from_str(&text).expect("the workflow parses");
    assert_eq!(workflow["on"]["push"]["tags"][0], "v*", "{workflow}");
    let steps = workflow["jobs"]["linux"]["steps"].as_array().unwrap();
    let runs: String = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(runs.contains("cargo build --release --locked"));
    assert!(runs.contains("strip target/release/kohyo"));
    assert!(runs.contains("gh release upload"));
    // The asset name the site workflow downloads.
    let site = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/github-actions-kohyo.yml"),
    )
    .unwrap();
    assert!(runs.contains("name=\"kohyo-${GITHUB_REF_NAME}-x86_64-linux\""));
    assert!(site.contains("asset=\"kohyo-${KOHYO_VERSION}-x86_64-linux.tar.gz\""));
}

#[test]
fn the_documented_jq_step_turns_json_lines_into_annotations() {
    if std::process::Command::new("jq")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("jq is not installed; skipping the annotation check");
        return;
    }
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/github-actions-kohyo.yml"),
    )
    .unwrap();
    let start = text.find("jq -r '\n").unwrap() + "jq -r '\n".len();
    let end = start + text[start..].find("\n          ' kohyo.jsonl").unwrap();
    let filter = &text[start..end];
    let json = kohyo()
        .args(["check", "--format", "json", "--root"])
        .arg(fixture("many-errors"))
        .output()
        .unwrap()
        .stdout;
    let mut jq = std::process::Command::new("jq")
        .args(["-r", filter])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        jq.stdin.take().unwrap().write_all(&json).unwrap();
    }
    let out = jq.wait_with_output().unwrap();
    assert!(out.status.success());
    let annotations = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = annotations.lines().collect();
    assert_eq!(lines.len(), 5, "{annotations}");
    assert_eq!(
        lines[0],
        "::error file=content/plans/demo/items/01.yaml,line=3,col=9,title=kohyo unknown-policy::unknown 方針 9 (hint: the plan's 方針 are numbered 1; see plan.yaml)"
    );
}
