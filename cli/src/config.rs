//! The project's configuration: the nearest `pyproject.toml` above the first path of a
//! command, its `[tool.typhon]` table, and where the cache lives as a result (flags and
//! environment variables first, then the table, then the default).

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use typhon_bytecode_cache::DEFAULT_MAX_BYTES;
use typhon_engine::{CacheConfig, default_cache_dir};

/// The file that marks a project root.
const PYPROJECT: &str = "pyproject.toml";

/// The keys of `[tool.typhon]`, as the unknown-key error lists them.
const KEYS: &[&str] = &["cache-dir", "cache-max-size"];

/// Set to a non-empty value other than `0`: no cache (like `--no-cache`).
const ENV_NO_CACHE: &str = "TYPHON_NO_CACHE";

/// The cache directory, overriding `cache-dir`.
const ENV_CACHE_DIR: &str = "TYPHON_CACHE_DIR";

/// A configuration file that cannot be used: one line, naming the file (and the line
/// when the parser knows it). The CLI exits with status 2.
#[derive(Debug)]
pub(crate) struct ConfigError {
    file: PathBuf,
    line: Option<usize>,
    message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// What a command knows about its project.
#[derive(Debug)]
pub(crate) struct ProjectConfig {
    /// The directory of the nearest `pyproject.toml`, or the first path itself (a
    /// directory) or its directory (a file).
    pub(crate) root: PathBuf,
    /// `cache-dir`, already joined to the pyproject's directory.
    pub(crate) cache_dir: Option<PathBuf>,
    /// `cache-max-size`, in bytes.
    pub(crate) cache_max_size: Option<u64>,
}

impl ProjectConfig {
    /// Finds and reads the configuration of the project that `path` (the first path a
    /// command was given) belongs to.
    pub(crate) fn load(path: &Path) -> Result<ProjectConfig, ConfigError> {
        // Walking up needs the parents a relative path does not show (`.`, `main.py`).
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let start =
            if path.is_dir() { path.clone() } else { path.parent().map_or_else(PathBuf::new, Path::to_path_buf) };
        let Some(pyproject) = start.ancestors().map(|dir| dir.join(PYPROJECT)).find(|file| file.is_file()) else {
            return Ok(ProjectConfig { root: start, cache_dir: None, cache_max_size: None });
        };
        let root = pyproject.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        let text = std::fs::read_to_string(&pyproject).map_err(|error| ConfigError {
            file: pyproject.clone(),
            line: None,
            message: format!("cannot read it: {error}"),
        })?;
        let table =
            parse_pyproject(&text).map_err(|(line, message)| ConfigError { file: pyproject.clone(), line, message })?;
        Ok(ProjectConfig {
            cache_dir: table.cache_dir.map(|dir| root.join(dir)),
            cache_max_size: table.cache_max_size,
            root,
        })
    }

    /// The cache directory: `TYPHON_CACHE_DIR`, else `cache-dir`, else `.typhon_cache` in
    /// the root.
    pub(crate) fn cache_dir(&self) -> PathBuf {
        match std::env::var_os(ENV_CACHE_DIR) {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => self.cache_dir.clone().unwrap_or_else(|| default_cache_dir(&self.root)),
        }
    }

    /// The size bound of the cache: `cache-max-size`, else the store's default.
    pub(crate) fn cache_max_bytes(&self) -> u64 {
        self.cache_max_size.unwrap_or(DEFAULT_MAX_BYTES)
    }

    /// The engine's cache settings for a command, or `None` when `--no-cache` or
    /// `TYPHON_NO_CACHE` turned the cache off.
    pub(crate) fn cache_config(&self, no_cache: bool) -> Option<CacheConfig> {
        if no_cache || cache_disabled_by_env() {
            return None;
        }
        let mut config = CacheConfig::new(self.cache_dir());
        config.max_bytes = Some(self.cache_max_bytes());
        Some(config)
    }
}

fn cache_disabled_by_env() -> bool {
    std::env::var_os(ENV_NO_CACHE).is_some_and(|value| !value.is_empty() && value != "0")
}

/// The parts of `pyproject.toml` that Typhon reads; every other table is someone else's.
#[derive(Deserialize, Default)]
struct PyProject {
    #[serde(default)]
    tool: Tool,
}

#[derive(Deserialize, Default)]
struct Tool {
    #[serde(default)]
    typhon: TyphonTable,
}

/// `[tool.typhon]`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct TyphonTable {
    cache_dir: Option<PathBuf>,
    /// An integer (bytes) or a string with a unit; checked after parsing so that the
    /// error can quote the value.
    cache_max_size: Option<toml::Spanned<toml::Value>>,
}

/// `[tool.typhon]` with its size parsed.
struct Table {
    cache_dir: Option<PathBuf>,
    cache_max_size: Option<u64>,
}

