//! The typed model of an annotated item, built once from syn. Everything the checks and the
//! code generation need is here; the original attribute tokens are kept for spans.

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type};

use crate::attr::{self, Key, KeySpec, Place};
use crate::case;
use crate::errors::Errors;
use crate::template::{self, PathTemplate};

/// `#[graph_resource(path = "...", odata = "...")]`
const RESOURCE: Place = Place {
    attribute: "graph_resource",
    keys: &[
        KeySpec {
            name: "path",
            takes_string: true,
            example: "path = \"/users\"",
        },
        KeySpec {
            name: "odata",
            takes_string: true,
            example: "odata = \"#microsoft.graph.user\"",
        },
    ],
    hints: &[],
};

/// `#[graph_complex(odata = "...")]`
const COMPLEX: Place = Place {
    attribute: "graph_complex",
    keys: &[KeySpec {
        name: "odata",
        takes_string: true,
        example: "odata = \"#microsoft.graph.passwordProfile\"",
    }],
    hints: &[(
        "path",
        "a complex type has no path of its own, it is sent inside a resource. For a type \
         created at a path, use `#[graph_resource(path = \"...\", odata = \"...\")]`",
    )],
};

/// `#[graph(...)]` on a field.
const FIELD: Place = Place {
    attribute: "graph",
    keys: &[
        KeySpec {
            name: "required",
            takes_string: false,
            example: "#[graph(required)]",
        },
        KeySpec {
            name: "read_only",
            takes_string: false,
            example: "#[graph(read_only)]",
        },
        KeySpec {
            name: "rename",
            takes_string: true,
            example: "rename = \"jsonName\"",
        },
        KeySpec {
            name: "additional_data",
            takes_string: false,
            example: "#[graph(additional_data)]",
        },
    ],
    hints: &[],
};

/// `#[graph(...)]` on an enum variant.
const VARIANT: Place = Place {
    attribute: "graph",
    keys: &[
        KeySpec {
            name: "rename",
            takes_string: true,
            example: "rename = \"jsonName\"",
        },
        KeySpec {
            name: "other",
            takes_string: false,
            example: "#[graph(other)]",
        },
    ],
    hints: &[],
};

/// `#[graph_union(odata = "...")]`
const UNION: Place = Place {
    attribute: "graph_union",
    keys: &[KeySpec {
        name: "odata",
        takes_string: true,
        example: "odata = \"#microsoft.graph.directoryObject\"",
    }],
    hints: &[(
        "path",
        "a union is the type of a property, with no path of its own; each variant's type \
         has its own",
    )],
};

/// `#[graph(...)]` on a union variant.
const UNION_VARIANT: Place = Place {
    attribute: "graph",
    keys: &[
        KeySpec {
            name: "other",
            takes_string: false,
            example: "#[graph(other)]",
        },
        KeySpec {
            name: "base",
            takes_string: false,
            example: "#[graph(base)]",
        },
    ],
    hints: &[(
        "rename",
        "a union variant is written as its type writes itself, and read by its type's \
         `@odata.type`; it has no JSON name of its own",
    )],
};

/// What an annotated struct is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `#[graph_resource(path = "...", odata = "...")]`: has a collection path.
    Resource,
    /// `#[graph_complex]` or `#[graph_complex(odata = "...")]`: a value inside a resource.
    Complex,
}

impl Kind {
    /// The attribute's name, for messages.
    pub fn attribute(self) -> &'static str {
        match self {
            Kind::Resource => "graph_resource",
            Kind::Complex => "graph_complex",
        }
    }
}

/// A struct under `#[graph_resource]` or `#[graph_complex]`.
pub struct Object {
    pub kind: Kind,
    /// The struct as it is emitted again: `#[graph]` and `#[serde]` attributes removed.
    pub item: DeriveInput,
    /// A resource's path; `None` for a complex type, or when missing or invalid (already
    /// reported).
    pub path: Option<(PathTemplate, LitStr)>,
    /// The `path` string as written, valid or not.
    pub raw_path: Option<String>,
    /// The `#` form; `None` where not given, or invalid (already reported).
    pub odata: Option<String>,
    /// The declared properties, in order (the additional-data field is not one).
    pub fields: Vec<Field>,
    /// The `#[graph(additional_data)]` field, where there is one.
    pub additional: Option<Additional>,
    /// Whether the item can carry the generated impls at all (a non-generic struct with
    /// named fields): when not, even the fallback emits none.
    pub well_formed: bool,
}

