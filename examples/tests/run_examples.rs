//! The examples run as a user runs them: `create_run` against a Graph stand-in on loopback
//! (with the `client` feature, which the workspace's tests turn on), for a `201 Created` and
//! for a Graph error, and every example without a token.

use std::path::PathBuf;
use std::process::{Command, Output};

const TOKEN: &str = "eyJ0eXAiOiJKV1Qi.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";

/// `cargo test` builds the examples beside the test binaries: `target/<profile>/examples`.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(|deps| deps.parent()).unwrap();
    profile.join("examples").join(name)
}

fn run(name: &str, env: &[(&str, &str)]) -> (Output, String, String) {
    let mut command = Command::new(example(name));
    command
        .env_remove("GRAPH_ACCESS_TOKEN")
        .env_remove("GRAPH_BASE_URL")
        .env_remove("GRAPH_CLIENT_ID")
        .env_remove("GRAPH_REFRESH_TOKEN_FILE");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().unwrap();
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    (output, stdout, stderr)
}

#[test]
fn create_run_prints_the_request_and_the_violations_without_a_token() {
    let (output, stdout, _) = run("create_run", &[]);
    assert!(output.status.success());
    assert!(stdout.starts_with("POST https://graph.microsoft.com/beta/workflowBase/runs\n"));
    assert!(stdout.contains("Authorization: Bearer {token}\n"));
    assert!(stdout.contains("\"@odata.type\": \"#microsoft.graph.identityGovernance.run\""));
    assert!(stdout.contains("required property `failedTasksCount` is missing"));
    assert!(stdout.contains(
        "A token without the page's permission is refused before sending:\n  creating microsoft.graph.identityGovernance.run needs LifecycleWorkflows.ReadWrite.All (delegated, work or school account); the token grants User.Read, Mail.Send\n"
    ), "{stdout}");
}

#[test]
fn create_user_prints_the_request_and_the_nested_violation() {
    let (output, stdout, _) = run("create_user", &[]);
    assert!(output.status.success());
    assert!(stdout.starts_with("POST https://graph.microsoft.com/v1.0/users\n"));
    assert!(stdout.contains("passwordProfile.password: MissingRequired"));
}

/// A one-shot Graph stand-in on loopback, on std alone: it takes one connection, reads the
/// request (head and body), answers `status` with `body`, and gives back what it read.
/// Reads time out, so it always ends.
#[cfg(feature = "client")]
mod loopback {
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use std::thread::JoinHandle;
    use std::time::Duration;

    pub struct Server {
        pub base: String,
        thread: JoinHandle<Vec<String>>,
    }

    /// One answer: the status line's text, headers and the body (`{origin}` in a header's
    /// value or in a text body stands for the server's own `http://127.0.0.1:port`).
    pub type Answer = (&'static str, Vec<(&'static str, &'static str)>, Vec<u8>);

    impl Server {
        pub fn answering(status: &'static str, body: &'static str) -> Server {
            Server::script(vec![(
                status,
                vec![("content-type", "application/json")],
                body.as_bytes().to_vec(),
            )])
        }

        /// Answers one connection with each answer in turn (`connection: close`).
        pub fn script(answers: Vec<Answer>) -> Server {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            let origin = format!("http://{}", listener.local_addr().unwrap());
            let base = format!("{origin}/beta");
            let thread = std::thread::spawn(move || {
                let mut requests = Vec::new();
                for (status, headers, body) in answers {
                    let (mut socket, _) = listener.accept().unwrap();
                    socket
                        .set_read_timeout(Some(Duration::from_secs(10)))
                        .unwrap();
                    requests.push(read_request(&mut socket));
                    let body = match String::from_utf8(body) {
                        Ok(text) => text.replace("{origin}", &origin).into_bytes(),
                        Err(bytes) => bytes.into_bytes(),
                    };
                    let mut head = format!("HTTP/1.1 {status}\r\n");
                    for (name, value) in headers {
                        head.push_str(&format!(
                            "{name}: {}\r\n",
                            value.replace("{origin}", &origin)
                        ));
                    }
                    head.push_str(&format!(
                        "content-length: {}\r\nconnection: close\r\n\r\n",
                        body.len()
                    ));
                    let _ = socket.write_all(head.as_bytes());
                    let _ = socket.write_all(&body);
                }
                requests
            });
            Server { base, thread }
        }

        /// The request the server read (the first, where it read several).
        pub fn request(self) -> String {
            self.requests().remove(0)
        }

        /// Every request the server read, in order.
        pub fn requests(self) -> Vec<String> {
            self.thread.join().unwrap()
        }
    }

    /// A request's head and body, as text.
    fn read_request(socket: &mut std::net::TcpStream) -> String {
        let mut request = Vec::new();
        let mut buffer = [0u8; 8192];
        loop {
            let text = String::from_utf8_lossy(&request).into_owned();
            if let Some(end) = text.find("\r\n\r\n") {
                let length = text[..end]
                    .lines()
                    .find_map(|line| {
                        let (name, value) = line.split_once(':')?;
                        name.eq_ignore_ascii_case("content-length")
                            .then(|| value.trim().parse::<usize>().ok())?
                    })
                    .unwrap_or(0);
                if request.len() >= end + 4 + length {
                    break;
                }
            }
            match socket.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => request.extend_from_slice(&buffer[..n]),
            }
        }
        String::from_utf8_lossy(&request).into_owned()
    }
}

