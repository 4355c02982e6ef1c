//! Validation and read-only stripping descend into every container the runtime knows, the
//! ones added to `Option`, `Vec`, `Box` and maps included: `VecDeque`, arrays, boxed
//! slices, `Arc` and `Rc`. (Any other container holding a Graph type is a compile error: see
//! `tests/ui/field-types`.)

use std::collections::VecDeque;

use graph_core::serde_json;
use graph_core::validation::ViolationKind;
use graph_core::{graph_complex, graph_resource, GraphResource};

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    #[graph(read_only)]
    pub id: Option<String>,
    #[graph(required)]
    pub name: Option<String>,
}

#[graph_resource(path = "/entries", odata = "#microsoft.graph.entryList")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EntryList {
    pub queue: Option<VecDeque<Entry>>,
    pub pair: Option<[Entry; 2]>,
    pub boxed: Option<Box<[Entry]>>,
}

fn entry(id: &str, name: Option<&str>) -> Entry {
    Entry {
        id: Some(id.into()),
        name: name.map(Into::into),
    }
}

#[test]
fn every_container_is_validated_inside() {
    let list = EntryList {
        queue: Some(VecDeque::from([entry("1", Some("a")), entry("2", None)])),
        pair: Some([entry("3", None), entry("4", Some("d"))]),
        boxed: Some(vec![entry("5", None)].into_boxed_slice()),
    };
    let error = list.validate().unwrap_err();
    let found: Vec<_> = error
        .violations()
        .iter()
        .map(|v| (v.path().to_owned(), v.kind()))
        .collect();
    assert_eq!(
        found,
        [
            ("queue[1].name".to_owned(), ViolationKind::MissingRequired),
            ("pair[0].name".to_owned(), ViolationKind::MissingRequired),
            ("boxed[0].name".to_owned(), ViolationKind::MissingRequired),
        ]
    );
}

#[test]
fn every_container_leaves_read_only_properties_out_of_a_create_body() {
    let list = EntryList {
        queue: Some(VecDeque::from([entry("1", Some("a"))])),
        pair: Some([entry("2", Some("b")), entry("3", Some("c"))]),
        boxed: Some(vec![entry("4", Some("d"))].into_boxed_slice()),
    };
    let request = list.create_request().unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.entryList","queue":[{"name":"a"}],"pair":[{"name":"b"},{"name":"c"}],"boxed":[{"name":"d"}]}"##
    );
    // Plain serde writes everything, and reads it back.
    let full = serde_json::to_string(&list).unwrap();
    assert!(full.contains(r#"{"id":"2","name":"b"}"#), "{full}");
    let read: EntryList = serde_json::from_str(&full).unwrap();
    assert_eq!(read, list);
}

/// `Arc` and `Rc` are looked into as `Box` is: what they point to is validated, written
/// without its read-only properties, and read back.
#[graph_resource(path = "/shared", odata = "#microsoft.graph.sharedEntries")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shared {
    pub first: Option<std::sync::Arc<Entry>>,
    pub others: Option<Vec<std::rc::Rc<Entry>>>,
}

#[test]
fn arc_and_rc_are_descended_into_like_box() {
    let shared = Shared {
        first: Some(std::sync::Arc::new(entry("1", None))),
        others: Some(vec![
            std::rc::Rc::new(entry("2", Some("b"))),
            std::rc::Rc::new(entry("3", None)),
        ]),
    };
    let error = shared.validate().unwrap_err();
    let paths: Vec<&str> = error.violations().iter().map(|v| v.path()).collect();
    assert_eq!(paths, ["first.name", "others[1].name"]);

    let valid = Shared {
        first: Some(std::sync::Arc::new(entry("1", Some("a")))),
        others: Some(vec![std::rc::Rc::new(entry("2", Some("b")))]),
    };
    let request = valid.create_request().unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.sharedEntries","first":{"name":"a"},"others":[{"name":"b"}]}"##
    );
    let full = serde_json::to_string(&valid).unwrap();
    let read: Shared = serde_json::from_str(&full).unwrap();
    assert_eq!(read, valid);
}
