//! Generates `msgraph-resource` structs from Microsoft Graph's metadata (CSDL,
//! `$metadata`): the types asked for and every type they need (base types, property
//! types, enums, the derived types a property can hold), and nothing more, as Rust a
//! person would have written: `#[graph_resource]` with its path, `#[graph_complex]`,
//! `#[graph_enum]` (`flags` where `IsFlags`), `#[graph_union]` for properties whose type
//! has derived types, Graph's names kept exactly, `read_only` where the metadata says so,
//! descriptions as doc comments.
//!
//! In `build.rs`'s `main`:
//!
//! ```no_run
//! let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
//! // Writes `$OUT_DIR/graph.rs`: every namespace in one file.
//! if let Err(error) = graph_gen::build("metadata.xml", &["user", "group"], &out) {
//!     panic!("graph-gen: {error}");
//! }
//! println!("cargo::rerun-if-changed=metadata.xml");
//! ```
//!
//! and in the program:
//!
//! ```ignore
//! #[allow(dead_code)] // the types the program does not use
//! mod graph {
//!     include!(concat!(env!("OUT_DIR"), "/graph.rs"));
//! }
//! ```
//!
//! The layout: `mod.rs` holds the `microsoft.graph` namespace's types under their names in
//! PascalCase (`user` → `User`) and declares one submodule per other namespace, in snake
//! case after `microsoft.graph.` (`identityGovernance` → `identity_governance`,
//! `partners.billing` → `partners_billing`), each in its own file. A property whose type has
//! derived types is `Any{Type}`, a `#[graph_union]` of the type and its derived types with
//! a variant for unknown ones. Every struct keeps what it does not declare in
//! `additional_data`, and every enum an unknown member in `Other`.

mod closure;
pub mod csdl;
mod emit;
mod names;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub use csdl::Model;

/// What can go wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The document is not well-formed XML.
    #[error("the CSDL is not well-formed XML: {0}")]
    Xml(String),
    /// An element lacks what CSDL requires.
    #[error("the CSDL is not valid: {0}")]
    Csdl(String),
    /// Types asked for are not in the CSDL: each, with the nearest names it has.
    #[error("{}", unknown_list(.0))]
    UnknownTypes(Vec<(String, Vec<String>)>),
    /// A `--path` override is malformed, or names a type it cannot apply to.
    #[error("invalid path override `{given}`: {why}")]
    PathOverride {
        /// The override as given.
        given: String,
        /// What is wrong with it.
        why: String,
    },
    /// Nothing was asked for.
    #[error("no types asked for: name them with `--type` (or take every one with `--all`)")]
    NothingAsked,
    /// Files on disk are not what would be written (`--check`).
    #[error("generated files differ from what graph-gen writes now: {}", .0.join(", "))]
    Differs(Vec<String>),
    /// Reading or writing files.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What failed.
        #[source]
        source: std::io::Error,
    },
}

