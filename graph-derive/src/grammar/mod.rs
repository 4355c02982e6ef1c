//! The grammars of the attributes' strings, which say what is wrong with one in a plain
//! message: `template` for a path template (`path = "/users/{user-id}/events"`), shared
//! with graph-core, which checks the templates given at run time by the same file; `odata`
//! for an OData type (`odata = "#microsoft.graph.user"`).

pub mod odata;
pub mod template;
