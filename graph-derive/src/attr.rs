//! Reading attribute keys: `#[graph_resource(path = "...", odata = "...")]` and
//! `#[graph(required, rename = "...")]`. Each key is checked against the keys its place
//! accepts; an unknown, repeated or malformed key is reported at its own span, and parsing
//! goes on so every such mistake is reported at once. The tables of the keys each place
//! accepts are at the end.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Meta, Token};

use crate::errors::Errors;

/// A key a place accepts.
pub struct KeySpec {
    pub name: &'static str,
    /// What it is written with.
    pub takes: Takes,
    /// How to write it, for messages (`path = "/users"`).
    pub example: &'static str,
}

/// How a key is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// A bare `name`.
    Nothing,
    /// `name = "string"`.
    String,
    /// `name(...)`, whose tokens its own reader reads.
    List,
}

/// One key as written.
pub struct Key {
    pub name: &'static str,
    /// The key's own tokens, for errors about it.
    pub span: Span,
    /// The string, for keys that take one.
    pub value: Option<LitStr>,
    /// The tokens in the parentheses, for keys that take a list.
    pub list: Option<TokenStream>,
    /// Written, but wrongly (already reported): a malformed value, or a misspelling close
    /// to this key. It counts as given, so its absence is not reported too, but it has no
    /// effect.
    pub malformed: bool,
}

/// Where keys are written, for messages: `#[graph_resource(...)]`, `#[graph(...)]`.
pub struct Place {
    pub attribute: &'static str,
    pub keys: &'static [KeySpec],
    /// Keys that are not accepted here but are a likely mistake, with what to do instead.
    pub hints: &'static [(&'static str, &'static str)],
}

impl Place {
    /// Parses the comma-separated keys of an attribute's argument tokens. Each item is
    /// parsed on its own, so one that does not parse is reported and the others still count.
    /// The flag says whether every item parsed: where one did not, it may be the key that
    /// looks missing, so callers do not report missing keys.
    pub fn parse_tokens(&self, tokens: TokenStream, errors: &mut Errors) -> (Vec<Key>, bool) {
        let mut metas = Punctuated::<Meta, Token![,]>::new();
        let mut complete = true;
        for item in split_at_commas(tokens) {
            match syn::parse2::<Meta>(item.clone()) {
                Ok(meta) => metas.push(meta),
                Err(error) => {
                    complete = false;
                    let key = match item.into_iter().next() {
                        Some(proc_macro2::TokenTree::Ident(ident)) => Some(ident),
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
        (self.parse_metas(metas, errors), complete)
    }

    /// Parses the keys of one `#[graph(...)]` attribute.
    pub fn parse_attribute(&self, attr: &Attribute, errors: &mut Errors) -> Vec<Key> {
        match &attr.meta {
            Meta::List(list) => self.parse_tokens(list.tokens.clone(), errors).0,
            other => {
                errors.at(
                    other,
                    format_args!(
                        "`#[{}]` needs keys in parentheses: {}",
                        self.attribute,
                        self.expected()
                    ),
                );
                Vec::new()
            }
        }
    }

    fn parse_metas(&self, metas: Punctuated<Meta, Token![,]>, errors: &mut Errors) -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for meta in metas {
            let path = meta.path();
            let span = syn::spanned::Spanned::span(path);
            let Some(spec) = path
                .get_ident()
                .and_then(|ident| self.keys.iter().find(|spec| ident == spec.name))
            else {
                let suggestion = self.closest(path);
                errors.at(path, self.unknown(path, suggestion));
                if let Some(spec) = suggestion {
                    keys.push(Key::malformed(spec.name, span));
                }
                continue;
            };
            // Each key once: the second is the mistake, so it is the one reported.
            if keys
                .iter()
                .any(|key| key.name == spec.name && !key.malformed)
            {
                errors.at(
                    path,
                    format_args!("`{}` is given twice; keep one", spec.name),
                );
                continue;
            }
            let (mut value, mut list) = (None, None);
            match (&meta, spec.takes) {
                // #[graph(required)]
                (Meta::Path(_), Takes::Nothing) => {}
                // #[graph(rename = "jsonName")]
                (Meta::NameValue(nv), Takes::String) => match &nv.value {
                    Expr::Lit(ExprLit {
                        lit: Lit::Str(lit), ..
                    }) => value = Some(lit.clone()),
                    other => {
                        errors.at(
                            other,
                            format_args!(
                                "`{}` needs a string literal: `{}`",
                                spec.name, spec.example
                            ),
                        );
                        keys.push(Key::malformed(spec.name, span));
                        continue;
                    }
                },
                // permissions(create(...))
                (Meta::List(meta_list), Takes::List) => list = Some(meta_list.tokens.clone()),
                (Meta::Path(_) | Meta::NameValue(_), Takes::List) => {
                    errors.at(
                        &meta,
                        format_args!(
                            "`{}` takes a list in parentheses: `{}`",
                            spec.name, spec.example
                        ),
                    );
                    keys.push(Key::malformed(spec.name, span));
                    continue;
                }
                (Meta::Path(_) | Meta::List(_), Takes::String) => {
                    errors.at(
                        &meta,
                        format_args!("`{}` needs a value: `{}`", spec.name, spec.example),
                    );
                    keys.push(Key::malformed(spec.name, span));
                    continue;
                }
                (Meta::NameValue(_) | Meta::List(_), Takes::Nothing) => {
                    errors.at(
                        &meta,
                        format_args!("`{}` takes no value: write `{}`", spec.name, spec.example),
                    );
                    keys.push(Key::malformed(spec.name, span));
                    continue;
                }
            }
            keys.push(Key {
                name: spec.name,
                span,
                value,
                list,
                malformed: false,
            });
        }
        keys
    }

    /// The accepted key closest to a misspelt one, where one is close.
    fn closest(&self, path: &syn::Path) -> Option<&'static KeySpec> {
        let written = written(path);
        self.keys
            .iter()
            .map(|spec| (strsim::damerau_levenshtein(&written, spec.name), spec))
            .filter(|(distance, spec)| *distance <= (spec.name.len() / 3).max(1))
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, spec)| spec)
    }

