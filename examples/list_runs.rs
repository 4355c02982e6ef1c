//! Lists the runs of a lifecycle workflow page by page, then updates one with a cleared
//! property and deletes another: the requests as they would be sent, and the answers read
//! back as Graph writes them (two pages, then `204 No Content`), without a network.
//!
//! ```sh
//! cargo run --example list_runs
//! ```

use graph_core::http::{self, StatusCode};
use graph_core::prelude::*;
use graph_core::{AccessToken, Endpoint, ListRequest, Page};
use graph_examples::lifecycle_workflows::Run;

/// Where Graph documents a workflow's runs.
const RUNS: &str = "/identityGovernance/lifecycleWorkflows/workflows/{workflowId}/runs";
const WORKFLOW: &str = "14879e66-9ea9-48d0-804d-8fea672d0341";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let endpoint = Endpoint::beta();
    // A stand-in: the example prints the headers with the token elided.
    let token = AccessToken::new("not-a-real-token")?;

    let first: ListRequest<Run> = Run::list_request_at(RUNS, &[WORKFLOW])?
        .select(&[
            "id",
            "processingStatus",
            "failedUsersCount",
            "completedDateTime",
        ])?
        .filter("processingStatus eq 'completedWithErrors'")
        .page_size(2);
    let mut request = first;
    let mut answers = pages(&endpoint).into_iter();
    let mut runs = Vec::new();
    loop {
        print_request(&request.to_http(&endpoint, &token));
        let answer = answers.next().ok_or("no more answers")?;
        let page: Page<Run> = request.parse_response(answer)?;
        println!("  page of {} runs", page.items().len());
        for run in page.items() {
            println!(
                "  - {} {:?}, {} users failed",
                run.id.as_deref().unwrap_or("?"),
                run.processing_status,
                run.failed_users_count.unwrap_or(0)
            );
        }
        let next = request.next_page(&page, &endpoint)?;
        runs.extend(page.into_items());
        match next {
            Some(next) => request = next,
            None => break,
        }
    }
    println!("{} runs in all\n", runs.len());

    // Update: send only what changed, and clear the completion time.
    let before = runs.first().ok_or("no runs")?.clone();
    let mut after = before.clone();
    after.failed_users_count = Some(0);
    let id = before.id.as_deref().ok_or("a run without an id")?;
    let update = after
        .update_request_from_at(&before, &format!("{RUNS}/{{runId}}"), &[WORKFLOW, id])?
        .clear("completedDateTime")?
        .if_match("W/\"JzEtMjQ=\"");
    let sent = update.to_http(&endpoint, &token);
    print_request(&sent);
    println!("  {}", String::from_utf8_lossy(sent.body()));
    let updated = update.parse_response(answer(StatusCode::NO_CONTENT, ""))?;
    println!("  204 No Content: {updated:?}\n");

    let delete = Run::delete_request_at(&format!("{RUNS}/{{runId}}"), &[WORKFLOW, id])?;
    print_request(&delete.to_http(&endpoint, &token));
    delete.parse_response(answer(StatusCode::NO_CONTENT, ""))?;
    println!("  204 No Content: deleted");
    Ok(())
}

/// The request line and the headers, the token elided.
fn print_request(request: &http::Request<Vec<u8>>) {
    println!("{} {}", request.method(), request.uri());
    for (name, value) in request.headers() {
        let value = if name == http::header::AUTHORIZATION {
            "Bearer {token}"
        } else {
            value.to_str().unwrap_or("(not text)")
        };
        println!("  {name}: {value}");
    }
}

fn answer(status: StatusCode, body: &str) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body.as_bytes().to_vec());
    *response.status_mut() = status;
    response
}

/// Two pages as Graph answers them: the first with a next link, the last without.
fn pages(endpoint: &Endpoint) -> Vec<http::Response<Vec<u8>>> {
    let base = endpoint.base_url();
    let first = format!(
        r#"{{"@odata.context":"{base}/$metadata#runs","value":[
            {{"id":"b7e6b2ab-3e9d-4bd4-8f3b-2ab7a6b1e0f1","processingStatus":"completedWithErrors","failedUsersCount":2,"completedDateTime":"2024-05-01T09:14:02.1348863Z"}},
            {{"id":"0a6c1ad1-4d8f-4b0f-9c3a-5e8b7f2d1c44","processingStatus":"completedWithErrors","failedUsersCount":1,"completedDateTime":"2024-05-02T09:10:00Z"}}],
            "@odata.nextLink":"{base}/identityGovernance/lifecycleWorkflows/workflows/{WORKFLOW}/runs?$select=id,processingStatus&$skiptoken=M2UyZDAwMDAtZTI"}}"#
    );
    let last = r#"{"value":[{"id":"5d1f0c9e-2b7a-4c61-a0f3-8e9d4b6a2c10","processingStatus":"completedWithErrors","failedUsersCount":4}]}"#;
    vec![answer(StatusCode::OK, &first), answer(StatusCode::OK, last)]
}
