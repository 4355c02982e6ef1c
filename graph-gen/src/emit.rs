//! The Rust source: one module per namespace (`microsoft.graph` at the top, the others
//! submodules in snake case), each type with its attribute, its description as its doc
//! comment, and its properties (its base types' first) as `Option` fields; written as
//! `rustfmt` writes it, in name order, so that two runs give the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::closure;
use crate::csdl::{Kind, Model, Property, StructType, TypeRef};
use crate::names;

/// The namespace whose types sit at the top of the generated module.
pub const TOP: &str = "microsoft.graph";

/// rustfmt's line width.
const WIDTH: usize = 100;

/// What the emitter is given besides the model.
pub struct Plan<'a> {
    pub model: &'a Model,
    /// Every struct and enum to write.
    pub types: &'a BTreeSet<String>,
    /// Entity types' collection paths.
    pub paths: &'a BTreeMap<String, String>,
    /// Whether navigation properties are written.
    pub navigation: bool,
    /// The header's first line, naming how the files were generated.
    pub header: &'a str,
}

/// An item of a module, by its Rust name.
struct Module {
    items: BTreeMap<String, String>,
}

/// The files: `mod.rs` and one per other namespace.
pub fn files(plan: &Plan<'_>) -> BTreeMap<String, String> {
    let children = closure::children(plan.model);
    // The types a property declared with a type that has derived types can hold.
    let referenced: BTreeSet<&str> = plan
        .types
        .iter()
        .filter_map(|name| plan.model.structs.get(name))
        .flat_map(|declared| {
            let navigation = declared.navigation.iter().filter(|_| plan.navigation);
            declared
                .properties
                .iter()
                .map(|p| p.ty.name.as_str())
                .chain(navigation.map(|n| n.ty.name.as_str()))
        })
        .collect();
    let unions: BTreeMap<String, Vec<String>> = plan
        .types
        .iter()
        .filter(|name| plan.model.structs.contains_key(*name) && referenced.contains(name.as_str()))
        .filter_map(|name| {
            let derived: Vec<String> = closure::descendants(&children, name)
                .into_iter()
                .filter(|d| plan.types.contains(d))
                .collect();
            (!derived.is_empty()).then(|| (name.clone(), derived))
        })
        .collect();
    let boxed = self_containing(plan, &unions);
    let mut modules: BTreeMap<String, Module> = BTreeMap::new();
    for name in plan.types {
        if let Some(declared) = plan.model.structs.get(name) {
            let module = modules
                .entry(declared.namespace.clone())
                .or_insert_with(|| Module {
                    items: BTreeMap::new(),
                });
            module.items.insert(
                names::type_name(&declared.name),
                struct_item(plan, declared, &unions, &boxed),
            );
            if let Some(derived) = unions.get(name) {
                module.items.insert(
                    union_name(&declared.name),
                    union_item(plan, declared, derived),
                );
            }
        } else if let Some(declared) = plan.model.enums.get(name) {
            modules
                .entry(declared.namespace.clone())
                .or_insert_with(|| Module {
                    items: BTreeMap::new(),
                })
                .items
                .insert(names::type_name(&declared.name), enum_item(declared));
        }
    }
    let mut files = BTreeMap::new();
    let submodules: Vec<String> = modules
        .keys()
        .filter(|namespace| namespace.as_str() != TOP)
        .map(|namespace| names::module(namespace))
        .collect();
    let top = modules.remove(TOP).map(|m| m.items).unwrap_or_default();
    let mut text = header(plan.header);
    text.push_str("// A program uses some of the types generated; the others are not dead code to fix.\n#![allow(dead_code)]\n\n");
    for module in &submodules {
        let _ = writeln!(text, "pub mod {module};");
    }
    write_items(&mut text, &top, !submodules.is_empty());
    files.insert("mod.rs".to_owned(), text);
    for (namespace, module) in modules {
        let mut text = header(plan.header);
        let _ = writeln!(text, "//! The `{namespace}` namespace.");
        write_items(&mut text, &module.items, true);
        files.insert(format!("{}.rs", names::module(&namespace)), text);
    }
    files
}

fn header(first: &str) -> String {
    let mut text = String::new();
    for line in first.lines() {
        let _ = writeln!(text, "// {line}");
    }
    text.push('\n');
    text
}

fn write_items(text: &mut String, items: &BTreeMap<String, String>, blank_first: bool) {
    for (i, item) in items.values().enumerate() {
        if i > 0 || blank_first {
            text.push('\n');
        }
        text.push_str(item);
    }
}

/// A union's name: `AnyDirectoryObject`.
fn union_name(json: &str) -> String {
    format!("Any{}", names::type_name(json))
}

