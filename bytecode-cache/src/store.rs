//! The cache directory: slots, atomic publication, mapped reads, LRU eviction, statistics.
//!
//! Layout of a cache directory:
//!
//! ```text
//! .typhon_cache/
//!   .gitignore      `*`: never committed
//!   CACHEDIR.TAG    the standard tag, so backup tools skip the directory
//!   README.txt      one paragraph for a curious user
//!   stats.txt       hit/miss statistics (see `stats.rs`)
//!   entries/ab/cdef….tyc   one entry per slot, named by the slot's 64 hex digits
//!   entries/ab/.tmp-…   files being written, renamed to their slot's name when complete
//!   tmp/            the clock probe, and small files (statistics) being written
//! ```
//!
//! Published files are never modified: `put` renames a complete temporary file over the
//! slot path, deletions are unlinks, and a hit changes only the file's modification time,
//! which is the entry's "last used" time for LRU eviction. Several processes may share a
//! directory without locks: a rename is atomic, so a reader sees the old or the new entry,
//! never a mix, and the last writer wins.

use std::fs::{self, File, FileTimes};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use memmap2::Mmap;

use crate::fingerprint::COMPILER_FINGERPRINT;
use crate::format::{self, EntryError, EntryLayout, Fingerprint};
use crate::mapping::map_published_entry;
use crate::racy::{self, FsTimestamp};
use crate::stats::{RunRecord, RunStats};

const ENTRIES_DIR: &str = "entries";
const TMP_DIR: &str = "tmp";
const STATS_FILE: &str = "stats.txt";
const ENTRY_EXTENSION: &str = ".tyc";
const TEMP_PREFIX: &str = ".tmp-";

const GITIGNORE: &str = "# Created by Typhon: this directory is a cache and is never committed.\n*\n";
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by Typhon.\n\
# For information about cache directory tags, see https://bford.info/cachedir/\n";
const README: &str = "This directory is Typhon's bytecode cache. Everything in it can be rebuilt:\n\
delete it, or run `typhon cache clear`, at any time when no Typhon process is running.\n";

/// How a [`CacheDir`] behaves. `Default` is what the engine uses; tests change fields.
#[derive(Debug, Clone)]
pub struct CacheOptions {
    /// Entries written with another fingerprint are "compiler changed" misses. Defaults
    /// to [`COMPILER_FINGERPRINT`]; tests set another value to simulate a rebuilt compiler.
    pub fingerprint: Fingerprint,
    /// The size bound enforced after writes (`None`: unbounded). When a write takes the
    /// approximate total over it, entries are evicted down to 90% of it.
    pub max_bytes: Option<u64>,
    /// Temporary files younger than this are assumed to belong to a live writer and are
    /// left alone by `gc` and `clear`.
    pub temp_grace: Duration,
    /// A hit refreshes the entry's "last used" time only if it is older than this, which
    /// saves a metadata write per hit during a build.
    pub lru_refresh_interval: Duration,
    /// The running size total is re-measured from disk after this many writes, which
    /// accounts for what other processes wrote meanwhile.
    pub rescan_every_puts: u32,
}

/// The default size bound: 1 GiB.
pub const DEFAULT_MAX_BYTES: u64 = 1 << 30;

impl Default for CacheOptions {
    fn default() -> Self {
        CacheOptions {
            fingerprint: COMPILER_FINGERPRINT,
            max_bytes: Some(DEFAULT_MAX_BYTES),
            temp_grace: Duration::from_secs(10 * 60),
            // Eviction needs only a rough order: refreshing at most twice an hour spares a
            // warm start two timestamp writes per module.
            lru_refresh_interval: Duration::from_secs(30 * 60),
            rescan_every_puts: 256,
        }
    }
}

/// The name of an entry's place in the cache, chosen by the engine (for example from the
/// project root and the module name, see [`SlotKey::derive`]). Writing a slot replaces
/// whatever entry it held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SlotKey([u8; 32]);

impl SlotKey {
    /// A slot named by a hash the caller computed.
    pub fn from_hash(hash: [u8; 32]) -> SlotKey {
        SlotKey(hash)
    }

