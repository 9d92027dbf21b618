//! What a cache entry holds, and how it is read back.
//!
//! A module has two entries, in two slots of the store:
//!
//! - the **meta** entry: section 0 is the archived [`Record`] (rkyv, read in place: the
//!   key, the import list, the interface hash, the diagnostics), section 1 the module's
//!   interface ([`InterfaceTable`], also read in place: a dependent that is re-checked
//!   looks its imported names up in the mapping and decodes only the ones it uses);
//! - the **code** entry: the same two sections, then the module's archived bytecode
//!   (section 2), which the VM executes in place from the mapping.
//!
//! `check` reads only meta entries. `run` reads the code entry, which is self-sufficient:
//! its record is the key the bytecode was compiled under, so a meta entry rewritten after
//! an edit never pairs with the bytecode of another source. When the code entry cannot be
//! used, the run path falls back to the meta entry and compiles the module again.

use std::sync::{Arc, OnceLock};

use rkyv::rancor::BoxedError;
use typhon_bytecode_cache::{MappedEntry, SourceStat};
use typhon_diagnostics::{Code, Diagnostic, Label, Severity, Span};
use typhon_typeck::{ClassInfo, ClassRef, Export, ImportRequest, Interface};

use super::MissReason;

/// Section indexes of both entries; the code entry adds the bytecode.
pub(crate) const META_RECORD: usize = 0;
pub(crate) const META_INTERFACE: usize = 1;
pub(crate) const CODE_MODULE: usize = 2;

/// What phase 1 made of the module when the entry was written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RecordStatus {
    /// Type-checked: the entry has its interface and hash.
    Checked,
    /// The front end reported errors: only diagnostics.
    FrontEndErrors,
    /// Not type-checked because an import had front-end errors.
    NotChecked,
}

impl RecordStatus {
    pub(crate) fn to_byte(self) -> u8 {
        match self {
            RecordStatus::Checked => 0,
            RecordStatus::FrontEndErrors => 1,
            RecordStatus::NotChecked => 2,
        }
    }

    fn from_byte(byte: u8) -> Option<RecordStatus> {
        match byte {
            0 => Some(RecordStatus::Checked),
            1 => Some(RecordStatus::FrontEndErrors),
            2 => Some(RecordStatus::NotChecked),
            _ => None,
        }
    }
}

/// The archived part of a meta entry.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Debug)]
pub(crate) struct Record {
    /// The module name, the absolute path of its file and whether it is a package: the
    /// slot is derived from them, and a record naming anything else is not this module's.
    pub(crate) module: String,
    pub(crate) file: String,
    pub(crate) is_package: bool,
    /// BLAKE3 of the source bytes.
    pub(crate) source_hash: [u8; 32],
    /// The file's metadata when it was read, and the file-system clock reading taken
    /// before reading: the stat fast path (see `typhon_bytecode_cache::SourceStat`).
    pub(crate) stat: Option<StatRecord>,
    pub(crate) read_start: (i64, u32),
    /// The output-affecting options the entry was built with.
    pub(crate) options_hash: [u8; 32],
    pub(crate) imports: Vec<ImportRecord>,
    /// Every module whose interface phase 1 was given, sorted by name, with that
    /// interface's hash: the "dependency signatures" of the key.
    pub(crate) deps: Vec<(String, [u8; 32])>,
    pub(crate) status: u8,
    pub(crate) interface_hash: Option<[u8; 32]>,
    pub(crate) front_diagnostics: Vec<DiagnosticRecord>,
    pub(crate) check_diagnostics: Vec<DiagnosticRecord>,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StatRecord {
    pub(crate) size: u64,
    pub(crate) mtime: (i64, u32),
    pub(crate) ctime: (i64, u32),
    pub(crate) inode: u64,
    pub(crate) device: u64,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Debug)]
pub(crate) struct ImportRecord {
    pub(crate) module: String,
    pub(crate) span: (u32, u32),
    pub(crate) candidate: bool,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Debug)]
pub(crate) struct DiagnosticRecord {
    /// The code's stable name (`arg-type`), so that adding a code never shifts others.
    pub(crate) code: String,
    pub(crate) severity: u8,
    pub(crate) message: String,
    pub(crate) span: (u32, u32),
    pub(crate) labels: Vec<((u32, u32), String)>,
    pub(crate) notes: Vec<String>,
}

impl StatRecord {
    pub(crate) fn of(stat: &SourceStat) -> StatRecord {
        StatRecord {
            size: stat.size,
            mtime: (stat.mtime.secs, stat.mtime.nanos),
            ctime: (stat.ctime.secs, stat.ctime.nanos),
            inode: stat.inode,
            device: stat.device,
        }
    }
}

