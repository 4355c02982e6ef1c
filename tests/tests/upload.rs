//! Upload sessions without the network: the session request, the session Graph answers
//! (stored and read back), the ranges Graph names in each of its forms, the slices that
//! cover them exactly once, and the slice sizes Graph takes.

mod support;

use graph_core::serde_json::{self, json, Value};
use graph_core::upload::{
    slice_size, slices, ByteRange, Slice, UploadSession, UploadSessionRequest, DEFAULT_SLICE,
    SLICE_UNIT,
};
use graph_core::validation::ViolationKind;
use graph_core::Endpoint;
use proptest::prelude::*;
use support::{response, token, violations};

#[test]
fn a_session_request_posts_graphs_body_to_create_upload_session() {
    let request = UploadSessionRequest::new(
        "/drives/{drive-id}/items/{item-id}:/{file-name}:/createUploadSession",
        &["b!x", "01AB", "q1 report.xlsx"],
        json!({"item": {"@microsoft.graph.conflictBehavior": "rename"}}),
    )
    .unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.path(),
        "/drives/b%21x/items/01AB:/q1%20report.xlsx:/createUploadSession"
    );
    let sent = request.to_http(&Endpoint::v1(), &token());
    assert_eq!(sent.headers()["content-type"], "application/json");
    assert!(sent.headers().contains_key("authorization"));
    assert_eq!(
        serde_json::from_slice::<Value>(sent.body()).unwrap(),
        json!({"item": {"@microsoft.graph.conflictBehavior": "rename"}})
    );
    let attachment = UploadSessionRequest::new(
        "/me/messages/{id}/attachments/createUploadSession",
        &["AAMk"],
        json!({"AttachmentItem": {"attachmentType": "file", "name": "flower.jpg", "size": 3_483_322}}),
    )
    .unwrap();
    assert_eq!(
        attachment.path(),
        "/me/messages/AAMk/attachments/createUploadSession"
    );

    let error = UploadSessionRequest::new("/me/drive/root:/{path}:/content", &["a.txt"], json!({}))
        .unwrap_err();
    assert_eq!(
        violations(&error),
        [("", ViolationKind::InvalidPathTemplate)]
    );
    assert!(
        error
            .to_string()
            .contains("does not end in `/createUploadSession`"),
        "{error}"
    );
    let error = UploadSessionRequest::new(
        "/me/drive/root:/{path}:/createUploadSession",
        &[""],
        json!({}),
    )
    .unwrap_err();
    assert_eq!(
        violations(&error),
        [("path", ViolationKind::EmptyPathParameter)]
    );
}

/// The answer on Graph's "driveItem: createUploadSession" page.
fn graphs_session() -> Value {
    json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.uploadSession",
        "uploadUrl": "https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337?tempauth=secret",
        "expirationDateTime": "2015-01-29T09:21:55.523Z",
        "nextExpectedRanges": ["0-"]
    })
}

#[test]
fn the_session_reads_stores_and_hides_its_authorization() {
    let request = UploadSessionRequest::new(
        "/me/drive/root:/{path}:/createUploadSession",
        &["big.bin"],
        json!({}),
    )
    .unwrap();
    let session = request
        .parse_response(response(200, &graphs_session()))
        .unwrap();
    assert_eq!(
        session.upload_url(),
        Some("https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337?tempauth=secret")
    );
    assert_eq!(
        session.expiration().unwrap().to_string(),
        "2015-01-29T09:21:55.523Z"
    );
    assert_eq!(session.expected_ranges().unwrap(), [ByteRange::from(0)]);
    // Stored and read back in another process.
    let stored = serde_json::to_string(&session).unwrap();
    let again: UploadSession = serde_json::from_str(&stored).unwrap();
    assert_eq!(again, session);
    let shown = format!("{session:?}");
    assert!(
        !shown.contains("tempauth") && !shown.contains("secret"),
        "{shown}"
    );

    // A status answer names the ranges only; the session keeps its URL.
    let status: UploadSession = serde_json::from_value(
        json!({"expirationDateTime": "2015-01-29T09:21:55.523Z", "nextExpectedRanges": ["12345-55232", "77829-99375"]}),
    )
    .unwrap();
    let updated = session.updated(status);
    assert_eq!(updated.upload_url(), session.upload_url());
    assert_eq!(
        updated.expected_ranges().unwrap(),
        [
            ByteRange {
                first: 12345,
                last: Some(55232)
            },
            ByteRange {
                first: 77829,
                last: Some(99375)
            },
        ]
    );
    assert!(request
        .parse_response(response(
            404,
            &json!({"error": {"code": "itemNotFound", "message": "m"}})
        ))
        .is_err());
}