/// Parses a `pyproject.toml`; an error is `(line, message)`.
fn parse_pyproject(text: &str) -> Result<Table, (Option<usize>, String)> {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let pyproject: PyProject = toml::from_str(text).map_err(|error| {
        let line = error.span().map(|span| line_of(span.start));
        (line, describe_toml_error(error.message()))
    })?;
    let table = pyproject.tool.typhon;
    let cache_max_size = match table.cache_max_size {
        None => None,
        Some(spanned) => {
            let span = spanned.span();
            let line = Some(line_of(span.start));
            let size = match spanned.get_ref() {
                toml::Value::Integer(bytes) => u64::try_from(*bytes).map_err(|_| format!("`{bytes}` is negative")),
                toml::Value::String(size) => parse_size(size),
                _ => {
                    let written = text.get(span).unwrap_or_default().trim();
                    Err(format!("`{written}` is neither a number of bytes nor a string like \"500MB\""))
                }
            };
            Some(size.map_err(|message| (line, format!("invalid cache-max-size: {message}")))?)
        }
    };
    Ok(Table { cache_dir: table.cache_dir, cache_max_size })
}

/// toml's message for an unknown key names the key but says "field": this says it the
/// way the file is written.
fn describe_toml_error(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((key, _)) = rest.split_once('`')
    {
        return format!("unknown key `{key}` in [tool.typhon] (expected one of: {})", KEYS.join(", "));
    }
    message.to_owned()
}

/// A size in bytes: a plain number, or a number and a unit, decimal (`kB`, `MB`, `GB`,
/// `TB`: powers of 1000) or binary (`KiB`, `MiB`, `GiB`, `TiB`: powers of 1024), in any
/// case, with or without a space: `500MB`, `1GiB`, `200 KiB`, `1.5 GB`. The error quotes
/// the text.
pub(crate) fn parse_size(text: &str) -> Result<u64, String> {
    let invalid = || format!("`{text}` is not a size (examples: 1073741824, \"500MB\", \"1GiB\", \"200 KiB\")");
    let trimmed = text.trim();
    let split = trimmed.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(split);
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        "tib" => 1 << 40,
        _ => return Err(invalid()),
    };
    if number.is_empty() {
        return Err(invalid());
    }
    if let Ok(whole) = number.parse::<u64>() {
        return whole.checked_mul(multiplier).ok_or_else(|| format!("`{text}` is too large"));
    }
    let fraction: f64 = number.parse().map_err(|_| invalid())?;
    let bytes = (fraction * multiplier as f64).round();
    if !bytes.is_finite() || bytes >= u64::MAX as f64 {
        return Err(format!("`{text}` is too large"));
    }
    Ok(bytes as u64)
}

/// `12.3 MiB`: a size for people.
pub(crate) fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_decimal_and_binary_units() {
        assert_eq!(parse_size("123"), Ok(123));
        assert_eq!(parse_size("500MB"), Ok(500_000_000));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("200 KiB"), Ok(200 * 1024));
        assert_eq!(parse_size("1.5 kb"), Ok(1500));
        assert_eq!(parse_size("7 b"), Ok(7));
        for bad in ["", "MB", "5 parsecs", "1.2.3GB", "-5MB", "99999999999999 TiB"] {
            let error = parse_size(bad).expect_err(bad);
            assert!(error.contains(&format!("`{bad}`")), "{error}");
        }
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(1 << 30), "1.0 GiB");
    }

    #[test]
    fn the_typhon_table_and_its_errors() {
        let table = parse_pyproject(
            "[project]\nname = 'x'\n[tool.ruff]\nline = 1\n[tool.typhon]\ncache-dir = 'c'\ncache-max-size = '2 MiB'\n",
        )
        .unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(table.cache_dir, Some(PathBuf::from("c")));
        assert_eq!(table.cache_max_size, Some(2 << 20));
        assert!(parse_pyproject("").is_ok_and(|table| table.cache_dir.is_none() && table.cache_max_size.is_none()));

        let unknown = parse_pyproject("[tool.typhon]\n\nfoo = 1\n").err();
        assert_eq!(
            unknown,
            Some((
                Some(3),
                "unknown key `foo` in [tool.typhon] (expected one of: cache-dir, cache-max-size)".to_owned()
            ))
        );
        let (line, _) = parse_pyproject("[tool.typhon]\ncache-dir = \n").err().unwrap_or_default();
        assert_eq!(line, Some(2));
        let (line, message) = parse_pyproject("[tool.typhon]\ncache-max-size = \"lots\"\n").err().unwrap_or_default();
        assert_eq!((line, message.contains("`lots`")), (Some(2), true), "{message}");
        let (_, message) = parse_pyproject("[tool.typhon]\ncache-max-size = -1\n").err().unwrap_or_default();
        assert!(message.contains("`-1`"), "{message}");
    }
}
