//! The crate's only `unsafe`: mapping a published entry file into memory.

use std::fs::File;
use std::io;

use memmap2::{Mmap, MmapOptions};

/// Maps a whole entry file (of `len` bytes, as its metadata says) read-only.
///
/// The caller must pass a file opened from a published entry path (`entries/xx/*.tyc`)
/// of a cache directory managed by this crate.
pub(crate) fn map_published_entry(file: &File, len: u64) -> io::Result<Mmap> {
    let len = usize::try_from(len).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "entry too large to map"))?;
    // SAFETY: mapping is unsafe because the mapped file could be modified or truncated
    // while mapped, which changes the bytes behind a `&[u8]` or raises SIGBUS on access
    // (CRATES.md trap 1). This cannot happen to a published entry: the store publishes a
    // file only by writing a private temporary file and renaming it over the slot path
    // (`CacheDir::put`), and afterwards never opens it for writing, truncates or rewrites
    // it — replacement is another rename, deletion is an unlink, and the LRU refresh
    // changes only timestamps. A rename or unlink leaves this mapping pointing at the old
    // inode, whose bytes stay intact until the mapping is dropped. The one residual risk is
    // another program writing into the cache directory in place, which the cache's
    // contract (a directory owned by Typhon, tagged with CACHEDIR.TAG) rules out.
    //
    // `populate` maps the pages in the `mmap` call itself: every byte is read right away
    // (the checksum covers the whole entry), and one call is cheaper than a page fault
    // per page.
    // The length comes from the caller's `fstat`, which memmap2 would otherwise repeat.
    unsafe { MmapOptions::new().len(len).populate().map(file) }
}
