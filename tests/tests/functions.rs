//! OData function calls and drive item paths in path templates: a placeholder between a
//! function's quotes is an OData string literal (a `'` doubled, then percent-encoded), one
//! inside `:/…:` is a drive item's path (each segment encoded alone, the `/` kept, `.` and
//! `..` refused), and the list, get and paging machinery works on them unchanged, through
//! the client on loopback too.

mod support;

use graph_core::prelude::*;
use graph_core::serde_json::json;
use graph_core::validation::ViolationKind;
use support::{bounded, client};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[graph_resource(path = "/me/drive/items", odata = "#microsoft.graph.driveItem")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DriveItem {
    #[graph(read_only)]
    pub id: Option<String>,
    pub name: Option<String>,
}

/// The attribute's `path` takes function calls too, checked by the same grammar.
#[graph_resource(
    path = "/reports/getEmailActivityCounts(period='{period}')",
    odata = "#microsoft.graph.report"
)]
#[derive(Debug, Default)]
pub struct Report {
    pub content: Option<String>,
}

#[test]
fn a_quoted_argument_is_written_as_an_odata_string_literal() {
    for (value, written) in [
        ("O'Neil budget", "O%27%27Neil%20budget"),
        ("50% off/now", "50%25%20off%2Fnow"),
        ("Zürich", "Z%C3%BCrich"),
        ("''", "%27%27%27%27"),
        ("a?b#c", "a%3Fb%23c"),
    ] {
        let request =
            DriveItem::list_request_at("/me/drive/root/search(q='{q}')", &[value]).unwrap();
        assert_eq!(
            request.path(),
            format!("/me/drive/root/search(q='{written}')"),
            "{value}"
        );
    }
    let two = DriveItem::list_request_at(
        "/me/calendarView(startDateTime='{start}',endDateTime='{end}')",
        &["2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z"],
    )
    .unwrap()
    .top(5);
    assert_eq!(
        two.path(),
        "/me/calendarView(startDateTime='2024-05-01T00%3A00%3A00Z',endDateTime='2024-05-02T00%3A00%3A00Z')?$top=5"
    );
    assert_eq!(
        Report::list_request("D7").unwrap().path(),
        "/reports/getEmailActivityCounts(period='D7')"
    );
    assert_eq!(
        DriveItem::list_request_at("/users/delta()", &[])
            .unwrap()
            .path(),
        "/users/delta()"
    );
}

#[test]
fn an_item_path_keeps_its_slashes_and_refuses_dot_segments() {
    let get =
        DriveItem::get_request_at("/me/drive/root:/{path}:", &["reports/Q1 2024.pdf"]).unwrap();
    assert_eq!(get.path(), "/me/drive/root:/reports/Q1%202024.pdf:");
    let children = DriveItem::list_request_at(
        "/drives/{drive-id}/root:/{path}:/children",
        &["b!x/y", "a/é%/c"],
    )
    .unwrap();
    assert_eq!(
        children.path(),
        "/drives/b%21x%2Fy/root:/a/%C3%A9%25/c:/children"
    );
    for bad in ["reports/../secrets", "./x", "a//b", "/a", ".."] {
        let error = DriveItem::get_request_at("/me/drive/root:/{path}:", &[bad]).unwrap_err();
        let violation = &error.violations()[0];
        assert_eq!(
            violation.kind(),
            ViolationKind::InvalidPathParameter,
            "{bad}"
        );
        assert_eq!(violation.path(), "path");
        assert!(
            error.to_string().contains("is an item path"),
            "{bad}: {error}"
        );
    }
}

#[test]
fn a_template_whose_quotes_or_parentheses_do_not_balance_is_refused_showing_where() {
    let error = DriveItem::list_request_at("/me/drive/root/search(q='{q}'", &["x"]).unwrap_err();
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::InvalidPathTemplate
    );
    assert!(
        error
            .to_string()
            .contains("has a `(` that is never closed: `/me/drive/root/search(` ←"),
        "{error}"
    );
    let error = DriveItem::list_request_at("/me/drive/root/search(q='{q})", &["x"]).unwrap_err();
    assert!(
        error.to_string().contains("has a `'` that is never closed"),
        "{error}"
    );
}

#[tokio::test]
async fn a_search_pages_through_the_client_as_any_list() {
    bounded(async {
        let graph = MockServer::start().await;
        let search = "/beta/me/drive/root/search(q='O%27%27Neil%20budget')";
        Mock::given(method("GET"))
            .and(path(search))
            .and(query_param("$skiptoken", "2"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"value": [{"id": "2", "name": "O'Neil budget 2.xlsx"}]})),
            )
            .mount(&graph)
            .await;
        let next = format!("{}{search}?$skiptoken=2", graph.uri());
        Mock::given(method("GET"))
            .and(path(search))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "value": [{"id": "1", "name": "O'Neil budget.xlsx"}],
                "@odata.nextLink": next,
            })))
            .mount(&graph)
            .await;
        let request =
            DriveItem::list_request_at("/me/drive/root/search(q='{q}')", &["O'Neil budget"])
                .unwrap();
        let items = client(&graph.uri()).list_all(&request).await.unwrap();
        let names: Vec<_> = items
            .iter()
            .filter_map(|item| item.name.as_deref())
            .collect();
        assert_eq!(names, ["O'Neil budget.xlsx", "O'Neil budget 2.xlsx"]);
        let received = graph.received_requests().await.unwrap();
        assert_eq!(received.len(), 2);
        assert_eq!(received[0].url.path(), search);
    })
    .await;
}