pub(super) fn stat_of(archived: &ArchivedStatRecord) -> SourceStat {
    use typhon_bytecode_cache::FsTimestamp;
    SourceStat {
        size: archived.size.to_native(),
        mtime: FsTimestamp { secs: archived.mtime.0.to_native(), nanos: archived.mtime.1.to_native() },
        ctime: FsTimestamp { secs: archived.ctime.0.to_native(), nanos: archived.ctime.1.to_native() },
        inode: archived.inode.to_native(),
        device: archived.device.to_native(),
    }
}

impl DiagnosticRecord {
    pub(crate) fn of(diagnostic: &Diagnostic) -> DiagnosticRecord {
        DiagnosticRecord {
            code: diagnostic.code.as_str().to_owned(),
            severity: match diagnostic.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Note => 2,
            },
            message: diagnostic.message.clone(),
            span: (diagnostic.span.start, diagnostic.span.end),
            labels: diagnostic
                .labels
                .iter()
                .map(|label| ((label.span.start, label.span.end), label.message.clone()))
                .collect(),
            notes: diagnostic.notes.clone(),
        }
    }
}

pub(super) fn diagnostic_of(archived: &ArchivedDiagnosticRecord) -> Option<Diagnostic> {
    let span = |(start, end): &(rkyv::rend::u32_le, rkyv::rend::u32_le)| {
        let (start, end) = (start.to_native(), end.to_native());
        (start <= end).then(|| Span::new(start, end))
    };
    Some(Diagnostic {
        code: Code::from_name(archived.code.as_str())?,
        severity: match archived.severity {
            0 => Severity::Error,
            1 => Severity::Warning,
            2 => Severity::Note,
            _ => return None,
        },
        message: archived.message.as_str().to_owned(),
        span: span(&(archived.span.0, archived.span.1))?,
        labels: archived
            .labels
            .iter()
            .map(|label| Some(Label { span: span(&(label.0.0, label.0.1))?, message: label.1.as_str().to_owned() }))
            .collect::<Option<Vec<Label>>>()?,
        notes: archived.notes.iter().map(|note| note.as_str().to_owned()).collect(),
    })
}

/// The archived record of a meta entry, validated (rkyv's bytecheck).
fn record_of(entry: &MappedEntry) -> Result<&ArchivedRecord, MissReason> {
    let bytes = entry.section(META_RECORD).ok_or_else(|| MissReason::damaged("no record section"))?;
    rkyv::access::<ArchivedRecord, BoxedError>(bytes).map_err(|_| MissReason::damaged("record does not validate"))
}

/// The archived record of a meta entry that [`record_of`] already validated.
///
/// The caller holds proof of that validation: an [`EntryKey`] (made only by
/// [`CachedEntry::key`]) or a [`CachedEntry`] (made only from one).
fn validated_record(entry: &MappedEntry) -> &ArchivedRecord {
    let bytes = entry.section(META_RECORD).unwrap_or_default();
    // SAFETY: `record_of` validated these very bytes: the section of a mapping that
    // nobody modifies (the store publishes entries by rename and never writes to a
    // published file), so they are still the validated archive.
    unsafe { rkyv::access_unchecked::<ArchivedRecord>(bytes) }
}

/// A meta entry read from the store whose module, file and source match: the front end's
/// results and phase 1's, ready to be reused if the dependencies' interfaces match too.
pub(crate) struct CachedEntry {
    /// The mapped entry: the meta entry, or the code entry (which also holds bytecode).
    file: MappedEntry,
    /// The entry is the code entry.
    is_code: bool,
    pub(crate) status: RecordStatus,
    pub(crate) imports: Vec<ImportRequest>,
    pub(crate) front_diagnostics: Vec<Diagnostic>,
    pub(crate) check_diagnostics: Vec<Diagnostic>,
    pub(crate) interface_hash: Option<[u8; 32]>,
    interface: OnceLock<Option<Arc<Interface>>>,
    /// Whether the interface section validated (rkyv's bytecheck), checked on first use.
    table_valid: OnceLock<bool>,
    /// Why a meta entry comes without bytecode (run path).
    code_miss: OnceLock<MissReason>,
}

/// What [`CachedEntry::key`] learnt about an entry's key, for the caller to compare.
pub(crate) struct EntryKey {
    pub(crate) source_hash: [u8; 32],
    pub(crate) options_hash: [u8; 32],
    pub(crate) stat: Option<SourceStat>,
    pub(crate) read_start: typhon_bytecode_cache::FsTimestamp,
    pub(crate) n_diagnostics: usize,
}

