//! The entry file format: a fixed header, a section table, and 16-byte-aligned sections.
//!
//! ```text
//! offset  size  field
//!      0     8  magic            89 'T' 'Y' 'C' 0D 0A 1A 0A
//!      8     4  format version   u32 LE (FORMAT_VERSION)
//!     12     4  section count    u32 LE, at most MAX_SECTIONS
//!     16    32  layout tag       BLAKE3 of LAYOUT_DESCRIPTION (rkyv version + features)
//!     48    32  fingerprint      the compiler fingerprint the entry was written by
//!     80     8  payload length   u64 LE: file length minus header length
//!     88     8  reserved         zero
//!     96    32  checksum         BLAKE3 (derive-key) of every byte of the file except
//!                                this field: header, section table and payload
//!    128  16*n  section table    n × (absolute offset u64 LE, length u64 LE)
//! 128+16n       payload          section 0 at the header's end, section i+1 at the
//!                                next multiple of 16 after section i, zero padding
//!                                between; the file ends exactly where the last ends
//! ```
//!
//! The header length `128 + 16 n` is a multiple of 16 and every section starts at a
//! multiple of 16, so in a page-aligned mapping every section is 16-byte aligned in
//! absolute terms, as rkyv requires (CRATES.md trap 2). Metadata lives in the header,
//! never in a trailer, because an rkyv archive's root is at the end of its buffer.
//!
//! The layout is canonical: for a given list of sections there is exactly one valid file.
//! Because the checksum covers everything else, flipping any bit of a valid entry makes it
//! invalid; `validate` never returns sections of a modified file.

use std::fmt;
use std::io::{self, Write};
use std::ops::Range;

use crate::fingerprint::LAYOUT_DESCRIPTION;

/// The first eight bytes of every entry. The non-ASCII first byte and the CR LF / ^Z / LF
/// tail catch text-mode transfers, as PNG's signature does.
pub const MAGIC: [u8; 8] = [0x89, b'T', b'Y', b'C', b'\r', b'\n', 0x1a, b'\n'];

/// Bumped whenever the header or the section layout changes.
pub const FORMAT_VERSION: u32 = 1;

/// An entry holds at most this many sections. The bound keeps a damaged count from
/// making the header appear huge, and the engine needs only a handful.
pub const MAX_SECTIONS: usize = 64;

/// Every section starts at a multiple of this, in the file and therefore in memory.
pub const SECTION_ALIGN: usize = 16;

const FIXED_HEADER_LEN: usize = 128;
const OFF_VERSION: usize = 8;
const OFF_COUNT: usize = 12;
const OFF_LAYOUT: usize = 16;
const OFF_FINGERPRINT: usize = 48;
const OFF_PAYLOAD_LEN: usize = 80;
const OFF_RESERVED: usize = 88;
const OFF_CHECKSUM: usize = 96;
const TABLE_ROW_LEN: usize = 16;

const CHECKSUM_CONTEXT: &str = "typhon bytecode-cache entry checksum v1";
const LAYOUT_CONTEXT: &str = "typhon bytecode-cache layout tag v1";

/// A compiler fingerprint: 32 bytes, compared for equality only.
pub type Fingerprint = [u8; 32];

/// The tag that names this build's archive layout, stored in every header.
pub(crate) fn layout_tag() -> [u8; 32] {
    *blake3::Hasher::new_derive_key(LAYOUT_CONTEXT).update(LAYOUT_DESCRIPTION.as_bytes()).finalize().as_bytes()
}

