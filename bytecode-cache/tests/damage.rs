//! Damaged, truncated, foreign and outdated entries: each is a typed miss, never a panic
//! and never wrong content.

mod common;

use common::{replace_file, scratch_cache, slot, test_options};
use typhon_bytecode_cache::{
    COMPILER_FINGERPRINT, CacheOptions, DamageKind, EntryError, ErrorClass, FORMAT_VERSION, MAGIC, encode_entry,
    validate,
};

/// A small entry, so that sweeping every bit stays fast in debug builds.
fn small_sections() -> Vec<Vec<u8>> {
    vec![b"hello".to_vec(), (0u8..20).collect(), Vec::new(), b"x".to_vec()]
}

fn small_entry() -> Vec<u8> {
    let sections = small_sections();
    let refs: Vec<&[u8]> = sections.iter().map(Vec::as_slice).collect();
    encode_entry(&COMPILER_FINGERPRINT, &refs).expect("encode")
}

#[test]
fn every_bit_flip_is_reported_as_a_typed_error() {
    let (_dir, cache) = scratch_cache(test_options());
    let sections = small_sections();
    let refs: Vec<&[u8]> = sections.iter().map(Vec::as_slice).collect();
    cache.put(&slot(0), &refs).expect("put");
    let path = cache.entry_path(&slot(0));
    let original = std::fs::read(&path).expect("read the entry");
    // The format is canonical and the checksum covers every other byte, so no flip can
    // produce a valid entry (not even in padding, which must be zero).
    for idx in 0..original.len() {
        for bit in 0..8 {
            let mut bytes = original.clone();
            bytes[idx] ^= 1 << bit;
            replace_file(&path, &bytes);
            match cache.get(&slot(0)) {
                Ok(Some(_)) => panic!("flipping bit {bit} of byte {idx} went unnoticed"),
                Ok(None) => panic!("the entry vanished"),
                Err(EntryError::Io(err)) => panic!("I/O error instead of a damage report: {err}"),
                Err(err) => {
                    // Flips in the magic, version and layout tag say "not ours"; all
                    // others must be damage, not "compiler changed".
                    if idx >= 48 {
                        assert_eq!(err.class(), ErrorClass::Damaged, "byte {idx} bit {bit}: {err}");
                    }
                }
            }
        }
    }
    replace_file(&path, &original);
    let entry = cache.get(&slot(0)).expect("valid again").expect("present");
    assert_eq!(entry.sections().map(<[u8]>::to_vec).collect::<Vec<_>>(), sections);
}

#[test]
fn truncation_at_every_length_is_reported() {
    let (_dir, cache) = scratch_cache(test_options());
    let full = small_entry();
    let path = cache.entry_path(&slot(1));
    std::fs::create_dir_all(path.parent().expect("shard")).expect("shard dir");
    for len in 0..full.len() {
        replace_file(&path, &full[..len]);
        match cache.get(&slot(1)) {
            Err(EntryError::Truncated { actual, expected }) => {
                assert_eq!(actual, len as u64);
                assert!(expected > actual);
            }
            other => panic!("length {len}: expected a truncation error, got {other:?}"),
        }
    }
    // One byte too many is damage too.
    let mut longer = full.clone();
    longer.push(0);
    replace_file(&path, &longer);
    assert!(matches!(cache.get(&slot(1)), Err(EntryError::Damaged(DamageKind::LengthMismatch))));
    replace_file(&path, &full);
    assert!(matches!(cache.get(&slot(1)), Ok(Some(_))));
}

#[test]
fn empty_file_is_truncated() {
    let (_dir, cache) = scratch_cache(test_options());
    let path = cache.entry_path(&slot(2));
    std::fs::create_dir_all(path.parent().expect("shard")).expect("shard dir");
    replace_file(&path, b"");
    let err = cache.get(&slot(2)).expect_err("an empty file is not an entry");
    assert!(matches!(err, EntryError::Truncated { actual: 0, .. }), "{err:?}");
    assert!(err.to_string().starts_with("entry damaged: truncated"), "{err}");
    assert_eq!(err.class(), ErrorClass::Damaged);
}

/// A deterministic xorshift generator: the garbage is the same on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

