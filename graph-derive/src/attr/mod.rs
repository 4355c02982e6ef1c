//! The attributes' keys, read once into a typed attribute for each place they are written:
//! `#[graph_resource(path = "...", odata = "...")]` into an `ObjectAttr`,
//! `#[graph(required, rename = "...")]` on a field into a `FieldAttr`, and so on. The rest
//! of the crate reads these fields only. Each place's table (at the end) says which keys it
//! accepts, how each is written, and which field of its typed attribute keeps it; `place`
//! reads the tokens by those tables and reports every unknown, repeated or malformed key.

pub mod permissions;
mod place;

use proc_macro2::TokenStream;
use syn::punctuated::Punctuated;
use syn::{Attribute, LitStr, Token};

pub use place::{split_at_commas, Place, Slot};
use place::{KeySpec, Takes};

/// The keys of `#[graph_resource(...)]`, and of `#[graph_complex(...)]`, which accepts
/// `odata` alone.
#[derive(Default)]
pub struct ObjectAttr {
    /// `path = "/users/{user-id}/events"`: the collection path, checked by the template
    /// grammar when the model is built.
    pub path: Slot<LitStr>,
    /// `odata = "#microsoft.graph.user"`
    pub odata: Slot<LitStr>,
    /// `permissions(create(delegated = "..."))`: the list as written, which
    /// `attr::permissions` reads.
    pub permissions: Slot<TokenStream>,
    /// `crate = "::my_facade::graph_core"`: the path generated code reaches the runtime by.
    pub crate_path: Slot<syn::Path>,
    /// `returns = Vec<String>`: what an action's success reads as (`#[graph_action]`).
    pub returns: Slot<syn::Type>,
}

/// The keys of `#[graph_union(...)]`.
#[derive(Default)]
pub struct UnionAttr {
    /// `odata = "#microsoft.graph.directoryObject"`: the base type.
    pub odata: Slot<LitStr>,
    /// `path = "/groups/{group-id}/members"`: a collection of derived types.
    pub path: Slot<LitStr>,
    /// `crate = "::my_facade::graph_core"`: the path generated code reaches the runtime by.
    pub crate_path: Slot<syn::Path>,
}

/// The keys of `#[graph_enum(...)]`.
#[derive(Default)]
pub struct EnumAttr {
    /// `#[graph_enum(flags)]`: an `IsFlags` enum, whose properties hold sets of members.
    pub flags: Slot<()>,
    /// `crate = "::my_facade::graph_core"`: the path generated code reaches the runtime by.
    pub crate_path: Slot<syn::Path>,
}

/// The keys of `#[graph(...)]` on a field of a resource or complex type.
#[derive(Default)]
pub struct FieldAttr {
    /// `#[graph(required)]`
    pub required: Slot<()>,
    /// `#[graph(read_only)]`
    pub read_only: Slot<()>,
    /// `#[graph(rename = "jsonName")]`
    pub rename: Slot<LitStr>,
    /// `#[graph(additional_data)]`
    pub additional_data: Slot<()>,
}

/// The keys of `#[graph(...)]` on a variant of a `#[graph_enum]`.
#[derive(Default)]
pub struct MemberAttr {
    /// `#[graph(rename = "jsonName")]`
    pub rename: Slot<LitStr>,
    /// `#[graph(other)]`: keeps a member this code does not know.
    pub other: Slot<()>,
}

/// The keys of `#[graph(...)]` on a variant of a `#[graph_union]`.
#[derive(Default)]
pub struct UnionVariantAttr {
    /// `#[graph(other)]`: keeps an object of an unknown type whole.
    pub other: Slot<()>,
    /// `#[graph(base)]`: holds the base type itself.
    pub base: Slot<()>,
}

/// Whether `attr` is `#[graph(...)]`.
pub fn is_graph(attr: &Attribute) -> bool {
    attr.path().is_ident("graph")
}

/// Whether `attr` is `#[serde(...)]`.
pub fn is_serde(attr: &Attribute) -> bool {
    attr.path().is_ident("serde")
}

/// The paths inside a `#[derive(...)]`; `None` for any other attribute (or a derive that
/// does not parse, which rustc reports itself).
pub fn derived(attr: &Attribute) -> Option<Vec<syn::Path>> {
    if !attr.path().is_ident("derive") {
        return None;
    }
    attr.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
        .ok()
        .map(|paths| paths.into_iter().collect())
}

// The keys of each place: how each is written, an example of it for messages, and the
// field of the typed attribute that keeps it.

