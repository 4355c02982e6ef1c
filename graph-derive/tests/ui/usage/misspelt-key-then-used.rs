use graph_core::prelude::*;

// One mistake in the attribute: the type is still usable, so code using it reports nothing
// more than the misspelt key.
#[graph_resource(path = "/groups", odata = "#microsoft.graph.group")]
#[derive(Debug, Default)]
pub struct Group {
    #[graph(requird)]
    pub display_name: Option<String>,
}

fn main() {
    let _ = Group::list_request().unwrap().select(&["displayName"]);
    let group = Group::default();
    let _ = group.update_request_at("/groups/{id}", &["1"]);
    let _ = group.update_request_from_at(&Group::default(), "/groups/1", &[]);
}
