//! A large download on loopback, in one run: throughput and peak memory of
//! `GraphClient::download` (through Graph's redirect, and answered directly) against
//! reqwest reading the same body chunk by chunk, each to a sink.
//!
//! ```sh
//! cargo bench -p graph-tests --bench download                  # 1 GiB, 3 rounds
//! DOWNLOAD_MIB=256 DOWNLOAD_ROUNDS=1 cargo bench -p graph-tests --bench download
//! ```
//!
//! The server runs on a thread of its own and writes one 64 KiB buffer over and over, so
//! it costs the same for every case. Peak memory is the process's resident high-water mark
//! (`VmHWM`) during each case, reset before it (`/proc/self/clear_refs`, Linux), less the
//! resident size before it: what the case itself held at most. Each time is the best of
//! the rounds, each memory figure the largest.

use graph_core::client::{http_client_builder, GraphClient};
use graph_core::{AccessToken, ContentRequest, Endpoint};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const BUFFER: usize = 64 * 1024;

/// A loopback server: `GET /beta/redirected` answers `302` to `/blob`; `/blob` and
/// `/beta/direct` answer `200` with `length` bytes.
fn serve(length: u64) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(answer(socket, length, address));
            }
        });
    });
    format!("http://{address}")
}

async fn answer(mut socket: tokio::net::TcpStream, length: u64, address: std::net::SocketAddr) {
    let mut head = Vec::new();
    let mut buffer = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match socket.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buffer[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    if head.starts_with("GET /beta/redirected ") {
        let response = format!(
            "HTTP/1.1 302 Found\r\nlocation: http://{address}/blob?tempauth=x\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
        );
        let _ = socket.write_all(response.as_bytes()).await;
        return;
    }
    let response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: {length}\r\nconnection: close\r\n\r\n"
    );
    if socket.write_all(response.as_bytes()).await.is_err() {
        return;
    }
    let block = vec![0x5a_u8; BUFFER];
    let mut left = length;
    while left > 0 {
        let n = usize::try_from(left.min(BUFFER as u64)).unwrap();
        if socket.write_all(&block[..n]).await.is_err() {
            return;
        }
        left -= n as u64;
    }
}

#[path = "support/peak.rs"]
mod peak;

use peak::{keep, measure, Measured};

fn main() {
    // `cargo bench` passes `--bench`; a filter is not taken.
    let mib: u64 = std::env::var("DOWNLOAD_MIB")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1024);
    let rounds: usize = std::env::var("DOWNLOAD_ROUNDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(3);
    let length = mib * 1024 * 1024;
    let base = serve(length);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let plain = http_client_builder().unwrap().build().unwrap();
    let client = GraphClient::new(
        Endpoint::custom(&format!("{base}/beta")).unwrap(),
        AccessToken::new("eyJ0eXAi.bench.token").unwrap(),
    )
    .unwrap();
    let redirected = ContentRequest::get("/redirected", &[]).unwrap();
    let direct = ContentRequest::get("/direct", &[]).unwrap();
    let blob = format!("{base}/blob");

    let cases: [&str; 3] = [
        "baseline: reqwest, chunk by chunk",
        "GraphClient::download, answered directly",
        "GraphClient::download, through a 302",
    ];
    let mut best: Vec<Option<Measured>> = vec![None, None, None];
    for _ in 0..rounds {
        for (index, slot) in best.iter_mut().enumerate() {
            let (received, measured) = match index {
                0 => measure(&runtime, async {
                    let mut response = plain.get(&blob).send().await.unwrap();
                    let mut sink = tokio::io::sink();
                    let mut received = 0u64;
                    while let Some(chunk) = response.chunk().await.unwrap() {
                        sink.write_all(&chunk).await.unwrap();
                        received += chunk.len() as u64;
                    }
                    received
                }),
                1 => measure(&runtime, async {
                    client
                        .download(&direct, tokio::io::sink())
                        .await
                        .unwrap()
                        .len()
                }),
                _ => measure(&runtime, async {
                    client
                        .download(&redirected, tokio::io::sink())
                        .await
                        .unwrap()
                        .len()
                }),
            };
            assert_eq!(received, length, "every byte arrived");
            keep(slot, measured);
        }
    }

    let baseline = best[0].as_ref().unwrap().elapsed.as_secs_f64();
    let resident =
        peak::resident_kib().map_or_else(|| "n/a".to_owned(), |rss| format!("{} MiB", rss / 1024));
    println!("download of {mib} MiB on loopback, best of {rounds} rounds; the process's resident set after them: {resident}");
    println!();
    println!(
        "| case | time | throughput | ratio to reqwest | peak memory above its start (largest) |"
    );
    println!("| --- | --- | --- | --- | --- |");
    for (case, measured) in cases.iter().zip(&best) {
        let measured = measured.as_ref().unwrap();
        let seconds = measured.elapsed.as_secs_f64();
        #[allow(clippy::cast_precision_loss)]
        let throughput = length as f64 / seconds / (1024.0 * 1024.0);
        let peak = measured
            .peak_kib
            .map_or_else(|| "n/a".to_owned(), |kib| format!("{kib} KiB"));
        println!(
            "| {case} | {seconds:.2} s | {throughput:.0} MiB/s | {:.2} | {peak} |",
            baseline / seconds
        );
    }
}
