//! Where a build's time and memory go: the steps of `kohyo build` run one
//! by one through the library, each timed, with the peak memory after it.

use std::fs;
use std::io;
use std::path::Path;
use std::time::Instant;

/// Peak resident memory of this process so far, in MiB (Linux only).
pub(crate) fn peak_mib() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The steps of `pipeline::render_site` and `pipeline::build`, timed one by one.
pub(crate) fn phases(root: &Path, out: &Path, with_search: bool) -> io::Result<()> {
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