/// Why an entry cannot be used. Every variant is a cache miss; none is a crash.
#[derive(Debug, thiserror::Error)]
pub enum EntryError {
    /// The file does not start with the magic: something else lives at the slot path.
    #[error("not a Typhon cache entry")]
    NotAnEntry,
    /// The file is shorter (or longer) than its header says.
    #[error("entry damaged: truncated ({actual} bytes, expected {expected})")]
    Truncated { actual: u64, expected: u64 },
    /// Written by a build using another version of this file format.
    #[error("format version {found}, expected {expected}")]
    FormatVersion { found: u32, expected: u32 },
    /// Written by a build whose rkyv version or format features differ.
    #[error("written by a build with a different archive layout (rkyv version or features)")]
    ForeignLayout,
    /// Intact, but written by a different compiler build: a "compiler changed" miss.
    #[error("compiler changed: entry written by a different compiler build")]
    CompilerChanged,
    /// Intact header fields that contradict each other, or a checksum mismatch.
    #[error("entry damaged: {0}")]
    Damaged(DamageKind),
    /// The file exists but could not be opened, measured or mapped.
    #[error("cannot read entry: {0}")]
    Io(#[from] io::Error),
}

/// What exactly is wrong with a damaged entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DamageKind {
    ChecksumMismatch,
    TooManySections,
    LengthMismatch,
    SectionTable,
    ReservedNotZero,
    Misaligned,
}

impl fmt::Display for DamageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DamageKind::ChecksumMismatch => "checksum mismatch",
            DamageKind::TooManySections => "section count out of range",
            DamageKind::LengthMismatch => "payload length does not match the file",
            DamageKind::SectionTable => "section table inconsistent",
            DamageKind::ReservedNotZero => "reserved header field not zero",
            DamageKind::Misaligned => "mapping not 16-byte aligned",
        })
    }
}

/// How the engine should explain an [`EntryError`] (`--explain`, `typhon cache why`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// Damaged, truncated or not an entry: warn once, rebuild, overwrite.
    Damaged,
    /// A different compiler build, format version or archive layout: rebuild silently.
    CompilerChanged,
    /// The file could not be read at all.
    Io,
}

impl EntryError {
    /// Classifies the error for explanations.
    pub fn class(&self) -> ErrorClass {
        match self {
            EntryError::NotAnEntry | EntryError::Truncated { .. } | EntryError::Damaged(_) => ErrorClass::Damaged,
            EntryError::FormatVersion { .. } | EntryError::ForeignLayout | EntryError::CompilerChanged => {
                ErrorClass::CompilerChanged
            }
            EntryError::Io(_) => ErrorClass::Io,
        }
    }
}

/// Where each section lies inside a validated entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryLayout {
    sections: Vec<Range<usize>>,
}

impl EntryLayout {
    /// The byte ranges of the sections, in order.
    pub fn sections(&self) -> &[Range<usize>] {
        &self.sections
    }
}

fn align_up(offset: u64) -> Option<u64> {
    let align = SECTION_ALIGN as u64;
    offset.checked_add(align - 1).map(|end| end / align * align)
}

fn header_len(section_count: usize) -> usize {
    FIXED_HEADER_LEN + TABLE_ROW_LEN * section_count
}

/// Computes the canonical section offsets for the given lengths, and the file length.
/// `None` only if lengths overflow `u64`, which no in-memory slice can do.
fn canonical_offsets(header_len: u64, lengths: impl Iterator<Item = u64>) -> Option<(Vec<(u64, u64)>, u64)> {
    let mut rows = Vec::new();
    let mut end = header_len;
    for (idx, len) in lengths.enumerate() {
        let offset = if idx == 0 { end } else { align_up(end)? };
        rows.push((offset, len));
        end = offset.checked_add(len)?;
    }
    Some((rows, end))
}

