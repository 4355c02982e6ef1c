//! `Edm.Binary` as a field: a mail attachment's `contentBytes` and an application's key
//! credentials, read in every alphabet Graph's services write, written as Graph's pages
//! show, refused naming the property and the offset when broken, never shown in `Debug`.

mod support;

use graph_core::serde_json::{self, json};
use graph_core::{graph_complex, graph_resource, Binary, GraphResource};
use support::raw_response;

#[graph_resource(
    path = "/me/messages/{message-id}/attachments",
    odata = "#microsoft.graph.fileAttachment"
)]
#[derive(Debug, Clone, PartialEq, Default)]
struct FileAttachment {
    #[graph(read_only)]
    id: Option<String>,
    #[graph(required)]
    name: Option<String>,
    content_type: Option<String>,
    #[graph(required)]
    content_bytes: Option<Binary>,
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct KeyCredential {
    key: Option<Binary>,
    custom_key_identifier: Option<Binary>,
    thumbprints: Vec<Binary>,
}

#[test]
fn an_attachment_is_written_as_graphs_page_shows_and_read_back() {
    let attachment = FileAttachment {
        name: Some("menu.txt".into()),
        content_type: Some("text/plain".into()),
        content_bytes: Some(Binary::from(b"Hello, World!".to_vec())),
        ..FileAttachment::default()
    };
    let request = attachment.create_request("AAMkAGI1").unwrap();
    assert_eq!(request.path(), "/me/messages/AAMkAGI1/attachments");
    assert_eq!(
        request.body(),
        br##"{"@odata.type":"#microsoft.graph.fileAttachment","name":"menu.txt","contentType":"text/plain","contentBytes":"SGVsbG8sIFdvcmxkIQ=="}"##
    );
    let read: FileAttachment = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(read, attachment);
    // Required as any property.
    let missing = FileAttachment {
        content_bytes: None,
        ..attachment
    };
    assert_eq!(
        missing.validate().unwrap_err().violations()[0].path(),
        "contentBytes"
    );
}

#[test]
fn every_alphabet_reads_and_debug_keeps_the_bytes_to_itself() {
    let read: KeyCredential = serde_json::from_value(json!({
        "key": "-_8AEA",
        "customKeyIdentifier": "+/8AEA==",
        "thumbprints": ["AQID", "AQI="]
    }))
    .unwrap();
    assert_eq!(read.key, read.custom_key_identifier);
    assert_eq!(
        read.key.as_ref().unwrap().as_bytes(),
        [0xfb, 0xff, 0x00, 0x10]
    );
    assert_eq!(read.thumbprints[1].as_bytes(), [1, 2]);
    let written = serde_json::to_value(&read).unwrap();
    assert_eq!(
        written,
        json!({"key": "+/8AEA==", "customKeyIdentifier": "+/8AEA==", "thumbprints": ["AQID", "AQI="]})
    );
    let shown = format!("{read:?}");
    assert!(shown.contains("key: Some(Binary(4 bytes))"), "{shown}");
    assert!(!shown.contains("+/8") && !shown.contains("251"), "{shown}");
    // null is None.
    let none: KeyCredential = serde_json::from_str(r#"{"key":null,"thumbprints":[]}"#).unwrap();
    assert_eq!(none.key, None);
}

#[test]
fn a_broken_value_names_the_property_and_where_it_breaks() {
    let request = FileAttachment::get_request("m", "a").unwrap();
    let body = json!({"name": "a.txt", "contentBytes": "SGVs*G8="});
    let error = request
        .parse_response(raw_response(200, body.to_string()))
        .unwrap_err();
    assert_eq!(error.property(), Some("contentBytes"));
    assert!(
        error
            .to_string()
            .contains("invalid Binary `SGVs*G8=`: `*` at offset 4 is not base64"),
        "{error}"
    );
    let error = serde_json::from_value::<KeyCredential>(json!({"thumbprints": [7]})).unwrap_err();
    assert!(error.to_string().contains("a base64 string"), "{error}");
}
