//! The harness of `tests/it/serve.rs`: a copy of a fixture site, a running
//! `kohyo serve` killed by its own pid when dropped, a hand-written HTTP GET
//! over loopback, and bounded waits.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How long any one wait may take.
pub const PATIENCE: Duration = Duration::from_secs(10);
/// The first build of a debug binary may be slow on a busy machine.
pub const START_PATIENCE: Duration = Duration::from_secs(60);
/// The pause between two tries.
pub const STEP: Duration = Duration::from_millis(100);

/// The fixture's one item file, its page and its title.
pub const ITEM: &str = "content/plans/demo/items/01.yaml";
pub const ITEM_PAGE: &str = "/plans/demo/items/1.html";
pub const OLD_TITLE: &str = "働きやすい職場環境づくり";

/// A copy of `tests/fixtures/minimal` in a temporary folder.
pub fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    copy_dir(&from, tmp.path());
    tmp
}

/// Copies the folder `from` to `to`, recursively (every test module that
/// needs a copy of a fixture uses this one).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every path under `root`, sorted, to show that serving wrote nothing.
pub fn listing(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            out.push(path.strip_prefix(root).unwrap().to_path_buf());
        }
    }
    out.sort();
    out
}

pub fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Collects what a child prints, so that its pipes never fill up.
pub fn collect(stream: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&text);
    thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let mut sink = sink.lock().unwrap();
            sink.push_str(&line);
            sink.push('\n');
        }
    });
    text
}

/// Starts `kohyo serve --port 0 EXTRA --root ROOT` without colours, its
/// standard output and error piped.
pub fn spawn_serve(root: &Path, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .args(["serve", "--port", "0"])
        .args(extra)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A running `kohyo serve`, killed (by its pid) when dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    pub fn start(root: &Path) -> Server {
        let mut child = spawn_serve(root, &[]);
        let stdout = collect(child.stdout.take().unwrap());
        let stderr = collect(child.stderr.take().unwrap());
        let start = Instant::now();
        let addr = loop {
            let url = {
                let out = stdout.lock().unwrap();
                out.find("http://127.0.0.1:").map(|at| {
                    let rest = &out[at + "http://".len()..];
                    rest[..rest.find('/').unwrap()].to_string()
                })
            };
            if let Some(url) = url {
                break url.parse::<SocketAddr>().unwrap();
            }
            if let Some(status) = child.try_wait().unwrap() {
                panic!(
                    "kohyo serve ended ({status}) before serving: {}",
                    stderr.lock().unwrap()
                );
            }
            if start.elapsed() > START_PATIENCE {
                let _ = child.kill();
                panic!("kohyo serve printed no address: {}", stderr.lock().unwrap());
            }
            thread::sleep(STEP);
        };
        Server {
            child,
            addr,
            stdout,
            stderr,
        }
    }

    pub fn get(&self, path: &str) -> Response {
        get(self.addr, path)
    }

    pub fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Sends SIGINT, as Ctrl-C does, and waits for the exit.
    #[cfg(unix)]
    pub fn interrupt(&mut self) -> ExitStatus {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        wait_for_exit(&mut self.child).expect("kohyo serve stops on Ctrl-C")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits (bounded) for a child to end.
pub fn wait_for_exit(child: &mut Child) -> Option<ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        thread::sleep(STEP);
    }
    None
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// A hand-written HTTP/1.1 GET over loopback.
pub fn get(addr: SocketAddr, path: &str) -> Response {
    request(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
}

/// Sends `head` (a whole request, written by hand) and reads the answer to
/// its end.
pub fn request(addr: SocketAddr, head: &str) -> Response {
    let mut stream = TcpStream::connect_timeout(&addr, PATIENCE).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8(raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let (status_line, headers) = head.split_once("\r\n").unwrap_or((head, ""));
    Response {
        status: status_line.split(' ').nth(1).unwrap().parse().unwrap(),
        headers: headers.to_string(),
        body: body.to_string(),
    }
}

/// Fetches `path` until `done` holds for the answer (at most [`PATIENCE`]).
pub fn poll(server: &Server, path: &str, what: &str, done: impl Fn(&Response) -> bool) -> Response {
    let start = Instant::now();
    loop {
        let response = server.get(path);
        if done(&response) {
            return response;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "{what}: still not after {PATIENCE:?}\nstdout:\n{}\nstderr:\n{}\nlast answer:\n{}",
            server.stdout(),
            server.stderr(),
            response.body
        );
        thread::sleep(STEP);
    }
}

/// The live stream: reads events (`data:` lines) until `count` more have come.
pub fn live_events(stream: &mut TcpStream, count: usize) -> Vec<String> {
    let start = Instant::now();
    let mut raw = String::new();
    let mut buffer = [0u8; 1024];
    loop {
        let events: Vec<String> = raw
            .lines()
            .filter_map(|l| l.strip_prefix("data: ").map(str::to_string))
            .collect();
        if events.len() >= count {
            return events;
        }
        assert!(start.elapsed() < PATIENCE, "too few live events: {raw}");
        let n = stream.read(&mut buffer).expect("a live event in time");
        assert!(n > 0, "the live stream ended: {raw}");
        raw.push_str(&String::from_utf8_lossy(&buffer[..n]));
    }
}

pub fn open_live(addr: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect_timeout(&addr, PATIENCE).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "GET /__kohyo/live HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    stream
}

/// Runs `kohyo serve ARGS` that should stop by itself; its exit code
/// (`None` if it had to be killed) and standard error.
pub fn serve_that_fails(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .arg("serve")
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = collect(child.stderr.take().unwrap());
    let status = wait_for_exit(&mut child);
    if status.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    // The reader thread ends with the pipe; give it a moment (bounded).
    let start = Instant::now();
    while stderr.lock().unwrap().is_empty() && start.elapsed() < Duration::from_secs(2) {
        thread::sleep(Duration::from_millis(20));
    }
    let text = stderr.lock().unwrap().clone();
    (status.and_then(|s| s.code()), text)
}
