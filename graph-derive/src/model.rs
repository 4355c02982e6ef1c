//! The checked model: what `build` gives `expand` once every rule of `check` has passed.
//! Its types hold only what can be generated: a resource always has its path template and
//! OData type, a required property is always an `Option`, a union always has its base type
//! and at most one `base` and one `other` variant; each carries the path to the runtime.
//! It borrows the input it was checked from.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::{DeriveInput, Ident, Type};

/// The path by which generated code reaches the runtime: `::graph_core`, or the path of
/// `crate = "..."` (a renamed dependency, a facade crate), as serde has it. Every path into
/// the runtime that expansion writes starts with it (`#runtime::GraphResource`), or with
/// the alias of its hidden API that each expansion declares first in its `const _` block
/// (`#rt::...` with `rt = runtime.private()`).
#[derive(Clone)]
pub struct Runtime(Option<syn::Path>);

impl Runtime {
    /// The runtime by `crate`'s path where one was given, by `::graph_core` otherwise.
    pub fn new(path: Option<&syn::Path>) -> Self {
        Self(path.cloned())
    }

    /// The runtime's internals, `<runtime>::__private`, by the alias [`Runtime::alias`]
    /// declares: valid inside the expansion's `const _` block, the one road into them.
    ///
    /// An alias rather than the absolute path at each use: rustc resolves an absolute path
    /// into another crate anew wherever it is written, and a crate of thousands of
    /// generated types checks about a sixth faster with one alias per type (Graph v1.0's
    /// whole metadata: 43 s to 36 s). Declared inside the block, the alias shadows nothing
    /// of the user's outside it; the types copied into the block (fields', variants',
    /// `returns`) are the user's only tokens there, so the one name they cannot use is a
    /// type, trait or module called `__rt`.
    pub fn private(&self) -> TokenStream {
        quote!(__rt)
    }

    /// `use <runtime>::__private as __rt;`: the first item of every expansion's `const _`
    /// block (see [`Runtime::private`]).
    pub fn alias(&self) -> TokenStream {
        let runtime = self;
        quote! {
            #[allow(unused_imports)]
            use #runtime::__private as __rt;
        }
    }

    /// [`Runtime::private`] inside code spanned at the user's tokens (`quote_spanned!`), so
    /// that what rustc says of that code is said there: the alias takes `span` (the user's
    /// tokens resolve where the macro was called, as the alias does).
    pub fn private_at(&self, span: Span) -> TokenStream {
        quote_spanned!(span=> __rt)
    }
}

impl ToTokens for Runtime {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match &self.0 {
            Some(path) => path.to_tokens(tokens),
            None => tokens.extend(quote!(::graph_core)),
        }
    }
}

/// A collection path, checked by the template grammar, with the argument each placeholder
/// becomes.
pub struct PathTemplate {
    /// As written: `/groups/{group-id}/members`.
    pub raw: String,
    /// The placeholders, in order; no two become the same argument.
    pub params: Vec<Param>,
}

pub struct Param {
    /// As written between the braces (`group-id`).
    pub name: String,
    /// The argument of the operations (`group_id`).
    pub ident: Ident,
}

/// A checked `#[graph_resource]`, `#[graph_complex]` or `#[graph_action]`.
pub struct Object<'a> {
    /// The struct, emitted again as it is.
    pub item: &'a DeriveInput,
    pub runtime: Runtime,
    pub kind: ObjectKind,
    /// The declared properties, in order.
    pub fields: Vec<Field<'a>>,
    /// The `#[graph(additional_data)]` field, where there is one.
    pub additional: Option<Additional<'a>>,
}

pub enum ObjectKind {
    Resource {
        path: PathTemplate,
        /// The `#` form.
        odata: String,
        /// The page's permissions table, where declared (boxed: most resources have none).
        permissions: Option<Box<Permissions>>,
    },
    Complex {
        /// The `#` form, where given.
        odata: Option<String>,
    },
    Action {
        /// The action's whole path (`/users/{id}/sendMail`).
        path: PathTemplate,
        /// What a success reads as, where the action returns something.
        returns: Option<Box<Type>>,
        /// The action's own table (the schemes of its one operation), where declared.
        permissions: Option<SchemePermissions>,
        /// How messages name the action: its path's last segment (`sendMail`).
        name: String,
    },
}

impl Object<'_> {
    pub fn ident(&self) -> &Ident {
        &self.item.ident
    }

    /// The OData type (`#` form), where the type writes one.
    pub fn odata(&self) -> Option<&str> {
        match &self.kind {
            ObjectKind::Resource { odata, .. } => Some(odata),
            ObjectKind::Complex { odata } => odata.as_deref(),
            ObjectKind::Action { .. } => None,
        }
    }
}