/// Writes an entry holding `sections` to `out`. The whole entry is hashed first (the
/// checksum is in the header), then written in one pass without copying the sections.
pub fn write_entry(out: &mut impl Write, fingerprint: &Fingerprint, sections: &[&[u8]]) -> io::Result<u64> {
    if sections.len() > MAX_SECTIONS {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} sections, at most {MAX_SECTIONS} allowed", sections.len()),
        ));
    }
    let header_len = header_len(sections.len());
    let Some((rows, file_len)) = canonical_offsets(header_len as u64, sections.iter().map(|s| s.len() as u64)) else {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "sections too large"));
    };

    let mut header = vec![0u8; header_len];
    header[..8].copy_from_slice(&MAGIC);
    header[OFF_VERSION..OFF_VERSION + 4].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
    header[OFF_COUNT..OFF_COUNT + 4].copy_from_slice(&(sections.len() as u32).to_le_bytes());
    header[OFF_LAYOUT..OFF_LAYOUT + 32].copy_from_slice(&layout_tag());
    header[OFF_FINGERPRINT..OFF_FINGERPRINT + 32].copy_from_slice(fingerprint);
    header[OFF_PAYLOAD_LEN..OFF_PAYLOAD_LEN + 8].copy_from_slice(&(file_len - header_len as u64).to_le_bytes());
    for (idx, (offset, len)) in rows.iter().enumerate() {
        let row = FIXED_HEADER_LEN + idx * TABLE_ROW_LEN;
        header[row..row + 8].copy_from_slice(&offset.to_le_bytes());
        header[row + 8..row + 16].copy_from_slice(&len.to_le_bytes());
    }

    const ZEROS: [u8; SECTION_ALIGN] = [0; SECTION_ALIGN];
    let padding = |idx: usize| -> &[u8] {
        let end = rows[idx].0 + rows[idx].1;
        let next = rows.get(idx + 1).map_or(end, |row| row.0);
        &ZEROS[..(next - end) as usize]
    };

    let mut hasher = blake3::Hasher::new_derive_key(CHECKSUM_CONTEXT);
    hasher.update(&header[..OFF_CHECKSUM]);
    hasher.update(&header[OFF_CHECKSUM + 32..]);
    for (idx, section) in sections.iter().enumerate() {
        hasher.update(section);
        hasher.update(padding(idx));
    }
    header[OFF_CHECKSUM..OFF_CHECKSUM + 32].copy_from_slice(hasher.finalize().as_bytes());

    out.write_all(&header)?;
    for (idx, section) in sections.iter().enumerate() {
        out.write_all(section)?;
        out.write_all(padding(idx))?;
    }
    Ok(file_len)
}

/// Encodes an entry into a fresh vector (tests, tools; the store streams to a file).
pub fn encode_entry(fingerprint: &Fingerprint, sections: &[&[u8]]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_entry(&mut out, fingerprint, sections)?;
    Ok(out)
}

fn read_u32(bytes: &[u8], offset: usize) -> u32 {
    let mut buf = [0u8; 4];
    buf.copy_from_slice(&bytes[offset..offset + 4]);
    u32::from_le_bytes(buf)
}

fn read_u64(bytes: &[u8], offset: usize) -> u64 {
    let mut buf = [0u8; 8];
    buf.copy_from_slice(&bytes[offset..offset + 8]);
    u64::from_le_bytes(buf)
}

