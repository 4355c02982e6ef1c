//! The machinery every place shares: its keys are read from the tokens into the place's
//! typed attribute, each key checked against the keys the place accepts. An unknown,
//! repeated or malformed key is reported at its own span (with the nearest accepted key,
//! where one is close), and reading goes on, so every such mistake is reported at once.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Meta};

use crate::errors::Errors;

/// One key of a typed attribute, as it was written.
#[derive(Default)]
pub enum Slot<T> {
    /// Not written.
    #[default]
    Absent,
    /// Written, but wrongly (already reported): a malformed value, a misspelling close to
    /// this key, or an item of the list that did not parse and may be this key. It counts
    /// as written, so its absence is not reported too, but it has no effect.
    Malformed,
    /// Written rightly: the span of the key's name, for errors about the key itself, and
    /// its value.
    Given(Span, T),
}

impl<T> Slot<T> {
    /// The value, where the key was written rightly.
    pub fn value(&self) -> Option<&T> {
        match self {
            Slot::Given(_, value) => Some(value),
            Slot::Absent | Slot::Malformed => None,
        }
    }

    /// The span of the key's name, where the key was written rightly.
    pub fn span(&self) -> Option<Span> {
        match self {
            Slot::Given(span, _) => Some(*span),
            Slot::Absent | Slot::Malformed => None,
        }
    }

    /// Whether the key was written, rightly or not.
    pub fn written(&self) -> bool {
        !matches!(self, Slot::Absent)
    }

    fn mark_malformed(&mut self) {
        if let Slot::Absent = self {
            *self = Slot::Malformed;
        }
    }
}

/// A key a place accepts.
pub struct KeySpec<A: 'static> {
    pub name: &'static str,
    /// What it is written with, and the slot of the typed attribute `A` it fills.
    pub takes: Takes<A>,
    /// How to write it, for messages (`path = "/users"`).
    pub example: &'static str,
    /// Whether messages offer it (`expected ...`, `did you mean ...?`). `crate` is not
    /// offered: it is for the few who reach the runtime by another path.
    pub offered: bool,
}

/// How a key is written, and where its typed attribute keeps it.
pub enum Takes<A: 'static> {
    /// A bare `name`.
    Nothing(fn(&mut A) -> &mut Slot<()>),
    /// `name = "string"`.
    String(fn(&mut A) -> &mut Slot<LitStr>),
    /// `name = "::a::path"`: the runtime's path, written as a string (`crate`).
    Path(fn(&mut A) -> &mut Slot<syn::Path>),
    /// `name(...)`, whose tokens the key's own grammar reads.
    List(fn(&mut A) -> &mut Slot<TokenStream>),
    /// `name = Type`: a Rust type, as written (`returns = Vec<String>`).
    Type(fn(&mut A) -> &mut Slot<syn::Type>),
}

impl<A> Takes<A> {
    fn is_given(&self, attr: &mut A) -> bool {
        match self {
            Takes::Nothing(slot) => slot(attr).value().is_some(),
            Takes::String(slot) => slot(attr).value().is_some(),
            Takes::Path(slot) => slot(attr).value().is_some(),
            Takes::List(slot) => slot(attr).value().is_some(),
            Takes::Type(slot) => slot(attr).value().is_some(),
        }
    }

    fn mark_malformed(&self, attr: &mut A) {
        match self {
            Takes::Nothing(slot) => slot(attr).mark_malformed(),
            Takes::String(slot) => slot(attr).mark_malformed(),
            Takes::Path(slot) => slot(attr).mark_malformed(),
            Takes::List(slot) => slot(attr).mark_malformed(),
            Takes::Type(slot) => slot(attr).mark_malformed(),
        }
    }
}

/// Where keys are written, for messages (`#[graph_resource(...)]`, `#[graph(...)]`), and
/// the typed attribute `A` they are read into.
pub struct Place<A: 'static> {
    pub attribute: &'static str,
    pub keys: &'static [KeySpec<A>],
    /// Keys that are not accepted here but are a likely mistake, with what to do instead.
    pub hints: &'static [(&'static str, &'static str)],
}

impl<A: Default> Place<A> {
    /// Reads the comma-separated keys of an attribute's argument tokens.
    pub fn parse_tokens(&self, tokens: TokenStream, errors: &mut Errors) -> A {
        let mut attr = A::default();
        self.read_tokens(tokens, &mut attr, errors);
        attr
    }