#[cfg(feature = "client")]
#[test]
fn create_run_sends_and_prints_the_created_run() {
    let server = loopback::Server::answering(
        "201 Created",
        r##"{"@odata.type":"#microsoft.graph.identityGovernance.run","id":"9947396f-3691-e265-b1e5-2ea86c0c89d6","failedTasksCount":0,"processingStatus":"completed"}"##,
    );
    let (output, stdout, stderr) = run(
        "create_run",
        &[
            ("GRAPH_ACCESS_TOKEN", TOKEN),
            ("GRAPH_BASE_URL", &server.base),
        ],
    );
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("Created:\n"), "{stdout}");
    assert!(
        stdout.contains("\"id\": \"9947396f-3691-e265-b1e5-2ea86c0c89d6\""),
        "{stdout}"
    );
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
    let request = server.request();
    assert!(
        request.starts_with("POST /beta/workflowBase/runs HTTP/1.1\r\n"),
        "{request}"
    );
    assert!(
        request.contains(&format!("authorization: Bearer {TOKEN}\r\n")),
        "{request}"
    );
}

#[cfg(feature = "client")]
#[test]
fn create_run_prints_a_graph_error_and_exits_non_zero() {
    let server = loopback::Server::answering(
        "403 Forbidden",
        r#"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"date":"2024-05-01T08:30:12","request-id":"5ad6ad2c","client-request-id":"0f4b2f3a"}}}"#,
    );
    let (output, stdout, stderr) = run(
        "create_run",
        &[
            ("GRAPH_ACCESS_TOKEN", TOKEN),
            ("GRAPH_BASE_URL", &server.base),
        ],
    );
    let _ = server.request();
    assert!(!output.status.success());
    assert!(
        stderr.starts_with("error: 403 Forbidden: Authorization_RequestDenied: Insufficient privileges to complete the operation. (request-id 5ad6ad2c); creating microsoft.graph.identityGovernance.run needs LifecycleWorkflows.ReadWrite.All (delegated, work or school account); LifecycleWorkflows.ReadWrite.All (application); delegated calls may also need an Entra role that allows it\n"),
        "{stderr}"
    );
    assert!(stderr.contains("  request-id: 5ad6ad2c\n"), "{stderr}");
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
}

#[test]
fn send_mail_prints_the_action_the_permission_check_and_the_violation() {
    let (output, stdout, stderr) = run("send_mail", &[("GRAPH_USER", "adele@contoso.com")]);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.starts_with(
            "POST https://graph.microsoft.com/v1.0/users/adele%40contoso.com/sendMail\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("\"saveToSentItems\": false"), "{stdout}");
    assert!(stdout.contains(
        "  calling sendMail needs Mail.Send (delegated, work or school account); the token grants User.Read\n"
    ), "{stdout}");
    assert!(stdout.contains("  - message.ccRecipients[0].emailAddress.address: MissingRequired\n"));
}

