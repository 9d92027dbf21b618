//! The engine's side of the persistent cache: which entry belongs to which module, when
//! an entry may be reused, what gets written back, and the explanation of every rebuild.
//!
//! The store (`typhon-bytecode-cache`) validates entries and publishes them atomically;
//! this module decides. A module's entry is reused only for the exact key of DESIGN.md:
//! the source hash, the compiler fingerprint (checked by the store), the options hash, and
//! the name and interface hash of every module phase 1 was given. The decision is taken
//! in two steps, because the second needs the dependencies' outcomes:
//!
//! 1. [`CacheRun::probe`], before parsing: the entry exists, is intact, is this module's,
//!    was built with these options and from these source bytes (the stat fast path may
//!    vouch for the bytes without reading them). Then the entry's import list replaces
//!    parsing, and the file is not even read.
//! 2. [`reuse`], when every import is done: the recorded dependency signatures equal the
//!    current ones. A re-checked dependency whose interface hash did not change keeps
//!    its dependents' keys intact: that is the early cutoff.

mod record;
mod snapshot;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use typhon_bytecode_cache::{
    CacheDir, CacheOptions, DEFAULT_MAX_BYTES, EntryError, ErrorClass, Fingerprint, FsTimestamp, MappedEntry, SlotKey,
    SourceStat,
};
use typhon_diagnostics::Diagnostic;
use typhon_typeck::Interface;

pub(crate) use record::{CachedEntry, CodeBytes, RecordStatus};
pub(crate) use snapshot::{
    BasisModule, CodePack, SnapshotBasis, SnapshotKey, SnapshotKind, add_snapshot_warnings, basis_module,
    damaged_warning,
};

use record::{DiagnosticRecord, EntryKey, ImportRecord, Record, StatRecord};

use crate::check::SourceText;
use crate::{ModuleInfo, SourceProvider};

/// Where the cache lives and how it behaves: [`crate::EngineOptions::cache`].
#[derive(Clone, Debug)]
pub struct CacheConfig {
    /// The cache directory (created if missing).
    pub dir: PathBuf,
    /// The size bound; least-recently-used entries are evicted beyond it. `None`: unbounded.
    pub max_bytes: Option<u64>,
    /// Look entries up but never write (`typhon cache why`).
    pub read_only: bool,
    /// Pretend to be another compiler build. For tests of the "compiler changed" rebuild;
    /// `None` is this build's fingerprint.
    pub fingerprint: Option<Fingerprint>,
    /// Extra output-affecting options, hashed into every key. Typhon has a single target
    /// (CPython 3.11 semantics) and no option that changes its output today; hosts and
    /// tests use this to keep entries of different configurations apart.
    pub options_tag: String,
    /// Replay a whole command from its project snapshot when nothing it read has changed
    /// (see `cache/snapshot.rs`), and write one after every command that could be
    /// replayed. A command served by the snapshot keeps no project in memory
    /// ([`crate::Engine::project`] is `None` after it): a host that keeps the engine
    /// between commands for its project (an editor) turns this off.
    pub snapshot: bool,
}

impl CacheConfig {
    pub fn new(dir: impl Into<PathBuf>) -> CacheConfig {
        CacheConfig {
            dir: dir.into(),
            max_bytes: Some(DEFAULT_MAX_BYTES),
            read_only: false,
            fingerprint: None,
            options_tag: String::new(),
            snapshot: true,
        }
    }
}

/// Why a module was not served from the cache.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum MissReason {
    /// No entry for this module (first build, new or renamed file, evicted).
    NotCached,
    /// The source bytes differ from those the entry was built from.
    SourceChanged,
    /// The entry was written by another compiler build, format or archive layout.
    CompilerChanged,
    /// The entry was built with other output-affecting options.
    OptionsChanged,
    /// A module it imports has a different interface now.
    InterfaceChanged { module: String },
    /// Its imports resolve to other modules now (a module appeared, vanished or moved).
    ImportsChanged,
    /// The entry could not be used: damaged, truncated, unreadable.
    EntryDamaged { reason: String },
    /// Checked before, but never compiled (the run path needs bytecode).
    BytecodeNotCached,
}