impl CachedEntry {
    /// Reads the key of a validated meta entry; `Err` when the record is not this
    /// module's or cannot be read.
    pub(crate) fn key(entry: &MappedEntry, module: &str, file: &str, is_package: bool) -> Result<EntryKey, MissReason> {
        let record = record_of(entry)?;
        if record.module.as_str() != module || record.file.as_str() != file || record.is_package != is_package {
            // Another module's entry in this slot: a collision of 256-bit names, or a
            // file moved under the same key. Either way not this module's.
            return Err(MissReason::NotCached);
        }
        Ok(EntryKey {
            source_hash: record.source_hash,
            options_hash: record.options_hash,
            stat: record.stat.as_ref().map(stat_of),
            read_start: typhon_bytecode_cache::FsTimestamp {
                secs: record.read_start.0.to_native(),
                nanos: record.read_start.1.to_native(),
            },
            n_diagnostics: record.front_diagnostics.len() + record.check_diagnostics.len(),
        })
    }

    /// Decodes what the engine needs of an entry whose key matched.
    pub(crate) fn load(file: MappedEntry, _validated: EntryKey, is_code: bool) -> Result<CachedEntry, MissReason> {
        if is_code && file.section(CODE_MODULE).is_none() {
            return Err(MissReason::damaged("no bytecode section"));
        }
        let record = validated_record(&file);
        let status = RecordStatus::from_byte(record.status).ok_or_else(|| MissReason::damaged("unknown status"))?;
        let imports = record
            .imports
            .iter()
            .map(|import| {
                let (start, end) = (import.span.0.to_native(), import.span.1.to_native());
                (start <= end).then(|| ImportRequest {
                    module: import.module.as_str().to_owned(),
                    span: Span::new(start, end),
                    candidate: import.candidate,
                })
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| MissReason::damaged("bad import span"))?;
        let diagnostics = |list: &rkyv::vec::ArchivedVec<ArchivedDiagnosticRecord>| {
            list.iter()
                .map(diagnostic_of)
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| MissReason::damaged("bad diagnostic"))
        };
        let front_diagnostics = diagnostics(&record.front_diagnostics)?;
        let check_diagnostics = diagnostics(&record.check_diagnostics)?;
        let interface_hash = record.interface_hash.as_ref().copied();
        if (status == RecordStatus::Checked) != interface_hash.is_some() {
            return Err(MissReason::damaged("status and interface disagree"));
        }
        Ok(CachedEntry {
            file,
            is_code,
            status,
            imports,
            front_diagnostics,
            check_diagnostics,
            interface_hash,
            interface: OnceLock::new(),
            table_valid: OnceLock::new(),
            code_miss: OnceLock::new(),
        })
    }

    pub(crate) fn has_diagnostics(&self) -> bool {
        !self.front_diagnostics.is_empty() || !self.check_diagnostics.is_empty()
    }

    /// The dependency signatures recorded in the entry, sorted by module name.
    pub(crate) fn deps(&self) -> impl Iterator<Item = (&str, [u8; 32])> {
        validated_record(&self.file).deps.iter().map(|pair| (pair.0.as_str(), pair.1))
    }

    /// The module's interface, decoded whole from the entry on first use; `None` if it
    /// cannot be decoded. Only [`crate::Project::interface`] needs it: type checking
    /// consults the table in place (see [`CachedEntry::export`]).
    pub(crate) fn interface(&self) -> Option<&Arc<Interface>> {
        self.interface.get_or_init(|| decode_interface(self.table()?).map(Arc::new)).as_ref()
    }

    /// The interface section, validated on first use; `None` if it does not validate.
    pub(crate) fn table(&self) -> Option<&ArchivedInterfaceTable> {
        let bytes = self.file.section(META_INTERFACE)?;
        let valid = *self.table_valid.get_or_init(|| rkyv::access::<ArchivedInterfaceTable, BoxedError>(bytes).is_ok());
        // SAFETY: validated just now or on an earlier call (`table_valid`), and the bytes
        // are a published entry's mapping, which nobody modifies.
        valid.then(|| unsafe { rkyv::access_unchecked::<ArchivedInterfaceTable>(bytes) })
    }

    /// The mapped entry, for rewriting it with a fresh stat.
    pub(crate) fn file(&self) -> &MappedEntry {
        &self.file
    }

    /// Whether the entry is the code entry (it holds bytecode).
    pub(crate) fn is_code(&self) -> bool {
        self.is_code
    }

    /// Records why a meta entry comes without bytecode.
    pub(crate) fn set_code_miss(&self, reason: MissReason) {
        let _ = self.code_miss.set(reason);
    }

    /// Whether the entry's bytecode can be run, or why not.
    pub(crate) fn code_status(&self) -> Result<(), MissReason> {
        if self.is_code { Ok(()) } else { Err(self.code_miss.get().cloned().unwrap_or(MissReason::BytecodeNotCached)) }
    }
}