    /// Reads the keys of every `#[graph(...)]` attribute in `attrs` into one typed
    /// attribute, so that a key repeated across two attributes is caught too.
    pub fn parse_attributes<'a>(
        &self,
        attrs: impl IntoIterator<Item = &'a Attribute>,
        errors: &mut Errors,
    ) -> A {
        let mut attr = A::default();
        for attribute in attrs {
            match &attribute.meta {
                Meta::List(list) => self.read_tokens(list.tokens.clone(), &mut attr, errors),
                other => errors.at(
                    other,
                    format_args!(
                        "`#[{}]` needs keys in parentheses: {}",
                        self.attribute,
                        self.expected()
                    ),
                ),
            }
        }
        attr
    }
}

impl<A> Place<A> {
    /// Splits a list into the items that start with one of this place's keys and the
    /// others, each part comma-separated again: for an attribute that takes nothing but
    /// its keys, and reports the others all at once, at their tokens.
    pub fn split_own_keys(&self, tokens: TokenStream) -> (TokenStream, TokenStream) {
        let (own, others): (Vec<_>, Vec<_>) =
            split_at_commas(tokens).into_iter().partition(|item| {
                matches!(item.clone().into_iter().next(),
                    Some(TokenTree::Ident(ident)) if self.keys.iter().any(|spec| ident == spec.name))
            });
        let join = |items: Vec<TokenStream>| -> TokenStream {
            let mut joined = TokenStream::new();
            for (index, item) in items.into_iter().enumerate() {
                if index > 0 {
                    joined.extend(quote::quote!(,));
                }
                joined.extend(item);
            }
            joined
        };
        (join(own), join(others))
    }

    /// Each item is parsed on its own, so one that does not parse is reported and the
    /// others still count. Where one did not parse, it may be the key that looks missing,
    /// so every key not written is taken as written wrongly: none is reported missing.
    fn read_tokens(&self, tokens: TokenStream, attr: &mut A, errors: &mut Errors) {
        let mut complete = true;
        for item in split_at_commas(tokens) {
            if self.read_type(&item, attr, errors) {
                continue;
            }
            match syn::parse2::<Meta>(item.clone()) {
                Ok(meta) => self.read_meta(&meta, attr, errors),
                Err(error) => {
                    complete = false;
                    let key = match item.into_iter().next() {
                        Some(TokenTree::Ident(ident)) => Some(ident),
                        _ => None,
                    };
                    let spec = key
                        .as_ref()
                        .and_then(|ident| self.keys.iter().find(|spec| ident == spec.name));
                    match spec {
                        Some(spec) => errors.push(syn::Error::new(
                            error.span(),
                            format_args!("expected `{}`", spec.example),
                        )),
                        None => errors.push(syn::Error::new(
                            error.span(),
                            format_args!("{} here", self.expected()),
                        )),
                    }
                }
            }
        }
        if !complete {
            for spec in self.keys {
                spec.takes.mark_malformed(attr);
            }
        }
    }

    /// A key that takes a type (`returns = Vec<String>`), which is no `Meta` (its value
    /// is no expression): read here, and `true`, where `item` is one.
    fn read_type(&self, item: &TokenStream, attr: &mut A, errors: &mut Errors) -> bool {
        let mut tokens = item.clone().into_iter();
        let Some(TokenTree::Ident(ident)) = tokens.next() else {
            return false;
        };
        let Some(spec) = self.keys.iter().find(|spec| ident == spec.name) else {
            return false;
        };
        let Takes::Type(slot) = &spec.takes else {
            return false;
        };
        let span = ident.span();
        // returns = Vec<String>
        if spec.takes.is_given(attr) {
            errors.at(
                &ident,
                format_args!("`{}` is given twice; keep one", spec.name),
            );
            return true;
        }
        let ty = match tokens.next() {
            Some(TokenTree::Punct(eq)) if eq.as_char() == '=' => {
                syn::parse2::<syn::Type>(tokens.collect())
            }
            _ => Err(syn::Error::new(span, "")),
        };
        match ty {
            Ok(ty) => *slot(attr) = Slot::Given(span, ty),
            Err(_) => {
                let quoted = item.to_string().contains('"');
                let how = if quoted {
                    ", written without quotes"
                } else {
                    ""
                };
                errors.at(
                    item,
                    format_args!("`{}` takes a type{how}: `{}`", spec.name, spec.example),
                );
                slot(attr).mark_malformed();
            }
        }
        true
    }

