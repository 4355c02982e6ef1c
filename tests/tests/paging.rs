//! Paging without a network: a list's answer read as a `Page` with its items, count and
//! links, and `next_page` building the request for the next page, with the first request's
//! headers and the link byte for byte, refusing links that are blank, foreign, not a path
//! or seen before. (The client following pages is in `client_paging.rs`; next links built
//! to mislead are in `trust.rs`.)

mod support;

use graph_core::http::{HeaderName, HeaderValue};
use graph_core::paging::NextPageReason;
use graph_core::{Endpoint, GraphErrorKind, Page};
use graph_examples::users::User;
use support::{raw_response, token};

#[test]
fn a_list_answer_is_a_page_with_its_links_and_count() {
    let list = User::list_request().unwrap().count();
    let page = list
        .parse_response(raw_response(
            200,
            r#"{"@odata.context":"c","@odata.count":42,"value":[{"id":"1","displayName":"A"},{"id":"2"}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$count=true&$skiptoken=X"}"#,
        ))
        .unwrap();
    assert_eq!(page.items().len(), 2);
    assert_eq!(page.items()[0].display_name.as_deref(), Some("A"));
    assert_eq!(page.count(), Some(42));
    assert_eq!(
        page.next_link(),
        Some("https://graph.microsoft.com/v1.0/users?$count=true&$skiptoken=X")
    );
    assert_eq!(page.delta_link(), None);
    let last = list
        .parse_response(raw_response(
            200,
            r#"{"value":[],"@odata.deltaLink":"https://graph.microsoft.com/v1.0/users/delta?$deltatoken=Y"}"#,
        ))
        .unwrap();
    assert!(last.items().is_empty());
    assert_eq!(last.next_link(), None);
    assert!(last.delta_link().unwrap().ends_with("$deltatoken=Y"));
    let error = list
        .parse_response(raw_response(200, r#"{"id":"1"}"#))
        .unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::InvalidBody);
    assert!(error.to_string().contains("value"), "{error}");
    let error = list
        .parse_response(raw_response(
            200,
            r#"{"value":[{"id":"1"},{"accountEnabled":"yes"}]}"#,
        ))
        .unwrap_err();
    assert_eq!(error.property(), Some("value[1].accountEnabled"));
}

#[test]
fn next_page_carries_the_headers_and_uses_the_link_byte_for_byte() {
    let endpoint = Endpoint::v1();
    let first = User::list_request().unwrap().count().page_size(2).header(
        HeaderName::from_static("x-trace"),
        HeaderValue::from_static("t1"),
    );
    let link = "https://graph.microsoft.com/v1.0/users?$count=true&$skiptoken=RFNwdAIAAQAAAD8%3a";
    let page: Page<User> = Page::new(vec![], Some(link.into()));
    let second = first.next_page(&page, &endpoint).unwrap().unwrap();
    assert_eq!(
        second.path(),
        "/users?$count=true&$skiptoken=RFNwdAIAAQAAAD8%3a"
    );
    let sent = second.to_http(&endpoint, &token());
    assert_eq!(sent.uri().to_string(), link);
    assert_eq!(sent.headers()["consistencylevel"], "eventual");
    assert_eq!(sent.headers()["x-trace"], "t1");
    assert_eq!(sent.headers()["prefer"], "odata.maxpagesize=2");
    // The last page.
    assert!(second
        .next_page(&Page::new(vec![], None), &endpoint)
        .unwrap()
        .is_none());
}

#[test]
fn next_page_refuses_blank_foreign_and_repeated_links() {
    let endpoint = Endpoint::v1();
    let first = User::list_request().unwrap().top(5);
    let refused = |request: &graph_core::ListRequest<User>, link: &str| {
        request
            .next_page(&Page::new(vec![], Some(link.into())), &endpoint)
            .unwrap_err()
            .reason()
    };
    assert_eq!(refused(&first, ""), NextPageReason::Blank);
    assert_eq!(refused(&first, "  "), NextPageReason::Blank);
    for foreign in [
        "https://evil.example.com/v1.0/users?$skiptoken=1",
        "http://graph.microsoft.com/v1.0/users?$skiptoken=1",
        "https://graph.microsoft.com:8443/v1.0/users?$skiptoken=1",
        "https://graph.microsoft.com/v1.0evil/users",
        "https://graph.microsoft.com/beta/users?$skiptoken=1",
        "https://graph.microsoft.com.evil.com/v1.0/users",
        "/v1.0/users?$skiptoken=1",
    ] {
        assert_eq!(
            refused(&first, foreign),
            NextPageReason::OutsideEndpoint,
            "{foreign}"
        );
    }
    assert_eq!(
        refused(
            &first,
            "https://graph.microsoft.com/v1.0/users?$skiptoken=a b"
        ),
        NextPageReason::NotAPath
    );
    // Its own URL, then any earlier page's.
    assert_eq!(
        refused(&first, "https://graph.microsoft.com/v1.0/users?$top=5"),
        NextPageReason::Repeated
    );
    let page = |token: &str| {
        Page::<User>::new(
            vec![],
            Some(format!(
                "https://graph.microsoft.com/v1.0/users?$top=5&$skiptoken={token}"
            )),
        )
    };
    let second = first.next_page(&page("2"), &endpoint).unwrap().unwrap();
    let third = second.next_page(&page("3"), &endpoint).unwrap().unwrap();
    assert_eq!(
        third.next_page(&page("2"), &endpoint).unwrap_err().reason(),
        NextPageReason::Repeated
    );
    let error = third.next_page(&page("3"), &endpoint).unwrap_err();
    assert_eq!(error.reason(), NextPageReason::Repeated);
    assert!(error.to_string().contains("would loop"), "{error}");
    assert!(third.next_page(&page("4"), &endpoint).unwrap().is_some());
}