/// The bytes of a module's archived bytecode inside a reused entry's mapped code entry:
/// what the VM runs in place.
pub(crate) struct CodeBytes(pub(crate) Arc<CachedEntry>);

impl AsRef<[u8]> for CodeBytes {
    fn as_ref(&self) -> &[u8] {
        self.0.file.section(CODE_MODULE).unwrap_or_default()
    }
}

/// Serialises a record.
pub(crate) fn encode_record(record: &Record) -> Result<rkyv::util::AlignedVec<16>, BoxedError> {
    rkyv::to_bytes::<BoxedError>(record)
}

/// Re-encodes a reused entry's record with a new stat and clock reading (the contents are the
/// same: only the fast path's data changes). `None` if the record cannot be read.
pub(crate) fn restat_record(
    entry: &CachedEntry,
    stat: Option<&SourceStat>,
    read_start: typhon_bytecode_cache::FsTimestamp,
) -> Option<rkyv::util::AlignedVec<16>> {
    let archived = validated_record(&entry.file);
    let mut record: Record = rkyv::deserialize::<Record, BoxedError>(archived).ok()?;
    record.stat = stat.map(StatRecord::of);
    record.read_start = (read_start.secs, read_start.nanos);
    encode_record(&record).ok()
}

/// The interface section of an entry, read in place: the module's public names and the
/// class definitions its signatures mention, sorted as in [`Interface`] so that a name
/// is found by binary search in the mapping. Each value is the compact serde encoding
/// (postcard) of one export or class: the type checker needs owned types anyway, and
/// decodes only the names a module imports.
#[derive(rkyv::Archive, rkyv::Serialize)]
pub(crate) struct InterfaceTable {
    module: String,
    /// Sorted by name.
    exports: Vec<(String, Vec<u8>)>,
    /// Sorted by (module, name).
    classes: Vec<ClassEntry>,
}

#[derive(rkyv::Archive, rkyv::Serialize)]
pub(crate) struct ClassEntry {
    module: String,
    name: String,
    info: Vec<u8>,
}

/// A value of an interface table that does not decode: the command must be redone
/// without the cache.
#[derive(Debug)]
pub(crate) struct Undecodable;

impl ArchivedInterfaceTable {
    /// The export `name`, decoded; `Ok(None)` if the module has no such name.
    pub(crate) fn export(&self, name: &str) -> Result<Option<Export>, Undecodable> {
        let Ok(idx) = self.exports.binary_search_by(|entry| entry.0.as_str().cmp(name)) else { return Ok(None) };
        postcard::from_bytes(&self.exports[idx].1).map(Some).map_err(|_| Undecodable)
    }

    /// The classes defined outside `module` that `wanted` accepts, decoded.
    pub(crate) fn classes_outside(
        &self,
        module: &str,
        wanted: &mut dyn FnMut(&ClassRef) -> bool,
    ) -> Result<Vec<ClassInfo>, Undecodable> {
        let mut found = Vec::new();
        for class in self.classes.iter().filter(|class| class.module.as_str() != module) {
            if wanted(&ClassRef::new(class.module.as_str(), class.name.as_str())) {
                found.push(postcard::from_bytes(&class.info).map_err(|_| Undecodable)?);
            }
        }
        Ok(found)
    }
}

pub(crate) fn encode_interface(interface: &Interface) -> Option<Vec<u8>> {
    let table = InterfaceTable {
        module: interface.module.to_string(),
        exports: interface
            .exports
            .iter()
            .map(|(name, export)| Some((name.to_string(), postcard::to_stdvec(export).ok()?)))
            .collect::<Option<_>>()?,
        classes: interface
            .classes
            .iter()
            .map(|info| {
                Some(ClassEntry {
                    module: info.class.module().to_string(),
                    name: info.class.name().to_string(),
                    info: postcard::to_stdvec(info).ok()?,
                })
            })
            .collect::<Option<_>>()?,
    };
    rkyv::to_bytes::<BoxedError>(&table).ok().map(|bytes| bytes.to_vec())
}

/// The whole interface of a table, decoded.
fn decode_interface(table: &ArchivedInterfaceTable) -> Option<Interface> {
    let exports = table
        .exports
        .iter()
        .map(|entry| Some((entry.0.as_str().into(), postcard::from_bytes(&entry.1).ok()?)))
        .collect::<Option<_>>()?;
    let classes = table.classes.iter().map(|class| postcard::from_bytes(&class.info).ok()).collect::<Option<_>>()?;
    Some(Interface { module: table.module.as_str().into(), exports, classes })
}