    /// A slot named by a list of parts (length-prefixed, so `["ab", "c"]` and `["a",
    /// "bc"]` differ), hashed with BLAKE3 in a key domain of its own.
    pub fn derive(parts: &[&[u8]]) -> SlotKey {
        let mut hasher = blake3::Hasher::new_derive_key("typhon bytecode-cache slot v1");
        for part in parts {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        SlotKey(*hasher.finalize().as_bytes())
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The 64 lowercase hex digits that name the entry file.
    pub fn to_hex(&self) -> String {
        blake3::Hash::from_bytes(self.0).to_hex().to_string()
    }

    /// Parses 64 hex digits back into a slot.
    pub fn from_hex(hex: &str) -> Option<SlotKey> {
        blake3::Hash::from_hex(hex).ok().map(|hash| SlotKey(*hash.as_bytes()))
    }
}

/// Failures of store operations other than reading an entry.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn io_error<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> StoreError + 'a {
    move |source| StoreError::Io { action, path: path.to_path_buf(), source }
}

/// A validated entry, mapped into memory. Section slices borrow from the mapping and stay
/// valid as long as this value lives, even if the entry is replaced or deleted meanwhile.
#[derive(Debug)]
pub struct MappedEntry {
    map: Mmap,
    layout: EntryLayout,
    path: PathBuf,
}

impl MappedEntry {
    /// The `idx`-th section, 16-byte aligned in memory, or `None` past the last one.
    pub fn section(&self, idx: usize) -> Option<&[u8]> {
        let range = self.layout.sections().get(idx)?;
        self.map.get(range.clone())
    }

    pub fn section_count(&self) -> usize {
        self.layout.sections().len()
    }

    /// All sections, in order.
    pub fn sections(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
        self.layout.sections().iter().map(|range| self.map.get(range.clone()).unwrap_or_default())
    }

    /// The whole entry file, header included.
    pub fn as_bytes(&self) -> &[u8] {
        &self.map
    }

    /// The file the entry was read from (it may have been replaced since).
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// One entry file found on disk.
#[derive(Debug, Clone)]
struct EntryFile {
    path: PathBuf,
    slot: SlotKey,
    len: u64,
    last_used: SystemTime,
}

/// The result of a directory scan: entries and temporary files.
#[derive(Debug, Default)]
struct Scan {
    entries: Vec<EntryFile>,
    temps: Vec<(PathBuf, u64, SystemTime)>,
}

impl Scan {
    fn total_bytes(&self) -> u64 {
        self.entries.iter().map(|entry| entry.len).sum()
    }
}

/// What `stats` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct CacheStats {
    pub entries: u64,
    /// The sum of the entry files' lengths.
    pub total_bytes: u64,
    /// Temporary files (writes in progress, or left by killed writers).
    pub temp_files: u64,
    pub temp_bytes: u64,
    pub runs: RunStats,
}

/// What `gc` and `clear` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GcReport {
    pub removed_entries: u64,
    pub removed_bytes: u64,
    pub removed_temps: u64,
    pub remaining_entries: u64,
    pub remaining_bytes: u64,
}

/// What `verify` found: every entry is read and validated.
#[derive(Debug, Default)]
pub struct VerifyReport {
    pub valid: u64,
    pub problems: Vec<(SlotKey, EntryError)>,
}

/// The running size total behind the automatic bound.
#[derive(Debug, Default)]
struct Budget {
    /// `None` until the first write measures the directory.
    approx_total: Option<u64>,
    puts_since_scan: u32,
}

/// A cache directory. Cheap to share between threads (`&CacheDir` is enough for every
/// operation); several processes may open the same directory at once.
#[derive(Debug)]
pub struct CacheDir {
    root: PathBuf,
    options: CacheOptions,
    budget: Mutex<Budget>,
}

impl CacheDir {
    /// Opens (creating if needed) the cache directory at `root` with default options.
    pub fn open(root: impl Into<PathBuf>) -> Result<CacheDir, StoreError> {
        CacheDir::open_with(root, CacheOptions::default())
    }