/// A key offered in messages: `key!(String "odata" => odata, "odata = \"...\"")`, how it
/// is written, the field that keeps it, and an example of it.
macro_rules! key {
    ($takes:ident $name:literal => $field:ident, $example:expr) => {
        KeySpec {
            name: $name,
            takes: Takes::$takes(|attr| &mut attr.$field),
            example: $example,
            offered: true,
        }
    };
}

/// `crate = "..."`, which every attribute accepts.
macro_rules! crate_key {
    () => {
        KeySpec {
            name: "crate",
            takes: Takes::Path(|attr| &mut attr.crate_path),
            example: "crate = \"::my_facade::graph_core\"",
            offered: false,
        }
    };
}

/// `#[graph_resource(path = "...", odata = "...")]`
pub const RESOURCE: Place<ObjectAttr> = Place {
    attribute: "graph_resource",
    keys: &[
        key!(String "path" => path, "path = \"/users\""),
        key!(String "odata" => odata, "odata = \"#microsoft.graph.user\""),
        key!(List "permissions" => permissions, "permissions(create(delegated = \"User.ReadWrite.All\"))"),
        crate_key!(),
    ],
    hints: &[],
};

/// `#[graph_action(path = "...", returns = T, permissions(...))]`
pub const ACTION: Place<ObjectAttr> = Place {
    attribute: "graph_action",
    keys: &[
        key!(String "path" => path, "path = \"/users/{id}/sendMail\""),
        key!(Type "returns" => returns, "returns = Vec<String>"),
        key!(List "permissions" => permissions, "permissions(delegated = \"Mail.Send\", application = \"Mail.Send\")"),
        crate_key!(),
    ],
    hints: &[(
        "odata",
        "an action's parameters are sent as one JSON object without an `@odata.type` of \
         its own; a parameter of a derived type carries its own",
    )],
};

/// `#[graph_complex(odata = "...")]`
pub const COMPLEX: Place<ObjectAttr> = Place {
    attribute: "graph_complex",
    keys: &[
        key!(String "odata" => odata, "odata = \"#microsoft.graph.passwordProfile\""),
        crate_key!(),
    ],
    hints: &[
        (
            "path",
            "a complex type has no path of its own, it is sent inside a resource. For a type \
             created at a path, use `#[graph_resource(path = \"...\", odata = \"...\")]`",
        ),
        (
            "permissions",
            "a complex type has no operations of its own; the permissions table goes on the \
             `#[graph_resource]` that is created, read, updated or deleted",
        ),
    ],
};

/// `#[graph(...)]` on a field.
pub const FIELD: Place<FieldAttr> = Place {
    attribute: "graph",
    keys: &[
        key!(Nothing "required" => required, "#[graph(required)]"),
        key!(Nothing "read_only" => read_only, "#[graph(read_only)]"),
        key!(String "rename" => rename, "rename = \"jsonName\""),
        key!(Nothing "additional_data" => additional_data, "#[graph(additional_data)]"),
    ],
    hints: &[],
};

/// `#[graph_enum(flags, crate = "...")]`: nothing else, since the variants say everything;
/// the other items of the list are reported together (`check::enum_takes_no_arguments`).
pub const ENUM: Place<EnumAttr> = Place {
    attribute: "graph_enum",
    keys: &[key!(Nothing "flags" => flags, "flags"), crate_key!()],
    hints: &[],
};

/// `#[graph(...)]` on an enum variant.
pub const MEMBER: Place<MemberAttr> = Place {
    attribute: "graph",
    keys: &[
        key!(String "rename" => rename, "rename = \"jsonName\""),
        key!(Nothing "other" => other, "#[graph(other)]"),
    ],
    hints: &[],
};

/// `#[graph_union(odata = "...")]`
pub const UNION: Place<UnionAttr> = Place {
    attribute: "graph_union",
    keys: &[
        key!(String "odata" => odata, "odata = \"#microsoft.graph.directoryObject\""),
        key!(String "path" => path, "path = \"/groups/{group-id}/members\""),
        crate_key!(),
    ],
    hints: &[],
};

/// `#[graph(...)]` on a union variant.
pub const UNION_VARIANT: Place<UnionVariantAttr> = Place {
    attribute: "graph",
    keys: &[
        key!(Nothing "other" => other, "#[graph(other)]"),
        key!(Nothing "base" => base, "#[graph(base)]"),
    ],
    hints: &[(
        "rename",
        "a union variant is written as its type writes itself, and read by its type's \
         `@odata.type`; it has no JSON name of its own",
    )],
};
