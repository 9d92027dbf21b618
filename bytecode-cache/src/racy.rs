//! The stat fast path's safety rule: when a source file's recorded metadata may be trusted
//! instead of hashing its contents (the "racy timestamp" problem known from git).
//!
//! # The rule
//!
//! The engine may skip hashing a source file when its current [`SourceStat`] equals the
//! one recorded in the entry **and** the recorded stat is not racy, that is, both its
//! modification time and its change time are *strictly older* than a [`FsTimestamp`]
//! taken *before the file was read* (same tick or later ⇒ re-hash).
//!
//! # Why it is exactly as correct as hashing
//!
//! File systems stamp `mtime`/`ctime` with a clock tick that may be coarse (jiffies on
//! Linux, 1–2 s on some file systems). A write in the same tick as the recorded `mtime`
//! leaves the stat unchanged, so the stat alone cannot tell the contents changed. Let `T`
//! be the file-system time read before the source was read (see [`fs_clock_now`]). Any
//! write that the read did not see happened after `T` was taken, so it stamps the file
//! with a time `≥ T`. If the recorded `mtime` and `ctime` are both `< T`, such a write
//! makes the current stat differ from the recorded one (and restoring `mtime` with
//! `utimes` still moves `ctime`), so a stat match proves that no unseen write happened.
//! If either is `≥ T`, a write in the same tick could be invisible, so the file is
//! re-hashed. Size and inode are compared too: an editor that saves by renaming a new
//! file over the old one changes the inode even within one tick.
//!
//! # How the engine uses it
//!
//! 1. Once per build, **before reading any source**, take `let t = fs_clock_now(dir)?`,
//!    with `dir` on the same file system as the sources (the project root's cache dir by
//!    default): the stamp must come from the clock that stamps the sources.
//! 2. For each source it reads: `stat` it **before** reading (reading first would let a
//!    write between read and stat pair old contents with a new stat), hash the bytes, and
//!    record `(SourceStat, source hash, t)` in the entry record.
//! 3. On the next load: `recorded.can_skip_hash(&SourceStat::from_metadata(&meta), t)`;
//!    if false, hash the file (and if the hash still matches, the entry is valid and the
//!    engine may record the fresh stat when it next writes the entry).
//!
//! The rule compares only clock readings of the same file system, so a skewed system
//! clock does not matter; a network file system whose server clock jumps backwards does,
//! which is why `--no-cache` exists.

use std::fs::Metadata;
use std::io;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// A point in time as a file system records it: seconds and nanoseconds since the Unix
/// epoch (negative seconds for times before it). Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FsTimestamp {
    pub secs: i64,
    pub nanos: u32,
}

impl FsTimestamp {
    /// Converts a `SystemTime` (as returned by `Metadata::modified`).
    pub fn from_system_time(time: SystemTime) -> FsTimestamp {
        match time.duration_since(UNIX_EPOCH) {
            Ok(after) => FsTimestamp { secs: after.as_secs() as i64, nanos: after.subsec_nanos() },
            Err(before) => {
                let before = before.duration();
                let (secs, nanos) = (before.as_secs() as i64, before.subsec_nanos());
                if nanos == 0 {
                    FsTimestamp { secs: -secs, nanos: 0 }
                } else {
                    FsTimestamp { secs: -secs - 1, nanos: 1_000_000_000 - nanos }
                }
            }
        }
    }
}

/// The metadata of a source file that the stat fast path compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SourceStat {
    pub size: u64,
    pub mtime: FsTimestamp,
    /// Inode change time: moves on every content or metadata change, and cannot be set by
    /// `utimes`, so it catches contents changed with `mtime` restored afterwards.
    pub ctime: FsTimestamp,
    pub inode: u64,
    pub device: u64,
}

impl SourceStat {
    /// Extracts the compared fields from `std::fs::metadata(path)`.
    #[cfg(unix)]
    pub fn from_metadata(meta: &Metadata) -> SourceStat {
        use std::os::unix::fs::MetadataExt;
        SourceStat {
            size: meta.size(),
            mtime: FsTimestamp { secs: meta.mtime(), nanos: meta.mtime_nsec().clamp(0, 999_999_999) as u32 },
            ctime: FsTimestamp { secs: meta.ctime(), nanos: meta.ctime_nsec().clamp(0, 999_999_999) as u32 },
            inode: meta.ino(),
            device: meta.dev(),
        }
    }

    /// Extracts the compared fields; without inode and ctime the rule still holds for
    /// `mtime`, but contents changed with `mtime` restored go unnoticed.
    #[cfg(not(unix))]
    pub fn from_metadata(meta: &Metadata) -> SourceStat {
        let mtime = meta.modified().map(FsTimestamp::from_system_time).unwrap_or(FsTimestamp { secs: 0, nanos: 0 });
        SourceStat { size: meta.len(), mtime, ctime: mtime, inode: 0, device: 0 }
    }

    /// Whether this recorded stat was racy: taken in the same clock tick as `read_start`
    /// (the [`fs_clock_now`] reading taken before the file was read) or later.
    pub fn is_racy(&self, read_start: FsTimestamp) -> bool {
        self.mtime >= read_start || self.ctime >= read_start
    }

    /// Whether `current` (a fresh stat of the file) proves the contents are the ones that
    /// were hashed when `self` was recorded: equal stats and a recorded stat that is not
    /// racy. `false` means "hash the file", never "the file changed".
    pub fn can_skip_hash(&self, current: &SourceStat, read_start: FsTimestamp) -> bool {
        self == current && !self.is_racy(read_start)
    }
}

/// Reads the file system's clock: creates an empty temporary file in `dir`, reads the
/// modification time the file system gave it, and deletes it.
///
/// `SystemTime::now()` is not a substitute: Linux stamps files with a coarse clock that
/// lags the precise one by up to a tick, so a file written just after `now()` can carry
/// an earlier time, which would defeat the rule above.
pub fn fs_clock_now(dir: &Path) -> io::Result<FsTimestamp> {
    let probe = tempfile::Builder::new().prefix(".clock-").tempfile_in(dir)?;
    let meta = probe.as_file().metadata()?;
    #[cfg(unix)]
    {
        // The ctime is used, not the mtime: on creation both are set to the same tick,
        // and ctime is what cannot be forged afterwards.
        Ok(SourceStat::from_metadata(&meta).ctime)
    }
    #[cfg(not(unix))]
    {
        Ok(FsTimestamp::from_system_time(meta.modified()?))
    }
}
