//! The project snapshot: one entry that replays a whole command (a `check` of some paths,
//! or the preparation of a `run`) once the engine has proved that nothing the command
//! read has changed since it was written.
//!
//! A warm command through the per-module entries opens, maps and validates one entry per
//! module and takes the key decision module by module. The snapshot replaces all of that
//! with one mapped entry and one `stat` per source file and per directory the import
//! lookup listed: fewer system calls than reading the sources would take.
//!
//! What it records (section 0, an rkyv archive read in place):
//! - the key: the command, its arguments (as given and absolute) and the options hash;
//! - the file-system clock reading R taken before the command read anything;
//! - every module: name, file, package flag, whether it was followed, the file's stat and
//!   the hash of its bytes;
//! - every directory listed to find imported modules, and every symbolic link in one
//!   (what a link points to can change without its directory changing), with its stat
//!   (or its absence);
//! - the result: every file's status and final diagnostics (`check`), or the archived
//!   bytecode of every module of the program, one after the other in section 1 (`run`),
//!   which the VM executes in place from the mapping.
//!
//! When it is used: the store validated the entry (checksum, compiler fingerprint); the
//! live discovery (done every time: it is cheap and ignore files steer it) names the same
//! modules; every recorded stat equals the current one and predates R. That is the
//! racy-timestamp rule of the per-module entries, applied to files and directories alike:
//! adding, removing or renaming an entry moves its directory's mtime and ctime, so an
//! unchanged directory stat proves the listing unchanged. A file with diagnostics is read
//! anyway (they are shown with its text), and its hash must match too. Anything else, and
//! the command goes the per-module way and writes a new snapshot.
//!
//! When it is written: after a command in which every module was served by its entries or
//! had them written, and nothing stood in the way (every file and directory has a stat,
//! the provider lists directories): exactly the commands whose repetition the per-module
//! entries would serve whole. So a replay prints what that repetition would, byte for byte.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rkyv::rancor::BoxedError;
use typhon_bytecode_cache::{EntryError, ErrorClass, FsTimestamp, MappedEntry, SlotKey, SourceStat};
use typhon_diagnostics::Diagnostic;

use super::record::{DiagnosticRecord, StatRecord, diagnostic_of, stat_of};
use super::{Cache, CacheReport, damage_reason};
use crate::check::read_source_hashed;
use crate::{CheckReport, FileReport, ModuleInfo, ModuleStatus, SourceFile, SourceProvider, Timings};

/// Section indexes of a snapshot entry.
const SNAPSHOT_RECORD: usize = 0;
const SNAPSHOT_CODE: usize = 1;

/// Every module's bytecode starts at a multiple of this in the code section (the VM's
/// archives need 16-byte alignment; sections themselves are 16-byte aligned).
const CODE_ALIGN: usize = 16;

/// Which command a snapshot replays.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum SnapshotKind {
    Check,
    Run,
}

/// The slot of a command's snapshot and the key its record must carry.
#[derive(Clone, Debug)]
pub(crate) struct SnapshotKey {
    slot: SlotKey,
    key: [u8; 32],
}

/// What a command that may write a snapshot gathered while it ran.
#[derive(Debug)]
pub(crate) struct SnapshotBasis {
    pub(crate) read_start: FsTimestamp,
    /// Every module of the project, in the project's order.
    pub(crate) modules: Vec<BasisModule>,
    /// Every directory the import lookup listed and every symbolic link in one (see
    /// `Lookup::listed`); their stats are taken when the snapshot is written.
    pub(crate) dirs: Vec<PathBuf>,
}

#[derive(Debug)]
pub(crate) struct BasisModule {
    pub(crate) info: ModuleInfo,
    pub(crate) stat: SourceStat,
    pub(crate) source_hash: [u8; 32],
}