pub struct Field {
    pub member: Ident,
    /// The field's type, with `Self` replaced by the struct's name so it can be written
    /// inside generated impls of other types.
    pub ty: Type,
    pub json_name: String,
    /// Where the JSON name comes from: the `rename` string, or the field's name.
    pub name_span: Span,
    /// The `rename = "..."` string, where there is one.
    pub rename: Option<LitStr>,
    /// The `required` key, where given.
    pub required: Option<Span>,
    /// The `read_only` key, where given.
    pub read_only: Option<Span>,
    /// Whether the type is `Option<T>`.
    pub option: bool,
    /// Whether the type (inside `Option`, where written so) is plainly a serde value the
    /// attributes have nothing to add to: see [`is_plain`].
    pub plain: bool,
}

/// The field that collects the properties the struct does not declare.
pub struct Additional {
    pub member: Ident,
    pub ty: Type,
}

impl Object {
    pub fn from_syn(
        kind: Kind,
        args: TokenStream,
        mut item: DeriveInput,
        errors: &mut Errors,
    ) -> Self {
        let attribute = kind.attribute();
        let (keys, complete) = match kind {
            Kind::Resource => RESOURCE.parse_tokens(args, errors),
            Kind::Complex => COMPLEX.parse_tokens(args, errors),
        };
        let path = string_key(&keys, "path").and_then(|lit| {
            PathTemplate::parse(&lit.value(), lit.span())
                .map(|path| (path, lit.clone()))
                .map_err(|message| errors.at(lit, message))
                .ok()
        });
        let raw_path = string_key(&keys, "path").map(LitStr::value);
        let odata = string_key(&keys, "odata").and_then(|lit| {
            template::odata_type(&lit.value())
                .map_err(|message| errors.at(lit, message))
                .ok()
        });
        // A key that is missing is reported at the attribute itself, unless an item did not
        // parse (that item may be the key).
        let given = |name: &str| !complete || keys.iter().any(|key| key.name == name);
        if kind == Kind::Resource && !given("path") {
            errors.spanned(
                Span::call_site(),
                "missing `path`: the collection path the create request posts to, e.g. \
                 `#[graph_resource(path = \"/users\", odata = \"#microsoft.graph.user\")]`",
            );
        }
        if kind == Kind::Resource && !given("odata") {
            errors.spanned(
                Span::call_site(),
                "missing `odata`: the resource's OData type, written first in every body, \
                 e.g. `#[graph_resource(path = \"/users\", odata = \"#microsoft.graph.user\")]`",
            );
        }

        container_checks(&mut item, attribute, errors);
        let mut well_formed =
            item.generics.params.is_empty() && item.generics.where_clause.is_none();
        if !well_formed {
            errors.at(
                &item.generics,
                format_args!(
                    "a `#[{attribute}]` cannot be generic: a Graph type has one concrete \
                     shape; give each field a concrete type"
                ),
            );
        }

        let named_fields = format!(
            "`#[{attribute}]` needs a struct with named fields, one per Graph property: \
             `struct Run {{ id: Option<String>, ... }}`"
        );
        let name = item.ident.clone();
        let mut fields = Vec::new();
        let mut additional = None;
        match &mut item.data {
            Data::Struct(data) => match &mut data.fields {
                Fields::Named(named) => {
                    for field in &mut named.named {
                        match Field::from_syn(field, &name, attribute, errors) {
                            StructField::Property(field) => fields.push(field),
                            StructField::Additional(field) => {
                                if additional.is_some() {
                                    errors.at(
                                        &field.member,
                                        "only one field can be `#[graph(additional_data)]`: it \
                                         collects every property the struct does not declare",
                                    );
                                } else {
                                    additional = Some(field);
                                }
                            }
                        }
                    }
                }
                Fields::Unnamed(unnamed) => {
                    well_formed = false;
                    strip_fields(unnamed.unnamed.iter_mut());
                    errors.at(&*unnamed, &named_fields);
                }
                Fields::Unit => {
                    well_formed = false;
                    errors.at(&item.ident, &named_fields);
                }
            },
            Data::Enum(data) => {
                well_formed = false;
                for variant in &mut data.variants {
                    variant.attrs.retain(|a| !attr::is_graph(a));
                    strip_fields(variant.fields.iter_mut());
                }
                errors.at(
                    data.enum_token,
                    format_args!(
                        "`#[{attribute}]` goes on a struct; for a Graph enumeration use \
                         `#[graph_enum]`"
                    ),
                );
            }
            Data::Union(data) => {
                well_formed = false;
                strip_fields(data.fields.named.iter_mut());
                errors.at(
                    data.union_token,
                    format_args!(
                        "`#[{attribute}]` goes on a struct with named fields, not a union"
                    ),
                );
            }
        }

        Self {
            kind,
            item,
            path,
            raw_path,
            odata,
            fields,
            additional,
            well_formed,
        }
    }
}