    fn read_meta(&self, meta: &Meta, attr: &mut A, errors: &mut Errors) {
        let path = meta.path();
        let span = syn::spanned::Spanned::span(path);
        let Some(spec) = path
            .get_ident()
            .and_then(|ident| self.keys.iter().find(|spec| ident == spec.name))
        else {
            let suggestion = self.closest(path);
            errors.at(path, self.unknown(path, suggestion));
            if let Some(spec) = suggestion {
                spec.takes.mark_malformed(attr);
            }
            return;
        };
        // Each key once: the second is the mistake, so it is the one reported.
        if spec.takes.is_given(attr) {
            errors.at(
                path,
                format_args!("`{}` is given twice; keep one", spec.name),
            );
            return;
        }
        let (name, example) = (spec.name, spec.example);
        match (meta, &spec.takes) {
            // #[graph(required)]
            (Meta::Path(_), Takes::Nothing(slot)) => *slot(attr) = Slot::Given(span, ()),
            // #[graph(rename = "jsonName")]
            (Meta::NameValue(nv), Takes::String(slot)) => match &nv.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(lit), ..
                }) => *slot(attr) = Slot::Given(span, lit.clone()),
                other => {
                    errors.at(
                        other,
                        format_args!("`{name}` needs a string literal: `{example}`"),
                    );
                    slot(attr).mark_malformed();
                }
            },
            // crate = "::my_facade::graph_core"
            (Meta::NameValue(nv), Takes::Path(slot)) => match &nv.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(lit), ..
                }) => match lit.parse::<syn::Path>() {
                    // Its tokens carry the string's span, so errors inside generated code
                    // point at the key.
                    Ok(path) => *slot(attr) = Slot::Given(span, path),
                    Err(_) => {
                        errors.at(
                            lit,
                            format_args!(
                                "`{}` is not a path: write the path by which this crate \
                                 reaches the runtime, `{example}`",
                                lit.value()
                            ),
                        );
                        slot(attr).mark_malformed();
                    }
                },
                other => {
                    errors.at(
                        other,
                        format_args!("`{name}` takes the runtime's path as a string: `{example}`"),
                    );
                    slot(attr).mark_malformed();
                }
            },
            // permissions(create(...))
            (Meta::List(list), Takes::List(slot)) => {
                *slot(attr) = Slot::Given(span, list.tokens.clone());
            }
            (Meta::Path(_) | Meta::NameValue(_), Takes::List(_)) => {
                errors.at(
                    meta,
                    format_args!("`{name}` takes a list in parentheses: `{example}`"),
                );
                spec.takes.mark_malformed(attr);
            }
            (Meta::Path(_) | Meta::List(_), Takes::String(_) | Takes::Path(_)) => {
                errors.at(meta, format_args!("`{name}` needs a value: `{example}`"));
                spec.takes.mark_malformed(attr);
            }
            // Read by `read_type` before an item is parsed as a `Meta`.
            (_, Takes::Type(_)) => {}
            (Meta::NameValue(_) | Meta::List(_), Takes::Nothing(_)) => {
                errors.at(
                    meta,
                    format_args!("`{name}` takes no value: write `{example}`"),
                );
                spec.takes.mark_malformed(attr);
            }
        }
    }

    /// The offered key closest to a misspelt one, where one is close.
    fn closest(&self, path: &syn::Path) -> Option<&'static KeySpec<A>> {
        let written = written(path);
        self.keys
            .iter()
            .filter(|spec| spec.offered)
            .map(|spec| (strsim::damerau_levenshtein(&written, spec.name), spec))
            .filter(|(distance, spec)| *distance <= (spec.name.len() / 3).max(1))
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, spec)| spec)
    }

    /// "unknown key `reqired`; did you mean `required`?"
    fn unknown(&self, path: &syn::Path, suggestion: Option<&KeySpec<A>>) -> String {
        let written = written(path);
        if let Some((_, hint)) = self.hints.iter().find(|(key, _)| *key == written) {
            return format!("`{written}` does not go here: {hint}");
        }
        match suggestion {
            Some(spec) => format!(
                "unknown `#[{}]` key `{written}`; did you mean `{}`?",
                self.attribute, spec.name
            ),
            None => format!(
                "unknown `#[{}]` key `{written}`; {}",
                self.attribute,
                self.expected()
            ),
        }
    }

    /// "expected `path = "/users"` or `odata = "..."`"
    fn expected(&self) -> String {
        let examples: Vec<String> = self
            .keys
            .iter()
            .filter(|spec| spec.offered)
            .map(|spec| format!("`{}`", spec.example))
            .collect();
        match examples.split_last() {
            Some((last, [])) => format!("expected {last}"),
            Some((last, rest)) => format!("expected {} or {last}", rest.join(", ")),
            None => "it takes no keys".to_owned(),
        }
    }
}

/// The items of a comma-separated list, split at the commas that are not inside brackets.
pub fn split_at_commas(tokens: TokenStream) -> Vec<TokenStream> {
    let mut items = Vec::new();
    let mut item = TokenStream::new();
    for token in tokens {
        match &token {
            TokenTree::Punct(punct) if punct.as_char() == ',' => {
                items.push(std::mem::take(&mut item));
            }
            _ => item.extend([token]),
        }
    }
    if !item.is_empty() {
        items.push(item);
    }
    items
}

fn written(path: &syn::Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}
