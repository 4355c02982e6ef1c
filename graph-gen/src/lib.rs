//! Generates `msgraph-resource` structs from Microsoft Graph's metadata (CSDL,
//! `$metadata`): the types asked for and every type they need (base types, property
//! types, enums, the derived types a property can hold), and nothing more, as Rust a
//! person would have written: `#[graph_resource]` with its path, `#[graph_complex]`,
//! `#[graph_enum]` (`flags` where `IsFlags`), `#[graph_union]` for properties whose type
//! has derived types, Graph's names kept exactly, `read_only` where the metadata says so,
//! descriptions as doc comments.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?).join("graph");
//!     graph_gen::build("metadata.xml", &["microsoft.graph.user", "microsoft.graph.group"], &out)?;
//!     println!("cargo::rerun-if-changed=metadata.xml");
//!     Ok(())
//! }
//! ```
//!
//! and in the program, `#[path = concat!(env!("OUT_DIR"), "/graph/mod.rs")] mod graph;`.
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
    /// A type asked for is not in the CSDL.
    #[error("no type `{name}` in the CSDL{}", nearest_list(.nearest))]
    UnknownType {
        /// The name asked for.
        name: String,
        /// The nearest names the CSDL has.
        nearest: Vec<String>,
    },
    /// A `--path` override is malformed.
    #[error("invalid path override `{0}`: write TYPE=/path, the path starting with `/`")]
    PathOverride(String),
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

fn nearest_list(nearest: &[String]) -> String {
    if nearest.is_empty() {
        String::new()
    } else {
        format!("; the nearest are {}", nearest.join(", "))
    }
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
    /// How the files were made, for their header (`graph-gen --csdl … --type …`).
    pub command: String,
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
                Ok(_) => differs.push(format!("{} (changed)", path.display())),
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
        options
            .types
            .iter()
            .map(|name| resolve(model, name))
            .collect::<Result<_, _>>()?
    };
    if roots.is_empty() {
        return Err(Error::NothingAsked);
    }
    let types: BTreeSet<String> = closure::closure(model, &roots, options.navigation);
    let mut paths = closure::paths(model);
    for (ty, path) in &options.paths {
        if !path.starts_with('/') {
            return Err(Error::PathOverride(format!("{ty}={path}")));
        }
        paths.insert(resolve(model, ty)?, path.clone());
    }
    let header = format!(
        "Generated by graph-gen from Microsoft Graph's metadata: {}.\nDo not edit: change the command and run it again.",
        if options.command.is_empty() {
            "the library"
        } else {
            options.command.as_str()
        }
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

/// For `build.rs`: reads the CSDL at `csdl`, generates `types` and writes the files into
/// `out` (a folder under `OUT_DIR`).
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
        command: format!("graph_gen::build for {}", types.join(", ")),
        ..Options::default()
    };
    generate(&text, &options)?.write(out)
}

/// A type asked for, by its qualified name (a bare name is `microsoft.graph`'s).
fn resolve(model: &Model, name: &str) -> Result<String, Error> {
    let name = name.trim().trim_start_matches('#');
    let qualified = if name.contains('.') {
        name.to_owned()
    } else {
        format!("{}.{name}", emit::TOP)
    };
    if model.structs.contains_key(&qualified) || model.enums.contains_key(&qualified) {
        return Ok(qualified);
    }
    let mut scored: Vec<(f64, &String)> = model
        .structs
        .keys()
        .chain(model.enums.keys())
        .map(|known| {
            let short = known.rsplit('.').next().unwrap_or(known);
            let score =
                strsim::jaro_winkler(&qualified, known).max(strsim::jaro_winkler(name, short));
            (score, known)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    Err(Error::UnknownType {
        name: name.to_owned(),
        nearest: scored
            .into_iter()
            .take(3)
            .filter(|(score, _)| *score > 0.7)
            .map(|(_, known)| format!("`{known}`"))
            .collect(),
    })
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
