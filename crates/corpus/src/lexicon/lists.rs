//! How the data files of `data/` are read: one reader for the word lists
//! and one for the tables, so every file takes comments and blank lines the
//! same way.

/// The entries of a one-per-line data file: trimmed, blank lines and `#`
/// comments left out.
pub fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The rows of a tab-separated data file, as written (empty trailing
/// columns kept), blank lines and `#` comments left out.
pub fn rows(table: &str) -> impl Iterator<Item = &str> {
    table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}
