//! `graph-gen --csdl metadata.xml --type microsoft.graph.user --out src/graph/`

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: graph-gen --csdl FILE (--type NAME ... | --all) --out DIR [--check] [--navigation] [--path TYPE=/path ...]

  --csdl FILE        Graph's metadata (CSDL XML, as `$metadata` serves it)
  --type NAME        a type to generate, with its namespace (microsoft.graph.user) or,
                     for microsoft.graph's own, by name (user); repeat, or separate with commas
  --all              every type of the CSDL
  --out DIR          where mod.rs and its files go
  --check            write nothing; exit 1 naming each file that differs from what would be written
  --navigation       write navigation properties too
  --path TYPE=/path  the collection path of an entity type, instead of the one found";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("graph-gen: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut csdl: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut check = false;
    let mut options = graph_gen::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--csdl" => {
                let path = value("--csdl")?;
                options.source = std::path::Path::new(&path)
                    .file_name()
                    .map_or(path.clone(), |name| name.to_string_lossy().into_owned());
                csdl = Some(path.into());
            }
            "--type" => {
                let names = value("--type")?;
                options.types.extend(
                    names
                        .split(',')
                        .map(str::trim)
                        .filter(|name| !name.is_empty())
                        .map(str::to_owned),
                );
            }
            "--out" => out = Some(value("--out")?.into()),
            "--all" => options.all = true,
            "--check" => check = true,
            "--navigation" => options.navigation = true,
            "--path" => {
                let given = value("--path")?;
                let (ty, path) =
                    given
                        .split_once('=')
                        .ok_or_else(|| graph_gen::Error::PathOverride {
                            given: given.clone(),
                            why: "write TYPE=/path".into(),
                        })?;
                options.paths.push((ty.to_owned(), path.to_owned()));
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}").into()),
        }
    }
    let csdl = csdl.ok_or(format!("--csdl is required\n\n{USAGE}"))?;
    let out = out.ok_or(format!("--out is required\n\n{USAGE}"))?;
    let text =
        std::fs::read_to_string(&csdl).map_err(|error| format!("{}: {error}", csdl.display()))?;
    let output = graph_gen::generate(&text, &options)?;
    if check {
        output.check(&out)?;
        println!(
            "{}: {} as graph-gen writes {}",
            graph_gen::shown(&out).display(),
            files(output.files().len()),
            if output.files().len() == 1 {
                "it"
            } else {
                "them"
            }
        );
    } else {
        output.write(&out)?;
        println!(
            "{}: {} written",
            graph_gen::shown(&out).display(),
            files(output.files().len())
        );
    }
    Ok(())
}

/// `1 file`, `7 files`.
fn files(count: usize) -> String {
    if count == 1 {
        "1 file".to_owned()
    } else {
        format!("{count} files")
    }
}
