//! Helpers several areas of the integration tests share: the open data sets
//! a site publishes, a folder's files as a map, and kohyo run as a command
//! with what it printed.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

/// The open data sets every site publishes as `data/NAME.csv` and
/// `data/NAME.json`, in the order of the catalogue.
pub const DATA_SETS: [&str; 5] = [
    "structure",
    "item-divisions",
    "indicators",
    "evaluations",
    "rates",
];

/// Every file under `dir` with its bytes, keyed by `/`-separated relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().replace('\\', "/"),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Runs `kohyo ARGS --root ROOT` without colours; its exit code, stdout and
/// stderr.
pub fn kohyo(args: &[&str], root: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