#[derive(rkyv::Archive, rkyv::Serialize)]
struct SnapshotRecord {
    key: [u8; 32],
    read_start: (i64, u32),
    /// The directories imports are looked for in (`check`: compared with the live ones).
    tops: Vec<String>,
    modules: Vec<SnapModule>,
    dirs: Vec<SnapDir>,
    /// `check`: the report's files, in the report's order.
    files: Vec<SnapFile>,
    /// `run`: the modules to link, in order, and where their bytecode lies in section 1.
    code: Vec<SnapCode>,
}

#[derive(rkyv::Archive, rkyv::Serialize)]
struct SnapModule {
    name: String,
    path: String,
    is_package: bool,
    followed: bool,
    stat: StatRecord,
    source_hash: [u8; 32],
}

#[derive(rkyv::Archive, rkyv::Serialize)]
struct SnapDir {
    path: String,
    /// `None`: the directory did not exist.
    stat: Option<StatRecord>,
}

#[derive(rkyv::Archive, rkyv::Serialize)]
struct SnapFile {
    /// Index into `modules`.
    module: u32,
    /// 0 checked (with `interface_hash`), 1 front-end errors, 2 not checked because of
    /// `broken_import`, 3 a duplicate module name.
    status: u8,
    interface_hash: [u8; 32],
    broken_import: String,
    diagnostics: Vec<DiagnosticRecord>,
}

#[derive(rkyv::Archive, rkyv::Serialize)]
struct SnapCode {
    path: String,
    start: u64,
    len: u64,
}

/// The bytecode of a program's modules, in link order, as a run snapshot holds it.
pub(crate) struct CodePack {
    code: Vec<SnapCode>,
    blob: Vec<u8>,
}

impl CodePack {
    /// Packs `modules` (the path tracebacks show, the archived bytecode) in order.
    pub(crate) fn of<'m>(modules: impl Iterator<Item = (&'m str, &'m [u8])>) -> CodePack {
        let mut blob = Vec::new();
        let mut code = Vec::new();
        for (path, bytes) in modules {
            blob.resize(blob.len().next_multiple_of(CODE_ALIGN), 0);
            code.push(SnapCode { path: path.to_owned(), start: blob.len() as u64, len: bytes.len() as u64 });
            blob.extend_from_slice(bytes);
        }
        CodePack { code, blob }
    }
}

/// A snapshot whose inputs were all found unchanged.
pub(crate) struct Snapshot {
    entry: Arc<MappedEntry>,
}

/// The bytes of one module's bytecode inside a snapshot's mapping.
struct SnapshotCode {
    entry: Arc<MappedEntry>,
    start: usize,
    len: usize,
}

impl AsRef<[u8]> for SnapshotCode {
    fn as_ref(&self) -> &[u8] {
        let code = self.entry.section(SNAPSHOT_CODE).unwrap_or_default();
        code.get(self.start..self.start + self.len).unwrap_or_default()
    }
}

/// A path as the snapshot records it; `None` for one that is not UTF-8 (no snapshot then).
fn path_text(path: &Path) -> Option<String> {
    path.to_str().map(str::to_owned)
}

/// The path to `stat` for a directory the lookup listed: the empty path is the current
/// directory.
fn dir_to_stat(path: &Path) -> &Path {
    if path.as_os_str().is_empty() { Path::new(".") } else { path }
}

impl Cache {
    /// The key of the snapshot of `kind` over `paths` (as given): also their absolute
    /// forms, so that the same words typed in another directory are another command.
    pub(crate) fn snapshot_key(
        &self,
        sources: &dyn SourceProvider,
        kind: SnapshotKind,
        paths: &[&Path],
    ) -> Option<SnapshotKey> {
        if !self.snapshots_on() {
            return None;
        }
        let mut hasher = blake3::Hasher::new_derive_key("typhon cache snapshot key v1");
        hasher.update(match kind {
            SnapshotKind::Check => b"check\0",
            SnapshotKind::Run => b"run\0\0\0",
        });
        hasher.update(&self.options_hash());
        for path in paths {
            for part in [path_text(path)?, path_text(&sources.absolute(path))?] {
                hasher.update(&(part.len() as u64).to_le_bytes());
                hasher.update(part.as_bytes());
            }
        }
        let key = *hasher.finalize().as_bytes();
        Some(SnapshotKey { slot: SlotKey::derive(&[b"snapshot", &key]), key })
    }