    /// Opens (creating if needed) the cache directory at `root`.
    pub fn open_with(root: impl Into<PathBuf>, options: CacheOptions) -> Result<CacheDir, StoreError> {
        let root = root.into();
        fs::create_dir_all(&root).map_err(io_error("create cache directory", &root))?;
        let dir = CacheDir { root, options, budget: Mutex::new(Budget::default()) };
        for sub in [ENTRIES_DIR, TMP_DIR] {
            let path = dir.root.join(sub);
            fs::create_dir_all(&path).map_err(io_error("create cache directory", &path))?;
        }
        for (name, contents) in [(".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG), ("README.txt", README)] {
            let path = dir.root.join(name);
            if !path.exists() {
                dir.write_small_file(&path, contents.as_bytes())?;
            }
        }
        Ok(dir)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn options(&self) -> &CacheOptions {
        &self.options
    }

    /// Where the entry of `slot` lives: `entries/ab/cdef….tyc`.
    pub fn entry_path(&self, slot: &SlotKey) -> PathBuf {
        let hex = slot.to_hex();
        self.root.join(ENTRIES_DIR).join(&hex[..2]).join(format!("{}{ENTRY_EXTENSION}", &hex[2..]))
    }

    /// Writes `contents` to a temporary file in `tmp/` and renames it to `path`.
    fn write_small_file(&self, path: &Path, contents: &[u8]) -> Result<(), StoreError> {
        let tmp_dir = self.root.join(TMP_DIR);
        let mut temp = self.new_temp().map_err(io_error("create a temporary file in", &tmp_dir))?;
        temp.write_all(contents).map_err(io_error("write", temp.path()))?;
        temp.persist(path).map_err(|err| StoreError::Io {
            action: "publish",
            path: path.to_path_buf(),
            source: err.error,
        })?;
        Ok(())
    }

    /// A new temporary file in `dir` (created if missing: a new shard, or a cache whose
    /// contents someone deleted).
    fn new_temp_in(&self, dir: &Path) -> io::Result<tempfile::NamedTempFile> {
        let builder = || tempfile::Builder::new().prefix(TEMP_PREFIX).suffix(ENTRY_EXTENSION).tempfile_in(dir);
        builder().or_else(|_| {
            fs::create_dir_all(dir)?;
            builder()
        })
    }

    fn new_temp(&self) -> io::Result<tempfile::NamedTempFile> {
        let tmp_dir = self.root.join(TMP_DIR);
        let builder = || tempfile::Builder::new().prefix(TEMP_PREFIX).suffix(ENTRY_EXTENSION).tempfile_in(&tmp_dir);
        builder().or_else(|_| {
            // Someone deleted `tmp/` (for example `rm -rf` of the cache's contents).
            fs::create_dir_all(&tmp_dir)?;
            builder()
        })
    }

    /// Stores `sections` as the entry of `slot`, replacing any previous entry atomically.
    /// Returns the entry's length in bytes. May evict least-recently-used entries
    /// afterwards if the size bound is exceeded.
    ///
    /// Readers holding the previous entry keep reading its bytes: the new file replaces
    /// the old one by `rename`, and the old one is never touched.
    pub fn put(&self, slot: &SlotKey, sections: &[&[u8]]) -> Result<u64, StoreError> {
        let path = self.entry_path(slot);
        // The temporary file lives in the entry's own shard directory: the rename stays
        // inside one directory, and parallel writers rarely contend for a directory lock.
        let shard = path.parent().map_or_else(|| self.root.join(ENTRIES_DIR), Path::to_path_buf);
        let temp = self.new_temp_in(&shard).map_err(io_error("create a temporary file in", &shard))?;
        let mut writer = BufWriter::with_capacity(64 * 1024, temp);
        let len = format::write_entry(&mut writer, &self.options.fingerprint, sections)
            .map_err(io_error("write cache entry", &path))?;
        let temp = writer.into_inner().map_err(|err| StoreError::Io {
            action: "write cache entry",
            path: path.clone(),
            source: err.into_error(),
        })?;
        // The modification time is the LRU "last used" time; set it from the same clock as
        // the refresh on hits (the file system's own stamp is coarser), so that writes and
        // hits order correctly.
        let _ = temp.as_file().set_times(FileTimes::new().set_modified(SystemTime::now()));

        let replaced = fs::metadata(&path).map(|meta| meta.len()).unwrap_or(0);
        temp.persist(&path).map_err(|err| StoreError::Io {
            action: "publish",
            path: path.clone(),
            source: err.error,
        })?;
        // The entry is published: a failure to enforce the size bound (say, a file that
        // cannot be deleted) must not report the write as failed. The running total is
        // forgotten, so the next write re-measures and tries again.
        if self.after_put(len, replaced).is_err() {
            self.budget.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).approx_total = None;
        }
        Ok(len)
    }

    /// Reads the entry of `slot`: `Ok(None)` if there is none, `Err` if it exists but
    /// cannot be used (damaged, truncated, foreign, written by another compiler; see
    /// [`EntryError::class`]). A damaged entry is left in place: the engine rebuilds the
    /// module and `put` replaces it.
    pub fn get(&self, slot: &SlotKey) -> Result<Option<MappedEntry>, EntryError> {
        self.read(slot, true)
    }

    fn read(&self, slot: &SlotKey, refresh: bool) -> Result<Option<MappedEntry>, EntryError> {
        let path = self.entry_path(slot);
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(EntryError::Io(err)),
        };
        let meta = file.metadata()?;
        if meta.len() == 0 {
            // Nothing to map (mapping zero bytes is an error on some systems).
            return Err(format::validate(&[], &self.options.fingerprint).err().unwrap_or(EntryError::NotAnEntry));
        }
        let map = map_published_entry(&file, meta.len())?;
        let layout = format::validate(&map, &self.options.fingerprint)?;
        if !(map.as_ptr() as usize).is_multiple_of(format::SECTION_ALIGN) {
            return Err(EntryError::Damaged(format::DamageKind::Misaligned));
        }
        if refresh {
            self.refresh_last_used(&file, &meta);
        }
        Ok(Some(MappedEntry { map, layout, path }))
    }