/// A field is either a declared property or the additional-data collector.
enum StructField {
    Property(Field),
    Additional(Additional),
}

impl Field {
    fn from_syn(
        field: &mut syn::Field,
        owner: &Ident,
        attribute: &str,
        errors: &mut Errors,
    ) -> StructField {
        let keys = graph_keys(&mut field.attrs, &FIELD, attribute, errors);
        let member = field
            .ident
            .clone()
            .unwrap_or_else(|| Ident::new("_", field.span()));
        let mut ty = field.ty.clone();
        ReplaceSelf(owner).visit_type_mut(&mut ty);

        if flag_key(&keys, "additional_data").is_some() {
            // #[graph(additional_data)] stands alone: the field is not a property.
            for key in keys
                .iter()
                .filter(|key| key.name != "additional_data" && !key.malformed)
            {
                errors.spanned(
                    key.span,
                    format_args!(
                        "`{}` does not go with `additional_data`: that field holds the \
                         properties the struct does not declare, and has no JSON name or \
                         flags of its own",
                        key.name
                    ),
                );
            }
            if !is_json_map(&ty) {
                errors.at(
                    &field.ty,
                    "`#[graph(additional_data)]` collects undeclared properties by name: make \
                     this field a `graph_core::serde_json::Map<String, graph_core::serde_json::Value>`",
                );
            }
            return StructField::Additional(Additional { member, ty });
        }

        let rename = string_key(&keys, "rename").cloned();
        let (json_name, name_span) = match &rename {
            Some(lit) => (lit.value(), lit.span()),
            None => (case::lower_camel(&member.to_string()), member.span()),
        };
        StructField::Property(Self {
            option: option_inner(&ty).is_some(),
            plain: is_plain(option_inner(&ty).unwrap_or(&ty)),
            member,
            ty,
            json_name,
            name_span,
            rename,
            required: flag_key(&keys, "required"),
            read_only: flag_key(&keys, "read_only"),
        })
    }
}

/// Whether `ty` is written as serde_json's `Map<String, Value>` (by any path). The
/// generated code holds it to exactly that type; this catches other maps early, with a
/// message that says what to write.
fn is_json_map(ty: &Type) -> bool {
    let Type::Path(path) = ty else {
        return false;
    };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    let is = |arg: Option<&syn::GenericArgument>, name: &str| {
        matches!(arg, Some(syn::GenericArgument::Type(Type::Path(p)))
            if p.path.segments.last().is_some_and(|s| s.ident == name))
    };
    last.ident == "Map"
        && args.args.len() == 2
        && is(args.args.first(), "String")
        && is(args.args.get(1), "Value")
}

/// A fieldless enum under `#[graph_enum]`.
pub struct Enumeration {
    pub item: DeriveInput,
    pub members: Vec<Member>,
    /// The `#[graph(other)]` variant, which keeps a name this code does not know.
    pub other: Option<Other>,
    pub well_formed: bool,
}

