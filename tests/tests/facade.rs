//! `crate = "..."`: types declared through a facade that re-exports the runtime under
//! another name, as a crate of generated Graph models would for its users. Every path the
//! macros write goes through the facade.

use graph_core::serde_json;

/// A facade: the runtime under another name.
pub mod models {
    pub use ::graph_core as runtime;
}

#[graph_core::graph_enum(crate = "crate::models::runtime")]
#[derive(Debug, Clone, PartialEq)]
enum Visibility {
    Public,
    Private,
    UnknownFutureValue,
    #[graph(other)]
    Other(String),
}

#[graph_core::graph_complex(crate = "crate::models::runtime")]
#[derive(Debug, Clone, PartialEq)]
struct Label {
    #[graph(required)]
    name: Option<String>,
}

#[graph_core::graph_resource(
    path = "/groups",
    odata = "#microsoft.graph.group",
    crate = "crate::models::runtime",
    permissions(create(delegated = "Group.ReadWrite.All"))
)]
#[derive(Debug, Clone, PartialEq, Default)]
struct Group {
    #[graph(read_only)]
    id: Option<String>,
    #[graph(required)]
    display_name: Option<String>,
    visibility: Option<Visibility>,
    labels: Option<Vec<Label>>,
}

#[graph_core::graph_union(
    odata = "#microsoft.graph.directoryObject",
    crate = "crate::models::runtime"
)]
#[derive(Debug, Clone, PartialEq)]
enum Member {
    Group(Group),
    #[graph(other)]
    Other(serde_json::Map<String, serde_json::Value>),
}

#[test]
fn types_declared_through_a_facade_work_as_any_other() {
    use models::runtime::GraphResource;
    let group = Group {
        display_name: Some("Library".into()),
        visibility: Some(Visibility::Private),
        labels: Some(vec![Label { name: None }]),
        ..Group::default()
    };
    // Validation reaches into the complex type.
    let error = group.create_request().unwrap_err();
    assert_eq!(error.violations()[0].path(), "labels[0].name");
    let valid = Group {
        labels: None,
        ..group
    };
    let request = valid.create_request().unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.group","displayName":"Library","visibility":"private"}"##
    );
    assert_eq!(Group::PATH, "/groups");
    assert!(Group::PERMISSIONS.create.is_some());
    let read: Member = serde_json::from_str(
        r##"{"@odata.type":"#microsoft.graph.group","displayName":"Library","visibility":"Public"}"##,
    )
    .unwrap();
    match read {
        Member::Group(group) => assert_eq!(group.visibility, Some(Visibility::Public)),
        other => panic!("{other:?}"),
    }
}
