//! Content requests: a photo's or a file's bytes read (`GET …/$value`, `…/content`) and a
//! small file written (`PUT …/content`), as `http` types, in batches, and through the
//! client, which follows Graph's redirect to a pre-authenticated URL without the token and
//! streams downloads, refusing a stall, a short body and an insecure redirect.

mod support;

use std::time::Duration;

use base64::Engine;
use graph_core::client::{ClientError, DownloadError};
use graph_core::http::StatusCode;
use graph_core::serde_json::{self, json, Value};
use graph_core::validation::ViolationKind;
use graph_core::{graph_resource, AccessToken, Batch, ContentRequest, Endpoint};
use support::{bounded, client, raw_response, response, scripted_server, token, violations, TOKEN};
use wiremock::matchers::{body_bytes, header, header_exists, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

#[graph_resource(
    path = "/drives/{drive-id}/items",
    odata = "#microsoft.graph.driveItem",
    permissions(update(delegated = "Files.ReadWrite", application = "Files.ReadWrite.All"))
)]
#[derive(Debug, Clone, PartialEq, Default)]
struct DriveItem {
    #[graph(read_only)]
    id: Option<String>,
    name: Option<String>,
    size: Option<i64>,
}

/// A PNG's first bytes: content that is not text.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe";

fn photo() -> ContentRequest {
    ContentRequest::get("/users/{id}/photos/{size}/$value", &["adele", "48x48"]).unwrap()
}

fn upload() -> ContentRequest<DriveItem> {
    ContentRequest::put::<DriveItem>(
        "/drives/{drive-id}/root:/{path}:/content",
        &["b!x", "reports/q1 summary.txt"],
        "text/plain; charset=utf-8",
        b"Quarter one.".to_vec(),
    )
    .unwrap()
}

#[test]
fn a_get_asks_for_any_type_and_a_put_sends_the_bytes_with_theirs() {
    let sent = photo().to_http(&Endpoint::v1(), &token());
    assert_eq!(sent.method(), "GET");
    assert_eq!(
        sent.uri(),
        "https://graph.microsoft.com/v1.0/users/adele/photos/48x48/$value"
    );
    assert_eq!(sent.headers()["accept"], "*/*");
    assert!(sent.headers().get("content-type").is_none());
    assert!(sent.headers().contains_key("authorization"));
    assert!(sent.body().is_empty());

    let request = upload();
    assert_eq!(request.bytes(), b"Quarter one.");
    assert_eq!(request.content_type(), Some("text/plain; charset=utf-8"));
    let sent = request.to_http(&Endpoint::v1(), &token());
    assert_eq!(sent.method(), "PUT");
    assert_eq!(
        sent.uri().path(),
        "/v1.0/drives/b%21x/root:/reports/q1%20summary.txt:/content"
    );
    assert_eq!(sent.headers()["content-type"], "text/plain; charset=utf-8");
    assert_eq!(sent.headers()["accept"], "application/json");
    assert_eq!(sent.body(), b"Quarter one.");
    // Headers and preferences as on any request; `Debug` shows the length only.
    let request = upload().header(
        graph_core::http::header::IF_MATCH,
        graph_core::http::HeaderValue::from_static("\"etag\""),
    );
    assert_eq!(request.headers()["if-match"], "\"etag\"");
    let shown = format!("{request:?}");
    assert!(shown.starts_with("ContentRequest"), "{shown}");
    assert!(!shown.contains("Quarter"), "{shown}");
}