#[cfg(feature = "client")]
#[test]
fn send_mail_sends_and_reads_202_accepted() {
    let server = loopback::Server::answering("202 Accepted", "");
    let (output, stdout, stderr) = run(
        "send_mail",
        &[
            ("GRAPH_ACCESS_TOKEN", TOKEN),
            ("GRAPH_BASE_URL", &server.base),
            ("MAIL_TO", "me@example.com"),
        ],
    );
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.ends_with("\nSent.\n"), "{stdout}");
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
    let request = server.request();
    assert!(
        request.starts_with("POST /beta/me/sendMail HTTP/1.1\r\n"),
        "{request}"
    );
    assert!(
        request.ends_with(r#""toRecipients":[{"emailAddress":{"address":"me@example.com"}}]},"saveToSentItems":false}"#),
        "{request}"
    );
}

/// Built without the client, the example says how to send instead of failing obscurely.
#[cfg(not(feature = "client"))]
#[test]
fn create_run_without_the_client_says_how_to_send() {
    let (output, stdout, stderr) = run("create_run", &[("GRAPH_ACCESS_TOKEN", TOKEN)]);
    assert!(!output.status.success());
    assert!(stdout.starts_with("POST https://graph.microsoft.com/beta/workflowBase/runs\n"));
    assert!(
        stderr.contains("--features graph-examples/client"),
        "{stderr}"
    );
}

#[test]
fn list_runs_pages_updates_with_a_cleared_property_and_deletes() {
    let (output, stdout, stderr) = run("list_runs", &[]);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        stdout.matches("\nGET ").count() + usize::from(stdout.starts_with("GET ")),
        2
    );
    assert!(stdout.contains("&$skiptoken=M2UyZDAwMDAtZTI\n"));
    assert!(stdout.contains("3 runs in all"));
    // `processingStatus` keeps members it does not know, so every request but the delete
    // asks Graph for them.
    assert_eq!(
        stdout
            .matches("prefer: include-unknown-enum-members, odata.maxpagesize=2")
            .count(),
        2
    );
    assert_eq!(stdout.matches("include-unknown-enum-members").count(), 3);
    assert!(stdout.contains(r#""failedUsersCount":0,"completedDateTime":null}"#));
    assert!(stdout.contains("if-match: W/\"JzEtMjQ=\""));
    assert!(stdout.contains("\nDELETE https://graph.microsoft.com/beta/identityGovernance/"));
    assert!(!stdout.contains("not-a-real-token"));
}

#[test]
fn mail_attachment_prints_the_mail_with_its_file_and_the_download() {
    let (output, stdout, stderr) = run("mail_attachment", &[]);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.starts_with("POST https://graph.microsoft.com/v1.0/me/sendMail\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\"@odata.type\": \"#microsoft.graph.fileAttachment\""),
        "{stdout}"
    );
    // "region,units\nnorth,1200\nsouth,950\n", as standard padded base64.
    assert!(
        stdout.contains("\"contentBytes\": \"cmVnaW9uLHVuaXRzCm5vcnRoLDEyMDAKc291dGgsOTUwCg==\""),
        "{stdout}"
    );
    assert!(stdout.contains(
        "\nGET https://graph.microsoft.com/v1.0/me/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K/content\n"
    ), "{stdout}");
    assert!(stdout.contains("Accept: */*\n"), "{stdout}");
}