impl MissReason {
    pub(crate) fn damaged(reason: impl Into<String>) -> MissReason {
        MissReason::EntryDamaged { reason: reason.into() }
    }
}

impl fmt::Display for MissReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MissReason::NotCached => f.write_str("not cached"),
            MissReason::SourceChanged => f.write_str("source changed"),
            MissReason::CompilerChanged => f.write_str("compiler changed"),
            MissReason::OptionsChanged => f.write_str("options changed"),
            MissReason::InterfaceChanged { module } => write!(f, "interface of {module} changed"),
            MissReason::ImportsChanged => f.write_str("imports resolve differently"),
            MissReason::EntryDamaged { reason } => write!(f, "entry damaged: {reason}"),
            MissReason::BytecodeNotCached => f.write_str("bytecode not cached"),
        }
    }
}

/// What the cache did for one module that it did not serve whole.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ExplainLine {
    pub module: String,
    pub file: String,
    /// The front end or phase 1 ran.
    pub rechecked: bool,
    /// Phase 2 ran.
    pub recompiled: bool,
    pub reason: MissReason,
}

impl fmt::Display for ExplainLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match (self.rechecked, self.recompiled) {
            (true, true) => "re-checked, re-compiled",
            (true, false) => "re-checked",
            (false, true) => "re-compiled",
            (false, false) => "reused",
        };
        write!(f, "{}: {what}: {}", self.module, self.reason)
    }
}

/// What the cache did during one command: `--explain` prints it.
#[derive(Clone, Debug, Default)]
pub struct CacheReport {
    /// Every module that was not served whole from the cache, sorted by module name.
    pub lines: Vec<ExplainLine>,
    /// Damaged or unreadable entries, and problems writing (one line each, for stderr).
    pub warnings: Vec<String>,
    pub n_modules: usize,
    /// Served whole from the cache.
    pub n_cached: usize,
    pub n_rechecked: usize,
    pub n_recompiled: usize,
    /// Entries written.
    pub n_written: usize,
    /// The whole command was replayed from the project snapshot.
    pub from_snapshot: bool,
}

impl CacheReport {
    /// `1000 modules: 998 cached, 1 re-checked, 1 re-compiled`.
    pub fn summary(&self) -> String {
        let modules = if self.n_modules == 1 { "module" } else { "modules" };
        format!(
            "{} {modules}: {} cached, {} re-checked, {} re-compiled",
            self.n_modules, self.n_cached, self.n_rechecked, self.n_recompiled
        )
    }
}

/// An open cache directory, kept by the engine between commands.
pub(crate) struct Cache {
    pub(crate) config: CacheConfig,
    pub(crate) store: CacheDir,
}

impl Cache {
    /// Opens the directory of `config`; a directory that cannot be created is an error
    /// for the caller to report (as a warning: the command goes on without a cache).
    pub(crate) fn open(config: CacheConfig) -> Result<Cache, String> {
        let mut options = CacheOptions { max_bytes: config.max_bytes, ..CacheOptions::default() };
        if let Some(fingerprint) = config.fingerprint {
            options.fingerprint = fingerprint;
        }
        let store = CacheDir::open_with(&config.dir, options).map_err(|error| error.to_string())?;
        Ok(Cache { config, store })
    }

    /// Writes the code entry of a compiled module: the sections of its meta entry, then
    /// the bytecode. Returns a warning if it fails.
    pub(crate) fn write_code(
        &self,
        sources: &dyn SourceProvider,
        info: &ModuleInfo,
        parts: &EntryParts,
        code: &[u8],
    ) -> Result<(), String> {
        if self.config.read_only {
            return Ok(());
        }
        let code_slot = CacheRun::slot(EntryKind::Code, &CacheRun::file_of(sources, info), info);
        match self.store.put(&code_slot, &[&parts.record, &parts.interface, code]) {
            Ok(_) => Ok(()),
            Err(error) => Err(format!("warning: could not write to the cache: {error}")),
        }
    }

    /// Starts one command: reads the file-system clock before any source is read.
    /// `reads: false` looks nothing up (every module is rebuilt) but still writes.
    pub(crate) fn start(&self, want_code: bool, reads: bool) -> CacheRun<'_> {
        let read_start = self.store.fs_clock_now().ok();
        CacheRun {
            cache: self,
            read_start,
            options_hash: self.options_hash(),
            want_code,
            reads,
            warnings: Mutex::new(Vec::new()),
            poisoned: AtomicBool::new(false),
            foreign: Mutex::new(Vec::new()),
        }
    }
}