/// Checks every byte of `bytes` against the format and returns where the sections are.
///
/// Checks, in order: magic, format version, layout tag (these say how to read the rest),
/// lengths against the actual size, the checksum, the fingerprint (last, so that only an
/// intact entry is reported as "compiler changed"), then the section table. Never panics,
/// whatever the bytes: every index below is guarded by a length check before it.
pub fn validate(bytes: &[u8], expected_fingerprint: &Fingerprint) -> Result<EntryLayout, EntryError> {
    let actual = bytes.len() as u64;
    if bytes.len() < MAGIC.len() {
        // A prefix of the magic (the empty file included) is a cut-off entry.
        return Err(if MAGIC.starts_with(bytes) {
            EntryError::Truncated { actual, expected: FIXED_HEADER_LEN as u64 }
        } else {
            EntryError::NotAnEntry
        });
    }
    if bytes[..MAGIC.len()] != MAGIC {
        return Err(EntryError::NotAnEntry);
    }
    if bytes.len() < OFF_VERSION + 4 {
        return Err(EntryError::Truncated { actual, expected: FIXED_HEADER_LEN as u64 });
    }
    let version = read_u32(bytes, OFF_VERSION);
    if version != FORMAT_VERSION {
        return Err(EntryError::FormatVersion { found: version, expected: FORMAT_VERSION });
    }
    if bytes.len() < FIXED_HEADER_LEN {
        return Err(EntryError::Truncated { actual, expected: FIXED_HEADER_LEN as u64 });
    }
    if bytes[OFF_LAYOUT..OFF_LAYOUT + 32] != layout_tag() {
        return Err(EntryError::ForeignLayout);
    }
    let count = read_u32(bytes, OFF_COUNT) as usize;
    if count > MAX_SECTIONS {
        return Err(EntryError::Damaged(DamageKind::TooManySections));
    }
    let header_len = header_len(count);
    let payload_len = read_u64(bytes, OFF_PAYLOAD_LEN);
    let expected = (header_len as u64).saturating_add(payload_len);
    if actual < expected {
        return Err(EntryError::Truncated { actual, expected });
    }
    if actual > expected {
        return Err(EntryError::Damaged(DamageKind::LengthMismatch));
    }

    let mut hasher = blake3::Hasher::new_derive_key(CHECKSUM_CONTEXT);
    hasher.update(&bytes[..OFF_CHECKSUM]);
    hasher.update(&bytes[OFF_CHECKSUM + 32..]);
    // Constant-time comparison is not needed (no secret), but `blake3::Hash`'s `==` is
    // constant-time anyway.
    let stored = <[u8; 32]>::try_from(&bytes[OFF_CHECKSUM..OFF_CHECKSUM + 32]).unwrap_or([0; 32]);
    if hasher.finalize() != blake3::Hash::from_bytes(stored) {
        return Err(EntryError::Damaged(DamageKind::ChecksumMismatch));
    }

    if bytes[OFF_FINGERPRINT..OFF_FINGERPRINT + 32] != expected_fingerprint[..] {
        return Err(EntryError::CompilerChanged);
    }
    if read_u64(bytes, OFF_RESERVED) != 0 {
        return Err(EntryError::Damaged(DamageKind::ReservedNotZero));
    }

    // The checksum matched, so the table is what a writer wrote; it is still checked
    // against the canonical layout, so a buggy or hostile writer cannot point a section
    // outside the file.
    let rows: Vec<(u64, u64)> = (0..count)
        .map(|idx| {
            let row = FIXED_HEADER_LEN + idx * TABLE_ROW_LEN;
            (read_u64(bytes, row), read_u64(bytes, row + 8))
        })
        .collect();
    let Some((canonical, file_len)) = canonical_offsets(header_len as u64, rows.iter().map(|row| row.1)) else {
        return Err(EntryError::Damaged(DamageKind::SectionTable));
    };
    if canonical != rows || file_len != actual {
        return Err(EntryError::Damaged(DamageKind::SectionTable));
    }
    // Padding must be zero, so that there is one valid file per list of sections.
    let mut previous_end = header_len;
    let mut sections = Vec::with_capacity(count);
    for (offset, len) in rows {
        // Both fit in usize: they are bounded by `actual`, which is a slice length.
        let (offset, len) = (offset as usize, len as usize);
        if bytes[previous_end..offset].iter().any(|&b| b != 0) {
            return Err(EntryError::Damaged(DamageKind::SectionTable));
        }
        sections.push(offset..offset + len);
        previous_end = offset + len;
    }
    Ok(EntryLayout { sections })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_length_keeps_sections_aligned() {
        for count in 0..=MAX_SECTIONS {
            assert_eq!(header_len(count) % SECTION_ALIGN, 0);
        }
    }

    #[test]
    fn empty_entry_round_trips() {
        let fingerprint = [7; 32];
        let bytes = encode_entry(&fingerprint, &[]).unwrap_or_default();
        assert_eq!(bytes.len(), FIXED_HEADER_LEN);
        let layout = validate(&bytes, &fingerprint);
        assert!(matches!(layout, Ok(ref l) if l.sections().is_empty()), "{layout:?}");
    }
}
