//! What a field's type is, as far as its syntax tells: `Option`, a plain serde value, the
//! additional-data map. Type aliases are not seen through; where that matters, the
//! generated code asks the type itself (see the runtime's probes).

use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Ident, Type};

/// Whether `ty` is written as serde_json's `Map<String, Value>` (by any path). The
/// generated code holds it to exactly that type; this catches other maps early, with a
/// message that says what to write.
pub fn is_json_map(ty: &Type) -> bool {
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
/// `String`, or a `Vec` of them but floats (which the runtime writes itself: an infinity or
/// NaN by its name): values the attributes neither validate nor write differently, so
/// generated code hands them over without asking their type. The names are
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
            matches!(args.args.first(), Some(syn::GenericArgument::Type(inner))
                if args.args.len() == 1 && is_plain(inner) && odata_number(inner) != Some(Number::Float))
        }
        _ => false,
    }
}

/// A number type whose JSON OData writes its own way.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Number {
    /// `f32`, `f64`: `"INF"`, `"-INF"` and `"NaN"` read and written as strings.
    Float,
    /// `i64`, `u64`: read from a string of digits too.
    Integer,
}

/// Which [`Number`] `ty` is written as, bare (`f64`) or as `std`'s or `core`'s primitive
/// (`::core::primitive::f64`).
pub fn odata_number(ty: &Type) -> Option<Number> {
    let Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let segments: Vec<_> = path.path.segments.iter().collect();
    let (last, prefix) = segments.split_last()?;
    if !last.arguments.is_none() {
        return None;
    }
    let prefix_ok = match prefix {
        [] => path.path.leading_colon.is_none(),
        [krate, module] => {
            (krate.ident == "std" || krate.ident == "core") && module.ident == "primitive"
        }
        _ => false,
    };
    if !prefix_ok {
        return None;
    }
    match last.ident.to_string().as_str() {
        "f32" | "f64" => Some(Number::Float),
        "i64" | "u64" => Some(Number::Integer),
        _ => None,
    }
}

/// What the runtime's own types are, where a field names one under the runtime's crate
/// (`graph_core::Binary`, `::graph_core::Flags<E>`) and the attribute has no `crate = "..."`
/// key: the generated code then hands the field over without asking rustc (a probe) what
/// it can do. Written otherwise (imported, or with the runtime elsewhere), the field is
/// asked about as any other.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RuntimeType {
    /// A plain serde value: `Binary`, `Date`, `TimeOfDay`, `Duration`.
    Serde,
    /// A value the runtime writes and validates itself: `DateTimeOffset`, `Flags<E>`.
    Graph,
}

/// Which [`RuntimeType`] `ty` is, if it is one.
pub fn runtime_type(ty: &Type) -> Option<RuntimeType> {
    let Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() || path.path.segments.len() != 2 {
        return None;
    }
    let (krate, last) = (&path.path.segments[0], &path.path.segments[1]);
    if krate.ident != "graph_core" || !krate.arguments.is_none() {
        return None;
    }
    let name = last.ident.to_string();
    match (&last.arguments, name.as_str()) {
        (syn::PathArguments::None, "Binary" | "Date" | "TimeOfDay" | "Duration") => {
            Some(RuntimeType::Serde)
        }
        (syn::PathArguments::None, "DateTimeOffset")
        | (syn::PathArguments::AngleBracketed(_), "Flags") => Some(RuntimeType::Graph),
        _ => None,
    }
}

/// Whether `ty` is written as one of the runtime's value types (`DateTimeOffset`, bare or
/// under `graph_core`), or an `Option` or `Vec` of one: values that hold no enum, so the
/// generated code does not ask whether they hold late enum members. A type of your own
/// named so is taken to hold none either.
pub fn is_runtime_value(ty: &Type) -> bool {
    const VALUES: &[&str] = &["DateTimeOffset"];
    let Type::Path(path) = ty else {
        return false;
    };
    if path.qself.is_some() {
        return false;
    }
    let segments: Vec<_> = path.path.segments.iter().collect();
    let Some((last, prefix)) = segments.split_last() else {
        return false;
    };
    match &last.arguments {
        syn::PathArguments::None => {
            let under_runtime = match prefix {
                [] => path.path.leading_colon.is_none(),
                [krate] => krate.ident == "graph_core",
                _ => false,
            };
            under_runtime && VALUES.iter().any(|value| last.ident == value)
        }
        syn::PathArguments::AngleBracketed(args) if prefix.is_empty() => {
            (last.ident == "Option" || last.ident == "Vec")
                && args.args.len() == 1
                && matches!(args.args.first(), Some(syn::GenericArgument::Type(inner)) if is_runtime_value(inner))
        }
        _ => false,
    }
}

