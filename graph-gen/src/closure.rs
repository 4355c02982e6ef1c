//! What the types asked for need: their base types, the types and enums of their
//! properties, every derived type of a property's type (a property of a type with derived
//! types can hold any of them), and with `navigation`, what navigation properties lead to.
//! Nothing more.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::csdl::{Kind, Model};

/// The derived types of each type: its direct children, by qualified name.
#[must_use]
pub fn children(model: &Model) -> BTreeMap<String, Vec<String>> {
    let mut children: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, declared) in &model.structs {
        if let Some(base) = &declared.base {
            children.entry(base.clone()).or_default().push(name.clone());
        }
    }
    children
}

/// Every type derived from `name`, at any depth, in name order.
#[must_use]
pub fn descendants(children: &BTreeMap<String, Vec<String>>, name: &str) -> Vec<String> {
    let mut found = BTreeSet::new();
    let mut queue: VecDeque<&str> = VecDeque::from([name]);
    while let Some(next) = queue.pop_front() {
        for child in children.get(next).into_iter().flatten() {
            if found.insert(child.clone()) {
                queue.push_back(child);
            }
        }
    }
    found.into_iter().collect()
}

/// The qualified names of every struct and enum the `roots` need written: the roots,
/// their properties' types and enums, and every type derived from a property's type.
/// Base types are walked for their properties (which their derived types carry) but are
/// written only where something names them.
#[must_use]
pub fn closure(model: &Model, roots: &[String], navigation: bool) -> BTreeSet<String> {
    let children = children(model);
    let mut walked = BTreeSet::new();
    let mut written = BTreeSet::new();
    let mut queue: VecDeque<(String, bool)> = roots.iter().map(|r| (r.clone(), true)).collect();
    while let Some((name, write)) = queue.pop_front() {
        if write {
            written.insert(name.clone());
        }
        if !walked.insert(name.clone()) {
            continue;
        }
        let Some(declared) = model.structs.get(&name) else {
            continue;
        };
        if let Some(base) = &declared.base {
            queue.push_back((base.clone(), false));
        }
        let referenced: Vec<&str> = declared
            .properties
            .iter()
            .map(|p| p.ty.name.as_str())
            .chain(
                declared
                    .navigation
                    .iter()
                    .filter(|_| navigation)
                    .map(|n| n.ty.name.as_str()),
            )
            .collect();
        for ty in referenced {
            if model.structs.contains_key(ty) || model.enums.contains_key(ty) {
                queue.push_back((ty.to_owned(), true));
            }
            // A property of this type may hold any type derived from it.
            for derived in descendants(&children, ty) {
                queue.push_back((derived, true));
            }
        }
    }
    written
}

/// Each entity type's collection path: its entity set (`/users`), else the shortest path
/// through containment navigation properties from an entity set or a singleton (entity
/// sets first, then by name; among properties as short, one named for its type first):
/// `/drives/{drive-id}/items`; else its nearest base type's
/// (a collection of a base type holds its derived types: an `itemAttachment` is created
/// in a message's `attachments`). Types with none of these have none.
#[must_use]
pub fn paths(model: &Model) -> BTreeMap<String, String> {
    let mut paths: BTreeMap<String, String> = BTreeMap::new();
    // Sets first, in name order, each the path of its type and of the types derived from
    // it that have none.
    let mut sets = model.entity_sets.clone();
    sets.sort();
    for (set, ty) in &sets {
        paths.entry(ty.clone()).or_insert_with(|| format!("/{set}"));
    }
    // Then breadth first from every set's item and every singleton: a place is a path to
    // one entity of a type; its containment properties are collections (a path) or single
    // (another place).
    let mut places: VecDeque<(String, String)> = VecDeque::new();
    for (set, ty) in &sets {
        places.push_back((format!("/{set}/{{{}}}", placeholder(ty)), ty.clone()));
    }
    let mut singletons = model.singletons.clone();
    singletons.sort();
    for (singleton, ty) in &singletons {
        places.push_back((format!("/{singleton}"), ty.clone()));
    }
    let mut expanded: BTreeSet<String> = BTreeSet::new();
    while let Some((place, ty)) = places.pop_front() {
        if !expanded.insert(ty.clone()) {
            continue;
        }
        let mut chain = Vec::new();
        let mut current = Some(ty.clone());
        while let Some(name) = current {
            current = model.structs.get(&name).and_then(|s| s.base.clone());
            chain.push(name);
        }
        let mut found: Vec<(String, String, bool)> = chain
            .iter()
            .filter_map(|name| model.structs.get(name))
            .flat_map(|declared| declared.navigation.iter())
            .filter(|nav| nav.contains)
            .map(|nav| (nav.name.clone(), nav.ty.name.clone(), nav.ty.collection))
            .collect();
        // Among properties as short, the one named for its type (`events` for `event`)
        // before views of it (`calendarView`), then by name.
        found.sort_by_key(|(name, target, _)| (!named_for(name, target), name.clone()));
        for (name, target, collection) in found {
            if !model
                .structs
                .get(&target)
                .is_some_and(|t| t.kind == Kind::Entity)
            {
                continue;
            }
            if collection {
                let path = format!("{place}/{name}");
                paths.entry(target.clone()).or_insert_with(|| path.clone());
                places.push_back((format!("{path}/{{{}}}", placeholder(&target)), target));
            } else {
                places.push_back((format!("{place}/{name}"), target));
            }
        }
    }
    // A derived type without a path of its own is read and written through its base's.
    let mut inherited = Vec::new();
    for (name, declared) in &model.structs {
        if declared.kind != Kind::Entity || paths.contains_key(name) {
            continue;
        }
        let mut base = declared.base.clone();
        while let Some(current) = base {
            if let Some(path) = paths.get(&current) {
                inherited.push((name.clone(), path.clone()));
                break;
            }
            base = model.structs.get(&current).and_then(|s| s.base.clone());
        }
    }
    paths.extend(inherited);
    paths
}

/// Whether a navigation property is named for the type it holds (`events`, `items` for
/// `driveItem`, `event`).
fn named_for(property: &str, ty: &str) -> bool {
    let short = ty.rsplit('.').next().unwrap_or(ty).to_ascii_lowercase();
    let property = property.to_ascii_lowercase();
    let singular = property.strip_suffix('s').unwrap_or(&property);
    short == property || short == singular || short.ends_with(singular)
}

/// A path placeholder for an entity of `ty`: `{user-id}`.
fn placeholder(ty: &str) -> String {
    format!("{}-id", ty.rsplit('.').next().unwrap_or(ty))
}