/// The Rust path of a type or union, from the module of `from`.
fn path_to(from: &str, namespace: &str, item: &str) -> String {
    if from == namespace {
        item.to_owned()
    } else if from == TOP {
        format!("{}::{item}", names::module(namespace))
    } else if namespace == TOP {
        format!("super::{item}")
    } else {
        format!("super::{}::{item}", names::module(namespace))
    }
}

/// `///` lines for a description.
fn doc(text: &mut String, indent: &str, description: Option<&str>) {
    let Some(description) = description else {
        return;
    };
    for line in description.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            let _ = writeln!(text, "{indent}///");
        } else {
            let _ = writeln!(text, "{indent}/// {line}");
        }
    }
}

/// An attribute with arguments, on one line where it fits, else one argument a line.
fn attribute(text: &mut String, indent: &str, path: &str, args: &[String]) {
    if args.is_empty() {
        let _ = writeln!(text, "{indent}#[{path}]");
        return;
    }
    let one = format!("{indent}#[{path}({})]", args.join(", "));
    if one.len() <= WIDTH {
        text.push_str(&one);
        text.push('\n');
    } else {
        let _ = writeln!(text, "{indent}#[{path}(");
        for (i, arg) in args.iter().enumerate() {
            let comma = if i + 1 < args.len() { "," } else { "" };
            let _ = writeln!(text, "{indent}    {arg}{comma}");
        }
        let _ = writeln!(text, "{indent})]");
    }
}

/// A field, on one line where it fits, else its type on the next.
fn field_line(text: &mut String, name: &str, ty: &str) {
    let one = format!("    pub {name}: {ty},");
    if one.len() <= WIDTH {
        text.push_str(&one);
        text.push('\n');
    } else {
        let _ = writeln!(text, "    pub {name}:\n        {ty},");
    }
}

/// A tuple variant, on one line where it fits, else its type on a line of its own.
fn variant_line(name: &str, ty: &str) -> String {
    let one = format!("    {name}({ty}),\n");
    if one.len() - 1 <= WIDTH {
        one
    } else {
        format!("    {name}(\n        {ty},\n    ),\n")
    }
}

fn quoted(text: &str) -> String {
    format!("{text:?}")
}

/// The properties of `declared` and its base types, base first.
fn all_properties<'m>(model: &'m Model, declared: &'m StructType) -> Vec<&'m Property> {
    base_first(model, declared)
        .into_iter()
        .flat_map(|c| c.properties.iter())
        .collect()
}

/// `declared` and its base types, the root first; a base type named twice (a cycle in a
/// malformed document) ends the chain.
fn base_first<'m>(model: &'m Model, declared: &'m StructType) -> Vec<&'m StructType> {
    let mut chain = vec![declared];
    let mut base = declared.base.as_deref();
    while let Some(name) = base {
        match model.structs.get(name) {
            Some(parent) if !chain.iter().any(|c| std::ptr::eq(*c, parent)) => {
                chain.push(parent);
                base = parent.base.as_deref();
            }
            _ => break,
        }
    }
    chain.reverse();
    chain
}

/// The Rust type of a property, from the module of `namespace`, without its `Option`.
fn rust_type(
    plan: &Plan<'_>,
    namespace: &str,
    ty: &TypeRef,
    unions: &BTreeMap<String, Vec<String>>,
    boxed: bool,
) -> Option<String> {
    let single = match ty.name.as_str() {
        "Edm.String" | "Edm.Guid" => "String".to_owned(),
        "Edm.Boolean" => "bool".to_owned(),
        "Edm.Byte" | "Edm.SByte" | "Edm.Int16" | "Edm.Int32" => "i32".to_owned(),
        "Edm.Int64" => "i64".to_owned(),
        "Edm.Single" => "f32".to_owned(),
        "Edm.Double" | "Edm.Decimal" => "f64".to_owned(),
        "Edm.Date" => "graph_core::Date".to_owned(),
        "Edm.TimeOfDay" => "graph_core::TimeOfDay".to_owned(),
        "Edm.Duration" => "graph_core::Duration".to_owned(),
        "Edm.DateTimeOffset" => "graph_core::DateTimeOffset".to_owned(),
        "Edm.Binary" => "graph_core::Binary".to_owned(),
        // Content: read and written with content requests, not in the JSON.
        "Edm.Stream" => return None,
        name => {
            if let Some(declared) = plan.model.enums.get(name) {
                let path = path_to(
                    namespace,
                    &declared.namespace,
                    &names::type_name(&declared.name),
                );
                if declared.flags {
                    format!("graph_core::Flags<{path}>")
                } else {
                    path
                }
            } else if let Some(declared) = plan.model.structs.get(name) {
                let item = if unions.contains_key(name) {
                    union_name(&declared.name)
                } else {
                    names::type_name(&declared.name)
                };
                let path = path_to(namespace, &declared.namespace, &item);
                if boxed && !ty.collection {
                    format!("Box<{path}>")
                } else {
                    path
                }
            } else {
                // `Edm.Untyped`, geography types and anything else: JSON as it comes.
                "graph_core::serde_json::Value".to_owned()
            }
        }
    };
    Some(if ty.collection {
        format!("Vec<{single}>")
    } else {
        single
    })
}