pub struct Field<'a> {
    pub member: &'a Ident,
    /// The type (`Self` replaced by the struct's name).
    pub ty: &'a Type,
    /// Never empty, never reserved, unique in its type.
    pub json_name: String,
    pub presence: Presence,
    /// Whether the type is written as `Option<T>`.
    pub option: bool,
    /// Whether the type (inside `Option`, where written so) is plainly a serde value the
    /// attributes have nothing to add to: see `types::is_plain`, and the runtime's plain
    /// values (`types::runtime_type`).
    pub plain: bool,
    /// Whether the type (inside `Option`, where written so) is one of the runtime's types
    /// that write and validate themselves (`DateTimeOffset`, `Flags<E>`), named under the
    /// runtime's crate: handed over as such, with no probe.
    pub graph: bool,
    /// Whether the type (inside `Option`, where written so) is a number OData writes its
    /// own way (`f64`'s `"INF"`, `i64` as a string): read, and for floats written, through
    /// the runtime's number helpers.
    pub number: Option<crate::types::Number>,
    /// Types written inside others in the field's type (inside its `Option`, where written
    /// so), as (outer, inner): for each, the generated code asks that the runtime descends
    /// into the outer one wherever the inner one is of the crate's.
    pub nested: Vec<(&'a Type, &'a Type)>,
    /// The types the field's value is made of (see `types::leaves`): for each, the
    /// generated code asks rustc whether it is a Graph type or a serde type.
    pub leaves: Vec<&'a Type>,
}

impl Field<'_> {
    /// Whether the field's type is known to read through serde (a plain type or one of the
    /// runtime's), so reading it needs no probe.
    pub fn reads_plainly(&self) -> bool {
        self.plain || self.graph
    }
}

/// How a property takes part in a create body.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Presence {
    /// Sent when set.
    Optional,
    /// `#[graph(required)]`: must be set; the field is an `Option`.
    Required,
    /// `#[graph(read_only)]`: set by the service, never sent.
    ReadOnly,
}

/// The field that collects the properties the struct does not declare: a
/// `Map<String, Value>`.
pub struct Additional<'a> {
    pub member: &'a Ident,
    pub ty: &'a Type,
}

/// A checked `#[graph_enum]`.
pub struct Enumeration<'a> {
    pub item: &'a DeriveInput,
    pub runtime: Runtime,
    /// At least one, each with a JSON name of its own.
    pub members: Vec<Member<'a>>,
    /// The `#[graph(other)]` variant, which keeps a name this code does not know.
    pub other: Option<Other<'a>>,
    /// `#[graph_enum(flags)]`: properties hold `Flags` of it.
    pub flags: bool,
}

pub struct Member<'a> {
    pub ident: &'a Ident,
    pub json_name: String,
}

/// The variant that holds an unknown member's name.
pub struct Other<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
}

impl Enumeration<'_> {
    /// The member whose JSON name is `unknownFutureValue`: Graph's evolvable-enum sentinel.
    pub fn sentinel(&self) -> Option<&Member<'_>> {
        self.members
            .iter()
            .find(|member| member.json_name == "unknownFutureValue")
    }

    /// Whether Graph sends some of this enum's members only when a request asks for them
    /// (`Prefer: include-unknown-enum-members`): a member is declared after the sentinel,
    /// or the `other` variant waits for members this code does not know.
    pub fn late_members(&self) -> bool {
        let after_sentinel = self
            .members
            .iter()
            .position(|member| member.json_name == "unknownFutureValue")
            .is_some_and(|at| at + 1 < self.members.len());
        after_sentinel || self.other.is_some()
    }
}

/// A checked `#[graph_union]`.
pub struct Union<'a> {
    pub item: &'a DeriveInput,
    pub runtime: Runtime,
    /// The collection path, where the union is read from one (`path = "..."`).
    pub path: Option<PathTemplate>,
    /// The base type, `#` form.
    pub base_type: String,
    /// The variants read by their type's `@odata.type`, in order.
    pub derived: Vec<UnionVariant<'a>>,
    /// `#[graph(base)]`: objects without `@odata.type`, or of the base type itself.
    pub base: Option<UnionVariant<'a>>,
    /// `#[graph(other)]`: any other object, kept whole in a `Map<String, Value>`.
    pub other: Option<UnionVariant<'a>>,
}

pub struct UnionVariant<'a> {
    pub ident: &'a Ident,
    /// The type it holds.
    pub ty: &'a Type,
}

impl Union<'_> {
    /// The variants that hold a typed value (derived ones, then the base), in the order the
    /// runtime indexes them.
    pub fn typed(&self) -> impl Iterator<Item = &UnionVariant<'_>> {
        self.derived.iter().chain(&self.base)
    }
}

/// A checked `permissions(...)`: for each operation declared, the permissions of each
/// scheme it supports, least privileged first.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Permissions {
    pub create: Option<SchemePermissions>,
    pub read: Option<SchemePermissions>,
    pub update: Option<SchemePermissions>,
    pub delete: Option<SchemePermissions>,
}

/// One operation's schemes; `None` where the page says "Not supported".
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SchemePermissions {
    pub delegated: Option<Vec<String>>,
    pub personal: Option<Vec<String>>,
    pub application: Option<Vec<String>>,
}
