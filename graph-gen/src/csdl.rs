//! Reading a CSDL document (`$metadata`) into the model the generator works from: entity
//! and complex types with their base types, properties and navigation properties, enums,
//! the entity container's sets and singletons, and the annotations that matter here
//! (descriptions, `Computed`, `Permissions`), wherever they are written.

use std::collections::BTreeMap;

use crate::Error;

/// Whether a structured type is an entity type or a complex type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `EntityType`: has an id and, where a set or containment holds it, a path.
    Entity,
    /// `ComplexType`: a value inside others.
    Complex,
}

/// A type as a property names it: `Edm.String`, `microsoft.graph.user`, in a collection or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeRef {
    /// The qualified name, aliases resolved (`microsoft.graph.user`, `Edm.Int32`).
    pub name: String,
    /// `Collection(…)`.
    pub collection: bool,
}

/// A structural property.
#[derive(Debug, Clone)]
pub struct Property {
    /// Its JSON name.
    pub name: String,
    /// Its type.
    pub ty: TypeRef,
    /// Its description.
    pub description: Option<String>,
    /// `Computed`, or `Permissions` of `Read`: set by the service.
    pub read_only: bool,
}

/// A navigation property.
#[derive(Debug, Clone)]
pub struct Navigation {
    /// Its JSON name.
    pub name: String,
    /// The type it leads to.
    pub ty: TypeRef,
    /// `ContainsTarget`: the targets live under it (a path goes through it).
    pub contains: bool,
    /// Its description.
    pub description: Option<String>,
}

/// An entity or complex type.
#[derive(Debug, Clone)]
pub struct StructType {
    /// Entity or complex.
    pub kind: Kind,
    /// The namespace (`microsoft.graph`).
    pub namespace: String,
    /// The name within it (`user`).
    pub name: String,
    /// The base type's qualified name.
    pub base: Option<String>,
    /// `Abstract`.
    pub is_abstract: bool,
    /// The properties it declares (its base types' are theirs).
    pub properties: Vec<Property>,
    /// The navigation properties it declares.
    pub navigation: Vec<Navigation>,
    /// Its description.
    pub description: Option<String>,
}

/// An enum type.
#[derive(Debug, Clone)]
pub struct EnumType {
    /// The namespace.
    pub namespace: String,
    /// The name within it.
    pub name: String,
    /// `IsFlags`.
    pub flags: bool,
    /// Its members, in order, each with its description.
    pub members: Vec<(String, Option<String>)>,
    /// Its description.
    pub description: Option<String>,
}

/// What a CSDL document declares.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Entity and complex types by qualified name.
    pub structs: BTreeMap<String, StructType>,
    /// Enums by qualified name.
    pub enums: BTreeMap<String, EnumType>,
    /// Entity sets: name and entity type, in document order.
    pub entity_sets: Vec<(String, String)>,
    /// Singletons: name and type, in document order.
    pub singletons: Vec<(String, String)>,
}

impl StructType {
    /// `namespace.name`.
    #[must_use]
    pub fn qualified(&self) -> String {
        format!("{}.{}", self.namespace, self.name)
    }
}

impl EnumType {
    /// `namespace.name`.
    #[must_use]
    pub fn qualified(&self) -> String {
        format!("{}.{}", self.namespace, self.name)
    }
}

/// What an annotation block says of one target.
#[derive(Default)]
struct Notes {
    description: Option<String>,
    read_only: bool,
}

