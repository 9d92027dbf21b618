//! The store's single-process properties: round trip, zero-copy reads, replacement under
//! a live mapping, LRU eviction, the size bound, statistics, temp files, racy timestamps.

mod common;

use std::fs::{self, FileTimes};
use std::time::{Duration, SystemTime};

use common::{replace_file, scratch_cache, slot, test_options};
use typhon_bytecode_cache::{CacheOptions, FsTimestamp, SECTION_ALIGN, SourceStat};

#[test]
fn round_trip() {
    let (_dir, cache) = scratch_cache(test_options());
    let sections: Vec<Vec<u8>> = vec![b"record".to_vec(), Vec::new(), (0..=255).collect(), vec![7; 100_000]];
    let refs: Vec<&[u8]> = sections.iter().map(Vec::as_slice).collect();
    let written = cache.put(&slot(0), &refs).expect("put");
    let entry = cache.get(&slot(0)).expect("valid").expect("present");
    assert_eq!(entry.as_bytes().len() as u64, written);
    assert_eq!(entry.section_count(), 4);
    assert_eq!(entry.sections().map(<[u8]>::to_vec).collect::<Vec<_>>(), sections);
    assert_eq!(entry.section(4), None);
    assert!(cache.get(&slot(1)).expect("no error").is_none(), "an absent slot is a plain miss");
    // Byte-identical output for identical input: two writers of one module agree.
    let first = fs::read(cache.entry_path(&slot(0))).expect("read");
    cache.put(&slot(0), &refs).expect("put again");
    assert_eq!(fs::read(cache.entry_path(&slot(0))).expect("read"), first);
}

#[test]
fn directory_layout_is_created() {
    let (_dir, cache) = scratch_cache(test_options());
    let gitignore = fs::read_to_string(cache.root().join(".gitignore")).expect(".gitignore");
    assert!(gitignore.lines().any(|line| line == "*"), "{gitignore}");
    let tag = fs::read_to_string(cache.root().join("CACHEDIR.TAG")).expect("CACHEDIR.TAG");
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55"));
    let path = cache.entry_path(&slot(9));
    let relative = path.strip_prefix(cache.root()).expect("inside the cache");
    let hex = slot(9).to_hex();
    assert_eq!(relative, std::path::Path::new("entries").join(&hex[..2]).join(format!("{}.tyc", &hex[2..])));
}

#[test]
fn sections_are_zero_copy_and_aligned() {
    let (_dir, cache) = scratch_cache(test_options());
    let numbers: Vec<u64> = (0..1000).map(|n| n * n).collect();
    let archived = rkyv::to_bytes::<rkyv::rancor::BoxedError>(&numbers).expect("archive");
    // Odd-length sections before it, so its alignment comes from the format alone.
    cache.put(&slot(0), &[b"abc", b"defgh", &archived]).expect("put");
    let entry = cache.get(&slot(0)).expect("valid").expect("present");
    let mapping = entry.as_bytes().as_ptr_range();
    for section in entry.sections() {
        let range = section.as_ptr_range();
        assert!(mapping.start <= range.start && range.end <= mapping.end, "section outside the mapping");
        assert_eq!(range.start as usize % SECTION_ALIGN, 0, "section not 16-byte aligned");
    }
    // rkyv accesses the archive in place, which checks absolute alignment (trap 2).
    let section = entry.section(2).expect("section 2");
    let in_place = rkyv::access::<rkyv::Archived<Vec<u64>>, rkyv::rancor::BoxedError>(section).expect("valid archive");
    assert_eq!(in_place.len(), 1000);
    assert_eq!(in_place[999].to_native(), 999 * 999);
    assert!(mapping.contains(&(in_place.as_ptr() as *const u8)), "the archive is read from the mapping");
}

#[test]
fn a_mapped_entry_survives_replacement_and_deletion() {
    let (_dir, cache) = scratch_cache(test_options());
    let old = vec![0x5a; 1 << 20];
    cache.put(&slot(0), &[&old]).expect("put");
    let held = cache.get(&slot(0)).expect("valid").expect("present");
    let old_inode = inode(&cache.entry_path(&slot(0)));
    // Replace with shorter and longer entries: if the old file were truncated in place,
    // touching the held mapping past the new length would raise SIGBUS.
    for round in 0..10u8 {
        let len = if round % 2 == 0 { 10 } else { 2 << 20 };
        cache.put(&slot(0), &[&vec![round; len]]).expect("replace");
        assert!(held.section(0).expect("section") == old.as_slice(), "the old bytes changed");
        let fresh = cache.get(&slot(0)).expect("valid").expect("present");
        assert_eq!(fresh.section(0).expect("section").len(), len);
    }
    assert_ne!(inode(&cache.entry_path(&slot(0))), old_inode, "replacement is a new file");
    cache.remove(&slot(0)).expect("remove");
    cache.gc(0).expect("gc");
    assert!(held.section(0).expect("section") == old.as_slice(), "deletion is an unlink");
    assert!(cache.get(&slot(0)).expect("no error").is_none());
}