fn struct_item(
    plan: &Plan<'_>,
    declared: &StructType,
    unions: &BTreeMap<String, Vec<String>>,
    boxed: &BTreeSet<(String, String)>,
) -> String {
    let qualified = declared.qualified();
    let odata = quoted(&format!("#{qualified}"));
    let mut text = String::new();
    doc(&mut text, "", declared.description.as_deref());
    let in_hierarchy = declared.base.is_some() || unions.contains_key(&qualified);
    match (declared.kind, plan.paths.get(&qualified)) {
        (Kind::Entity, Some(path)) => attribute(
            &mut text,
            "",
            "graph_core::graph_resource",
            &[
                format!("path = {}", quoted(path)),
                format!("odata = {odata}"),
            ],
        ),
        (Kind::Entity, None) => attribute(
            &mut text,
            "",
            "graph_core::graph_complex",
            &[format!("odata = {odata}")],
        ),
        (Kind::Complex, _) if in_hierarchy => attribute(
            &mut text,
            "",
            "graph_core::graph_complex",
            &[format!("odata = {odata}")],
        ),
        (Kind::Complex, _) => attribute(&mut text, "", "graph_core::graph_complex", &[]),
    }
    let _ = writeln!(text, "#[derive(Debug, Clone, PartialEq, Default)]");
    let name = names::type_name(&declared.name);
    let _ = writeln!(text, "pub struct {name} {{");
    let mut taken = BTreeSet::new();
    let mut properties: Vec<&Property> = all_properties(plan.model, declared);
    let navigation: Vec<Property> = if plan.navigation {
        collect_navigation(plan.model, declared)
    } else {
        Vec::new()
    };
    properties.extend(navigation.iter());
    for property in properties {
        let is_boxed = boxed.contains(&(qualified.clone(), property.name.clone()));
        let Some(ty) = rust_type(plan, &declared.namespace, &property.ty, unions, is_boxed) else {
            continue;
        };
        let (field, rename) = names::field(&property.name);
        if !taken.insert(field.clone()) {
            continue;
        }
        doc(&mut text, "    ", property.description.as_deref());
        let mut keys = Vec::new();
        if property.read_only {
            keys.push("read_only".to_owned());
        }
        if let Some(rename) = rename {
            keys.push(format!("rename = {}", quoted(&rename)));
        }
        if !keys.is_empty() {
            let _ = writeln!(text, "    #[graph({})]", keys.join(", "));
        }
        field_line(&mut text, &field, &format!("Option<{ty}>"));
    }
    // Whatever Graph sends that this version of its metadata does not declare.
    let extra = ["additional_data", "other_properties", "unmodelled"]
        .into_iter()
        .find(|name| !taken.contains(*name))
        .unwrap_or("additional_data_");
    let _ = writeln!(
        text,
        "    /// Properties and annotations not declared above, kept as read and written back."
    );
    let _ = writeln!(text, "    #[graph(additional_data)]");
    field_line(
        &mut text,
        extra,
        "graph_core::serde_json::Map<String, graph_core::serde_json::Value>",
    );
    text.push_str("}\n");
    text
}

/// Navigation properties, as properties (base types' first).
fn collect_navigation(model: &Model, declared: &StructType) -> Vec<Property> {
    base_first(model, declared)
        .into_iter()
        .flat_map(|c| c.navigation.iter())
        .map(|nav| Property {
            name: nav.name.clone(),
            ty: nav.ty.clone(),
            description: nav.description.clone(),
            read_only: false,
        })
        .collect()
}