#[test]
fn templates_and_content_types_are_checked() {
    for bad in ["text", "/plain", "text/", "text plain", "text/plain\n", ""] {
        let error =
            ContentRequest::put::<DriveItem>("/me/drive/items/{id}/content", &["1"], bad, vec![])
                .unwrap_err();
        assert_eq!(
            violations(&error),
            [("", ViolationKind::InvalidContentType)],
            "{bad:?}"
        );
        assert!(error.to_string().contains("is not a media type"), "{error}");
    }
    let error = ContentRequest::get("/me/drive/items/{id}/content", &[]).unwrap_err();
    assert_eq!(
        violations(&error),
        [("", ViolationKind::PathParameterCount)]
    );
    let error = ContentRequest::get("/me/drive/root:/{path}:/content", &["a/../b"]).unwrap_err();
    assert_eq!(
        violations(&error),
        [("path", ViolationKind::InvalidPathParameter)]
    );
    ContentRequest::put::<DriveItem>(
        "/me/drive/items/{id}/content",
        &["1"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        vec![],
    )
    .unwrap();
}

#[test]
fn answers_read_as_content_or_the_item_and_a_redirect_says_what_to_do() {
    let mut answer = raw_response(200, PNG);
    answer
        .headers_mut()
        .insert("content-type", "image/png".parse().unwrap());
    let content = photo().parse_response(answer).unwrap();
    assert_eq!(content.bytes(), PNG);
    assert_eq!(content.content_type(), Some("image/png"));
    assert_eq!(
        format!("{content:?}"),
        r#"Content { content_type: Some("image/png"), len: 18 }"#
    );
    assert_eq!(content.into_bytes(), PNG);

    let mut redirect = raw_response(302, "");
    redirect.headers_mut().insert(
        "location",
        "https://contoso.sharepoint.com/_layouts/15/download.aspx?tempauth=x"
            .parse()
            .unwrap(),
    );
    let error = photo().parse_response(redirect).unwrap_err();
    assert_eq!(error.status(), StatusCode::FOUND);
    assert!(
        error
            .to_string()
            .contains("get it without the `Authorization` header"),
        "{error}"
    );
    assert!(!error.to_string().contains("tempauth"), "{error}");
    let error = photo()
        .parse_response(response(
            404,
            &json!({"error": {"code": "ImageNotFound", "message": "The photo wasn't found."}}),
        ))
        .unwrap_err();
    assert_eq!(error.code(), Some("ImageNotFound"));

    for status in [200, 201] {
        let item = upload()
            .parse_response(response(
                status,
                &json!({"id": "01AB", "name": "q1 summary.txt", "size": 12}),
            ))
            .unwrap();
        assert_eq!(item.size, Some(12));
    }
    assert!(upload().parse_response(raw_response(204, "")).is_err());
}

/// A token whose claims are `claims`, unsigned.
fn token_with(claims: &str) -> AccessToken {
    AccessToken::new(format!(
        "eyJhbGciOiJub25lIn0.{}.sig",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims)
    ))
    .unwrap()
}

