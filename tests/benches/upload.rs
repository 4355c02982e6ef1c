//! A large upload on loopback, in one run: 1 GiB in 10 MiB slices through
//! `GraphClient::upload` (the session created, each slice read from a source and `PUT` to
//! the upload URL), against reqwest `PUT`ting the same slices, each made the same way.
//! Time is the best of the rounds; peak memory is the process's resident high-water mark
//! during a case (reset before it through `/proc/self/clear_refs`, Linux) less its
//! resident set before it, the largest of the rounds.
//!
//! ```sh
//! cargo bench -p graph-tests --bench upload                  # 1 GiB, 3 rounds
//! UPLOAD_MIB=256 UPLOAD_ROUNDS=1 cargo bench -p graph-tests --bench upload
//! ```

use std::pin::Pin;
use std::task::{Context, Poll};

use graph_core::client::{http_client_builder, GraphClient};
use graph_core::serde_json::json;
use graph_core::upload::{UploadSessionRequest, DEFAULT_SLICE};
use graph_core::{AccessToken, Endpoint};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncSeek, AsyncWriteExt, ReadBuf};

/// `length` bytes of one value, read and sought without holding them.
struct Pattern {
    length: u64,
    at: u64,
}

impl AsyncRead for Pattern {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let left = self.length - self.at.min(self.length);
        let n = usize::try_from(left.min(buf.remaining() as u64)).unwrap();
        buf.put_slice(&vec![0x5a; n]);
        self.at += n as u64;
        Poll::Ready(Ok(()))
    }
}

impl AsyncSeek for Pattern {
    fn start_seek(mut self: Pin<&mut Self>, position: std::io::SeekFrom) -> std::io::Result<()> {
        if let std::io::SeekFrom::Start(at) = position {
            self.at = at;
        }
        Ok(())
    }

    fn poll_complete(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<u64>> {
        Poll::Ready(Ok(self.at))
    }
}

/// A loopback server: `createUploadSession` answers a session on itself; each `PUT` is
/// read whole and answered `202`, or `201` with the item after the last byte.
fn serve() -> String {
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
                tokio::spawn(answer(socket, origin.clone()));
            }
        });
    });
    base
}

async fn answer(mut socket: tokio::net::TcpStream, origin: String) {
    let mut buffer = vec![0u8; 256 * 1024];
    let mut pending: Vec<u8> = Vec::new();
    loop {
        while !pending.windows(4).any(|w| w == b"\r\n\r\n") {
            match socket.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(n) => pending.extend_from_slice(&buffer[..n]),
            }
        }
        let end = pending.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        let head = String::from_utf8_lossy(&pending[..end]).to_lowercase();
        let header = |name: &str| {
            head.lines()
                .find_map(|line| line.strip_prefix(name))
                .map(|value| value.trim().to_owned())
        };
        let length: usize = header("content-length:")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let mut body_read = pending.len() - end;
        pending.clear();
        while body_read < length {
            match socket.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(n) => body_read += n,
            }
        }
        let (status, body) = if head.starts_with("post ") {
            (
                "200 OK",
                json!({"uploadUrl": format!("{origin}/up/session"), "nextExpectedRanges": ["0-"]})
                    .to_string(),
            )
        } else {
            let range = header("content-range:").unwrap_or_default();
            let done = range
                .strip_prefix("bytes ")
                .and_then(|rest| rest.split_once('/'))
                .and_then(|(span, total)| {
                    Some(
                        span.split_once('-')?.1.parse::<u64>().ok()? + 1
                            == total.parse::<u64>().ok()?,
                    )
                })
                .unwrap_or(false);
            if done {
                ("201 Created", json!({"id": "01NEW"}).to_string())
            } else {
                (
                    "202 Accepted",
                    json!({"nextExpectedRanges": []}).to_string(),
                )
            }
        };
        let response = format!(
            "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
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
    let mib: u64 = std::env::var("UPLOAD_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024);
    let rounds: usize = std::env::var("UPLOAD_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let length = mib * 1024 * 1024;
    let origin = serve();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let plain = http_client_builder().unwrap().build().unwrap();
    let client = GraphClient::new(
        Endpoint::custom(&format!("{origin}/v1.0")).unwrap(),
        AccessToken::new("eyJ0eXAi.bench.token").unwrap(),
    )
    .unwrap();
    let request = UploadSessionRequest::new(
        "/me/drive/root:/{path}:/createUploadSession",
        &["big.bin"],
        json!({}),
    )
    .unwrap();
    let upload_url = format!("{origin}/up/session");
    let cases = ["baseline: reqwest, the same slices", "GraphClient::upload"];
    let mut best: Vec<Option<Measured>> = vec![None; 2];
    for _ in 0..rounds {
        for (index, slot) in best.iter_mut().enumerate() {
            let ((), measured) = if index == 0 {
                measure(&runtime, async {
                    let mut source = Pattern { length, at: 0 };
                    let mut first = 0;
                    while first < length {
                        let size = DEFAULT_SLICE.min(length - first);
                        let mut bytes = Vec::with_capacity(size as usize);
                        (&mut source)
                            .take(size)
                            .read_to_end(&mut bytes)
                            .await
                            .unwrap();
                        let response = plain
                            .put(&upload_url)
                            .header(
                                "content-range",
                                format!("bytes {first}-{}/{length}", first + size - 1),
                            )
                            .body(bytes)
                            .send()
                            .await
                            .unwrap();
                        response.bytes().await.unwrap();
                        first += size;
                    }
                })
            } else {
                measure(&runtime, async {
                    client
                        .upload::<(), _>(&request, Pattern { length, at: 0 }, length)
                        .await
                        .unwrap();
                })
            };
            keep(slot, measured);
        }
    }
    let baseline = best[0].unwrap().elapsed.as_secs_f64();
    println!(
        "an upload of {mib} MiB in {} MiB slices on loopback, best of {rounds} rounds",
        DEFAULT_SLICE / (1024 * 1024)
    );
    println!();
    println!(
        "| case | time | throughput | ratio to reqwest | peak memory above its start (largest) |"
    );
    println!("| --- | --- | --- | --- | --- |");
    for (case, measured) in cases.iter().zip(&best) {
        let Measured { elapsed, peak_kib } = measured.unwrap();
        let seconds = elapsed.as_secs_f64();
        #[allow(clippy::cast_precision_loss)]
        let throughput = length as f64 / seconds / (1024.0 * 1024.0);
        let peak = peak_kib.map_or_else(
            || "n/a".to_owned(),
            |kib| format!("{:.1} MiB", kib as f64 / 1024.0),
        );
        println!(
            "| {case} | {seconds:.2} s | {throughput:.0} MiB/s | {:.2} | {peak} |",
            baseline / seconds
        );
    }
}