    /// "unknown key `reqired`; did you mean `required`?"
    fn unknown(&self, path: &syn::Path, suggestion: Option<&KeySpec>) -> String {
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
            proc_macro2::TokenTree::Punct(punct) if punct.as_char() == ',' => {
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

impl Key {
    fn malformed(name: &'static str, span: Span) -> Self {
        Self {
            name,
            span,
            value: None,
            list: None,
            malformed: true,
        }
    }
}

fn written(path: &syn::Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
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

// The keys of each place, with an example of each for messages.

/// `#[graph_resource(path = "...", odata = "...")]`
pub const RESOURCE: Place = Place {
    attribute: "graph_resource",
    keys: &[
        KeySpec {
            name: "path",
            takes: Takes::String,
            example: "path = \"/users\"",
        },
        KeySpec {
            name: "odata",
            takes: Takes::String,
            example: "odata = \"#microsoft.graph.user\"",
        },
        KeySpec {
            name: "permissions",
            takes: Takes::List,
            example: "permissions(create(delegated = \"User.ReadWrite.All\"))",
        },
    ],
    hints: &[],
};

/// `#[graph_complex(odata = "...")]`
pub const COMPLEX: Place = Place {
    attribute: "graph_complex",
    keys: &[KeySpec {
        name: "odata",
        takes: Takes::String,
        example: "odata = \"#microsoft.graph.passwordProfile\"",
    }],
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
pub const FIELD: Place = Place {
    attribute: "graph",
    keys: &[
        KeySpec {
            name: "required",
            takes: Takes::Nothing,
            example: "#[graph(required)]",
        },
        KeySpec {
            name: "read_only",
            takes: Takes::Nothing,
            example: "#[graph(read_only)]",
        },
        KeySpec {
            name: "rename",
            takes: Takes::String,
            example: "rename = \"jsonName\"",
        },
        KeySpec {
            name: "additional_data",
            takes: Takes::Nothing,
            example: "#[graph(additional_data)]",
        },
    ],
    hints: &[],
};

/// `#[graph(...)]` on an enum variant.
pub const VARIANT: Place = Place {
    attribute: "graph",
    keys: &[
        KeySpec {
            name: "rename",
            takes: Takes::String,
            example: "rename = \"jsonName\"",
        },
        KeySpec {
            name: "other",
            takes: Takes::Nothing,
            example: "#[graph(other)]",
        },
    ],
    hints: &[],
};

/// `#[graph_union(odata = "...")]`
pub const UNION: Place = Place {
    attribute: "graph_union",
    keys: &[
        KeySpec {
            name: "odata",
            takes: Takes::String,
            example: "odata = \"#microsoft.graph.directoryObject\"",
        },
        KeySpec {
            name: "path",
            takes: Takes::String,
            example: "path = \"/groups/{group-id}/members\"",
        },
    ],
    hints: &[],
};

/// `#[graph(...)]` on a union variant.
pub const UNION_VARIANT: Place = Place {
    attribute: "graph",
    keys: &[
        KeySpec {
            name: "other",
            takes: Takes::Nothing,
            example: "#[graph(other)]",
        },
        KeySpec {
            name: "base",
            takes: Takes::Nothing,
            example: "#[graph(base)]",
        },
    ],
    hints: &[(
        "rename",
        "a union variant is written as its type writes itself, and read by its type's \
         `@odata.type`; it has no JSON name of its own",
    )],
};
