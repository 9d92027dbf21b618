//! The statistics file: cumulative hit and miss counts and the most recent runs.
//!
//! A small text file (`stats.txt`), replaced atomically like entries. Two processes that
//! record a run at the same moment may lose one of the two updates (last writer wins):
//! statistics are advisory, and a lock held across a read-modify-write is not worth it.

use std::fmt::Write as _;

/// How many recent runs the file keeps.
pub const RECENT_RUNS: usize = 20;

/// The hits and misses of one run of the engine, as it reported them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunRecord {
    /// When the run was recorded, in seconds since the Unix epoch.
    pub unix_secs: u64,
    pub hits: u64,
    pub misses: u64,
}

/// Cumulative and recent hit/miss statistics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunStats {
    pub total_runs: u64,
    pub total_hits: u64,
    pub total_misses: u64,
    /// Oldest first, at most [`RECENT_RUNS`].
    pub recent: Vec<RunRecord>,
}

impl RunStats {
    /// The fraction of lookups that hit, over all recorded runs; `None` before any lookup.
    pub fn hit_rate(&self) -> Option<f64> {
        let lookups = self.total_hits.saturating_add(self.total_misses);
        (lookups > 0).then(|| self.total_hits as f64 / lookups as f64)
    }

    pub(crate) fn record(&mut self, run: RunRecord) {
        self.total_runs = self.total_runs.saturating_add(1);
        self.total_hits = self.total_hits.saturating_add(run.hits);
        self.total_misses = self.total_misses.saturating_add(run.misses);
        self.recent.push(run);
        if self.recent.len() > RECENT_RUNS {
            let excess = self.recent.len() - RECENT_RUNS;
            self.recent.drain(..excess);
        }
    }

    /// Parses the file leniently: a damaged or unknown line is skipped, because losing
    /// statistics is better than failing a build over them.
    pub(crate) fn parse(text: &str) -> RunStats {
        let mut stats = RunStats::default();
        for line in text.lines() {
            let mut words = line.split_whitespace();
            let tag = words.next();
            let numbers: Vec<u64> = words.map_while(|word| word.parse().ok()).collect();
            match (tag, numbers.as_slice()) {
                (Some("total"), &[runs, hits, misses]) => {
                    stats.total_runs = runs;
                    stats.total_hits = hits;
                    stats.total_misses = misses;
                }
                (Some("run"), &[unix_secs, hits, misses]) => stats.recent.push(RunRecord { unix_secs, hits, misses }),
                _ => {}
            }
        }
        if stats.recent.len() > RECENT_RUNS {
            let excess = stats.recent.len() - RECENT_RUNS;
            stats.recent.drain(..excess);
        }
        stats
    }

    pub(crate) fn render(&self) -> String {
        let mut text =
            String::from("# Typhon cache statistics: `total runs hits misses`, then `run unix-secs hits misses`.\n");
        let _ = writeln!(text, "total {} {} {}", self.total_runs, self.total_hits, self.total_misses);
        for run in &self.recent {
            let _ = writeln!(text, "run {} {} {}", run.unix_secs, run.hits, run.misses);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_parse_round_trip_and_ring() {
        let mut stats = RunStats::default();
        for idx in 0..30 {
            stats.record(RunRecord { unix_secs: idx, hits: idx * 2, misses: 1 });
        }
        assert_eq!(stats.recent.len(), RECENT_RUNS);
        assert_eq!(stats.recent[0].unix_secs, 10);
        assert_eq!(RunStats::parse(&stats.render()), stats);
        assert_eq!(RunStats::parse("garbage\ntotal x y\nrun 1 2"), RunStats::default());
    }
}
