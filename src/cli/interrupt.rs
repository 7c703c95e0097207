//! What Ctrl-C (SIGINT) and SIGTERM do during `kohyo build`: remove the
//! staging folder, say so, and end the process; the previous output stays.

use std::process::exit;

/// Exit code after an interrupt: 128 plus the signal's number, as shells do.
const SIGINT_EXIT: i32 = 130;
/// Exit code after SIGTERM.
const SIGTERM_EXIT: i32 = 143;

/// Installs the handlers now (before the build starts, so no signal slips
/// through) and waits for a signal on a thread of its own. On a signal the
/// staging folder of the build is removed, the swap is never left half
/// done (a signal during the swap waits for it), and the process ends with
/// 130 (Ctrl-C) or 143 (SIGTERM). If the handlers cannot be installed, the
/// build goes on with the system's default (the next build cleans up).
pub fn remove_staging_on_signal() {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
    else {
        return;
    };
    let Some(wait) = runtime.block_on(async { signals() }) else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let code = runtime.block_on(wait);
            kohyo::output::abandon_builds(|removed| {
                eprintln!();
                match removed {
                    [] => eprintln!("stopped; nothing was written."),
                    _ => eprintln!(
                        "stopped; the unfinished new site was removed and the previous output was left as it was."
                    ),
                }
                exit(code)
            })
        });
    drop(spawned);
}

/// Registers SIGINT and SIGTERM; the future ends with the exit code.
#[cfg(unix)]
fn signals() -> Option<impl Future<Output = i32>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt()).ok()?;
    let mut terminate = signal(SignalKind::terminate()).ok()?;
    Some(async move {
        tokio::select! {
            _ = interrupt.recv() => SIGINT_EXIT,
            _ = terminate.recv() => SIGTERM_EXIT,
        }
    })
}

/// Registers Ctrl-C; the future ends with the exit code.
#[cfg(not(unix))]
fn signals() -> Option<impl Future<Output = i32>> {
    let _ = SIGTERM_EXIT;
    let mut ctrl_c = tokio::signal::windows::ctrl_c().ok()?;
    Some(async move {
        ctrl_c.recv().await;
        SIGINT_EXIT
    })
}