pub struct Member {
    pub ident: Ident,
    pub json_name: String,
    pub name_span: Span,
    /// The `rename = "..."` string, where there is one.
    pub rename: Option<LitStr>,
}

pub struct Other {
    pub ident: Ident,
    pub ty: Type,
}

impl Enumeration {
    pub fn from_syn(args: TokenStream, mut item: DeriveInput, errors: &mut Errors) -> Self {
        if !args.is_empty() {
            errors.at(
                &args,
                "`#[graph_enum]` takes no arguments; rename members with \
                 `#[graph(rename = \"jsonName\")]` on the variant",
            );
        }
        container_checks(&mut item, "graph_enum", errors);
        let mut well_formed =
            item.generics.params.is_empty() && item.generics.where_clause.is_none();
        if !well_formed {
            errors.at(
                &item.generics,
                "a `#[graph_enum]` cannot be generic: its members are names",
            );
        }

        let mut members = Vec::new();
        let mut other: Option<Other> = None;
        match &mut item.data {
            Data::Enum(data) => {
                if data.variants.is_empty() {
                    errors.at(&item.ident, "a `#[graph_enum]` needs at least one member");
                }
                for variant in &mut data.variants {
                    let keys = graph_keys(&mut variant.attrs, &VARIANT, "graph_enum", errors);
                    if let Some(span) = flag_key(&keys, "other") {
                        if let Some(lit) = string_key(&keys, "rename") {
                            errors.at(
                                lit,
                                "the `#[graph(other)]` variant holds whatever name it reads; \
                                 it has no JSON name of its own to rename",
                            );
                        }
                        let single = match &variant.fields {
                            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                                fields.unnamed.first().map(|field| field.ty.clone())
                            }
                            _ => None,
                        };
                        match (single, &other) {
                            (_, Some(_)) => errors.spanned(
                                span,
                                "only one variant can be `#[graph(other)]`: it keeps every \
                                 member this code does not know",
                            ),
                            (None, None) => errors.at(
                                &variant.ident,
                                format_args!(
                                    "the `#[graph(other)]` variant keeps the unknown member's \
                                     name: write `{}(String)`",
                                    variant.ident
                                ),
                            ),
                            (Some(ty), None) => {
                                other = Some(Other {
                                    ident: variant.ident.clone(),
                                    ty,
                                });
                            }
                        }
                        continue;
                    }
                    if !matches!(variant.fields, Fields::Unit) {
                        errors.at(
                            &variant.fields,
                            format_args!(
                                "`#[graph_enum]` members carry no data; only one variant \
                                 marked `#[graph(other)]` may hold a `String`. Write `{}`",
                                variant.ident
                            ),
                        );
                        strip_fields(variant.fields.iter_mut());
                        continue;
                    }
                    let rename = string_key(&keys, "rename").cloned();
                    let (json_name, name_span) = match &rename {
                        Some(lit) => (lit.value(), lit.span()),
                        None => (
                            case::variant_lower_camel(&variant.ident.to_string()),
                            variant.ident.span(),
                        ),
                    };
                    members.push(Member {
                        ident: variant.ident.clone(),
                        json_name,
                        name_span,
                        rename,
                    });
                }
            }
            Data::Struct(data) => {
                well_formed = false;
                strip_fields(data.fields.iter_mut());
                errors.at(
                    data.struct_token,
                    "`#[graph_enum]` goes on a fieldless enum; for a Graph resource use \
                     `#[graph_resource(path = \"...\", odata = \"...\")]`",
                );
            }
            Data::Union(data) => {
                well_formed = false;
                strip_fields(data.fields.named.iter_mut());
                errors.at(
                    data.union_token,
                    "`#[graph_enum]` goes on a fieldless enum, not a union",
                );
            }
        }
        Self {
            item,
            members,
            other,
            well_formed,
        }
    }

    /// The member whose JSON name is `unknownFutureValue`: Graph's evolvable-enum sentinel.
    pub fn sentinel(&self) -> Option<&Member> {
        self.members
            .iter()
            .find(|member| member.json_name == "unknownFutureValue")
    }
}

