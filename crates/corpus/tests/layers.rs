//! The crate is built in layers, and this test keeps it so.
//!
//! Each module may use only modules of a lower layer, and inside a folder a
//! file may use only the files before it in the folder's order: a circle
//! (two modules using each other) or an upward use is what made the old
//! flat crate hard to change, and nothing else would catch one coming back.
//!
//! It reads every `.rs` file under `src/`, finds the `crate::…` paths of its
//! code (`use` lines and paths written inline), and fails on any that
//! points at a module of the same or a higher layer, printing what each
//! file uses. To be read, paths inside the crate must start with `crate::`:
//! `super::` and bare relative module paths are refused outside test
//! modules. A file's `#[cfg(test)] mod tests` (always its last item) may
//! use anything: tests drive the whole pipeline.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Top-level modules, lowest layer first; modules on one line share a
/// layer and so may not use each other. The crate root (lib.rs, the
/// pipeline) and the binary (main.rs) sit above them all.
const LAYERS: &[&[&str]] = &[&["model", "text"], &["lexicon"], &["names"], &["stages"], &["attribution"], &["identity"], &["overrides"], &["report"]];

/// The order of the files of each folder, lowest first; `mod` (the folder's
/// own `mod.rs`) is last, as it runs the others.
const FOLDERS: &[(&str, &[&str])] = &[
    ("text", &["patterns", "fold", "tokens", "mod"]),
    ("lexicon", &["lists", "words", "reporting", "roles", "gazetteer", "outlets", "page", "timeline", "mod"]),
    ("stages", &["decode", "clean", "calendar", "tense", "timeline", "dates", "metadata", "html", "mod"]),
    ("attribution", &["gender", "cues", "phrases", "transcript", "resolve", "continuation", "mod"]),
];

/// Where a module stands: its layer, then its rank inside its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    layer: usize,
    rank: usize,
}

#[test]
fn every_module_uses_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let externals = external_crates(&Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();

    let mut problems = Vec::new();
    for file in &files {
        let shown = file.strip_prefix(&src).unwrap_or(file).display().to_string();
        let module = module_of(&src, file);
        let Some(place) = place_of(&module) else {
            problems.push(format!("src/{shown}: module `{module}` is in no layer: add it to LAYERS or FOLDERS"));
            continue;
        };
        let code = code_lines(&fs::read_to_string(file).unwrap());
        let children = child_modules(&code);
        let mut used: BTreeSet<String> = BTreeSet::new();
        for (line_no, line) in &code {
            let line = &absolute(line, &module, &children);
            for path in crate_paths(line) {
                used.insert(resolve(&modules, &path));
            }
            if let Some(bad) = unreadable_path(line, &externals) {
                problems.push(format!("src/{shown}:{line_no}: `{bad}`: write paths inside the crate as `crate::…`"));
            }
        }
        used.remove(&module);
        let list: Vec<String> = used.iter().map(|m| if m.is_empty() { String::from("(crate root)") } else { m.clone() }).collect();
        println!("src/{shown} [{module}] uses: {}", if list.is_empty() { String::from("-") } else { list.join(", ") });
        for target in &used {
            match place_of(target) {
                Some(p) if allowed(&module, place, target, p) => {}
                _ => problems.push(format!(
                    "src/{shown} [{module}] uses `{}`, which is not below it",
                    if target.is_empty() { "crate root" } else { target }
                )),
            }
        }
    }
    assert!(problems.is_empty(), "layering broken:\n  {}", problems.join("\n  "));
}

/// A file may use a module of a lower layer, or, in its own folder, a file
/// ranked before it.
fn allowed(user: &str, at: Place, used: &str, place: Place) -> bool {
    let folder = |m: &str| m.split("::").next().unwrap_or("").to_string();
    if folder(user) == folder(used) && !user.is_empty() && !used.is_empty() {
        place.rank < at.rank
    } else {
        place.layer < at.layer
    }
}

/// The layer and rank of a module path ("attribution::cues"); the crate
/// root ("") and the binary ("main") are above every layer.
fn place_of(module: &str) -> Option<Place> {
    let top = LAYERS.len();
    match module {
        "" => return Some(Place { layer: top, rank: 0 }),
        "main" => return Some(Place { layer: top + 1, rank: 0 }),
        _ => {}
    }
    let mut parts = module.split("::");
    let first = parts.next()?;
    let layer = LAYERS.iter().position(|l| l.contains(&first))?;
    let file = parts.next().unwrap_or("mod");
    let rank = match FOLDERS.iter().find(|(f, _)| *f == first) {
        Some((_, order)) => order.iter().position(|f| *f == file)?,
        None => 0,
    };
    Some(Place { layer, rank })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// "src/attribution/cues.rs" → "attribution::cues"; a folder's `mod.rs` is
/// the folder; lib.rs is the crate root "".
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") || parts == ["lib"] {
        parts.pop();
    }
    parts.join("::")
}

/// The numbered lines of a file's code: comments out, and the test module
/// at the end left out.
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        let next = lines.get(i + 1).map_or("", |l| l.trim());
        if trimmed == "#[cfg(test)]" && next.starts_with("mod ") {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let code = match line.find(" //") {
            Some(at) => &line[..at],
            None => line,
        };
        out.push((i + 1, code.to_string()));
    }
    out
}

/// The modules a file declares (`mod cues;`): its code may name them
/// without `crate::`.
fn child_modules(code: &[(usize, String)]) -> Vec<String> {
    code.iter()
        .filter_map(|(_, l)| {
            let l = l.trim();
            let l = l.strip_prefix("pub ").unwrap_or(l);
            Some(l.strip_prefix("mod ")?.strip_suffix(';')?.to_string())
        })
        .collect()
}

