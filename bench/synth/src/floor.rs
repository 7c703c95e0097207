//! The floor: the same files, the same sizes, written as plainly as possible
//! (one `std::fs::write` each on one thread), and the `--list` manifest it reads.

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufWriter, Write as _};
use std::path::{Path, PathBuf};

/// Every file below `dir` as (site-relative path with `/`, size), sorted.
pub(crate) fn walk(dir: &Path) -> io::Result<Vec<(String, u64)>> {
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

pub(crate) fn list(dir: &Path) -> io::Result<()> {
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    for (path, size) in walk(dir)? {
        writeln!(w, "{size}\t{path}")?;
    }
    w.flush()
}

pub(crate) fn floor_write(out: &Path, like: &Path) -> io::Result<()> {
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
