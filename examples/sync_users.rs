//! Keeps a local copy of the tenant's users up to date with delta queries: the first run
//! reads every user (`GET /users/delta`) and stores them with the round's delta link in a
//! JSON file; each later run resumes from the stored link and applies only what changed
//! (created and changed users merged, removed ones dropped). Where Graph no longer follows
//! the link (`410 Gone`, `resyncRequired`), the copy is rebuilt from a new full round.
//!
//! Graph sends only what changed, and a property it cleared as `null`, which an `Option`
//! field would read as absent: so the delta type here declares only `id` and keeps the
//! properties in `#[graph(additional_data)]`, where an explicit `null` stays one and
//! removes the property from the copy. A first round of a large tenant runs to many pages:
//! the client's page limit is raised.
//!
//! It prints the request it would send first. Built with the client
//! (`--features graph-examples/client`) and with `GRAPH_ACCESS_TOKEN` set (a token with
//! `User.Read.All`), it sends it, through `GRAPH_BASE_URL` (default
//! `https://graph.microsoft.com/v1.0`), and keeps the copy in `SYNC_FILE` (default
//! `users.sync.json`). The token is never printed.
//!
//! ```sh
//! cargo run --example sync_users
//! GRAPH_ACCESS_TOKEN=eyJ0eXAi... cargo run --example sync_users --features graph-examples/client
//! ```

use std::process::ExitCode;

use graph_core::serde_json::{self, Map, Value};
use graph_core::{AccessToken, DeltaLink, DeltaRequest, Endpoint};
use graph_examples::show::print_http;

/// What a round says of a user: its `id`, and the properties that changed, a cleared one as
/// `null` (the copy's own type: a delta type declares what it must tell apart).
#[graph_core::graph_resource(path = "/users", odata = "#microsoft.graph.user")]
#[derive(Debug, Clone, Default)]
struct User {
    id: Option<String>,
    #[graph(additional_data)]
    changed: Map<String, Value>,
}

/// The properties kept of each user.
const SELECTED: &[&str] = &["displayName", "mail", "jobTitle", "userPrincipalName"];

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The local copy: every user by id, as Graph last described them, and where to resume.
#[derive(Default)]
struct Copy {
    users: Map<String, Value>,
    link: Option<DeltaLink>,
}

impl Copy {
    /// The copy stored at `path`, or an empty one where there is none yet.
    fn load(path: &str) -> Result<Self, Box<dyn std::error::Error>> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Self::default())
            }
            Err(error) => return Err(error.into()),
        };
        let mut stored: Map<String, Value> = serde_json::from_str(&text)?;
        // A copy without its users would only ever get changes: it is refused, not
        // taken as empty.
        let Some(Value::Object(users)) = stored.remove("users") else {
            return Err(format!("{path} holds no `users` object; delete it to start over").into());
        };
        let link = stored
            .remove("deltaLink")
            .map(serde_json::from_value::<DeltaLink>)
            .transpose()?;
        Ok(Self { users, link })
    }

    /// Writes the copy to `path`, whole or not at all: a new file, on disk before it is
    /// moved into place.
    #[cfg_attr(not(feature = "client"), allow(dead_code))]
    fn save(&self, path: &str) -> Result<(), Box<dyn std::error::Error>> {
        use std::io::Write;
        let mut stored = Map::new();
        if let Some(link) = &self.link {
            stored.insert("deltaLink".into(), serde_json::to_value(link)?);
        }
        stored.insert("users".into(), Value::Object(self.users.clone()));
        let partial = format!("{path}.{}.partial", std::process::id());
        let mut file = std::fs::File::create(&partial)?;
        file.write_all(&serde_json::to_vec_pretty(&stored)?)?;
        file.sync_all()?;
        std::fs::rename(partial, path)?;
        Ok(())
    }

    /// What the next round sends: a resume from the stored link, or a first round.
    fn request(
        &self,
        endpoint: &Endpoint,
    ) -> Result<DeltaRequest<User>, Box<dyn std::error::Error>> {
        Ok(match &self.link {
            Some(link) => DeltaRequest::resume(link, endpoint)?,
            None => User::delta_request()?.select(SELECTED)?,
        })
    }
}

