use graph_core::graph_resource;

#[graph_resource(path = "/me/drive/root/search(q='{q}'", odata = "#microsoft.graph.driveItem")]
pub struct DriveItem {
    pub name: Option<String>,
}

fn main() {}
