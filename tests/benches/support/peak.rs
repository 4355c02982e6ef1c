//! What the loopback benchmarks (download, delta, upload) share: a case run on a runtime,
//! its time, and the most memory it held above its start, read from the process's resident
//! high-water mark (`VmHWM`), reset before the case through `/proc/self/clear_refs`
//! (Linux; elsewhere there is no figure). Each bench takes what it uses.

#![allow(dead_code)]

use std::io::Write;
use std::time::{Duration, Instant};

/// One case's figures.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub elapsed: Duration,
    /// KiB above the resident set before the case.
    pub peak_kib: Option<u64>,
}

/// The resident set (`VmRSS`) and its high-water mark (`VmHWM`), in KiB.
fn memory() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|line| line.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse::<u64>()
            .ok()
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// The resident set now, in KiB.
pub fn resident_kib() -> Option<u64> {
    memory().map(|(rss, _)| rss)
}

/// Resets the high-water mark to the current resident set, where Linux allows it.
fn reset_peak() -> bool {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/proc/self/clear_refs")
        .and_then(|mut file| file.write_all(b"5"))
        .is_ok()
}

/// Runs `case` on `runtime`: its output and its figures.
pub fn measure<T>(
    runtime: &tokio::runtime::Runtime,
    case: impl std::future::Future<Output = T>,
) -> (T, Measured) {
    let resettable = reset_peak();
    let before = memory();
    let started = Instant::now();
    let output = runtime.block_on(case);
    let elapsed = started.elapsed();
    let peak_kib = match (resettable, before, memory()) {
        (true, Some((rss, _)), Some((_, hwm))) => Some(hwm.saturating_sub(rss)),
        _ => None,
    };
    (output, Measured { elapsed, peak_kib })
}

/// Keeps the best time of the rounds and the largest memory.
pub fn keep(slot: &mut Option<Measured>, new: Measured) {
    *slot = Some(match slot.take() {
        None => new,
        Some(kept) => Measured {
            elapsed: kept.elapsed.min(new.elapsed),
            peak_kib: match (kept.peak_kib, new.peak_kib) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            },
        },
    });
}