#[test]
fn a_put_needs_what_its_item_declares_for_an_update() {
    let work = r#""tid":"72f988bf-86f1-41af-91ab-2d7cd011db47""#;
    let reader = token_with(&format!(r#"{{"scp":"Files.Read",{work}}}"#));
    let error = upload().check_token(&reader).unwrap_err();
    assert!(error.to_string().contains("Files.ReadWrite"), "{error}");
    upload()
        .check_token(&token_with(r#"{"roles":["Files.ReadWrite.All"]}"#))
        .unwrap();
    // Nothing is declared for a content read: the service decides.
    photo().check_token(&reader).unwrap();
}

#[test]
fn in_a_batch_bytes_go_and_come_as_base64() {
    let mut batch = Batch::new();
    let read = batch.add(&photo()).unwrap();
    let written = batch.add(&upload()).unwrap();
    let json_content = batch
        .add(&ContentRequest::get("/me/drive/items/{id}/content", &["j"]).unwrap())
        .unwrap();
    let json_string = batch
        .add(&ContentRequest::get("/me/drive/items/{id}/content", &["s"]).unwrap())
        .unwrap();
    let missing = batch
        .add(&ContentRequest::get("/me/photo/$value", &[]).unwrap())
        .unwrap();
    let body: Value = serde_json::from_slice(&batch.body(&Endpoint::v1())).unwrap();
    let steps = body["requests"].as_array().unwrap();
    assert_eq!(steps[0]["url"], "/users/adele/photos/48x48/$value");
    assert!(steps[0].get("body").is_none());
    assert_eq!(steps[1]["method"], "PUT");
    assert_eq!(
        steps[1]["headers"]["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(steps[1]["body"], "UXVhcnRlciBvbmUu");

    let answer = json!({"responses": [
        {"id": "1", "status": 200, "headers": {"Content-Type": "image/png"},
         "body": base64::engine::general_purpose::STANDARD.encode(PNG)},
        {"id": "2", "status": 201, "body": {"id": "01AB", "size": 12}},
        {"id": "3", "status": 200, "headers": {"Content-Type": "application/json"}, "body": {"a": 1}},
        {"id": "5", "status": 404, "body": {"error": {"code": "ImageNotFound", "message": "No photo."}}},
        {"id": "4", "status": 200, "headers": {"Content-Type": "application/json; charset=utf-8"}, "body": "hello"},
    ]});
    let mut answer = batch.parse_response(response(200, &answer)).unwrap();
    let content = answer.take(read).unwrap();
    assert_eq!(content.bytes(), PNG);
    assert_eq!(content.content_type(), Some("image/png"));
    assert_eq!(answer.take(written).unwrap().id.as_deref(), Some("01AB"));
    assert_eq!(answer.take(json_content).unwrap().bytes(), br#"{"a":1}"#);
    // A `.json` file holding a string is that string, not base64.
    assert_eq!(answer.take(json_string).unwrap().bytes(), br#""hello""#);
    assert_eq!(
        answer.take(missing).unwrap_err().code(),
        Some("ImageNotFound")
    );

    // A step whose body is not base64 is an error saying so.
    let mut batch = Batch::new();
    let read = batch.add(&photo()).unwrap();
    let answer = json!({"responses": [{"id": "1", "status": 200, "body": "not base64!"}]});
    let error = batch
        .parse_response(response(200, &answer))
        .unwrap()
        .take(read)
        .unwrap_err();
    assert!(error.to_string().contains("not base64"), "{error}");
}

/// Graph's server, answering the photo's read with `302` to `to` (the pre-authenticated
/// URL), and the download host, answering it: the token must reach the first only.
async fn graph_and_download_host(body: Vec<u8>) -> (MockServer, MockServer) {
    let graph = MockServer::start().await;
    let host = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/beta/users/adele/photos/48x48/$value"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(302).insert_header(
            "location",
            format!("{}/download.aspx?tempauth=signed", host.uri()).as_str(),
        ))
        .mount(&graph)
        .await;
    Mock::given(method("GET"))
        .and(path("/download.aspx"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "image/png")
                .set_body_bytes(body),
        )
        .mount(&host)
        .await;
    (graph, host)
}

fn no_token_reached(host: &[Request]) {
    assert!(!host.is_empty());
    for request in host {
        assert!(
            request.headers.get("authorization").is_none(),
            "{request:?}"
        );
        assert!(request.headers.get("client-request-id").is_none());
        assert!(request.headers.get("x-trace").is_none());
        assert!(!String::from_utf8_lossy(&request.body).contains(TOKEN));
    }
}

#[tokio::test]
async fn send_and_download_follow_the_redirect_without_the_token() {
    bounded(async {
        let (graph, host) = graph_and_download_host(PNG.to_vec()).await;
        let client = client(&graph.uri());
        let content = client.send(&photo()).await.unwrap();
        assert_eq!(content.bytes(), PNG);
        assert_eq!(content.content_type(), Some("image/png"));

        let mut file = Vec::new();
        // Headers added to the request go to Graph only.
        let request = photo().header(
            graph_core::http::HeaderName::from_static("x-trace"),
            graph_core::http::HeaderValue::from_static("t1"),
        );
        let written = client.download(&request, &mut file).await.unwrap();
        assert_eq!(file, PNG);
        assert_eq!(written.len(), PNG.len() as u64);
        assert_eq!(written.content_type(), Some("image/png"));

        let seen = host.received_requests().await.unwrap();
        assert_eq!(seen.len(), 2);
        assert_eq!(seen[0].url.query(), Some("tempauth=signed"));
        no_token_reached(&seen);
        assert_eq!(graph.received_requests().await.unwrap().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn send_holds_content_to_the_body_limit_and_download_to_its_own() {
    bounded(async {
        let (graph, _host) = graph_and_download_host(vec![7; 5000]).await;
        let error = client(&graph.uri())
            .with_max_body(4096)
            .send(&photo())
            .await
            .unwrap_err();
        assert!(
            matches!(error, ClientError::BodyTooLarge { limit: 4096 }),
            "{error}"
        );
        // No limit on a download unless one is set.
        let mut file = Vec::new();
        let client = client(&graph.uri()).with_max_body(4096);
        assert_eq!(
            client.download(&photo(), &mut file).await.unwrap().len(),
            5000
        );
        let error = client
            .with_max_download(4999)
            .download(&photo(), &mut Vec::new())
            .await
            .unwrap_err();
        assert!(
            matches!(
                error,
                ClientError::Download {
                    written: 0,
                    reason: DownloadError::TooLarge { limit: 4999 }
                }
            ),
            "{error}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_redirect_to_plain_http_elsewhere_is_refused_and_nothing_is_fetched() {
    bounded(async {
        let graph = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(
                ResponseTemplate::new(302)
                    .insert_header("location", "http://files.example.com/photo.png?sig=secret"),
            )
            .mount(&graph)
            .await;
        let error = client(&graph.uri()).send(&photo()).await.unwrap_err();
        assert_eq!(
            error.to_string(),
            "the content is redirected to `http://files.example.com/photo.png`, which is not an https URL: content is fetched only over https (plain http only from a loopback endpoint to a loopback address)"
        );
        let error = client(&graph.uri())
            .download(&photo(), &mut Vec::new())
            .await
            .unwrap_err();
        assert!(matches!(error, ClientError::InsecureRedirect { .. }), "{error}");
    })
    .await;
}

#[tokio::test]
async fn redirects_are_followed_a_bounded_number_of_times() {
    bounded(async {
        let graph = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/loop"))
            .respond_with(ResponseTemplate::new(302).insert_header("location", "/loop"))
            .mount(&graph)
            .await;
        Mock::given(method("GET"))
            .and(path("/beta/me/photo/$value"))
            .respond_with(ResponseTemplate::new(307).insert_header("location", "/loop"))
            .mount(&graph)
            .await;
        let request = ContentRequest::get("/me/photo/$value", &[]).unwrap();
        let error = client(&graph.uri()).send(&request).await.unwrap_err();
        assert!(
            matches!(error, ClientError::TooManyRedirects { limit: 5 }),
            "{error}"
        );
        // Graph's first answer and five redirects: no more.
        assert_eq!(graph.received_requests().await.unwrap().len(), 6);
    })
    .await;
}

#[tokio::test]
async fn a_throttled_read_is_retried_and_a_missing_photo_is_graphs_error() {
    bounded(async {
        let graph = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/beta/me/photo/$value"))
            .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "0"))
            .up_to_n_times(1)
            .mount(&graph)
            .await;
        Mock::given(method("GET"))
            .and(path("/beta/me/photo/$value"))
            .respond_with(ResponseTemplate::new(200).set_body_bytes(PNG))
            .mount(&graph)
            .await;
        Mock::given(method("GET"))
            .and(path("/beta/users/nobody/photo/$value"))
            .respond_with(
                ResponseTemplate::new(404).set_body_json(
                    json!({"error": {"code": "ImageNotFound", "message": "No photo."}}),
                ),
            )
            .mount(&graph)
            .await;
        let client = client(&graph.uri());
        let mut file = Vec::new();
        let request = ContentRequest::get("/me/photo/$value", &[]).unwrap();
        client.download(&request, &mut file).await.unwrap();
        assert_eq!(file, PNG);
        let request = ContentRequest::get("/users/{id}/photo/$value", &["nobody"]).unwrap();
        let error = client
            .download(&request, &mut Vec::new())
            .await
            .unwrap_err();
        assert_eq!(error.graph_error().unwrap().code(), Some("ImageNotFound"));
        let error = client.send(&request).await.unwrap_err();
        assert_eq!(error.graph_error().unwrap().code(), Some("ImageNotFound"));
    })
    .await;
}

#[tokio::test]
async fn a_put_sends_the_bytes_and_reads_the_item() {
    bounded(async {
        let graph = MockServer::start().await;
        Mock::given(method("PUT"))
            .and(path(
                "/beta/drives/b%21x/root:/reports/q1%20summary.txt:/content",
            ))
            .and(header("content-type", "text/plain; charset=utf-8"))
            .and(header_exists("authorization"))
            .and(body_bytes(b"Quarter one.".to_vec()))
            .respond_with(
                ResponseTemplate::new(201)
                    .set_body_json(json!({"id": "01AB", "name": "q1 summary.txt", "size": 12})),
            )
            .expect(1)
            .mount(&graph)
            .await;
        let item = client(&graph.uri()).send(&upload()).await.unwrap();
        assert_eq!(item.id.as_deref(), Some("01AB"));
    })
    .await;
}

fn head(length: usize) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: {length}\r\nconnection: close\r\n\r\n"
    )
    .into_bytes()
}

#[tokio::test]
async fn a_stall_is_an_error_that_says_how_much_was_written_and_a_slow_download_is_not() {
    bounded(async {
        let request = ContentRequest::get("/me/drive/items/{id}/content", &["1"]).unwrap();
        let timeout = Duration::from_millis(300);
        // Ten bytes of a hundred, then nothing.
        let (base, _) = scripted_server(vec![
            (Duration::ZERO, head(100)),
            (Duration::ZERO, vec![1; 10]),
            (Duration::from_secs(10), vec![1; 90]),
        ])
        .await;
        let mut file = Vec::new();
        let error = client(&base)
            .with_timeout(timeout)
            .download(&request, &mut file)
            .await
            .unwrap_err();
        assert!(
            matches!(error, ClientError::Download { written: 10, reason: DownloadError::Stalled(t) } if t == timeout),
            "{error}"
        );
        assert_eq!(
            error.to_string(),
            "the download stopped after 10 bytes were written, so what the writer holds is incomplete: no byte arrived for 300ms, the client's timeout"
        );
        assert_eq!(file.len(), 10);

        // Ten bytes, then the connection closes: never a silently short file.
        let (base, _) =
            scripted_server(vec![(Duration::ZERO, head(100)), (Duration::ZERO, vec![1; 10])]).await;
        let error = client(&base)
            .download(&request, &mut Vec::new())
            .await
            .unwrap_err();
        assert!(matches!(error, ClientError::Download { written: 10, .. }), "{error}");

        // A chunk every 100 ms for 1.2 s in all, four times the timeout: not a stall.
        let mut parts = vec![(Duration::ZERO, head(12))];
        parts.extend((0..12).map(|_| (Duration::from_millis(100), vec![2u8])));
        let (base, heads) = scripted_server(parts).await;
        let mut file = Vec::new();
        let written = client(&base)
            .with_timeout(timeout)
            .download(&request, &mut file)
            .await
            .unwrap();
        assert_eq!((written.len(), file), (12, vec![2u8; 12]));
        assert!(heads.lock().unwrap()[0].to_lowercase().contains("authorization: bearer"));
    })
    .await;
}

/// A writer that takes `room` bytes and then fails.
struct FullDisk {
    room: usize,
}

impl tokio::io::AsyncWrite for FullDisk {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        if self.room == 0 {
            return std::task::Poll::Ready(Err(std::io::Error::other("no space left on device")));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        std::task::Poll::Ready(Ok(n))
    }

    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
}

#[tokio::test]
async fn a_writer_that_fails_ends_the_download_saying_what_it_took() {
    bounded(async {
        let (graph, _host) = graph_and_download_host(vec![3; 64]).await;
        for room in [0, 10] {
            let error = client(&graph.uri())
                .download(&photo(), FullDisk { room })
                .await
                .unwrap_err();
            assert!(
                matches!(&error, ClientError::Download { written, reason: DownloadError::Write(_) } if *written == room as u64),
                "{error}"
            );
            assert!(error.to_string().contains("no space left on device"), "{error}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_stall_before_the_first_byte_is_retried_and_send_is_held_to_its_timeout() {
    bounded(async {
        let request = ContentRequest::get("/me/drive/items/{id}/content", &["1"]).unwrap();
        let timeout = Duration::from_millis(200);
        let (base, heads) = scripted_server(vec![
            (Duration::ZERO, head(100)),
            (Duration::from_secs(10), vec![1; 100]),
        ])
        .await;
        let error = client(&base)
            .with_timeout(timeout)
            .download(&request, &mut Vec::new())
            .await
            .unwrap_err();
        assert!(
            matches!(
                error,
                ClientError::Download {
                    written: 0,
                    reason: DownloadError::Stalled(_)
                }
            ),
            "{error}"
        );
        assert_eq!(heads.lock().unwrap().len(), 3, "three attempts");

        // `send` reads a content body with the same stall timeout, retried as any `GET`.
        let (base, heads) = scripted_server(vec![
            (Duration::ZERO, head(100)),
            (Duration::ZERO, vec![1; 10]),
            (Duration::from_secs(10), vec![1; 90]),
        ])
        .await;
        let error = client(&base)
            .with_timeout(timeout)
            .send(&request)
            .await
            .unwrap_err();
        assert!(
            matches!(error, ClientError::Timeout(t) if t == timeout),
            "{error}"
        );
        assert_eq!(heads.lock().unwrap().len(), 3);
    })
    .await;
}

#[tokio::test]
async fn a_batch_content_step_answered_with_a_redirect_is_followed_without_the_token() {
    bounded(async {
        let graph = MockServer::start().await;
        let host = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/file.bin"))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("content-type", "application/pdf")
                    .set_body_bytes(PNG),
            )
            .mount(&host)
            .await;
        Mock::given(method("POST"))
            .and(path("/beta/$batch"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"responses": [
                {"id": "1", "status": 302, "headers": {"Location": format!("{}/file.bin?tempauth=signed", host.uri())}},
                {"id": "2", "status": 302, "headers": {"Location": "http://files.example.com/file.bin"}},
                {"id": "3", "status": 201, "body": {"id": "01AB"}},
            ]})))
            .mount(&graph)
            .await;
        let mut batch = Batch::new();
        let followed = batch
            .add(&ContentRequest::get("/me/drive/items/{id}/content", &["1"]).unwrap())
            .unwrap();
        let refused = batch
            .add(&ContentRequest::get("/me/drive/items/{id}/content", &["2"]).unwrap())
            .unwrap();
        let written = batch.add(&upload()).unwrap();
        let mut answer = client(&graph.uri()).send_batch(&batch).await.unwrap();
        let content = answer.take(followed).unwrap();
        assert_eq!(content.bytes(), PNG);
        assert_eq!(content.content_type(), Some("application/pdf"));
        // Plain http elsewhere is not followed: the step keeps its redirect.
        let error = answer.take(refused).unwrap_err();
        assert_eq!(error.status(), StatusCode::FOUND);
        assert_eq!(answer.take(written).unwrap().id.as_deref(), Some("01AB"));
        no_token_reached(&host.received_requests().await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn a_silent_download_host_is_named_as_such_not_as_graph() {
    bounded(async {
        let (silent, _) = scripted_server(vec![(Duration::from_secs(10), head(1))]).await;
        let graph = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(
                ResponseTemplate::new(302)
                    .insert_header("location", format!("{silent}/file.bin?tempauth=x").as_str()),
            )
            .mount(&graph)
            .await;
        let client = client(&graph.uri()).with_timeout(Duration::from_millis(200));
        for error in [
            client.send(&photo()).await.unwrap_err(),
            client.download(&photo(), &mut Vec::new()).await.unwrap_err(),
        ] {
            assert_eq!(
                error.to_string(),
                "the content's host `127.0.0.1`, where Graph redirected the request, did not answer: no byte arrived for 200ms, the client's timeout"
            );
        }
        // A read retried as any `GET`: three attempts, each redirected anew.
        assert_eq!(graph.received_requests().await.unwrap().len(), 6);
    })
    .await;
}