fn run() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let file = std::env::var("SYNC_FILE").unwrap_or_else(|_| "users.sync.json".to_owned());
    let base_url = std::env::var("GRAPH_BASE_URL")
        .unwrap_or_else(|_| "https://graph.microsoft.com/v1.0".to_owned());
    let endpoint = Endpoint::custom(&base_url)?;
    let copy = Copy::load(&file)?;
    let request = copy.request(&endpoint)?;
    match &copy.link {
        Some(_) => println!("Resuming from the delta link stored in {file}:"),
        None => println!("A first round: every user, then a delta link to resume from."),
    }
    print_http(&request.to_http(&endpoint, &AccessToken::new("{token}")?))?;
    match std::env::var("GRAPH_ACCESS_TOKEN") {
        Ok(token) => sync(copy, &request, &file, endpoint, AccessToken::new(token)?),
        Err(_) => Ok(ExitCode::SUCCESS),
    }
}

/// Without the client, says how to build with it.
#[cfg(not(feature = "client"))]
#[allow(clippy::unnecessary_wraps)]
fn sync(
    _: Copy,
    _: &DeltaRequest<User>,
    _: &str,
    _: Endpoint,
    _: AccessToken,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    eprintln!();
    eprintln!("error: syncing needs the client; run it with `--features graph-examples/client`");
    Ok(ExitCode::FAILURE)
}

/// One round, streamed page by page into the copy; a resync starts the copy over.
#[cfg(feature = "client")]
fn sync(
    mut copy: Copy,
    request: &DeltaRequest<User>,
    file: &str,
    endpoint: Endpoint,
    token: AccessToken,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    use graph_core::client::{ClientError, GraphClient, StreamExt};
    use graph_core::{Change, GraphErrorKind};

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // A first round reads the whole tenant: up to a million users at Graph's page sizes.
    let client = GraphClient::new(endpoint, token)?.with_page_limit(10_000);
    runtime.block_on(async {
        let mut request = request.clone();
        let mut restarted = false;
        'round: loop {
            let (mut changed, mut removed) = (0, 0);
            let mut pages = std::pin::pin!(client.delta(&request));
            while let Some(page) = pages.next().await {
                let page = match page {
                    Ok(page) => page,
                    Err(ClientError::Graph(error))
                        if error.kind() == GraphErrorKind::ResyncRequired && !restarted =>
                    {
                        // Graph no longer follows the link: what the copy holds may be
                        // stale in ways no delta will tell, so it is rebuilt.
                        println!();
                        println!(
                            "Graph asks for a full resync ({}): rebuilding the copy.",
                            error.code().unwrap_or("410 Gone")
                        );
                        // Graph's links carry the round's `$select` in their token, so a
                        // restart without Graph's `Location` begins from the first round's
                        // request, options and all.
                        request = match error.location() {
                            Some(_) => request.restart(&error, client.endpoint())?,
                            None => Copy::default().request(client.endpoint())?,
                        };
                        copy = Copy::default();
                        restarted = true;
                        continue 'round;
                    }
                    Err(error) => {
                        eprintln!("error: {error}");
                        return Ok(ExitCode::FAILURE);
                    }
                };
                if let Some(link) = page.delta_link() {
                    copy.link = Some(link);
                }
                for change in page.into_changes() {
                    match change {
                        Change::Updated(user) => {
                            let Some(id) = user.id else { continue };
                            // Only what changed is present: merged over what is kept, a
                            // `null` clearing the property.
                            let kept = copy
                                .users
                                .entry(id)
                                .or_insert_with(|| Value::Object(Map::new()));
                            if let Value::Object(kept) = kept {
                                for (name, value) in user.changed {
                                    if value.is_null() {
                                        kept.remove(&name);
                                    } else {
                                        kept.insert(name, value);
                                    }
                                }
                            }
                            changed += 1;
                        }
                        Change::Removed(gone) => {
                            copy.users.remove(gone.id());
                            removed += 1;
                        }
                    }
                }
            }
            copy.save(file)?;
            println!();
            println!(
                "{changed} created or changed, {removed} removed: {} users kept in {file}.",
                copy.users.len()
            );
            return Ok(ExitCode::SUCCESS);
        }
    })
}