    /// The snapshot of `key` if every input it recorded is unchanged. `Err` holds the one
    /// warning of a damaged snapshot (which the command then rewrites).
    pub(crate) fn snapshot(&self, sources: &dyn SourceProvider, key: &SnapshotKey) -> Result<Option<Snapshot>, String> {
        let entry = match self.store.get(&key.slot) {
            Ok(Some(entry)) => entry,
            Ok(None) => return Ok(None),
            // Another version of Typhon wrote it (told once, see `FOREIGN`), or another
            // build of this one (silently, as for a module's entry).
            Err(EntryError::FormatVersion { .. } | EntryError::ForeignLayout) => return Err(FOREIGN.to_owned()),
            Err(error) if error.class() == ErrorClass::CompilerChanged => return Ok(None),
            Err(error) => return Err(damaged_warning(&damage_reason(&error))),
        };
        let Some(bytes) = entry.section(SNAPSHOT_RECORD) else {
            return Err(damaged_warning("no record section"));
        };
        let record = rkyv::access::<ArchivedSnapshotRecord, BoxedError>(bytes)
            .map_err(|_| damaged_warning("record does not validate"))?;
        if record.key != key.key || !inputs_unchanged(sources, record) {
            return Ok(None);
        }
        Ok(Some(Snapshot { entry: Arc::new(entry) }))
    }

    /// Writes the snapshot of a `check` whose report is `report`. Returns a warning if
    /// the store refused it.
    pub(crate) fn write_check_snapshot(
        &self,
        sources: &dyn SourceProvider,
        key: &SnapshotKey,
        basis: &SnapshotBasis,
        tops: &[PathBuf],
        report: &CheckReport,
    ) -> Option<String> {
        // By file: two files may claim one module name (the second is an error).
        let index: HashMap<&Path, u32> = basis
            .modules
            .iter()
            .enumerate()
            .map(|(idx, module)| (module.info.file.path.as_path(), idx as u32))
            .collect();
        let mut files = Vec::with_capacity(report.files.len());
        for file in &report.files {
            let module = *index.get(file.file.path.as_path())?;
            let (status, interface_hash, broken_import) = match &file.status {
                ModuleStatus::Checked { interface_hash } => (0, *interface_hash, String::new()),
                ModuleStatus::FrontEndErrors => (1, [0; 32], String::new()),
                ModuleStatus::ImportsBrokenModule { module } => (2, [0; 32], module.clone()),
                ModuleStatus::DuplicateModule => (3, [0; 32], String::new()),
            };
            let diagnostics = file.diagnostics.iter().map(DiagnosticRecord::of).collect();
            files.push(SnapFile { module, status, interface_hash, broken_import, diagnostics });
        }
        let tops = tops.iter().map(|top| path_text(top)).collect::<Option<Vec<_>>>()?;
        self.write_snapshot(sources, key, basis, tops, files, Vec::new(), Vec::new())
    }

    /// Writes the snapshot of a `run` whose program linked from `pack`.
    pub(crate) fn write_run_snapshot(
        &self,
        sources: &dyn SourceProvider,
        key: &SnapshotKey,
        basis: &SnapshotBasis,
        pack: CodePack,
    ) -> Option<String> {
        self.write_snapshot(sources, key, basis, Vec::new(), Vec::new(), pack.code, pack.blob)
    }