#[test]
fn random_garbage_is_rejected() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let valid = small_entry();
    for round in 0..5000 {
        let len = (rng.next() % 700) as usize;
        let mut bytes = rng.bytes(len);
        // Some garbage gets past the first checks, to exercise the deeper ones.
        match round % 3 {
            1 if len >= 8 => bytes[..8].copy_from_slice(&MAGIC),
            2 if len >= valid.len().min(48) => {
                let prefix = 48.min(len);
                bytes[..prefix].copy_from_slice(&valid[..prefix]);
            }
            _ => {}
        }
        assert!(validate(&bytes, &COMPILER_FINGERPRINT).is_err(), "garbage round {round} validated");
    }
    // And one through the file system.
    let (_dir, cache) = scratch_cache(test_options());
    let path = cache.entry_path(&slot(3));
    std::fs::create_dir_all(path.parent().expect("shard")).expect("shard dir");
    replace_file(&path, &rng.bytes(4096));
    let err = cache.get(&slot(3)).expect_err("garbage");
    assert!(matches!(err, EntryError::NotAnEntry), "{err:?}");
    assert_eq!(err.to_string(), "not a Typhon cache entry");
}

#[test]
fn another_format_version_is_reported_with_both_numbers() {
    let (_dir, cache) = scratch_cache(test_options());
    cache.put(&slot(4), &[b"abc"]).expect("put");
    let path = cache.entry_path(&slot(4));
    let mut bytes = std::fs::read(&path).expect("read");
    bytes[8..12].copy_from_slice(&3u32.to_le_bytes());
    replace_file(&path, &bytes);
    let err = cache.get(&slot(4)).expect_err("old version");
    assert!(matches!(err, EntryError::FormatVersion { found: 3, expected: FORMAT_VERSION }), "{err:?}");
    assert_eq!(err.to_string(), format!("format version 3, expected {FORMAT_VERSION}"));
    assert_eq!(err.class(), ErrorClass::CompilerChanged);
}

#[test]
fn another_layout_tag_is_foreign() {
    let (_dir, cache) = scratch_cache(test_options());
    cache.put(&slot(5), &[b"abc"]).expect("put");
    let path = cache.entry_path(&slot(5));
    let mut bytes = std::fs::read(&path).expect("read");
    bytes[16] ^= 0xff;
    replace_file(&path, &bytes);
    let err = cache.get(&slot(5)).expect_err("foreign");
    assert!(matches!(err, EntryError::ForeignLayout), "{err:?}");
}

#[test]
fn another_fingerprint_is_compiler_changed_not_damage() {
    let old_compiler = CacheOptions { fingerprint: [0xaa; 32], ..test_options() };
    let (dir, old_cache) = scratch_cache(old_compiler);
    old_cache.put(&slot(6), &[b"bytecode of the old compiler"]).expect("put");
    let new_cache = typhon_bytecode_cache::CacheDir::open_with(dir.path().join("cache"), test_options()).expect("open");
    let err = new_cache.get(&slot(6)).expect_err("compiler changed");
    assert!(matches!(err, EntryError::CompilerChanged), "{err:?}");
    assert_eq!(err.class(), ErrorClass::CompilerChanged);
    assert!(err.to_string().starts_with("compiler changed"), "{err}");
    // The old compiler still reads its entry; the new one overwrites it on rebuild.
    assert!(matches!(old_cache.get(&slot(6)), Ok(Some(_))));
    new_cache.put(&slot(6), &[b"new"]).expect("put");
    assert_eq!(new_cache.get(&slot(6)).expect("valid").expect("present").section(0), Some(&b"new"[..]));
}

#[test]
fn error_messages_are_human() {
    let cases: Vec<(EntryError, &str)> = vec![
        (EntryError::Damaged(DamageKind::ChecksumMismatch), "entry damaged: checksum mismatch"),
        (EntryError::Truncated { actual: 10, expected: 200 }, "entry damaged: truncated (10 bytes, expected 200)"),
        (EntryError::NotAnEntry, "not a Typhon cache entry"),
        (EntryError::FormatVersion { found: 3, expected: 4 }, "format version 3, expected 4"),
    ];
    for (err, text) in cases {
        assert_eq!(err.to_string(), text);
    }
}

#[test]
fn compiler_fingerprint_and_layout_are_generated() {
    assert_ne!(COMPILER_FINGERPRINT, [0; 32]);
    let layout = typhon_bytecode_cache::LAYOUT_DESCRIPTION;
    assert!(layout.starts_with("rkyv 0.8."), "{layout}");
    assert!(layout.contains("little_endian") && layout.contains("pointer_width_32"), "{layout}");
}