fn unknown_list(unknown: &[(String, Vec<String>)]) -> String {
    unknown
        .iter()
        .map(|(name, nearest)| {
            if nearest.is_empty() {
                format!("no type `{name}` in the CSDL")
            } else {
                format!(
                    "no type `{name}` in the CSDL (nearest: {})",
                    nearest.join(", ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What to generate.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The types asked for, qualified (`microsoft.graph.user`) or, for `microsoft.graph`'s
    /// own, by name (`user`).
    pub types: Vec<String>,
    /// Every type of the CSDL.
    pub all: bool,
    /// Navigation properties written too (they are left out by default).
    pub navigation: bool,
    /// Paths given for entity types (`microsoft.graph.event` → `/me/events`).
    pub paths: Vec<(String, String)>,
    /// The CSDL's name, for the header (`v1.0-metadata.xml`).
    pub source: String,
}

/// The files generated: paths relative to the output folder, and their text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    files: BTreeMap<String, String>,
}

impl Output {
    /// Each file's relative path and text.
    #[must_use]
    pub fn files(&self) -> &BTreeMap<String, String> {
        &self.files
    }

    /// Writes the files into `dir` (created where missing), leaving a file whose text is
    /// unchanged untouched, so that builds that watch them do not run again.
    ///
    /// # Errors
    ///
    /// A file could not be written.
    pub fn write(&self, dir: &Path) -> Result<(), Error> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
        for (name, text) in &self.files {
            let path = dir.join(name);
            if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
                continue;
            }
            std::fs::write(&path, text).map_err(|source| Error::Io {
                path: path.display().to_string(),
                source,
            })?;
        }
        Ok(())
    }

    /// The files as one, for `include!` from `build.rs`: each other namespace an inline
    /// module, and no inner attribute (put `#[allow(dead_code)]` on the `mod` that
    /// includes it where a program uses only some types).
    #[must_use]
    pub fn single_file(&self) -> String {
        let mut text = String::new();
        let Some(top) = self.files.get("mod.rs") else {
            return text;
        };
        for line in top.lines() {
            if line.starts_with("#![") || (line.starts_with("pub mod ") && line.ends_with(';')) {
                continue;
            }
            text.push_str(line);
            text.push('\n');
        }
        for (name, module) in &self.files {
            let Some(stem) = name.strip_suffix(".rs").filter(|stem| *stem != "mod") else {
                continue;
            };
            text.push_str(&format!("\npub mod {stem} {{\n"));
            let body = module.lines().filter(|line| !line.starts_with("// "));
            for line in body.skip_while(|line| line.is_empty()) {
                text.push_str(line);
                text.push('\n');
            }
            text.push_str("}\n");
        }
        text
    }

    /// Whether `dir` holds exactly these files (other `.rs` files there count as
    /// differences): [`Error::Differs`] names each file that differs, is missing, or
    /// would not be written.
    ///
    /// # Errors
    ///
    /// [`Error::Differs`].
    pub fn check(&self, dir: &Path) -> Result<(), Error> {
        let mut differs = Vec::new();
        for (name, text) in &self.files {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(found) if found == *text => {}
                Ok(found) => {
                    let line = found
                        .lines()
                        .zip(text.lines())
                        .position(|(a, b)| a != b)
                        .unwrap_or_else(|| found.lines().count().min(text.lines().count()))
                        + 1;
                    differs.push(format!("{} (changed at line {line})", path.display()));
                }
                Err(_) => differs.push(format!("{} (missing)", path.display())),
            }
        }
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut extra: Vec<String> = entries
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".rs") && !self.files.contains_key(name))
                .map(|name| format!("{} (not generated)", dir.join(name).display()))
                .collect();
            extra.sort();
            differs.extend(extra);
        }
        if differs.is_empty() {
            Ok(())
        } else {
            Err(Error::Differs(differs))
        }
    }
}

/// Generates the files for `options` from a CSDL document's text.
///
/// # Errors
///
/// The CSDL does not read, a type asked for is not in it, a path override is malformed.
pub fn generate(csdl: &str, options: &Options) -> Result<Output, Error> {
    let model = csdl::read(csdl)?;
    generate_from(&model, options)
}

/// Generates the files for `options` from a model already read.
///
/// # Errors
///
/// As [`generate`].
pub fn generate_from(model: &Model, options: &Options) -> Result<Output, Error> {
    let roots: Vec<String> = if options.all {
        model
            .structs
            .keys()
            .chain(model.enums.keys())
            .cloned()
            .collect()
    } else {
        let mut roots = Vec::new();
        let mut unknown = Vec::new();
        for name in &options.types {
            match resolve(model, name) {
                Ok(found) => roots.push(found),
                Err(nearest) => unknown.push((name.trim().to_owned(), nearest)),
            }
        }
        if !unknown.is_empty() {
            return Err(Error::UnknownTypes(unknown));
        }
        roots.sort();
        roots.dedup();
        roots
    };
    if roots.is_empty() {
        return Err(Error::NothingAsked);
    }
    let types: BTreeSet<String> = closure::closure(model, &roots, options.navigation);
    let mut paths = closure::paths(model);
    let mut overrides = Vec::new();
    for (ty, path) in &options.paths {
        let given = format!("{ty}={path}");
        let refused = |why: String| Error::PathOverride {
            given: given.clone(),
            why,
        };
        let ty = resolve(model, ty).map_err(|_| refused(format!("no type `{ty}` in the CSDL")))?;
        if let Some(why) = path_problem(path) {
            return Err(refused(why.to_owned()));
        }
        if model
            .structs
            .get(&ty)
            .is_none_or(|s| s.kind != csdl::Kind::Entity)
        {
            return Err(refused(format!(
                "`{ty}` is not an entity type; only entity types have paths"
            )));
        }
        if !types.contains(&ty) {
            return Err(refused(format!("`{ty}` is not among the types generated")));
        }
        paths.insert(ty.clone(), path.clone());
        overrides.push(format!("--path {ty}={path}"));
    }
    overrides.sort();
    // The header names what was generated, the same whatever the order it was asked in.
    let mut command = format!("graph-gen --csdl {}", options.source);
    if options.all {
        command.push_str(" --all");
    } else {
        command.push_str(" --type ");
        command.push_str(&roots.join(","));
    }
    if options.navigation {
        command.push_str(" --navigation");
    }
    for path in &overrides {
        command.push(' ');
        command.push_str(path);
    }
    let header = format!(
        "Generated by graph-gen from Microsoft Graph's metadata:\n{command}\nDo not edit: change the command and run it again."
    );
    let files = emit::files(&emit::Plan {
        model,
        types: &types,
        paths: &paths,
        navigation: options.navigation,
        header: &header,
    });
    Ok(Output { files })
}