    #[allow(clippy::too_many_arguments)]
    fn write_snapshot(
        &self,
        sources: &dyn SourceProvider,
        key: &SnapshotKey,
        basis: &SnapshotBasis,
        tops: Vec<String>,
        files: Vec<SnapFile>,
        code: Vec<SnapCode>,
        blob: Vec<u8>,
    ) -> Option<String> {
        let modules = basis
            .modules
            .iter()
            .map(|module| {
                Some(SnapModule {
                    name: module.info.name.clone(),
                    path: path_text(&module.info.file.path)?,
                    is_package: module.info.is_package,
                    followed: module.info.followed,
                    stat: StatRecord::of(&module.stat),
                    source_hash: module.source_hash,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let dirs = basis
            .dirs
            .iter()
            .map(|dir| {
                // Stat taken after the listing: a change in between carries a time after
                // R, which the next command refuses.
                let stat = sources.stat(dir_to_stat(dir));
                Some(SnapDir { path: path_text(dir)?, stat: stat.as_ref().map(StatRecord::of) })
            })
            .collect::<Option<Vec<_>>>()?;
        let record = SnapshotRecord {
            key: key.key,
            read_start: (basis.read_start.secs, basis.read_start.nanos),
            tops,
            modules,
            dirs,
            files,
            code,
        };
        let bytes = rkyv::to_bytes::<BoxedError>(&record).ok()?;
        let sections: Vec<&[u8]> = if blob.is_empty() { vec![&bytes] } else { vec![&bytes, &blob] };
        match self.store.put(&key.slot, &sections) {
            Ok(_) => None,
            Err(error) => Some(format!("warning: could not write to the cache: {error}")),
        }
    }
}

/// The warning of a snapshot written by another version of Typhon. The modules' entries
/// of such a cache are of another format too, and their warning says it already: a
/// command shows this one only when it has no other warning about another format.
pub(crate) const FOREIGN: &str = "warning: the cache's snapshot of this command is in another format (written by another version of Typhon); rebuilding it";

/// Adds the warnings about the snapshot before the command's own (see [`FOREIGN`]).
pub(crate) fn add_snapshot_warnings(warnings: &mut Vec<String>, snapshot_warnings: Vec<String>) {
    let told = warnings.iter().any(|warning| warning.contains("in another format"));
    let snapshot_warnings = snapshot_warnings.into_iter().filter(|warning| !(told && warning == FOREIGN));
    warnings.splice(0..0, snapshot_warnings);
}

pub(crate) fn damaged_warning(reason: &str) -> String {
    format!("warning: the cache's snapshot of this command is damaged ({reason}); rebuilding it")
}

/// Whether every file and directory the snapshot's command read is as it was then.
fn inputs_unchanged(sources: &dyn SourceProvider, record: &ArchivedSnapshotRecord) -> bool {
    let read_start = FsTimestamp { secs: record.read_start.0.to_native(), nanos: record.read_start.1.to_native() };
    let files_unchanged = record.modules.iter().all(|module| {
        let recorded = stat_of(&module.stat);
        sources
            .stat(Path::new(module.path.as_str()))
            .is_some_and(|current| recorded.can_skip_hash(&current, read_start))
    });
    files_unchanged
        && record.dirs.iter().all(|dir| {
            let current = sources.stat(dir_to_stat(Path::new(dir.path.as_str())));
            match (dir.stat.as_ref().map(stat_of), current) {
                (None, None) => true,
                (Some(recorded), Some(current)) => recorded.can_skip_hash(&current, read_start),
                _ => false,
            }
        })
}

impl Snapshot {
    fn record(&self) -> &ArchivedSnapshotRecord {
        let bytes = self.entry.section(SNAPSHOT_RECORD).unwrap_or_default();
        // SAFETY: `Cache::snapshot` validated these very bytes (rkyv's bytecheck) before
        // making this value, and the mapping is of a published entry, which nobody
        // modifies (the store replaces entries by rename).
        unsafe { rkyv::access_unchecked::<ArchivedSnapshotRecord>(bytes) }
    }

    /// The check report of the snapshot's command, if the live discovery found what the
    /// command found (`modules`, `tops`) and the files with diagnostics still hash alike.
    pub(crate) fn check_report(
        &self,
        sources: &dyn SourceProvider,
        modules: &[ModuleInfo],
        tops: &[PathBuf],
    ) -> Option<CheckReport> {
        let record = self.record();
        let same_table = self.names(modules)
            && record.tops.len() == tops.len()
            && record.tops.iter().zip(tops).all(|(recorded, live)| Path::new(recorded.as_str()) == live);
        if !same_table {
            return None;
        }
        let mut files = Vec::with_capacity(record.files.len());
        for file in record.files.iter() {
            let module = record.modules.get(file.module.to_native() as usize)?;
            let diagnostics = file.diagnostics.iter().map(diagnostic_of).collect::<Option<Vec<Diagnostic>>>()?;
            let source_file = SourceFile::new(PathBuf::from(module.path.as_str()));
            let mut source = String::new();
            if !diagnostics.is_empty() {
                // Shown with its text: the text must be the one the diagnostics are of.
                let (text, hash) = read_source_hashed(sources, &source_file);
                if hash != Some(module.source_hash) {
                    return None;
                }
                source = text.text;
            }
            let status = match file.status {
                0 => ModuleStatus::Checked { interface_hash: file.interface_hash },
                1 => ModuleStatus::FrontEndErrors,
                2 => ModuleStatus::ImportsBrokenModule { module: file.broken_import.as_str().to_owned() },
                3 => ModuleStatus::DuplicateModule,
                _ => return None,
            };
            files.push(FileReport {
                file: source_file,
                module: module.name.as_str().to_owned(),
                source,
                diagnostics,
                status,
                ir: None,
            });
        }
        let n_modules = record.modules.len();
        let cache = CacheReport { n_modules, n_cached: n_modules, from_snapshot: true, ..CacheReport::default() };
        Some(CheckReport { files, timings: Timings::default(), cache: Some(Box::new(cache)) })
    }

    /// Whether the modules the command was given (not those it found by following
    /// imports) are `modules`, in this order.
    pub(crate) fn names(&self, modules: &[ModuleInfo]) -> bool {
        let mut named = self.record().modules.iter().filter(|module| !module.followed);
        modules.iter().all(|live| {
            named.next().is_some_and(|recorded| {
                recorded.name.as_str() == live.name
                    && recorded.is_package == live.is_package
                    && Path::new(recorded.path.as_str()) == live.file.path
            })
        }) && named.next().is_none()
    }

    /// How many modules the snapshot's command had.
    pub(crate) fn n_modules(&self) -> usize {
        self.record().modules.len()
    }

    /// The modules of the snapshot's program, in link order, executed in place from the
    /// mapping; `None` for a snapshot without bytecode.
    pub(crate) fn program(&self) -> Option<Vec<typhon_vm::LoadedModule>> {
        let record = self.record();
        let code = self.entry.section(SNAPSHOT_CODE)?;
        let mut modules = Vec::with_capacity(record.code.len());
        for module in record.code.iter() {
            let (start, len) = (module.start.to_native() as usize, module.len.to_native() as usize);
            if !start.is_multiple_of(CODE_ALIGN) || start.checked_add(len).is_none_or(|end| end > code.len()) {
                return None;
            }
            let bytes = Arc::new(SnapshotCode { entry: self.entry.clone(), start, len });
            modules.push(typhon_vm::LoadedModule::from_shared(bytes, module.path.as_str()));
        }
        (!modules.is_empty()).then_some(modules)
    }
}

/// The stat of each module's file for the snapshot, and the hash of the bytes it stands
/// for: `None` when a module lacks either.
pub(crate) fn basis_module(info: &ModuleInfo, stat: Option<SourceStat>, hash: Option<[u8; 32]>) -> Option<BasisModule> {
    Some(BasisModule { info: info.clone(), stat: stat?, source_hash: hash? })
}