#[test]
fn every_range_form_graph_writes_reads_and_others_are_refused() {
    for (text, expected) in [
        (
            "0-",
            ByteRange {
                first: 0,
                last: None,
            },
        ),
        (
            "26-",
            ByteRange {
                first: 26,
                last: None,
            },
        ),
        (
            "12345-55232",
            ByteRange {
                first: 12345,
                last: Some(55232),
            },
        ),
        // Outlook writes a single number for "from here on".
        (
            "4194304",
            ByteRange {
                first: 4_194_304,
                last: None,
            },
        ),
        (
            "5-5",
            ByteRange {
                first: 5,
                last: Some(5),
            },
        ),
    ] {
        assert_eq!(text.parse::<ByteRange>().unwrap(), expected, "{text}");
    }
    for bad in ["", "-", "-5", "a-b", "5-4", "1-2-3", "+1-"] {
        let error = bad.parse::<ByteRange>().unwrap_err();
        assert!(error.to_string().contains("is none of"), "{bad}: {error}");
    }
}

#[test]
fn slices_cut_each_expected_range_and_write_its_content_range() {
    let plan: Vec<Slice> = slices(100, 30, &[ByteRange::from(0)]).collect();
    assert_eq!(
        plan.iter().map(Slice::content_range).collect::<Vec<_>>(),
        [
            "bytes 0-29/100",
            "bytes 30-59/100",
            "bytes 60-89/100",
            "bytes 90-99/100"
        ]
    );
    // A last slice of one byte.
    let plan: Vec<Slice> = slices(31, 30, &[ByteRange::from(0)]).collect();
    assert_eq!(plan[1].content_range(), "bytes 30-30/31");
    assert_eq!(plan[1].len(), 1);
    // Ranges past the end, overlapping or repeated, are covered once.
    let plan: Vec<Slice> = slices(
        50,
        100,
        &[
            ByteRange {
                first: 10,
                last: Some(20),
            },
            ByteRange {
                first: 15,
                last: Some(30),
            },
            ByteRange::from(60),
            ByteRange {
                first: 40,
                last: Some(80),
            },
        ],
    )
    .collect();
    assert_eq!(
        plan.iter().map(Slice::content_range).collect::<Vec<_>>(),
        ["bytes 10-30/50", "bytes 40-49/50"]
    );
    assert_eq!(slices(0, 10, &[ByteRange::from(0)]).count(), 0);
}