/// An enum under `#[graph_union]`: one variant per derived type of a base type.
pub struct Union {
    pub item: DeriveInput,
    /// The base type, `#` form; `None` when missing or invalid (already reported).
    pub odata: Option<String>,
    pub variants: Vec<UnionVariant>,
    pub well_formed: bool,
}

pub struct UnionVariant {
    pub ident: Ident,
    /// The type it holds.
    pub ty: Type,
    pub role: Role,
}

/// What a union variant takes when reading.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Objects whose `@odata.type` is its type's.
    Derived,
    /// `#[graph(base)]`: objects without `@odata.type`, or of the base type itself.
    Base,
    /// `#[graph(other)]`: any other object, kept whole.
    Other,
}

impl Union {
    pub fn from_syn(args: TokenStream, mut item: DeriveInput, errors: &mut Errors) -> Self {
        let (keys, complete) = UNION.parse_tokens(args, errors);
        let odata = string_key(&keys, "odata").and_then(|lit| {
            template::odata_type(&lit.value())
                .map_err(|message| errors.at(lit, message))
                .ok()
        });
        if complete && !keys.iter().any(|key| key.name == "odata") {
            errors.spanned(
                Span::call_site(),
                "missing `odata`: the base type the variants derive from, e.g. \
                 `#[graph_union(odata = \"#microsoft.graph.directoryObject\")]`",
            );
        }
        container_checks(&mut item, "graph_union", errors);
        let mut well_formed =
            item.generics.params.is_empty() && item.generics.where_clause.is_none();
        if !well_formed {
            errors.at(
                &item.generics,
                "a `#[graph_union]` cannot be generic: give each variant a concrete type",
            );
        }

        let mut variants: Vec<UnionVariant> = Vec::new();
        match &mut item.data {
            Data::Enum(data) => {
                if data.variants.is_empty() {
                    errors.at(&item.ident, "a `#[graph_union]` needs at least one variant");
                }
                for variant in &mut data.variants {
                    let keys =
                        graph_keys(&mut variant.attrs, &UNION_VARIANT, "graph_union", errors);
                    let other = flag_key(&keys, "other");
                    let base = flag_key(&keys, "base");
                    if let (Some(_), Some(base)) = (other, base) {
                        errors.spanned(
                            base,
                            "a variant is either `other` (unknown types, kept whole) or `base` \
                             (the base type itself), not both",
                        );
                    }
                    let role = match (other, base) {
                        (Some(_), _) => Role::Other,
                        (None, Some(_)) => Role::Base,
                        (None, None) => Role::Derived,
                    };
                    let ty = match &variant.fields {
                        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                            fields.unnamed.first().map(|field| field.ty.clone())
                        }
                        _ => None,
                    };
                    let Some(ty) = ty else {
                        let example = match role {
                            Role::Other => format!(
                                "{}(graph_core::serde_json::Map<String, graph_core::serde_json::Value>)",
                                variant.ident
                            ),
                            _ => format!("{0}({0})", variant.ident),
                        };
                        errors.at(
                            &variant.ident,
                            format_args!(
                                "a `#[graph_union]` variant holds exactly one value, the derived \
                                 type it stands for: write `{example}`"
                            ),
                        );
                        strip_fields(variant.fields.iter_mut());
                        continue;
                    };
                    if let Some(first) = variants
                        .iter()
                        .find(|v| v.role == role && role != Role::Derived)
                    {
                        let key = if role == Role::Other { "other" } else { "base" };
                        errors.at(
                            &variant.ident,
                            format_args!(
                                "only one variant can be `#[graph({key})]`; `{}` already is",
                                first.ident
                            ),
                        );
                        continue;
                    }
                    if role == Role::Other && !is_json_map(&ty) {
                        errors.at(
                            &ty,
                            "the `#[graph(other)]` variant keeps an unknown derived type whole: \
                             make it hold a `graph_core::serde_json::Map<String, graph_core::serde_json::Value>`",
                        );
                        continue;
                    }
                    let mut ty = ty;
                    ReplaceSelf(&item.ident).visit_type_mut(&mut ty);
                    variants.push(UnionVariant {
                        ident: variant.ident.clone(),
                        ty,
                        role,
                    });
                }
            }
            Data::Struct(data) => {
                well_formed = false;
                strip_fields(data.fields.iter_mut());
                errors.at(
                    data.struct_token,
                    "`#[graph_union]` goes on an enum with one variant per derived type, e.g. \
                     `enum DirectoryObject { User(User), Group(Group) }`",
                );
            }
            Data::Union(data) => {
                well_formed = false;
                strip_fields(data.fields.named.iter_mut());
                errors.at(
                    data.union_token,
                    "`#[graph_union]` goes on an enum with one variant per derived type, not a \
                     Rust union",
                );
            }
        }
        Self {
            item,
            odata,
            variants,
            well_formed,
        }
    }

    /// The variants that hold a typed value (derived ones, then the base), in the order the
    /// runtime indexes them.
    pub fn typed(&self) -> impl Iterator<Item = &UnionVariant> {
        let derived = self.variants.iter().filter(|v| v.role == Role::Derived);
        let base = self.variants.iter().filter(|v| v.role == Role::Base);
        derived.chain(base)
    }

    pub fn other(&self) -> Option<&UnionVariant> {
        self.variants.iter().find(|v| v.role == Role::Other)
    }
}