impl Cache {
    /// The hash of the output-affecting options, part of every key.
    pub(crate) fn options_hash(&self) -> [u8; 32] {
        let mut hasher = blake3::Hasher::new_derive_key("typhon cache options v1");
        // The language target: the one thing every output depends on.
        hasher.update(b"python 3.11\0");
        hasher.update(self.config.options_tag.as_bytes());
        *hasher.finalize().as_bytes()
    }

    /// Whether commands read and write project snapshots: asked for, and the cache is
    /// not read-only (`typhon cache why` wants the per-module decision).
    pub(crate) fn snapshots_on(&self) -> bool {
        self.config.snapshot && !self.config.read_only
    }

    /// Adds a command's hits and misses to the directory's statistics.
    pub(crate) fn record_run(&self, hits: u64, misses: u64) {
        if !self.config.read_only {
            let _ = self.store.record_run(hits, misses);
        }
    }
}

/// The two entries of a module.
#[derive(Clone, Copy)]
enum EntryKind {
    /// Record and interface: what `check` reads.
    Meta,
    /// Record, interface and bytecode: what `run` reads.
    Code,
}

/// One command's use of the cache.
pub(crate) struct CacheRun<'c> {
    cache: &'c Cache,
    /// The file-system clock before any source was read; `None` if it could not be read,
    /// which turns the stat fast path off (every source is hashed).
    read_start: Option<FsTimestamp>,
    options_hash: [u8; 32],
    /// The command needs bytecode (run, build): entries without it are misses.
    pub(crate) want_code: bool,
    /// Entries are looked up (`false` after an entry failed to decode: rebuild all).
    reads: bool,
    warnings: Mutex<Vec<String>>,
    /// An interface could not be decoded from an entry that validated: the command must
    /// be redone without reading the cache.
    poisoned: AtomicBool,
    /// Modules whose entry has another format version or archive layout: another
    /// version of Typhon wrote it. Told in one warning, however many there are.
    foreign: Mutex<Vec<String>>,
}

/// What the cache knows of one module before it is parsed.
#[derive(Default)]
pub(crate) struct Probe {
    /// The module's entry, when its source and options match: parsing is skipped.
    pub(crate) entry: Option<Arc<CachedEntry>>,
    /// Why there is no such entry.
    pub(crate) reason: Option<MissReason>,
    /// BLAKE3 of the source bytes, when known (read, or vouched for by the stat).
    pub(crate) source_hash: Option<[u8; 32]>,
    pub(crate) stat: Option<SourceStat>,
    /// The entry is reused but its stat is stale: rewrite it so the next command can
    /// skip hashing.
    pub(crate) restat: bool,
}

/// The source of a module as the probe read it (once at most).
#[derive(Default)]
struct SourceRead {
    text: Option<SourceText>,
}

impl SourceRead {
    /// Reads and hashes the file, unless it was already.
    fn read(&mut self, sources: &dyn SourceProvider, info: &ModuleInfo, probe: &mut Probe) {
        if self.text.is_none() {
            let (text, hash) = crate::check::read_source_hashed(sources, &info.file);
            probe.source_hash = hash;
            self.text = Some(text);
        }
    }
}

impl Probe {
    /// The probe of a run without a cache.
    pub(crate) fn disabled() -> Probe {
        Probe::default()
    }
}

/// The reason an unusable entry gives, without the "entry damaged: " its message starts
/// with (the explanation adds its own).
fn damage_reason(error: &typhon_bytecode_cache::EntryError) -> String {
    let reason = error.to_string();
    reason.strip_prefix("entry damaged: ").unwrap_or(&reason).to_owned()
}

/// The hash of source bytes, in the cache's own key domain.
pub(crate) fn source_hash(bytes: &[u8]) -> [u8; 32] {
    *blake3::Hasher::new_derive_key("typhon cache source v1").update(bytes).finalize().as_bytes()
}

