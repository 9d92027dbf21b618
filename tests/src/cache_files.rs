//! File-system helpers of the cache test suites: the entry files of a cache directory,
//! copies, stat times, and waiting for the file-system clock (never a sleep: it waits for
//! exactly the condition the cache's racy-timestamp rule needs).

use std::fs::{self, File, FileTimes};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The cache entry files below `cache`, sorted by path.
pub fn entry_files(cache: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for shard in fs::read_dir(cache.join("entries")).expect("list entries") {
        let shard = shard.expect("list entries").path();
        for entry in fs::read_dir(&shard).expect("list a shard") {
            let path = entry.expect("list a shard").path();
            if path.extension().is_some_and(|ext| ext == "tyc") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create a directory");
    for entry in fs::read_dir(from).expect("list a directory") {
        let entry = entry.expect("list a directory");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

pub fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path)
        .and_then(|meta| meta.modified())
        .unwrap_or_else(|error| panic!("stat {}: {error}", path.display()))
}

#[cfg(unix)]
pub fn ctime(path: &Path) -> (i64, i64) {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(path).unwrap_or_else(|error| panic!("stat {}: {error}", path.display()));
    (meta.ctime(), meta.ctime_nsec())
}

#[cfg(not(unix))]
pub fn ctime(path: &Path) -> (i64, i64) {
    let since = mtime(path).duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    (since.as_secs() as i64, i64::from(since.subsec_nanos()))
}

/// Returns once the file system's clock (the time it stamps new files in `dir` with) is
/// past `time`: stamps a file until its time moves. Not a sleep: it waits for exactly
/// the condition the stat fast path needs (stats strictly older than a build's start).
pub fn wait_for_fs_tick_after(dir: &Path, time: SystemTime) {
    fs::create_dir_all(dir).expect("create a directory");
    let probe = dir.join(".tick-probe");
    loop {
        fs::write(&probe, b"tick").expect("stamp a probe file");
        if mtime(&probe) > time {
            break;
        }
        std::thread::yield_now();
    }
    let _ = fs::remove_file(&probe);
}

/// Rewrites `path` with `text` (of the same length as its contents) and puts its
/// modification time back: size, mtime and inode are those the cache recorded.
pub fn rewrite_keeping_mtime(path: &Path, text: &str) {
    let before = mtime(path);
    assert_eq!(fs::metadata(path).expect("stat").len(), text.len() as u64, "same size");
    fs::write(path, text).expect("rewrite");
    let file = File::options().write(true).open(path).expect("open for set_times");
    file.set_times(FileTimes::new().set_modified(before)).expect("restore the modification time");
    drop(file);
    assert_eq!(mtime(path), before, "the modification time is restored");
}

/// The newest modification or change time of everything below `root`, directories
/// included (the project snapshot records the stats of directories too), and of what
/// symbolic links point to (not descending into linked directories).
pub fn newest_change(root: &Path) -> SystemTime {
    let mut newest = SystemTime::UNIX_EPOCH;
    let mut stack = vec![root.to_path_buf()];
    while let Some(path) = stack.pop() {
        let own = fs::symlink_metadata(&path).unwrap_or_else(|error| panic!("stat {}: {error}", path.display()));
        for meta in [Some(own.clone()), fs::metadata(&path).ok()].into_iter().flatten() {
            newest = newest.max(changed(&meta)).max(meta.modified().unwrap_or(SystemTime::UNIX_EPOCH));
        }
        if own.is_dir() {
            for entry in fs::read_dir(&path).unwrap_or_else(|error| panic!("list {}: {error}", path.display())) {
                stack.push(entry.unwrap_or_else(|error| panic!("list {}: {error}", path.display())).path());
            }
        }
    }
    newest
}

#[cfg(unix)]
fn changed(meta: &fs::Metadata) -> SystemTime {
    use std::os::unix::fs::MetadataExt;
    let (secs, nanos) = (meta.ctime(), meta.ctime_nsec());
    SystemTime::UNIX_EPOCH + Duration::new(secs.max(0) as u64, nanos.clamp(0, 999_999_999) as u32)
}

#[cfg(not(unix))]
fn changed(meta: &fs::Metadata) -> SystemTime {
    meta.modified().unwrap_or(SystemTime::UNIX_EPOCH)
}