#[cfg(feature = "client")]
#[test]
fn mail_attachment_sends_and_downloads_through_the_redirect_without_the_token() {
    let server = loopback::Server::script(vec![
        ("202 Accepted", vec![], vec![]),
        (
            "302 Found",
            vec![(
                "location",
                "{origin}/personal/adele/download.aspx?tempauth=signed",
            )],
            vec![],
        ),
        (
            "200 OK",
            vec![("content-type", "application/vnd.ms-excel")],
            b"PK\x03\x04 not really a workbook".to_vec(),
        ),
    ]);
    let file = std::env::temp_dir().join(format!("mail-attachment-{}.xlsx", std::process::id()));
    let (output, stdout, stderr) = run(
        "mail_attachment",
        &[
            ("GRAPH_ACCESS_TOKEN", TOKEN),
            ("GRAPH_BASE_URL", &server.base),
            ("DRIVE_ITEM", "01ABC"),
            ("DOWNLOAD_TO", file.to_str().unwrap()),
        ],
    );
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.ends_with("\nSent.\nDownloaded 26 bytes (application/vnd.ms-excel).\n"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"PK\x03\x04 not really a workbook"
    );
    std::fs::remove_file(&file).unwrap();
    let requests = server.requests();
    assert!(requests[0].starts_with("POST /beta/me/sendMail HTTP/1.1\r\n"));
    assert!(
        requests[0].contains("\"contentBytes\":\"cmVnaW9u"),
        "{}",
        requests[0]
    );
    assert!(requests[1].starts_with("GET /beta/me/drive/items/01ABC/content HTTP/1.1\r\n"));
    assert!(requests[1].contains(&format!("authorization: Bearer {TOKEN}\r\n")));
    assert!(
        requests[2].starts_with("GET /personal/adele/download.aspx?tempauth=signed HTTP/1.1\r\n"),
        "{}",
        requests[2]
    );
    assert!(
        !requests[2].to_lowercase().contains("authorization"),
        "{}",
        requests[2]
    );
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
}

#[test]
fn sync_users_prints_the_first_round_without_a_token() {
    let file = std::env::temp_dir().join(format!("sync-users-none-{}.json", std::process::id()));
    let (output, stdout, stderr) = run("sync_users", &[("SYNC_FILE", file.to_str().unwrap())]);
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.starts_with("A first round"), "{stdout}");
    assert!(stdout.contains(
        "\nGET https://graph.microsoft.com/v1.0/users/delta?$select=displayName,mail,jobTitle,userPrincipalName\n"
    ), "{stdout}");
    assert!(!file.exists());
}