    /// Marks an entry as used now, for LRU. Only the timestamp changes, never the contents
    /// (so mappings are safe), and failure is ignored: a read-only cache still serves hits.
    fn refresh_last_used(&self, file: &File, meta: &fs::Metadata) {
        let now = SystemTime::now();
        let stale = match meta.modified() {
            Ok(last_used) => now.duration_since(last_used).is_ok_and(|age| age >= self.options.lru_refresh_interval),
            Err(_) => true,
        };
        if stale {
            let _ = file.set_times(FileTimes::new().set_modified(now));
        }
    }

    /// Deletes the entry of `slot` if there is one (an unlink: readers keep their mapping).
    pub fn remove(&self, slot: &SlotKey) -> Result<bool, StoreError> {
        let path = self.entry_path(slot);
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(err) => Err(io_error("remove", &path)(err)),
        }
    }

    /// Reads the file system's clock for the stat fast path (see [`racy`]): call once
    /// per build, before reading any source.
    pub fn fs_clock_now(&self) -> io::Result<FsTimestamp> {
        racy::fs_clock_now(&self.root.join(TMP_DIR))
    }

    /// Updates the running total after a write and enforces the bound when it is exceeded.
    fn after_put(&self, added: u64, replaced: u64) -> Result<(), StoreError> {
        let Some(max_bytes) = self.options.max_bytes else { return Ok(()) };
        let mut budget = self.budget.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        budget.puts_since_scan = budget.puts_since_scan.saturating_add(1);
        let total = match budget.approx_total {
            Some(total) if budget.puts_since_scan < self.options.rescan_every_puts => {
                total.saturating_add(added).saturating_sub(replaced)
            }
            _ => {
                budget.puts_since_scan = 0;
                self.scan()?.total_bytes()
            }
        };
        if total > max_bytes {
            // Evict down to 90%, so that the next few writes do not each trigger a scan.
            let report = self.gc(max_bytes / 10 * 9)?;
            budget.approx_total = Some(report.remaining_bytes);
            budget.puts_since_scan = 0;
        } else {
            budget.approx_total = Some(total);
        }
        Ok(())
    }

    /// Lists entry files and temporary files. Files that vanish during the scan (another
    /// process's gc) are skipped.
    fn scan(&self) -> Result<Scan, StoreError> {
        let mut scan = Scan::default();
        let entries_dir = self.root.join(ENTRIES_DIR);
        let shards = match fs::read_dir(&entries_dir) {
            Ok(shards) => shards,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(scan),
            Err(err) => return Err(io_error("list", &entries_dir)(err)),
        };
        for shard in shards.flatten() {
            let shard_name = shard.file_name();
            let Some(prefix) = shard_name.to_str().filter(|name| name.len() == 2) else { continue };
            let Ok(files) = fs::read_dir(shard.path()) else { continue };
            for file in files.flatten() {
                let name = file.file_name();
                if name.to_str().is_some_and(|name| name.starts_with(TEMP_PREFIX)) {
                    // A writer's temporary file, live or left by a killed writer.
                    if let Ok(meta) = file.metadata()
                        && meta.is_file()
                    {
                        scan.temps.push((file.path(), meta.len(), meta.modified().unwrap_or(UNIX_EPOCH)));
                    }
                    continue;
                }
                let Some(rest) = name.to_str().and_then(|name| name.strip_suffix(ENTRY_EXTENSION)) else { continue };
                let Some(slot) = SlotKey::from_hex(&format!("{prefix}{rest}")) else { continue };
                let Ok(meta) = file.metadata() else { continue };
                if !meta.is_file() {
                    continue;
                }
                let last_used = meta.modified().unwrap_or(UNIX_EPOCH);
                scan.entries.push(EntryFile { path: file.path(), slot, len: meta.len(), last_used });
            }
        }
        let tmp_dir = self.root.join(TMP_DIR);
        if let Ok(temps) = fs::read_dir(&tmp_dir) {
            for temp in temps.flatten() {
                let Ok(meta) = temp.metadata() else { continue };
                if meta.is_file() {
                    scan.temps.push((temp.path(), meta.len(), meta.modified().unwrap_or(UNIX_EPOCH)));
                }
            }
        }
        Ok(scan)
    }

    /// Deletes temporary files older than the grace period: those of killed writers.
    fn remove_stale_temps(&self, scan: &Scan, report: &mut GcReport) {
        let now = SystemTime::now();
        for (path, _, modified) in &scan.temps {
            let age = now.duration_since(*modified).unwrap_or(Duration::ZERO);
            if age >= self.options.temp_grace && fs::remove_file(path).is_ok() {
                report.removed_temps += 1;
            }
        }
    }

    /// Deletes least-recently-used entries until the entries total at most `max_bytes`,
    /// and temporary files left by killed writers. Safe while other processes read or
    /// write: deletion is an unlink, so a mapped entry stays readable by its holder.
    pub fn gc(&self, max_bytes: u64) -> Result<GcReport, StoreError> {
        let mut scan = self.scan()?;
        let mut report = GcReport::default();
        self.remove_stale_temps(&scan, &mut report);
        // Oldest first; ties broken by slot so the order is deterministic.
        scan.entries.sort_by(|a, b| a.last_used.cmp(&b.last_used).then(a.slot.cmp(&b.slot)));
        let mut total = scan.total_bytes();
        let mut kept = scan.entries.len() as u64;
        for entry in &scan.entries {
            if total <= max_bytes {
                break;
            }
            match fs::remove_file(&entry.path) {
                Ok(()) => {
                    report.removed_entries += 1;
                    report.removed_bytes += entry.len;
                }
                // Already removed by another process: it no longer counts either way.
                Err(err) if err.kind() == io::ErrorKind::NotFound => {}
                Err(err) => return Err(io_error("remove", &entry.path)(err)),
            }
            total -= entry.len;
            kept -= 1;
        }
        report.remaining_entries = kept;
        report.remaining_bytes = total;
        Ok(report)
    }

    /// Deletes every entry, the statistics and stale temporary files (not the fresh ones,
    /// which may belong to a live writer).
    pub fn clear(&self) -> Result<GcReport, StoreError> {
        let report = self.gc(0)?;
        let stats = self.root.join(STATS_FILE);
        match fs::remove_file(&stats) {
            Ok(()) => {}
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(err) => return Err(io_error("remove", &stats)(err)),
        }
        let mut budget = self.budget.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *budget = Budget::default();
        Ok(report)
    }

    /// Counts entries and bytes (a directory scan) and reads the run statistics.
    pub fn stats(&self) -> Result<CacheStats, StoreError> {
        let scan = self.scan()?;
        Ok(CacheStats {
            entries: scan.entries.len() as u64,
            total_bytes: scan.total_bytes(),
            temp_files: scan.temps.len() as u64,
            temp_bytes: scan.temps.iter().map(|temp| temp.1).sum(),
            runs: self.run_stats(),
        })
    }

    /// The recorded run statistics (empty if there are none or the file is unreadable).
    pub fn run_stats(&self) -> RunStats {
        fs::read_to_string(self.root.join(STATS_FILE)).map(|text| RunStats::parse(&text)).unwrap_or_default()
    }

    /// Adds one run's hit and miss counts to the statistics file (replaced atomically).
    pub fn record_run(&self, hits: u64, misses: u64) -> Result<RunStats, StoreError> {
        let mut stats = self.run_stats();
        let unix_secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs());
        stats.record(RunRecord { unix_secs, hits, misses });
        self.write_small_file(&self.root.join(STATS_FILE), stats.render().as_bytes())?;
        Ok(stats)
    }

    /// Reads and validates every entry (`typhon cache verify`, tests).
    pub fn verify(&self) -> Result<VerifyReport, StoreError> {
        let scan = self.scan()?;
        let mut report = VerifyReport::default();
        for entry in scan.entries {
            // No LRU refresh: verifying is not using.
            match self.read(&entry.slot, false) {
                Ok(Some(_)) => report.valid += 1,
                Ok(None) => {}
                Err(err) => report.problems.push((entry.slot, err)),
            }
        }
        Ok(report)
    }
}