#[cfg(unix)]
fn inode(path: &std::path::Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).expect("stat"))
}

#[cfg(not(unix))]
fn inode(_path: &std::path::Path) -> u64 {
    0
}

#[test]
fn gc_evicts_least_recently_used_first() {
    let (_dir, cache) = scratch_cache(test_options());
    let body = vec![1u8; 1000];
    let mut entry_len = 0;
    for idx in 0..4 {
        entry_len = cache.put(&slot(idx), &[&body]).expect("put");
    }
    // Using slot 0 makes it the most recently used; slot 1 is now the oldest.
    assert!(cache.get(&slot(0)).expect("valid").is_some());
    let report = cache.gc(2 * entry_len).expect("gc");
    assert_eq!((report.removed_entries, report.remaining_entries), (2, 2));
    assert_eq!(report.remaining_bytes, 2 * entry_len);
    let present: Vec<bool> = (0..4).map(|idx| cache.get(&slot(idx)).expect("no error").is_some()).collect();
    assert_eq!(present, [true, false, false, true], "slots 1 and 2 were least recently used");
}

#[test]
fn hits_refresh_only_after_the_refresh_interval() {
    let options = CacheOptions { lru_refresh_interval: Duration::from_secs(60), ..test_options() };
    let (_dir, cache) = scratch_cache(options);
    cache.put(&slot(0), &[b"x"]).expect("put");
    let path = cache.entry_path(&slot(0));
    let long_ago = SystemTime::now() - Duration::from_secs(3600);
    fs::File::open(&path).expect("open").set_times(FileTimes::new().set_modified(long_ago)).expect("set time");
    cache.get(&slot(0)).expect("valid");
    let refreshed = fs::metadata(&path).expect("stat").modified().expect("mtime");
    assert!(refreshed > long_ago + Duration::from_secs(3000), "a stale entry is refreshed on a hit");
    cache.get(&slot(0)).expect("valid");
    assert_eq!(fs::metadata(&path).expect("stat").modified().expect("mtime"), refreshed, "recent: not rewritten");
}

#[test]
fn the_size_bound_is_enforced_after_writes() {
    let body = vec![3u8; 4000];
    let probe = typhon_bytecode_cache::encode_entry(&[0; 32], &[&body]).expect("encode").len() as u64;
    let max_bytes = 10 * probe;
    let options = CacheOptions { max_bytes: Some(max_bytes), rescan_every_puts: 1000, ..test_options() };
    let (_dir, cache) = scratch_cache(options);
    for idx in 0..50 {
        cache.put(&slot(idx), &[&body]).expect("put");
        let stats = cache.stats().expect("stats");
        assert!(stats.total_bytes <= max_bytes, "after put {idx}: {} > {max_bytes}", stats.total_bytes);
        assert!(cache.get(&slot(idx)).expect("valid").is_some(), "the newest entry survives");
    }
    assert!(cache.stats().expect("stats").entries >= 9);
}

#[test]
fn stale_temps_are_collected_and_fresh_ones_kept() {
    let (_dir, cache) = scratch_cache(CacheOptions { temp_grace: Duration::from_secs(600), ..test_options() });
    let tmp = cache.root().join("tmp");
    let stale = tmp.join(".tmp-killed.tyc");
    let fresh = tmp.join(".tmp-live.tyc");
    fs::write(&stale, vec![0u8; 5000]).expect("write");
    fs::write(&fresh, vec![0u8; 7000]).expect("write");
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&stale)
        .expect("open")
        .set_times(FileTimes::new().set_modified(hour_ago))
        .expect("age");
    let stats = cache.stats().expect("stats");
    assert_eq!((stats.entries, stats.temp_files, stats.temp_bytes), (0, 2, 12_000));
    let report = cache.gc(u64::MAX).expect("gc");
    assert_eq!(report.removed_temps, 1);
    assert!(!stale.exists() && fresh.exists());
}

#[test]
fn stats_record_runs_and_clear() {
    let (_dir, cache) = scratch_cache(test_options());
    let mut total = 0;
    for idx in 0..3 {
        total += cache.put(&slot(idx), &[&[idx as u8; 100]]).expect("put");
    }
    cache.record_run(10, 2).expect("record");
    let runs = cache.record_run(5, 0).expect("record");
    assert_eq!((runs.total_runs, runs.total_hits, runs.total_misses), (2, 15, 2));
    let stats = cache.stats().expect("stats");
    assert_eq!((stats.entries, stats.total_bytes), (3, total));
    assert_eq!(stats.runs, runs);
    assert_eq!(stats.runs.recent.iter().map(|run| (run.hits, run.misses)).collect::<Vec<_>>(), [(10, 2), (5, 0)]);
    assert_eq!(stats.runs.hit_rate(), Some(15.0 / 17.0));
    let report = cache.clear().expect("clear");
    assert_eq!(report.removed_entries, 3);
    let stats = cache.stats().expect("stats");
    assert_eq!((stats.entries, stats.total_bytes, stats.runs.total_runs), (0, 0, 0));
    assert!(cache.root().join(".gitignore").exists(), "clear keeps the directory's own files");
}