/// The types a field's value is made of, as far as the syntax shows: `ty` with the
/// containers the runtime descends into peeled off (`Option`, `Vec`, `VecDeque`, `Box`,
/// `Arc`, `Rc`, `Box<[T]>`, and the values of maps keyed by `String`), each of the rest
/// once (a map's key, a tuple, an array, a wrapper of the user's are kept whole). Plain
/// types and the runtime's value types are left out. For each, the generated code asks rustc whether it is a Graph type
/// or a serde type, so a type the user forgot to mark is one error naming it, at its place
/// in the field's type (`Task`, not `Vec<Task>`).
pub fn leaves(ty: &Type) -> Vec<&Type> {
    fn walk<'t>(ty: &'t Type, out: &mut Vec<&'t Type>) {
        match ty {
            Type::Paren(paren) => return walk(&paren.elem, out),
            Type::Group(group) => return walk(&group.elem, out),
            Type::Slice(slice) => return walk(&slice.elem, out),
            _ => {}
        }
        if let Some(inner) = container_inner(ty) {
            return walk(inner, out);
        }
        if !is_plain(ty) && !is_runtime_value(ty) {
            out.push(ty);
        }
    }
    let mut out = Vec::new();
    walk(ty, &mut out);
    out
}

/// What a container the runtime descends into holds, where `ty` is written as one: the
/// single type argument of `Option`, `Vec`, `VecDeque`, `Box`, `Arc` or `Rc` (by their last
/// path segment), or the value type of a `BTreeMap` or `HashMap` keyed by `String`.
fn container_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let types: Vec<&Type> = args
        .args
        .iter()
        .filter_map(|arg| match arg {
            syn::GenericArgument::Type(ty) => Some(ty),
            _ => None,
        })
        .collect();
    let name = last.ident.to_string();
    match (name.as_str(), types.as_slice()) {
        ("Option" | "Vec" | "VecDeque" | "Box" | "Arc" | "Rc", [inner]) => Some(inner),
        ("BTreeMap" | "HashMap", [key, value]) if is_plain(key) => Some(value),
        _ => None,
    }
}

/// Replaces `Self` in a field's type by the struct's own name.
pub struct ReplaceSelf<'a>(pub &'a Ident);

impl VisitMut for ReplaceSelf<'_> {
    fn visit_type_path_mut(&mut self, ty: &mut syn::TypePath) {
        if ty.qself.is_none() && ty.path.is_ident("Self") {
            let span = ty.path.span();
            ty.path = Ident::new(&self.0.to_string(), span).into();
        }
        syn::visit_mut::visit_type_path_mut(self, ty);
    }
}

/// The pairs (outer, inner) of types written one inside the other in `ty`, outermost
/// first: `Vec<Arc<Task>>` gives (`Vec<Arc<Task>>`, `Arc<Task>`) and (`Arc<Task>`, `Task`).
/// Plain inner types are left out (they hold nothing of the crate's).
pub fn nested(ty: &Type) -> Vec<(&Type, &Type)> {
    fn walk<'t>(outer: &'t Type, pairs: &mut Vec<(&'t Type, &'t Type)>) {
        let inner = |ty: &'t Type, pairs: &mut Vec<(&'t Type, &'t Type)>| {
            if !is_plain(ty) {
                pairs.push((outer, ty));
                walk(ty, pairs);
            }
        };
        match outer {
            Type::Path(path) => {
                for segment in &path.path.segments {
                    if let syn::PathArguments::AngleBracketed(args) = &segment.arguments {
                        for arg in &args.args {
                            if let syn::GenericArgument::Type(ty) = arg {
                                inner(ty, pairs);
                            }
                        }
                    }
                }
            }
            Type::Array(array) => inner(&array.elem, pairs),
            Type::Slice(slice) => inner(&slice.elem, pairs),
            Type::Reference(reference) => inner(&reference.elem, pairs),
            Type::Tuple(tuple) => {
                for ty in &tuple.elems {
                    inner(ty, pairs);
                }
            }
            Type::Paren(paren) => walk(&paren.elem, pairs),
            Type::Group(group) => walk(&group.elem, pairs),
            _ => {}
        }
    }
    let mut pairs = Vec::new();
    walk(ty, &mut pairs);
    pairs
}