#[test]
fn slice_sizes_are_multiples_of_320_kib_below_60_mib() {
    assert_eq!(DEFAULT_SLICE, 10 * 1024 * 1024);
    assert_eq!(slice_size(SLICE_UNIT).unwrap(), 327_680);
    assert_eq!(slice_size(187 * SLICE_UNIT).unwrap(), 187 * SLICE_UNIT);
    for bad in [0, 1, 4 * 1024 * 1024, 192 * SLICE_UNIT, 200 * SLICE_UNIT] {
        let error = slice_size(bad).unwrap_err();
        assert!(
            error.to_string().contains("not a multiple of 320 KiB"),
            "{bad}: {error}"
        );
    }
    assert!(slice_size(4 * 1024 * 1024)
        .unwrap_err()
        .to_string()
        .contains("3932160 bytes (12 × 320 KiB) would do"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_slices_cover_what_graph_expects_exactly_once(
        length in 0u64..5_000_000,
        slice in 1u64..2_000_000,
        ranges in prop::collection::vec((0u64..6_000_000, prop::option::of(0u64..6_000_000)), 0..6),
    ) {
        let expected: Vec<ByteRange> = ranges
            .into_iter()
            .filter(|(first, last)| last.is_none_or(|last| last >= *first))
            .map(|(first, last)| ByteRange { first, last })
            .collect();
        let plan: Vec<Slice> = slices(length, slice, &expected).collect();
        // In order, never overlapping, each within the content and the slice size.
        for window in plan.windows(2) {
            prop_assert!(window[0].last < window[1].first);
        }
        let mut covered = 0u64;
        for piece in &plan {
            prop_assert!(piece.first <= piece.last && piece.last < length);
            prop_assert!(piece.len() <= slice);
            prop_assert_eq!(piece.length, length);
            covered += piece.len();
        }
        // Exactly the bytes some expected range names.
        let mut wanted = 0u64;
        let mut names: Vec<(u64, u64)> = expected
            .iter()
            .filter(|range| range.first < length)
            .map(|range| (range.first, range.last.map_or(length - 1, |last| last.min(length - 1))))
            .collect();
        names.sort_unstable();
        let mut reach = 0u64;
        let mut started = false;
        for (first, last) in names {
            let from = if started { first.max(reach) } else { first };
            if last >= from {
                wanted += last - from + 1;
            }
            if !started || last + 1 > reach {
                reach = last + 1;
            }
            started = true;
        }
        prop_assert_eq!(covered, wanted);
        // Each slice starts and ends on a byte some range names.
        let named = |at: u64| expected.iter().any(|range| range.first <= at && range.last.is_none_or(|last| at <= last));
        for piece in &plan {
            prop_assert!(named(piece.first) && named(piece.last));
        }
    }
}

// ---- Through the client, against Graph and an upload host on loopback -----------------

use std::sync::{Arc, Mutex};

use graph_core::client::ClientError;
use graph_core::graph_resource;
use support::{bounded, client};
use wiremock::matchers::{header_exists, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

#[graph_resource(path = "/me/drive/items", odata = "#microsoft.graph.driveItem")]
#[derive(Debug, Clone, PartialEq, Default)]
struct DriveItem {
    id: Option<String>,
    name: Option<String>,
    size: Option<i64>,
}

/// What the upload host received, and the failures it is told to answer with.
#[derive(Default)]
struct Host {
    length: u64,
    bytes: Vec<u8>,
    received: Vec<bool>,
    puts: Vec<String>,
    /// Slices (by first byte) answered `500` once, then `416` once.
    fail_once: Vec<u64>,
    refuse_once: Vec<u64>,
    problems: Vec<String>,
}

impl Host {
    fn missing(&self) -> Vec<String> {
        match self.received.iter().position(|got| !got) {
            Some(first) => vec![format!("{first}-")],
            None => Vec::new(),
        }
    }

    fn put(&mut self, request: &Request) -> ResponseTemplate {
        if request.headers.get("authorization").is_some() {
            self.problems.push("a token reached the upload host".into());
        }
        let range = request
            .headers
            .get("content-range")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        self.puts.push(range.clone());
        let parsed = range
            .strip_prefix("bytes ")
            .and_then(|rest| rest.split_once('/'))
            .and_then(|(span, total)| {
                let (first, last) = span.split_once('-')?;
                Some((
                    first.parse::<u64>().ok()?,
                    last.parse::<u64>().ok()?,
                    total.parse::<u64>().ok()?,
                ))
            });
        let Some((first, last, total)) = parsed else {
            self.problems
                .push(format!("a malformed Content-Range `{range}`"));
            return ResponseTemplate::new(400);
        };
        if total != self.length || last < first || last >= total {
            self.problems
                .push(format!("a Content-Range out of the file: `{range}`"));
        }
        if request.body.len() as u64 != last - first + 1 {
            self.problems
                .push(format!("`{range}` with {} bytes", request.body.len()));
        }
        let declared = request
            .headers
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        if declared != Some(request.body.len()) {
            self.problems
                .push(format!("`{range}` with Content-Length {declared:?}"));
        }
        if let Some(at) = self.fail_once.iter().position(|f| *f == first) {
            self.fail_once.remove(at);
            // Any `5xx`: a 500 as Graph's upload hosts answer one.
            return ResponseTemplate::new(500);
        }
        if let Some(at) = self.refuse_once.iter().position(|f| *f == first) {
            self.refuse_once.remove(at);
            return ResponseTemplate::new(416);
        }
        for (offset, byte) in request.body.iter().enumerate() {
            let at = first as usize + offset;
            self.bytes[at] = *byte;
            self.received[at] = true;
        }
        if self.received.iter().all(|got| *got) {
            ResponseTemplate::new(201)
                .set_body_json(json!({"id": "01NEW", "name": "big.bin", "size": self.length}))
        } else {
            ResponseTemplate::new(202).set_body_json(json!({
                "expirationDateTime": "2030-01-29T09:21:55.523Z",
                "nextExpectedRanges": self.missing()
            }))
        }
    }
}

/// Graph (creating the session) and the upload host it points to.
async fn servers(length: u64) -> (MockServer, MockServer, Arc<Mutex<Host>>) {
    let graph = MockServer::start().await;
    let host = MockServer::start().await;
    let state = Arc::new(Mutex::new(Host {
        length,
        bytes: vec![0; length as usize],
        received: vec![false; length as usize],
        ..Host::default()
    }));
    Mock::given(method("POST"))
        .and(path("/beta/me/drive/root:/big.bin:/createUploadSession"))
        .and(header_exists("authorization"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "uploadUrl": format!("{}/up/session?tempauth=signed", host.uri()),
            "expirationDateTime": "2030-01-29T09:21:55.523Z",
            "nextExpectedRanges": ["0-"]
        })))
        .mount(&graph)
        .await;
    let put = Arc::clone(&state);
    Mock::given(method("PUT"))
        .and(path("/up/session"))
        .respond_with(move |request: &Request| put.lock().unwrap().put(request))
        .mount(&host)
        .await;
    let status = Arc::clone(&state);
    Mock::given(method("GET"))
        .and(path("/up/session"))
        .respond_with(move |request: &Request| {
            let host = status.lock().unwrap();
            assert!(request.headers.get("authorization").is_none());
            ResponseTemplate::new(200).set_body_json(json!({
                "expirationDateTime": "2030-01-29T09:21:55.523Z",
                "nextExpectedRanges": host.missing()
            }))
        })
        .mount(&host)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/up/session"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&host)
        .await;
    (graph, host, state)
}

fn file(length: usize) -> Vec<u8> {
    (0..length).map(|i| (i * 7 % 251) as u8).collect()
}

fn session_request() -> UploadSessionRequest {
    UploadSessionRequest::new(
        "/me/drive/root:/{path}:/createUploadSession",
        &["big.bin"],
        json!({"item": {"@microsoft.graph.conflictBehavior": "replace"}}),
    )
    .unwrap()
}

#[tokio::test]
async fn an_upload_goes_in_slices_to_the_upload_host_without_the_token() {
    bounded(async {
        let length = 1_000_000;
        let (graph, _host, state) = servers(length).await;
        let content = file(length as usize);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let progress = Arc::clone(&seen);
        let client = client(&graph.uri())
            .with_upload_slice(SLICE_UNIT)
            .unwrap()
            .with_upload_progress(move |at| progress.lock().unwrap().push((at.sent, at.total)));
        let item: DriveItem = client
            .upload(
                &session_request(),
                std::io::Cursor::new(content.clone()),
                length,
            )
            .await
            .unwrap();
        assert_eq!(item.id.as_deref(), Some("01NEW"));
        assert_eq!(
            *seen.lock().unwrap(),
            [
                (327_680, length),
                (655_360, length),
                (983_040, length),
                (length, length)
            ]
        );
        let host = state.lock().unwrap();
        assert!(host.problems.is_empty(), "{:?}", host.problems);
        assert_eq!(host.bytes, content);
        assert_eq!(
            host.puts,
            [
                "bytes 0-327679/1000000",
                "bytes 327680-655359/1000000",
                "bytes 655360-983039/1000000",
                "bytes 983040-999999/1000000",
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn a_failed_slice_is_sent_again_and_a_refused_one_goes_on_from_the_status() {
    bounded(async {
        let length = 1_000_000;
        let (graph, _host, state) = servers(length).await;
        {
            let mut host = state.lock().unwrap();
            host.fail_once.push(327_680);
            host.refuse_once.push(655_360);
        }
        let content = file(length as usize);
        let client = client(&graph.uri()).with_upload_slice(SLICE_UNIT).unwrap();
        let item: DriveItem = client
            .upload(
                &session_request(),
                std::io::Cursor::new(content.clone()),
                length,
            )
            .await
            .unwrap();
        assert_eq!(item.size, Some(1_000_000));
        let host = state.lock().unwrap();
        assert!(host.problems.is_empty(), "{:?}", host.problems);
        assert_eq!(host.bytes, content);
        // The 500 sent again; after the 416, the status named `655360-`.
        assert_eq!(host.puts.len(), 6, "{:?}", host.puts);
        assert_eq!(host.puts[1], host.puts[2]);
        assert_eq!(host.puts[3], host.puts[4]);
    })
    .await;
}

#[tokio::test]
async fn a_stored_session_resumes_with_only_what_graph_still_expects() {
    bounded(async {
        let length = 1_000_000;
        let (graph, host_server, state) = servers(length).await;
        let content = file(length as usize);
        // An earlier process sent the first two slices, stored the session and stopped.
        {
            let mut host = state.lock().unwrap();
            host.bytes[..655_360].copy_from_slice(&content[..655_360]);
            host.received[..655_360].fill(true);
        }
        let stored = serde_json::to_string(&json!({
            "uploadUrl": format!("{}/up/session?tempauth=signed", host_server.uri()),
            "nextExpectedRanges": ["0-"]
        }))
        .unwrap();
        let session: UploadSession = serde_json::from_str(&stored).unwrap();
        let client = client(&graph.uri()).with_upload_slice(SLICE_UNIT).unwrap();
        let item: DriveItem = client
            .resume_upload(&session, std::io::Cursor::new(content.clone()), length)
            .await
            .unwrap();
        assert_eq!(item.id.as_deref(), Some("01NEW"));
        {
            let host = state.lock().unwrap();
            assert_eq!(
                host.puts,
                ["bytes 655360-983039/1000000", "bytes 983040-999999/1000000"]
            );
            assert_eq!(host.bytes, content);
        }
        client.cancel_upload(&session).await.unwrap();
        let seen = host_server.received_requests().await.unwrap();
        assert!(seen
            .iter()
            .all(|request| request.headers.get("authorization").is_none()));
        assert_eq!(seen.last().unwrap().method.as_str(), "DELETE");
    })
    .await;
}

#[tokio::test]
async fn a_short_source_a_gone_session_and_an_insecure_url_are_errors() {
    bounded(async {
        let length = 1_000_000;
        let (graph, host_server, _state) = servers(length).await;
        let client = client(&graph.uri()).with_upload_slice(SLICE_UNIT).unwrap();
        let error = client
            .upload::<DriveItem, _>(
                &session_request(),
                std::io::Cursor::new(file(900_000)),
                length,
            )
            .await
            .unwrap_err();
        assert!(
            matches!(
                error,
                ClientError::ShortSource {
                    length: 1_000_000,
                    read: 900_000
                }
            ),
            "{error}"
        );

        let gone: UploadSession = serde_json::from_value(json!({
            "uploadUrl": format!("{}/up/expired", host_server.uri()),
        }))
        .unwrap();
        let error = client
            .resume_upload::<DriveItem, _>(&gone, std::io::Cursor::new(file(10)), 10)
            .await
            .unwrap_err();
        assert!(matches!(error, ClientError::UploadSessionGone), "{error}");
        assert_eq!(
            error.to_string(),
            "the upload session is gone (404): it expired or was cancelled; start a new one"
        );

        let insecure: UploadSession = serde_json::from_value(json!({
            "uploadUrl": "http://up.example.com/up/session?tempauth=signed",
        }))
        .unwrap();
        let error = client
            .resume_upload::<(), _>(&insecure, std::io::Cursor::new(file(10)), 10)
            .await
            .unwrap_err();
        assert!(
            matches!(error, ClientError::InsecureUploadUrl { .. }),
            "{error}"
        );
        assert!(!error.to_string().contains("tempauth"), "{error}");

        let error = client
            .upload::<(), _>(&session_request(), std::io::Cursor::new(Vec::new()), 0)
            .await
            .unwrap_err();
        assert!(matches!(error, ClientError::EmptyUpload), "{error}");
        // Refused before any session is created.
        let creates = graph
            .received_requests()
            .await
            .unwrap()
            .iter()
            .filter(|request| request.method.as_str() == "POST")
            .count();
        assert_eq!(creates, 1, "only the short source's session");

        let refused = client.with_upload_slice(4 * 1024 * 1024).unwrap_err();
        assert!(refused.to_string().contains("not a multiple of 320 KiB"));
    })
    .await;
}

#[tokio::test]
async fn an_attachment_upload_whose_last_answer_has_no_body_reads_as_unit() {
    bounded(async {
        let host = MockServer::start().await;
        let session_path = "/api/v2.0/Users('a')/Messages('b')/AttachmentSessions('c')";
        Mock::given(method("PUT"))
            .and(path(session_path))
            .respond_with(|request: &Request| {
                let range = request.headers["content-range"].to_str().unwrap().to_owned();
                if range.ends_with("-4999999/5000000") {
                    ResponseTemplate::new(201).insert_header(
                        "location",
                        "https://outlook.office.com/api/v2.0/Users('a')/Messages('b')/Attachments('c')",
                    )
                } else {
                    ResponseTemplate::new(202).set_body_json(json!({"nextExpectedRanges": []}))
                }
            })
            .mount(&host)
            .await;
        Mock::given(method("GET"))
            .and(path(session_path))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!({"nextExpectedRanges": ["0"]})),
            )
            .mount(&host)
            .await;
        let session: UploadSession = serde_json::from_value(json!({
            "uploadUrl": format!("{}{session_path}?authtoken=x", host.uri()),
            "nextExpectedRanges": ["0"]
        }))
        .unwrap();
        // The default slice is 10 MiB; Outlook takes at most 4 MB a slice.
        client(&host.uri())
            .resume_upload::<(), _>(&session, std::io::Cursor::new(file(5_000_000)), 5_000_000)
            .await
            .unwrap();
        let puts: Vec<String> = host
            .received_requests()
            .await
            .unwrap()
            .into_iter()
            .filter(|request| request.method.as_str() == "PUT")
            .map(|request| request.headers["content-range"].to_str().unwrap().to_owned())
            .collect();
        assert_eq!(puts, ["bytes 0-3932159/5000000", "bytes 3932160-4999999/5000000"]);
    })
    .await;
}