fn union_item(plan: &Plan<'_>, base: &StructType, derived: &[String]) -> String {
    let mut text = String::new();
    let base_name = names::type_name(&base.name);
    let _ = writeln!(
        text,
        "/// A `{}` or any type derived from it, told apart by `@odata.type`.",
        base.qualified()
    );
    attribute(
        &mut text,
        "",
        "graph_core::graph_union",
        &[format!(
            "odata = {}",
            quoted(&format!("#{}", base.qualified()))
        )],
    );
    let _ = writeln!(text, "#[derive(Debug, Clone, PartialEq)]");
    let _ = writeln!(text, "pub enum {} {{", union_name(&base.name));
    let mut variants: BTreeMap<String, String> = BTreeMap::new();
    let mut taken = BTreeSet::new();
    if !base.is_abstract {
        taken.insert(base_name.clone());
        variants.insert(
            base_name.clone(),
            format!(
                "    #[graph(base)]\n{}",
                variant_line(&base_name, &format!("Box<{base_name}>"))
            ),
        );
    }
    for name in derived {
        let Some(declared) = plan.model.structs.get(name) else {
            continue;
        };
        if declared.is_abstract {
            continue;
        }
        let item = names::type_name(&declared.name);
        let mut variant = item.clone();
        if !taken.insert(variant.clone()) {
            variant = format!(
                "{}{item}",
                names::type_name(&names::module(&declared.namespace))
            );
            taken.insert(variant.clone());
        }
        let path = path_to(&base.namespace, &declared.namespace, &item);
        variants.insert(
            variant.clone(),
            variant_line(&variant, &format!("Box<{path}>")),
        );
    }
    for line in variants.values() {
        text.push_str(line);
    }
    let other = if taken.contains("Other") {
        "OtherType"
    } else {
        "Other"
    };
    let _ = writeln!(
        text,
        "    /// A derived type this code does not know, kept whole."
    );
    let _ = writeln!(text, "    #[graph(other)]");
    let line =
        format!("    {other}(graph_core::serde_json::Map<String, graph_core::serde_json::Value>),");
    text.push_str(&line);
    text.push('\n');
    text.push_str("}\n");
    text
}

fn enum_item(declared: &crate::csdl::EnumType) -> String {
    let mut text = String::new();
    doc(&mut text, "", declared.description.as_deref());
    if declared.flags {
        attribute(
            &mut text,
            "",
            "graph_core::graph_enum",
            &["flags".to_owned()],
        );
    } else {
        attribute(&mut text, "", "graph_core::graph_enum", &[]);
    }
    let _ = writeln!(text, "#[derive(Debug, Clone, PartialEq)]");
    let _ = writeln!(text, "pub enum {} {{", names::type_name(&declared.name));
    let mut taken = BTreeSet::new();
    for (member, description) in &declared.members {
        let (variant, rename) = names::variant(member);
        if !taken.insert(variant.clone()) {
            continue;
        }
        doc(&mut text, "    ", description.as_deref());
        if let Some(rename) = rename {
            let _ = writeln!(text, "    #[graph(rename = {})]", quoted(&rename));
        }
        let _ = writeln!(text, "    {variant},");
    }
    let other = ["Other", "OtherMember", "UnknownMember"]
        .into_iter()
        .find(|name| !taken.contains(*name))
        .unwrap_or("OtherValue");
    let _ = writeln!(
        text,
        "    /// A member this code does not know, kept as read."
    );
    let _ = writeln!(text, "    #[graph(other)]");
    let _ = writeln!(text, "    {other}(String),");
    text.push_str("}\n");
    text
}

/// The single-valued struct properties that close a cycle of single-valued struct
/// properties (a type that contains itself), which are `Box`ed: `(type, property)`.
/// Unions hold their variants boxed already, so only plain struct edges count.
fn self_containing(
    plan: &Plan<'_>,
    unions: &BTreeMap<String, Vec<String>>,
) -> BTreeSet<(String, String)> {
    // Edges: type -> (property, target) for single-valued, non-union struct properties.
    let mut edges: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for name in plan.types {
        let Some(declared) = plan.model.structs.get(name) else {
            continue;
        };
        for property in all_properties(plan.model, declared) {
            let target = property.ty.name.as_str();
            if !property.ty.collection
                && plan.model.structs.contains_key(target)
                && !unions.contains_key(target)
            {
                edges
                    .entry(name.as_str())
                    .or_default()
                    .push((property.name.as_str(), target));
            }
        }
    }
    let mut boxed = BTreeSet::new();
    for (from, list) in &edges {
        for (property, target) in list {
            if reaches(&edges, target, from) {
                boxed.insert(((*from).to_owned(), (*property).to_owned()));
            }
        }
    }
    boxed
}

/// Whether `to` is reachable from `from` along `edges`.
fn reaches(edges: &BTreeMap<&str, Vec<(&str, &str)>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from];
    while let Some(next) = stack.pop() {
        if next == to {
            return true;
        }
        if !seen.insert(next) {
            continue;
        }
        for (_, target) in edges.get(next).into_iter().flatten() {
            stack.push(target);
        }
    }
    false
}
