//! Directory objects as complex types with their OData types: the variants the
//! compile-fail catalogue's union cases are built from, so that each case shows its one
//! mistake and nothing else.

use graph_core::graph_complex;

/// `#microsoft.graph.user`, reduced to a name.
#[graph_complex(odata = "#microsoft.graph.user")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct User {
    /// The name shown in the directory.
    pub display_name: Option<String>,
}

/// `#microsoft.graph.group`, reduced to a name.
#[graph_complex(odata = "#microsoft.graph.group")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    /// The name shown in the directory.
    pub display_name: Option<String>,
}