/// Reads a CSDL document.
///
/// # Errors
///
/// The XML is malformed ([`Error::Xml`], with its line and column), or a type or
/// property lacks a name or type ([`Error::Csdl`], with the element's line).
pub fn read(xml: &str) -> Result<Model, Error> {
    let document = roxmltree::Document::parse_with_options(
        xml,
        roxmltree::ParsingOptions {
            allow_dtd: false,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .map_err(|error| {
        let at = error.pos();
        // roxmltree's message ends with its own `at row:col`; the line leads instead.
        let message = error.to_string();
        let message = message
            .rsplit_once(" at ")
            .map_or(message.as_str(), |(text, _)| text)
            .to_owned();
        Error::Xml(format!("line {}, column {}: {message}", at.row, at.col))
    })?;
    let schemas: Vec<_> = document
        .descendants()
        .filter(|node| node.has_tag_name("Schema"))
        .collect();
    // Aliases first: a type may name another schema's by its alias.
    let mut aliases = BTreeMap::new();
    for schema in &schemas {
        let namespace = required(&document, *schema, "Namespace")?;
        if let Some(alias) = schema.attribute("Alias") {
            aliases.insert(alias.to_owned(), namespace.to_owned());
        }
    }
    let resolve = |name: &str| -> String {
        if let Some(inner) = name
            .strip_prefix("Collection(")
            .and_then(|rest| rest.strip_suffix(')'))
        {
            return format!("Collection({})", resolve_name(&aliases, inner));
        }
        resolve_name(&aliases, name)
    };
    let type_ref = |text: &str| {
        let resolved = resolve(text);
        match resolved
            .strip_prefix("Collection(")
            .and_then(|rest| rest.strip_suffix(')'))
        {
            Some(inner) => TypeRef {
                name: inner.to_owned(),
                collection: true,
            },
            None => TypeRef {
                name: resolved,
                collection: false,
            },
        }
    };

    let mut model = Model::default();
    let mut notes: BTreeMap<String, Notes> = BTreeMap::new();
    for schema in &schemas {
        let namespace = required(&document, *schema, "Namespace")?.to_owned();
        for element in schema.children().filter(roxmltree::Node::is_element) {
            let tag = element.tag_name().name();
            match tag {
                "EntityType" | "ComplexType" => {
                    let name = required(&document, element, "Name")?.to_owned();
                    let qualified = format!("{namespace}.{name}");
                    let mut properties = Vec::new();
                    let mut navigation = Vec::new();
                    // The key (`id`) is the service's to give.
                    let keys: Vec<&str> = element
                        .children()
                        .filter(|child| child.has_tag_name("Key"))
                        .flat_map(|key| key.children())
                        .filter(|child| child.has_tag_name("PropertyRef"))
                        .filter_map(|child| child.attribute("Name"))
                        .collect();
                    for member in element.children().filter(roxmltree::Node::is_element) {
                        let inline = inline_notes(member);
                        match member.tag_name().name() {
                            "Property" => {
                                let name = required(&document, member, "Name")?;
                                properties.push(Property {
                                    name: name.to_owned(),
                                    ty: type_ref(required(&document, member, "Type")?),
                                    description: inline.description,
                                    read_only: inline.read_only || keys.contains(&name),
                                });
                            }
                            "NavigationProperty" => navigation.push(Navigation {
                                name: required(&document, member, "Name")?.to_owned(),
                                ty: type_ref(required(&document, member, "Type")?),
                                contains: member.attribute("ContainsTarget") == Some("true"),
                                description: inline.description,
                            }),
                            _ => {}
                        }
                    }
                    model.structs.insert(
                        qualified,
                        StructType {
                            kind: if tag == "EntityType" {
                                Kind::Entity
                            } else {
                                Kind::Complex
                            },
                            namespace: namespace.clone(),
                            name,
                            base: element.attribute("BaseType").map(&resolve),
                            is_abstract: element.attribute("Abstract") == Some("true"),
                            properties,
                            navigation,
                            description: inline_notes(element).description,
                        },
                    );
                }
                "EnumType" => {
                    let name = required(&document, element, "Name")?.to_owned();
                    let members = element
                        .children()
                        .filter(|member| member.has_tag_name("Member"))
                        .map(|member| {
                            Ok((
                                required(&document, member, "Name")?.to_owned(),
                                inline_notes(member).description,
                            ))
                        })
                        .collect::<Result<_, Error>>()?;
                    model.enums.insert(
                        format!("{namespace}.{name}"),
                        EnumType {
                            namespace: namespace.clone(),
                            name,
                            flags: element.attribute("IsFlags") == Some("true"),
                            members,
                            description: inline_notes(element).description,
                        },
                    );
                }
                "EntityContainer" => {
                    for member in element.children().filter(roxmltree::Node::is_element) {
                        match member.tag_name().name() {
                            "EntitySet" => model.entity_sets.push((
                                required(&document, member, "Name")?.to_owned(),
                                resolve(required(&document, member, "EntityType")?),
                            )),
                            "Singleton" => model.singletons.push((
                                required(&document, member, "Name")?.to_owned(),
                                resolve(required(&document, member, "Type")?),
                            )),
                            _ => {}
                        }
                    }
                }
                "Annotations" => {
                    let target = required(&document, element, "Target")?;
                    let target = match target.split_once('/') {
                        Some((ty, member)) => format!("{}/{member}", resolve(ty)),
                        None => resolve(target),
                    };
                    let found = inline_notes(element);
                    let entry = notes.entry(target).or_default();
                    if found.description.is_some() {
                        entry.description = found.description;
                    }
                    entry.read_only |= found.read_only;
                }
                _ => {}
            }
        }
    }
    // Annotation blocks, on the types, properties and members they target.
    for (target, found) in notes {
        let (ty, member) = match target.split_once('/') {
            Some((ty, member)) => (ty.to_owned(), Some(member.to_owned())),
            None => (target, None),
        };
        if let Some(declared) = model.structs.get_mut(&ty) {
            match member {
                None => {
                    if found.description.is_some() {
                        declared.description = found.description;
                    }
                }
                Some(member) => {
                    if let Some(property) =
                        declared.properties.iter_mut().find(|p| p.name == member)
                    {
                        if found.description.is_some() {
                            property.description = found.description;
                        }
                        property.read_only |= found.read_only;
                    } else if let Some(navigation) =
                        declared.navigation.iter_mut().find(|n| n.name == member)
                    {
                        if found.description.is_some() {
                            navigation.description = found.description;
                        }
                    }
                }
            }
        } else if let Some(declared) = model.enums.get_mut(&ty) {
            match member {
                None => {
                    if found.description.is_some() {
                        declared.description = found.description;
                    }
                }
                Some(member) => {
                    if let Some(entry) = declared.members.iter_mut().find(|m| m.0 == member) {
                        if found.description.is_some() {
                            entry.1 = found.description;
                        }
                    }
                }
            }
        }
    }
    Ok(model)
}

/// A name with its namespace alias resolved (`graph.user` → `microsoft.graph.user`).
fn resolve_name(aliases: &BTreeMap<String, String>, name: &str) -> String {
    if let Some((prefix, rest)) = name.rsplit_once('.') {
        if let Some(namespace) = aliases.get(prefix) {
            return format!("{namespace}.{rest}");
        }
    }
    name.to_owned()
}

/// An attribute the element must have.
fn required<'a>(
    document: &roxmltree::Document<'_>,
    node: roxmltree::Node<'a, '_>,
    attribute: &str,
) -> Result<&'a str, Error> {
    node.attribute(attribute).ok_or_else(|| {
        let position = document.text_pos_at(node.range().start);
        Error::Csdl(format!(
            "line {}: `{}` has no `{attribute}`",
            position.row,
            node.tag_name().name()
        ))
    })
}

/// The annotations written inside an element.
fn inline_notes(node: roxmltree::Node<'_, '_>) -> Notes {
    let mut notes = Notes::default();
    for annotation in node
        .children()
        .filter(|child| child.has_tag_name("Annotation"))
    {
        let Some(term) = annotation.attribute("Term") else {
            continue;
        };
        let term = term.rsplit('.').next().unwrap_or(term);
        match term {
            "Description" | "LongDescription"
                if term == "Description" || notes.description.is_none() =>
            {
                let text = annotation.attribute("String").map(str::trim);
                if let Some(text) = text.filter(|text| !text.is_empty()) {
                    notes.description = Some(text.to_owned());
                }
            }
            "Computed" => {
                notes.read_only |= annotation.attribute("Bool") != Some("false");
            }
            "Permissions" => {
                let text: String = annotation
                    .descendants()
                    .filter_map(|child| child.text())
                    .chain(annotation.attribute("EnumMember"))
                    .collect::<Vec<_>>()
                    .join(" ");
                if text.contains("Permission/Read") && !text.contains("Permission/ReadWrite") {
                    notes.read_only = true;
                }
            }
            _ => {}
        }
    }
    notes
}
