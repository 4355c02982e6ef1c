//! A long delta round on loopback, in one run: 1,000 pages of 100 changes each (one in
//! ten removed, next links of Graph's length), read with `GraphClient::delta` consumed as a stream, against
//! `GraphClient::pages` reading the same bodies as a list; and `delta_all`, which keeps
//! every change. Time per page is the best of the rounds; peak memory is the process's
//! resident high-water mark during a case (reset before it through
//! `/proc/self/clear_refs`, Linux) less its resident set before it, the largest of the
//! rounds.
//!
//! ```sh
//! cargo bench -p graph-tests --bench delta
//! DELTA_PAGES=200 DELTA_ROUNDS=1 cargo bench -p graph-tests --bench delta
//! ```

use graph_core::client::{GraphClient, StreamExt};
use graph_core::resource::GraphType;
use graph_core::{graph_resource, AccessToken, Endpoint};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PER_PAGE: usize = 100;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
#[derive(Debug, Clone, PartialEq, Default)]
struct User {
    id: Option<String>,
    display_name: Option<String>,
    mail: Option<String>,
    job_title: Option<String>,
}

/// The body of page `index` of `pages`, linking to the next or ending with a delta link.
fn page_body(origin: &str, index: usize, pages: usize) -> String {
    let mut body = String::from(
        r#"{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","value":["#,
    );
    for item in 0..PER_PAGE {
        let id = index * PER_PAGE + item;
        if item > 0 {
            body.push(',');
        }
        if item % 10 == 9 {
            body.push_str(&format!(
                r#"{{"id":"{id:08}","@removed":{{"reason":"deleted"}}}}"#
            ));
        } else {
            body.push_str(&format!(
                r#"{{"id":"{id:08}","displayName":"User {id}","mail":"user{id}@contoso.com","jobTitle":"Engineer"}}"#
            ));
        }
    }
    body.push(']');
    if index + 1 < pages {
        body.push_str(&format!(
            r#","@odata.nextLink":"{origin}/v1.0/users/delta?$skiptoken={}x{}""#,
            index + 1,
            // As long as Graph's own skip tokens.
            "M2UyZDAwMDAtZTI".repeat(20)
        ));
    } else {
        body.push_str(&format!(
            r#","@odata.deltaLink":"{origin}/v1.0/users/delta?$deltatoken=end""#
        ));
    }
    body.push('}');
    body
}

/// A loopback server answering `GET /v1.0/users/delta[?$skiptoken=N]` with page N.
fn serve(pages: usize) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let base = origin.clone();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(answer(socket, origin.clone(), pages));
            }
        });
    });
    base
}

async fn answer(mut socket: tokio::net::TcpStream, origin: String, pages: usize) {
    loop {
        let mut head = Vec::new();
        let mut buffer = [0u8; 4096];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            match socket.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(n) => head.extend_from_slice(&buffer[..n]),
            }
        }
        let head = String::from_utf8_lossy(&head);
        let index = head
            .split_once("$skiptoken=")
            .and_then(|(_, rest)| rest.split(['x', ' ', '&']).next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0);
        let body = page_body(&origin, index, pages);
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        if socket.write_all(response.as_bytes()).await.is_err() {
            return;
        }
    }
}

#[path = "support/peak.rs"]
mod peak;

use peak::{keep, measure, Measured};

fn main() {
    let pages: usize = std::env::var("DELTA_PAGES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1000);
    let rounds: usize = std::env::var("DELTA_ROUNDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(3);
    let changes = pages * PER_PAGE;
    let origin = serve(pages);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = GraphClient::new(
        Endpoint::custom(&format!("{origin}/v1.0")).unwrap(),
        AccessToken::new("eyJ0eXAi.bench.token").unwrap(),
    )
    .unwrap()
    .with_page_limit(pages + 1);
    let delta = User::delta_request().unwrap();
    let list = User::list_request_at("/users/delta", &[]).unwrap();

    let cases = [
        "baseline: pages, the same bodies as a list",
        "delta, consumed as a stream",
        "delta_all, every change kept",
    ];
    let mut best: Vec<Option<Measured>> = vec![None; cases.len()];
    for _ in 0..rounds {
        for (index, slot) in best.iter_mut().enumerate() {
            let (count, measured) = match index {
                0 => measure(&runtime, async {
                    let mut pages = std::pin::pin!(client.pages(&list));
                    let mut count = 0;
                    while let Some(page) = pages.next().await {
                        count += page.unwrap().items().len();
                    }
                    count
                }),
                1 => measure(&runtime, async {
                    let mut pages = std::pin::pin!(client.delta(&delta));
                    let mut count = 0;
                    while let Some(page) = pages.next().await {
                        count += page.unwrap().changes().len();
                    }
                    count
                }),
                _ => measure(&runtime, async {
                    client.delta_all(&delta).await.unwrap().0.len()
                }),
            };
            assert_eq!(count, changes, "every change arrived");
            keep(slot, measured);
        }
    }

    let baseline = best[0].unwrap().elapsed.as_secs_f64();
    println!("a delta round of {changes} changes over {pages} pages on loopback, best of {rounds} rounds");
    println!();
    println!("| case | time | per page | ratio to pages | peak memory above its start (largest) |");
    println!("| --- | --- | --- | --- | --- |");
    for (case, measured) in cases.iter().zip(&best) {
        let Measured { elapsed, peak_kib } = measured.unwrap();
        let seconds = elapsed.as_secs_f64();
        #[allow(clippy::cast_precision_loss)]
        let per_page = seconds * 1e6 / pages as f64;
        let peak = peak_kib.map_or_else(|| "n/a".to_owned(), |kib| format!("{kib} KiB"));
        println!(
            "| {case} | {seconds:.2} s | {per_page:.0} µs | {:.2} | {peak} |",
            seconds / baseline
        );
    }
}