#[cfg(feature = "client")]
#[test]
fn sync_users_enumerates_then_applies_changes_then_starts_over_on_a_resync() {
    let json = |value: &str| {
        (
            "200 OK",
            vec![("content-type", "application/json")],
            value.as_bytes().to_vec(),
        )
    };
    let server = loopback::Server::script(vec![
        // First run: every user, in two pages.
        json(
            r#"{"value":[{"id":"1","displayName":"Adele"},{"id":"2","displayName":"Alex"}],"@odata.nextLink":"{origin}/beta/users/delta?$skiptoken=p2"}"#,
        ),
        json(
            r#"{"value":[{"id":"3","displayName":"Bianca","mail":"bianca@contoso.com"}],"@odata.deltaLink":"{origin}/beta/users/delta?$deltatoken=r2"}"#,
        ),
        // Second run: Alex changed jobs, Adele left.
        json(
            r#"{"value":[{"id":"3","mail":null},{"id":"2","jobTitle":"Analyst"},{"id":"1","@removed":{"reason":"deleted"}}],"@odata.deltaLink":"{origin}/beta/users/delta?$deltatoken=r3"}"#,
        ),
        // Third run: the link is too old; then a new full round.
        (
            "410 Gone",
            vec![("content-type", "application/json")],
            br#"{"error":{"code":"resyncRequired","message":"Resync required."}}"#.to_vec(),
        ),
        json(
            r#"{"value":[{"id":"2","displayName":"Alex","jobTitle":"Analyst"},{"id":"4","displayName":"Diego"}],"@odata.deltaLink":"{origin}/beta/users/delta?$deltatoken=r5"}"#,
        ),
    ]);
    let file = std::env::temp_dir().join(format!("sync-users-{}.json", std::process::id()));
    let env = [
        ("GRAPH_ACCESS_TOKEN", TOKEN),
        ("GRAPH_BASE_URL", server.base.as_str()),
        ("SYNC_FILE", file.to_str().unwrap()),
    ];
    let stored = || -> graph_core::serde_json::Value {
        graph_core::serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap()
    };

    let (output, stdout, stderr) = run("sync_users", &env);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.ends_with(
            &("3 created or changed, 0 removed: 3 users kept in ".to_owned()
                + file.to_str().unwrap()
                + ".\n")
        ),
        "{stdout}"
    );
    let copy = stored();
    assert!(copy["deltaLink"]
        .as_str()
        .unwrap()
        .ends_with("/beta/users/delta?$deltatoken=r2"));

    let (output, stdout, stderr) = run("sync_users", &env);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.starts_with("Resuming from the delta link"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 created or changed, 1 removed: 2 users kept"),
        "{stdout}"
    );
    let copy = stored();
    assert_eq!(copy["users"]["2"]["displayName"], "Alex");
    assert_eq!(copy["users"]["2"]["jobTitle"], "Analyst");
    assert!(copy["users"].get("1").is_none());
    // A cleared property is gone from the copy, the others kept.
    assert!(copy["users"]["3"].get("mail").is_none(), "{copy}");
    assert_eq!(copy["users"]["3"]["displayName"], "Bianca");

    let (output, stdout, stderr) = run("sync_users", &env);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.contains("Graph asks for a full resync (resyncRequired): rebuilding the copy."),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 created or changed, 0 removed: 2 users kept"),
        "{stdout}"
    );
    let copy = stored();
    assert!(
        copy["users"].get("3").is_none(),
        "Bianca went while the link was stale"
    );
    assert_eq!(copy["users"]["4"]["displayName"], "Diego");
    std::fs::remove_file(&file).unwrap();

    let requests = server.requests();
    assert!(requests[0].starts_with("GET /beta/users/delta?$select=displayName,mail,jobTitle,userPrincipalName HTTP/1.1\r\n"), "{}", requests[0]);
    assert!(requests[1].starts_with("GET /beta/users/delta?$skiptoken=p2 HTTP/1.1\r\n"));
    assert!(requests[2].starts_with("GET /beta/users/delta?$deltatoken=r2 HTTP/1.1\r\n"));
    assert!(requests[3].starts_with("GET /beta/users/delta?$deltatoken=r3 HTTP/1.1\r\n"));
    assert!(
        requests[4].starts_with(
            "GET /beta/users/delta?$select=displayName,mail,jobTitle,userPrincipalName HTTP/1.1\r\n"
        ),
        "{}",
        requests[4]
    );
}

#[test]
fn upload_file_prints_the_session_request_and_its_slices() {
    let file = std::env::temp_dir().join(format!("upload-plan-{}.bin", std::process::id()));
    std::fs::write(&file, vec![7u8; 700_000]).unwrap();
    let (output, _, stderr) = run("upload_file", &[("UPLOAD_SLICE", "327680")]);
    // Without a path: the usage.
    assert!(!output.status.success());
    assert!(stderr.contains("usage: upload_file PATH"), "{stderr}");
    let output = Command::new(example("upload_file"))
        .arg(&file)
        .env_remove("GRAPH_ACCESS_TOKEN")
        .env_remove("GRAPH_BASE_URL")
        .env("UPLOAD_SLICE", "327680")
        .output()
        .unwrap();
    let stdout_plan = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success());
    let name = file.file_name().unwrap().to_str().unwrap();
    assert!(
        stdout_plan.starts_with(&format!(
            "POST https://graph.microsoft.com/v1.0/me/drive/root:/{name}:/createUploadSession\n"
        )),
        "{stdout_plan}"
    );
    assert!(stdout_plan.contains("700000 bytes of"), "{stdout_plan}");
    assert!(
        stdout_plan.contains("  PUT (upload URL) Content-Range: bytes 655360-699999/700000\n"),
        "{stdout_plan}"
    );
    std::fs::remove_file(&file).unwrap();
}