/// For `build.rs`: reads the CSDL at `csdl`, generates `types` and writes them as one file,
/// `out/graph.rs` (`out` is `OUT_DIR`), to `include!` in a module (see the crate's docs).
/// The file is left untouched where its text is unchanged.
///
/// # Errors
///
/// As [`generate`], and the files not read or written.
pub fn build(csdl: impl AsRef<Path>, types: &[&str], out: &Path) -> Result<(), Error> {
    let path = csdl.as_ref();
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    let options = Options {
        types: types.iter().map(|t| (*t).to_owned()).collect(),
        source: path
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned()),
        ..Options::default()
    };
    let file = out.join("graph.rs");
    let text = generate(&text, &options)?.single_file();
    std::fs::create_dir_all(out).map_err(|source| Error::Io {
        path: out.display().to_string(),
        source,
    })?;
    if std::fs::read_to_string(&file).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&file, text).map_err(|source| Error::Io {
            path: file.display().to_string(),
            source,
        })?;
    }
    Ok(())
}

/// What is wrong with a path override, as the macros' `path` rules would say it.
fn path_problem(path: &str) -> Option<&'static str> {
    if !path.starts_with('/') {
        return Some("the path must start with `/`");
    }
    if path.len() > 1 && path.ends_with('/') {
        return Some("the path must not end with `/`");
    }
    if path.contains(['?', '#']) {
        return Some("a path has no query or fragment");
    }
    if path.contains("//") {
        return Some("the path has an empty segment");
    }
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            return Some("a `{` is not closed");
        };
        let name = &rest[open + 1..open + close];
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Some("a placeholder is a name of letters, digits, `-` and `_` (`{user-id}`)");
        }
        rest = &rest[open + close + 1..];
    }
    if rest.contains('}') {
        return Some("a `}` is not opened");
    }
    None
}

/// A type asked for: its qualified name, a bare name of `microsoft.graph`'s, any of these
/// in another case, or an entity set's or singleton's name (`users`, `me`). Else the
/// nearest names.
fn resolve(model: &Model, name: &str) -> Result<String, Vec<String>> {
    let name = name.trim().trim_start_matches('#');
    let qualified = if name.contains('.') && !name.starts_with(emit::TOP) && !known(model, name) {
        format!("{}.{name}", emit::TOP)
    } else if name.contains('.') {
        name.to_owned()
    } else {
        format!("{}.{name}", emit::TOP)
    };
    if known(model, &qualified) {
        return Ok(qualified);
    }
    if let Some(found) = model
        .structs
        .keys()
        .chain(model.enums.keys())
        .find(|known| known.eq_ignore_ascii_case(&qualified))
    {
        return Ok(found.clone());
    }
    if let Some((_, ty)) = model
        .entity_sets
        .iter()
        .chain(&model.singletons)
        .find(|(set, _)| set.eq_ignore_ascii_case(name))
    {
        return Ok(ty.clone());
    }
    let wanted = qualified.to_ascii_lowercase();
    let short_wanted = name.rsplit('.').next().unwrap_or(name).to_ascii_lowercase();
    let mut scored: Vec<(f64, &String)> = model
        .structs
        .keys()
        .chain(model.enums.keys())
        .map(|known| {
            let short = known
                .rsplit('.')
                .next()
                .unwrap_or(known)
                .to_ascii_lowercase();
            let score = strsim::jaro_winkler(&wanted, &known.to_ascii_lowercase())
                .max(strsim::normalized_levenshtein(&short_wanted, &short));
            (score, known)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    Err(scored
        .into_iter()
        .take(3)
        .filter(|(score, _)| *score > 0.6)
        .map(|(_, known)| format!("`{known}`"))
        .collect())
}

fn known(model: &Model, name: &str) -> bool {
    model.structs.contains_key(name) || model.enums.contains_key(name)
}

/// A folder's path made relative where it can be, for messages.
#[doc(hidden)]
#[must_use]
pub fn shown(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|here| path.strip_prefix(here).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}