/// Checks on the item's own attributes, the same for every attribute macro: serde derives
/// and `#[serde]`/`#[graph]` on the container are mistakes. Each is reported and removed,
/// so that it causes nothing else (a conflicting impl, an unknown attribute).
fn container_checks(item: &mut DeriveInput, macro_name: &str, errors: &mut Errors) {
    for attr in &mut item.attrs {
        let Some(derived) = attr::derived(attr) else {
            continue;
        };
        let (serde, kept): (Vec<_>, Vec<_>) = derived.into_iter().partition(|path| {
            path.segments
                .last()
                .is_some_and(|last| last.ident == "Serialize" || last.ident == "Deserialize")
        });
        for path in &serde {
            let name = path.segments.last().map(|last| last.ident.to_string());
            errors.at(
                path,
                format_args!(
                    "remove `{}` from this derive: `#[{macro_name}]` implements Serialize and \
                     Deserialize itself",
                    name.unwrap_or_default()
                ),
            );
        }
        if !serde.is_empty() {
            *attr = syn::parse_quote!(#[derive(#(#kept),*)]);
        }
    }
    for attr in item
        .attrs
        .iter()
        .filter(|a| attr::is_graph(a) || attr::is_serde(a))
    {
        if attr::is_graph(attr) {
            errors.at(
                attr,
                format_args!(
                    "`#[graph(...)]` goes on fields and variants; the item's own keys go in \
                     `#[{macro_name}(...)]`"
                ),
            );
        } else {
            errors.at(attr, serde_attribute_message(macro_name));
        }
    }
    item.attrs
        .retain(|a| !attr::is_graph(a) && !attr::is_serde(a));
}

fn serde_attribute_message(macro_name: &str) -> String {
    format!(
        "`#[serde(...)]` is not read here: `#[{macro_name}]` writes the serde impls itself. \
         Use `#[graph(rename = \"jsonName\")]` for a JSON name, or give the field a type with \
         its own Serialize and Deserialize for a custom format"
    )
}

/// Removes `#[graph]` and `#[serde]` attributes from the fields of an item that is not
/// used (it has a shape error), so they cause no follow-on "cannot find attribute" errors.
fn strip_fields<'a>(fields: impl Iterator<Item = &'a mut syn::Field>) {
    for field in fields {
        field
            .attrs
            .retain(|a| !attr::is_graph(a) && !attr::is_serde(a));
    }
}