#[cfg(feature = "client")]
#[test]
fn upload_file_resumes_its_stored_session_after_an_interruption() {
    let json = |status: &'static str, body: &str| {
        (
            status,
            vec![("content-type", "application/json")],
            body.as_bytes().to_vec(),
        )
    };
    let server = loopback::Server::script(vec![
        // First run: the session, its status, one slice taken, the next refused.
        json(
            "200 OK",
            r#"{"uploadUrl":"{origin}/up/s?tempauth=x","expirationDateTime":"2030-01-01T00:00:00Z","nextExpectedRanges":["0-"]}"#,
        ),
        json("200 OK", r#"{"nextExpectedRanges":["0-"]}"#),
        json("202 Accepted", r#"{"nextExpectedRanges":["327680-"]}"#),
        json(
            "400 Bad Request",
            r#"{"error":{"code":"invalidRequest","message":"Injected failure."}}"#,
        ),
        // Second run: the status, then the rest.
        json("200 OK", r#"{"nextExpectedRanges":["327680-"]}"#),
        json(
            "201 Created",
            r#"{"id":"01NEW","name":"big.bin","size":400000}"#,
        ),
    ]);
    let file = std::env::temp_dir().join(format!("upload-{}.bin", std::process::id()));
    let content: Vec<u8> = (0..400_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&file, &content).unwrap();
    let stored = format!("{}.upload-session.json", file.display());
    let upload = || {
        Command::new(example("upload_file"))
            .arg(&file)
            .env("GRAPH_ACCESS_TOKEN", TOKEN)
            .env("GRAPH_BASE_URL", &server.base)
            .env("UPLOAD_SLICE", "327680")
            .output()
            .unwrap()
    };
    let first = upload();
    let stderr = String::from_utf8(first.stderr).unwrap();
    assert!(!first.status.success());
    assert!(stderr.contains("Run it again to resume"), "{stderr}");
    assert!(std::path::Path::new(&stored).exists());

    let second = upload();
    let stdout = String::from_utf8(second.stdout).unwrap();
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert!(
        stdout.contains("Resuming the session stored in"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("Uploaded big.bin (400000 bytes), item 01NEW.\n"),
        "{stdout}"
    );
    assert!(!std::path::Path::new(&stored).exists());
    assert!(!stdout.contains(TOKEN));
    std::fs::remove_file(&file).unwrap();

    let requests = server.requests();
    assert!(
        requests[0].starts_with("POST /beta/me/drive/root:/upload-"),
        "{}",
        requests[0]
    );
    assert!(requests[0].contains(&format!("authorization: Bearer {TOKEN}\r\n")));
    for request in &requests[1..] {
        assert!(
            !request.to_lowercase().contains("authorization"),
            "{request}"
        );
    }
    assert!(
        requests[2].contains("content-range: bytes 0-327679/400000\r\n"),
        "{}",
        requests[2]
    );
    assert!(requests[3].contains("content-range: bytes 327680-399999/400000\r\n"));
    assert!(
        requests[4].starts_with("GET /up/s?tempauth=x HTTP/1.1\r\n"),
        "{}",
        requests[4]
    );
    assert!(requests[5].contains("content-range: bytes 327680-399999/400000\r\n"));
    assert!(
        requests[5].contains("content-length: 72320\r\n"),
        "{}",
        &requests[5][..300]
    );
}

/// `whoami` signs in with a device code against a loopback server playing Entra (the
/// device code, one poll pending, then the tokens) and Graph (`/me`), and keeps the
/// refresh token in the file it is given; run again, it uses that instead of a code.
#[cfg(feature = "client")]
#[test]
fn whoami_signs_in_with_a_device_code_then_reuses_the_kept_sign_in() {
    let json = vec![("content-type", "application/json")];
    let me = br#"{"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Adele Vance","userPrincipalName":"AdeleV@contoso.com","mail":"AdeleV@contoso.com","jobTitle":null}"#;
    let server = loopback::Server::script(vec![
        (
            "200 OK",
            json.clone(),
            br#"{"user_code":"FJ4KPL2QX","device_code":"device-secret","verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":1,"message":"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FJ4KPL2QX to authenticate."}"#.to_vec(),
        ),
        (
            "400 Bad Request",
            json.clone(),
            br#"{"error":"authorization_pending","error_description":"AADSTS70016: Authorization is pending."}"#.to_vec(),
        ),
        (
            "200 OK",
            json.clone(),
            br#"{"token_type":"Bearer","expires_in":3600,"access_token":"signed-in-token","refresh_token":"refresh-secret-1"}"#.to_vec(),
        ),
        ("200 OK", json.clone(), me.to_vec()),
    ]);
    let authority = server.base.trim_end_matches("/beta").to_owned();
    let kept = std::env::temp_dir().join(format!("whoami-{}.token", std::process::id()));
    let _ = std::fs::remove_file(&kept);
    let env = [
        ("GRAPH_CLIENT_ID", "app-id"),
        ("GRAPH_TENANT", "contoso.com"),
        ("GRAPH_AUTHORITY", authority.as_str()),
        ("GRAPH_BASE_URL", server.base.as_str()),
        ("GRAPH_REFRESH_TOKEN_FILE", kept.to_str().unwrap()),
    ];
    let (output, stdout, stderr) = run("whoami", &env);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("enter the code FJ4KPL2QX"), "{stderr}");
    assert!(stdout.starts_with("Signed in as Adele Vance\n"), "{stdout}");
    assert!(stdout.contains("  user principal name: AdeleV@contoso.com\n"));
    assert!(stdout.contains("  job title: -\n"));
    assert!(
        !stdout.contains("secret")
            && !stderr.contains("secret")
            && !stderr.contains("signed-in-token")
    );
    let requests = server.requests();
    assert!(requests[0].starts_with("POST /contoso.com/oauth2/v2.0/devicecode HTTP/1.1\r\n"));
    assert!(requests[0].ends_with("client_id=app-id&scope=User.Read+offline_access"));
    for poll in &requests[1..3] {
        assert!(poll.starts_with("POST /contoso.com/oauth2/v2.0/token HTTP/1.1\r\n"));
        assert!(poll.contains("device_code=device-secret"), "{poll}");
    }
    assert!(
        requests[3].starts_with(
            "GET /beta/me?$select=id,displayName,userPrincipalName,mail,jobTitle HTTP/1.1\r\n"
        ),
        "{}",
        requests[3]
    );
    assert!(requests[3].contains("authorization: Bearer signed-in-token\r\n"));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "refresh-secret-1");

    // Again, with the kept sign-in: a refresh, no code.
    let server = loopback::Server::script(vec![
        (
            "200 OK",
            json.clone(),
            br#"{"token_type":"Bearer","expires_in":3600,"access_token":"refreshed-token","refresh_token":"refresh-secret-2"}"#.to_vec(),
        ),
        ("200 OK", json, me.to_vec()),
    ]);
    let authority = server.base.trim_end_matches("/beta").to_owned();
    let env = [
        ("GRAPH_CLIENT_ID", "app-id"),
        ("GRAPH_TENANT", "contoso.com"),
        ("GRAPH_AUTHORITY", authority.as_str()),
        ("GRAPH_BASE_URL", server.base.as_str()),
        ("GRAPH_REFRESH_TOKEN_FILE", kept.to_str().unwrap()),
    ];
    let (output, stdout, stderr) = run("whoami", &env);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("enter the code"), "{stderr}");
    assert!(stdout.starts_with("Signed in as Adele Vance\n"), "{stdout}");
    let requests = server.requests();
    assert!(
        requests[0].contains("grant_type=refresh_token"),
        "{}",
        requests[0]
    );
    assert!(requests[0].contains("refresh_token=refresh-secret-1"));
    assert!(requests[1].contains("authorization: Bearer refreshed-token\r\n"));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "refresh-secret-2");
    let _ = std::fs::remove_file(&kept);
}

#[cfg(feature = "client")]
#[test]
fn whoami_without_an_application_says_what_to_set() {
    let (output, _, stderr) = run("whoami", &[]);
    assert!(!output.status.success());
    assert!(stderr.contains("set GRAPH_CLIENT_ID"), "{stderr}");
}