/// The line with every path that starts at a child module written from
/// `crate::`, so that `cues::candidates` in attribution/mod.rs reads as
/// `crate::attribution::cues::candidates`.
fn absolute(line: &str, module: &str, children: &[String]) -> String {
    let mut out = line.to_string();
    for child in children {
        let from_crate = if module.is_empty() { format!("crate::{child}::") } else { format!("crate::{module}::{child}::") };
        let needle = format!("{child}::");
        let mut result = String::new();
        let mut rest = out.as_str();
        while let Some(at) = rest.find(&needle) {
            let before = rest[..at].chars().last();
            let bare = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
            result.push_str(&rest[..at]);
            result.push_str(if bare { &from_crate } else { &needle });
            rest = &rest[at + needle.len()..];
        }
        result.push_str(rest);
        out = result;
    }
    out
}

/// Every full path a line names under `crate::`, braces expanded:
/// `use crate::a::{b, c::{d, e}}` names `a::b`, `a::c::d` and `a::c::e`.
fn crate_paths(line: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        let boundary = rest[..at].chars().last().is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after = &rest[at + "crate::".len()..];
        if boundary {
            let mut chars = after.chars().peekable();
            use_tree(&mut chars, &mut Vec::new(), &mut out);
        }
        rest = after;
    }
    out
}

/// Reads one use tree (`a::b`, `a::{b, c}`, `a::*`) after `prefix`, adding
/// each path it names to `out`.
fn use_tree(chars: &mut std::iter::Peekable<std::str::Chars>, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let depth = prefix.len();
    loop {
        while chars.peek() == Some(&' ') {
            chars.next();
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            loop {
                use_tree(chars, prefix, out);
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
                match chars.next() {
                    Some(',') => continue,
                    _ => break,
                }
            }
            prefix.truncate(depth);
            return;
        }
        let mut ident = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_alphanumeric() || c == '_' {
                ident.push(c);
                chars.next();
            } else {
                break;
            }
        }
        if ident.is_empty() {
            // `*`, or the end of the path.
            if chars.peek() == Some(&'*') {
                chars.next();
            }
            break;
        }
        if ident != "self" {
            prefix.push(ident);
        }
        let mut probe = chars.clone();
        if probe.next() == Some(':') && probe.next() == Some(':') {
            chars.next();
            chars.next();
            continue;
        }
        break;
    }
    out.push(prefix.clone());
    prefix.truncate(depth);
}

/// The module a path points into: its longest prefix that is a module.
fn resolve(modules: &BTreeSet<String>, path: &[String]) -> String {
    (0..=path.len()).rev().map(|n| path[..n].join("::")).find(|m| modules.contains(m)).unwrap_or_default()
}

/// A `use` of a path this test cannot place: `super::…`, or a bare module
/// name that is neither `crate`, a standard crate nor a dependency.
fn unreadable_path(line: &str, externals: &BTreeSet<String>) -> Option<String> {
    if line.contains("super::") {
        return Some(String::from("super::"));
    }
    let used = line.trim().strip_prefix("pub ").unwrap_or(line.trim()).strip_prefix("use ")?;
    let root: String = used.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let known = matches!(root.as_str(), "crate" | "std" | "core" | "alloc") || externals.contains(&root);
    (!known).then(|| used.trim_end_matches(';').to_string())
}

/// The crates a `use` may name besides `crate`: the package's own
/// dependencies, and the library itself (for the binary).
fn external_crates(manifest: &Path) -> BTreeSet<String> {
    let text = fs::read_to_string(manifest).unwrap();
    let mut in_dependencies = false;
    let mut out = BTreeSet::from([String::from("corpus")]);
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line == "[dependencies]";
        } else if in_dependencies && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                out.insert(name.trim().replace('-', "_"));
            }
        }
    }
    out
}

#[test]
fn use_trees_expand_to_every_path() {
    let paths: BTreeSet<String> = crate_paths("use crate::a::{b, c::{d, self}, e::*}; let x = crate::f::g(1);").iter().map(|p| p.join("::")).collect();
    let got: Vec<&str> = paths.iter().map(String::as_str).collect();
    assert_eq!(got, ["a::b", "a::c", "a::c::d", "a::e", "f::g"]);
}

#[test]
fn a_child_module_named_without_crate_is_read_from_crate() {
    let children = [String::from("cues")];
    assert_eq!(absolute("let c = cues::candidates(t); x::cues::y", "attribution", &children), "let c = crate::attribution::cues::candidates(t); x::cues::y");
    assert_eq!(absolute("use cues::x;", "", &children), "use crate::cues::x;");
}

#[test]
fn an_upward_or_sibling_use_is_refused() {
    let place = |m: &str| place_of(m).unwrap();
    assert!(allowed("names", place("names"), "lexicon::roles", place("lexicon::roles")));
    assert!(!allowed("lexicon::roles", place("lexicon::roles"), "names", place("names")));
    assert!(!allowed("model", place("model"), "text::fold", place("text::fold")));
    assert!(allowed("attribution::phrases", place("attribution::phrases"), "attribution::cues", place("attribution::cues")));
    assert!(!allowed("attribution::cues", place("attribution::cues"), "attribution::phrases", place("attribution::phrases")));
    assert!(!allowed("attribution::cues", place("attribution::cues"), "attribution", place("attribution")));
    assert!(!allowed("identity", place("identity"), "", place("")));
}