/// Takes the `#[graph(...)]` attributes out of `attrs` and parses their keys as one list
/// (so a key repeated across two attributes is caught too). `#[serde]` attributes are
/// refused and removed.
fn graph_keys(
    attrs: &mut Vec<syn::Attribute>,
    place: &Place,
    macro_name: &str,
    errors: &mut Errors,
) -> Vec<Key> {
    let mut keys: Vec<Key> = Vec::new();
    for attr in attrs.iter() {
        if attr::is_serde(attr) {
            errors.at(attr, serde_attribute_message(macro_name));
        } else if attr::is_graph(attr) {
            for key in place.parse_attribute(attr, errors) {
                if !key.malformed
                    && keys
                        .iter()
                        .any(|seen| seen.name == key.name && !seen.malformed)
                {
                    errors.spanned(
                        key.span,
                        format_args!("`{}` is given twice; keep one", key.name),
                    );
                } else {
                    keys.push(key);
                }
            }
        }
    }
    attrs.retain(|a| !attr::is_graph(a) && !attr::is_serde(a));
    keys
}

fn string_key<'k>(keys: &'k [Key], name: &str) -> Option<&'k LitStr> {
    keys.iter()
        .find(|key| key.name == name)
        .and_then(|key| key.value.as_ref())
}

fn flag_key(keys: &[Key], name: &str) -> Option<Span> {
    keys.iter()
        .find(|key| key.name == name && !key.malformed)
        .map(|key| key.span)
}

/// `T` when `ty` is `Option<T>`, `std::option::Option<T>` or `core::option::Option<T>`
/// (with or without a leading `::`).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let segments: Vec<_> = path.path.segments.iter().collect();
    let (last, prefix) = segments.split_last()?;
    let prefix: Vec<String> = prefix.iter().map(|s| s.ident.to_string()).collect();
    let prefix_ok = match prefix.as_slice() {
        [] => path.path.leading_colon.is_none(),
        [krate, module] => (krate == "std" || krate == "core") && module == "option",
        _ => false,
    };
    if !prefix_ok || last.ident != "Option" {
        return None;
    }
    match &last.arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => {
            match args.args.first() {
                Some(syn::GenericArgument::Type(inner)) => Some(inner),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether `ty` is written as a primitive (`bool`, the integer and float types, `char`),
/// `String`, or a `Vec` of them: values the attributes neither validate nor write
/// differently, so generated code hands them over without asking their type. The names are
/// taken as they read (bare, or under `std`/`core`/`alloc`); a type of your own named like
/// one of them is treated as a plain serde value.
pub fn is_plain(ty: &Type) -> bool {
    const PRIMITIVES: &[&str] = &[
        "bool", "char", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64",
        "u128", "usize", "f32", "f64",
    ];
    let Type::Path(path) = ty else {
        return false;
    };
    if path.qself.is_some() {
        return false;
    }
    let segments: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    let prefix: Vec<&str> = segments[..segments.len() - 1]
        .iter()
        .map(String::as_str)
        .collect();
    let under = |modules: &[&str]| {
        prefix.is_empty() && path.path.leading_colon.is_none()
            || matches!(prefix.as_slice(), [krate, module] if ["std", "core", "alloc"].contains(krate) && modules.contains(module))
    };
    match &last.arguments {
        syn::PathArguments::None => {
            let name = last.ident.to_string();
            (PRIMITIVES.contains(&name.as_str()) && under(&["primitive"]))
                || (name == "String" && under(&["string"]))
        }
        syn::PathArguments::AngleBracketed(args) if last.ident == "Vec" && under(&["vec"]) => {
            matches!(args.args.first(), Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 && is_plain(inner))
        }
        _ => false,
    }
}

/// Replaces `Self` in a field's type by the struct's own name.
struct ReplaceSelf<'a>(&'a Ident);

impl VisitMut for ReplaceSelf<'_> {
    fn visit_type_path_mut(&mut self, ty: &mut syn::TypePath) {
        if ty.qself.is_none() && ty.path.is_ident("Self") {
            let span = ty.path.span();
            ty.path = Ident::new(&self.0.to_string(), span).into();
        }
        syn::visit_mut::visit_type_path_mut(self, ty);
    }
}