impl CacheRun<'_> {
    fn warn(&self, message: String) {
        self.warnings.lock().unwrap_or_else(PoisonError::into_inner).push(message);
    }

    pub(crate) fn take_warnings(&self) -> Vec<String> {
        let mut warnings = std::mem::take(&mut *self.warnings.lock().unwrap_or_else(PoisonError::into_inner));
        let mut foreign = std::mem::take(&mut *self.foreign.lock().unwrap_or_else(PoisonError::into_inner));
        foreign.sort();
        foreign.dedup();
        match foreign.as_slice() {
            [] => {}
            [module] => warnings.push(format!(
                "warning: the cache entry of module `{module}` is in another format (written by another version of Typhon); rebuilding it"
            )),
            modules => warnings.push(format!(
                "warning: {} cache entries are in another format (written by another version of Typhon); rebuilding them",
                modules.len()
            )),
        }
        warnings
    }

    pub(crate) fn poison(&self) {
        self.poisoned.store(true, Ordering::Relaxed);
    }

    pub(crate) fn is_poisoned(&self) -> bool {
        self.poisoned.load(Ordering::Relaxed)
    }

    pub(crate) fn read_only(&self) -> bool {
        self.cache.config.read_only
    }

    /// Whether the command may write a project snapshot (see `snapshot.rs`).
    pub(crate) fn wants_snapshot(&self) -> bool {
        self.cache.snapshots_on()
    }

    /// The file-system clock before any source was read, if it could be read.
    pub(crate) fn read_start(&self) -> Option<FsTimestamp> {
        self.read_start
    }

    /// The absolute path of a module's file, as its entries record it.
    fn file_of(sources: &dyn SourceProvider, info: &ModuleInfo) -> String {
        sources.absolute(&info.file.path).to_string_lossy().into_owned()
    }

    /// The slot of a module's meta or code entry (`file` from [`CacheRun::file_of`]).
    fn slot(kind: EntryKind, file: &str, info: &ModuleInfo) -> SlotKey {
        let kind: &[u8] = match kind {
            EntryKind::Meta => b"meta",
            EntryKind::Code => b"code",
        };
        SlotKey::derive(&[kind, file.as_bytes(), info.name.as_bytes(), &[u8::from(info.is_package)]])
    }

    /// Looks a module's entry up and decides whether its front end can be skipped. Reads
    /// the source when it must (no usable entry, a stat that cannot vouch for the bytes,
    /// or diagnostics to show); returns the text when it did.
    ///
    /// The run path looks at the code entry first (it holds the record, the interface and
    /// the bytecode: one file per module); when that cannot be used, at the meta entry,
    /// whose reuse then costs a re-compile.
    pub(crate) fn probe(&self, sources: &dyn SourceProvider, info: &ModuleInfo) -> (Probe, Option<SourceText>) {
        let file = Self::file_of(sources, info);
        let mut probe = Probe { stat: sources.stat(&info.file.path), ..Probe::default() };
        let mut source = SourceRead::default();
        let mut code_miss = MissReason::BytecodeNotCached;
        if self.want_code {
            match self.lookup(&Self::slot(EntryKind::Code, &file, info), info, &file) {
                Ok((entry, key)) => match self.usable(sources, info, &mut probe, &mut source, entry, key, true) {
                    Ok(()) => return (probe, source.text),
                    // A code entry of another source or other options: the meta entry
                    // may still be current (a `check` ran since), which is worth a look.
                    Err(_) => code_miss = MissReason::BytecodeNotCached,
                },
                Err(reason) => {
                    if !matches!(reason, MissReason::NotCached) {
                        code_miss = reason;
                    }
                }
            }
        }
        let mut reason = match self.lookup(&Self::slot(EntryKind::Meta, &file, info), info, &file) {
            Ok((entry, key)) => match self.usable(sources, info, &mut probe, &mut source, entry, key, false) {
                Ok(()) => {
                    if let Some(entry) = &probe.entry {
                        entry.set_code_miss(code_miss);
                    }
                    return (probe, source.text);
                }
                Err(reason) => reason,
            },
            Err(reason) => reason,
        };
        if matches!(reason, MissReason::NotCached) && !matches!(code_miss, MissReason::BytecodeNotCached) {
            // No meta entry, but a damaged or foreign code entry: that is the news.
            reason = code_miss;
        }
        // Without a usable entry the module is parsed, from the file as it is now.
        source.read(sources, info, &mut probe);
        probe.reason = Some(reason);
        (probe, source.text)
    }

    /// The module's meta entry, if it was built with these options from the source with
    /// hash `source_hash` (the run path's second chance, see `CheckContext::reuse_any`).
    pub(crate) fn meta_entry(
        &self,
        sources: &dyn SourceProvider,
        info: &ModuleInfo,
        source_hash: [u8; 32],
    ) -> Option<Arc<CachedEntry>> {
        let file = Self::file_of(sources, info);
        let (entry, key) = self.lookup(&Self::slot(EntryKind::Meta, &file, info), info, &file).ok()?;
        if key.options_hash != self.options_hash || key.source_hash != source_hash {
            return None;
        }
        let entry = CachedEntry::load(entry, key, false).ok()?;
        entry.set_code_miss(MissReason::BytecodeNotCached);
        Some(Arc::new(entry))
    }

    /// The entry in `slot` and its key, or why there is none that could be this module's.
    fn lookup(&self, slot: &SlotKey, info: &ModuleInfo, file: &str) -> Result<(MappedEntry, EntryKey), MissReason> {
        if !self.reads {
            return Err(MissReason::NotCached);
        }
        match self.cache.store.get(slot) {
            Ok(Some(entry)) => {
                let key = CachedEntry::key(&entry, &info.name, file, info.is_package)?;
                Ok((entry, key))
            }
            Ok(None) => Err(MissReason::NotCached),
            Err(error) => match error.class() {
                ErrorClass::CompilerChanged => {
                    if matches!(error, EntryError::FormatVersion { .. } | EntryError::ForeignLayout) {
                        self.foreign.lock().unwrap_or_else(PoisonError::into_inner).push(info.name.clone());
                    }
                    Err(MissReason::CompilerChanged)
                }
                ErrorClass::Damaged | ErrorClass::Io => {
                    let reason = damage_reason(&error);
                    self.warn_damaged(info, &reason);
                    Err(MissReason::EntryDamaged { reason })
                }
            },
        }
    }

    /// Takes `entry` as the module's if it was built with these options from these source
    /// bytes (vouched for by the stat fast path, or read and hashed).
    #[allow(clippy::too_many_arguments)]
    fn usable(
        &self,
        sources: &dyn SourceProvider,
        info: &ModuleInfo,
        probe: &mut Probe,
        source: &mut SourceRead,
        entry: MappedEntry,
        key: EntryKey,
        is_code: bool,
    ) -> Result<(), MissReason> {
        if key.options_hash != self.options_hash {
            return Err(MissReason::OptionsChanged);
        }
        // The fast path: the file's stat equals the one recorded when the entry's source
        // was read, and was not taken in the same clock tick as that read (racy).
        let stat_ok = match &probe.stat {
            Some(current) => key.stat.is_some_and(|recorded| recorded.can_skip_hash(current, key.read_start)),
            None => false,
        };
        // Diagnostics need the text to be shown: such a file is read (and hashed) anyway.
        if stat_ok && key.n_diagnostics == 0 && source.text.is_none() {
            probe.source_hash = Some(key.source_hash);
        } else {
            source.read(sources, info, probe);
        }
        if probe.source_hash != Some(key.source_hash) {
            return Err(MissReason::SourceChanged);
        }
        match CachedEntry::load(entry, key, is_code) {
            Ok(cached) => {
                probe.restat = !stat_ok && self.read_start.is_some() && probe.stat.is_some();
                probe.entry = Some(Arc::new(cached));
                Ok(())
            }
            Err(reason) => {
                if let MissReason::EntryDamaged { reason } = &reason {
                    self.warn_damaged(info, reason);
                }
                Err(reason)
            }
        }
    }

    fn warn_damaged(&self, info: &ModuleInfo, reason: &str) {
        self.warn(format!(
            "warning: the cache entry of module `{}` ({}) is damaged ({reason}); rebuilding it",
            info.name, info.file.display_path
        ));
    }

    /// Writes the meta entry of a module that was rebuilt; returns its sections (the code
    /// entry repeats them before the bytecode, once the module is compiled) or `None` if
    /// nothing was written.
    pub(crate) fn write_meta(&self, sources: &dyn SourceProvider, built: &Built<'_>) -> Option<EntryParts> {
        if self.read_only() {
            return None;
        }
        let file = Self::file_of(sources, built.info);
        let meta_slot = Self::slot(EntryKind::Meta, &file, built.info);
        let mut deps: Vec<(String, [u8; 32])> = built.deps.to_vec();
        deps.sort();
        // A stat taken in this command's clock tick would vouch for contents written after
        // it in the same tick: recorded anyway, `can_skip_hash` refuses it next time.
        let (stat, read_start) = match (built.stat, self.read_start) {
            (Some(stat), Some(read_start)) => (Some(StatRecord::of(stat)), (read_start.secs, read_start.nanos)),
            _ => (None, (0, 0)),
        };
        let record = Record {
            module: built.info.name.clone(),
            file,
            is_package: built.info.is_package,
            source_hash: built.source_hash,
            stat,
            read_start,
            options_hash: self.options_hash,
            imports: built
                .imports
                .iter()
                .map(|import| ImportRecord {
                    module: import.module.clone(),
                    span: (import.span.start, import.span.end),
                    candidate: import.candidate,
                })
                .collect(),
            deps,
            status: built.status.to_byte(),
            interface_hash: built.interface_hash,
            front_diagnostics: built.front_diagnostics.iter().map(DiagnosticRecord::of).collect(),
            check_diagnostics: built.check_diagnostics.iter().map(DiagnosticRecord::of).collect(),
        };
        let record = record::encode_record(&record).ok()?;
        let interface = match built.interface {
            Some(interface) => record::encode_interface(interface)?,
            None => Vec::new(),
        };
        match self.cache.store.put(&meta_slot, &[&record, &interface]) {
            Ok(_) => Some(EntryParts { record: record.to_vec(), interface }),
            Err(error) => {
                self.warn(format!("warning: could not write to the cache: {error}"));
                None
            }
        }
    }

    /// Rewrites a reused entry with the stat of this command, so that the next one can
    /// skip hashing the file.
    pub(crate) fn restat(
        &self,
        sources: &dyn SourceProvider,
        info: &ModuleInfo,
        entry: &CachedEntry,
        stat: Option<&SourceStat>,
    ) {
        let (Some(read_start), false) = (self.read_start, self.read_only()) else { return };
        let kind = if entry.is_code() { EntryKind::Code } else { EntryKind::Meta };
        let slot = Self::slot(kind, &Self::file_of(sources, info), info);
        let Some(record) = record::restat_record(entry, stat, read_start) else { return };
        let file = entry.file();
        let interface = file.section(record::META_INTERFACE).unwrap_or_default();
        let result = if entry.is_code() {
            let code = file.section(record::CODE_MODULE).unwrap_or_default();
            self.cache.store.put(&slot, &[&record, interface, code])
        } else {
            self.cache.store.put(&slot, &[&record, interface])
        };
        if let Err(error) = result {
            self.warn(format!("warning: could not write to the cache: {error}"));
        }
    }

    /// Adds this command's hits and misses to the directory's statistics.
    pub(crate) fn record_run(&self, hits: u64, misses: u64) {
        self.cache.record_run(hits, misses);
    }
}

/// The sections a written meta entry holds, which the code entry repeats.
pub(crate) struct EntryParts {
    pub(crate) record: Vec<u8>,
    pub(crate) interface: Vec<u8>,
}

/// Everything about a rebuilt module that its meta entry records.
pub(crate) struct Built<'a> {
    pub(crate) info: &'a ModuleInfo,
    pub(crate) source_hash: [u8; 32],
    pub(crate) stat: Option<&'a SourceStat>,
    pub(crate) imports: &'a [typhon_typeck::ImportRequest],
    pub(crate) deps: &'a [(String, [u8; 32])],
    pub(crate) status: RecordStatus,
    pub(crate) interface_hash: Option<[u8; 32]>,
    pub(crate) interface: Option<&'a Interface>,
    pub(crate) front_diagnostics: &'a [Diagnostic],
    pub(crate) check_diagnostics: &'a [Diagnostic],
}

/// The default cache directory of a project root.
pub fn default_cache_dir(root: &Path) -> PathBuf {
    root.join(".typhon_cache")
}