#[test]
fn verify_reports_every_bad_entry() {
    let (_dir, cache) = scratch_cache(test_options());
    for idx in 0..5 {
        cache.put(&slot(idx), &[b"fine"]).expect("put");
    }
    replace_file(&cache.entry_path(&slot(3)), b"scribble");
    let report = cache.verify().expect("verify");
    assert_eq!(report.valid, 4);
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].0, slot(3));
}

fn ts(secs: i64, nanos: u32) -> FsTimestamp {
    FsTimestamp { secs, nanos }
}

#[test]
fn racy_timestamp_rule() {
    let recorded = SourceStat { size: 10, mtime: ts(100, 500), ctime: ts(100, 500), inode: 7, device: 1 };
    // Strictly older than the stamp taken before reading: a matching stat is trusted.
    assert!(recorded.can_skip_hash(&recorded, ts(100, 501)));
    assert!(recorded.can_skip_hash(&recorded, ts(101, 0)));
    // Same tick or later: racy, the file must be hashed even though the stat matches.
    assert!(!recorded.can_skip_hash(&recorded, ts(100, 500)));
    assert!(!recorded.can_skip_hash(&recorded, ts(100, 499)));
    // A ctime in the racy window is enough (contents changed, mtime restored).
    let late_ctime = SourceStat { ctime: ts(200, 0), ..recorded };
    assert!(!late_ctime.can_skip_hash(&late_ctime, ts(150, 0)));
    // Any difference means "hash it".
    let stamp = ts(1000, 0);
    for changed in [
        SourceStat { size: 11, ..recorded },
        SourceStat { mtime: ts(100, 501), ..recorded },
        SourceStat { ctime: ts(100, 501), ..recorded },
        SourceStat { inode: 8, ..recorded },
        SourceStat { device: 2, ..recorded },
    ] {
        assert!(!recorded.can_skip_hash(&changed, stamp), "{changed:?}");
    }
    // Times before the epoch order correctly.
    let before = FsTimestamp::from_system_time(SystemTime::UNIX_EPOCH - Duration::from_millis(1500));
    assert_eq!(before, ts(-2, 500_000_000));
    assert!(before < ts(-1, 0) && ts(-1, 0) < ts(0, 0));
}

#[test]
fn racy_rule_on_real_files() {
    let (dir, cache) = scratch_cache(test_options());
    let source = dir.path().join("module.py");
    fs::write(&source, "x: int = 1\n").expect("write");
    let written = SourceStat::from_metadata(&fs::metadata(&source).expect("stat"));
    // The file system clock is the clock that stamps files: never behind a file's stamp.
    let mut stamp = cache.fs_clock_now().expect("clock");
    assert!(stamp >= written.ctime, "{stamp:?} < {:?}", written.ctime);
    // In the same tick, the stat cannot be trusted.
    if stamp == written.ctime {
        assert!(!written.can_skip_hash(&written, stamp));
    }
    // Poll the file system clock (not a sleep) until a later tick: now the record is safe.
    while stamp <= written.ctime.max(written.mtime) {
        stamp = cache.fs_clock_now().expect("clock");
    }
    let recorded = SourceStat::from_metadata(&fs::metadata(&source).expect("stat"));
    let current = SourceStat::from_metadata(&fs::metadata(&source).expect("stat"));
    assert!(recorded.can_skip_hash(&current, stamp));
    // Same size, new contents, modification time put back: ctime gives it away.
    fs::write(&source, "x: int = 2\n").expect("write");
    let file = fs::File::options().write(true).open(&source).expect("open");
    file.set_times(
        FileTimes::new()
            .set_modified(SystemTime::UNIX_EPOCH + Duration::new(recorded.mtime.secs as u64, recorded.mtime.nanos)),
    )
    .expect("restore mtime");
    let current = SourceStat::from_metadata(&fs::metadata(&source).expect("stat"));
    assert_eq!((current.size, current.mtime), (recorded.size, recorded.mtime));
    assert!(!recorded.can_skip_hash(&current, stamp));
    // Saving by rename (as editors do) gives a new inode.
    let replacement = dir.path().join("module.py.new");
    fs::write(&replacement, "x: int = 3\n").expect("write");
    fs::rename(&replacement, &source).expect("rename");
    let current = SourceStat::from_metadata(&fs::metadata(&source).expect("stat"));
    assert!(!recorded.can_skip_hash(&current, stamp));
}
