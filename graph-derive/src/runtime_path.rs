//! `crate = "..."`, as serde has it: the path by which generated code reaches the runtime,
//! for a dependency that is renamed (`graph = { package = "msgraph-resource" }`) or reached
//! through a facade crate. Every macro takes it; the generated code is written against
//! `::graph_core` and rewritten, token by token, to the path given.

use proc_macro2::{Delimiter, Group, Spacing, TokenStream, TokenTree};

/// Runs `expand` on the attribute's arguments without a `crate = "..."` key, and rewrites
/// what it gives to reach the runtime by that key's path where there is one. A key that is
/// not a path string is an error at its value, and the expansion goes on unchanged.
pub fn with_runtime_path(
    args: TokenStream,
    expand: impl FnOnce(TokenStream) -> TokenStream,
) -> TokenStream {
    let mut rest = Vec::new();
    let mut path: Option<Result<TokenStream, syn::Error>> = None;
    for item in crate::attr::split_at_commas(args) {
        let mut tokens = item.clone().into_iter();
        let is_crate_key = matches!(tokens.next(), Some(TokenTree::Ident(ident)) if ident == "crate")
            && matches!(tokens.next(), Some(TokenTree::Punct(eq)) if eq.as_char() == '=');
        if !is_crate_key {
            rest.push(item);
            continue;
        }
        let value: TokenStream = tokens.collect();
        path = Some(parse_path(&value));
    }
    let args: TokenStream = rest
        .into_iter()
        .enumerate()
        .flat_map(|(index, item)| {
            let comma = (index > 0).then(|| quote::quote!(,));
            comma.into_iter().flatten().chain(item)
        })
        .collect();
    let expanded = expand(args);
    match path {
        None => expanded,
        Some(Ok(path)) => rewrite(expanded, &path),
        Some(Err(error)) => {
            let error = error.to_compile_error();
            quote::quote!(#error #expanded)
        }
    }
}

/// `"::my_facade::graph"` or `"crate::runtime"` as path tokens.
fn parse_path(value: &TokenStream) -> Result<TokenStream, syn::Error> {
    let lit: syn::LitStr = syn::parse2(value.clone()).map_err(|_| {
        syn::Error::new_spanned(
            value,
            "`crate` takes the runtime's path as a string: `crate = \"::my_facade::graph_core\"`",
        )
    })?;
    let path: syn::Path = lit.parse().map_err(|_| {
        syn::Error::new_spanned(
            &lit,
            format_args!(
                "`{}` is not a path: write the path by which this crate reaches the runtime, `crate = \"::my_facade::graph_core\"`",
                lit.value()
            ),
        )
    })?;
    // Spans of the string, so errors inside generated code point at the key.
    Ok(syn::parse_quote_spanned!(lit.span()=> #path))
        .map(|path: syn::Path| quote::ToTokens::to_token_stream(&path))
}

/// `tokens` with every `::graph_core` replaced by `path`, inside groups too.
fn rewrite(tokens: TokenStream, path: &TokenStream) -> TokenStream {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut index = 0;
    while index < tokens.len() {
        if let [TokenTree::Punct(first), TokenTree::Punct(second), TokenTree::Ident(name), ..] =
            &tokens[index..]
        {
            if first.as_char() == ':'
                && first.spacing() == Spacing::Joint
                && second.as_char() == ':'
                && name == "graph_core"
                && !preceded_by_path(&out)
            {
                out.extend(path.clone());
                index += 3;
                continue;
            }
        }
        match &tokens[index] {
            TokenTree::Group(group) => {
                let mut rewritten = Group::new(group.delimiter(), rewrite(group.stream(), path));
                rewritten.set_span(group.span());
                out.push(TokenTree::Group(rewritten));
            }
            other => out.push(other.clone()),
        }
        index += 1;
    }
    out.into_iter().collect()
}

/// Whether the token before makes `::graph_core` the tail of another path
/// (`my::graph_core`, in the user's own code), which is left alone. Keywords that go
/// before a path (`<T as ::graph_core::X>`, `impl ::graph_core::X for`) do not.
fn preceded_by_path(out: &[TokenTree]) -> bool {
    const BEFORE_A_PATH: &[&str] = &[
        "as", "impl", "for", "dyn", "use", "in", "where", "return", "mut", "const", "static",
        "let", "break", "else", "match", "if", "while",
    ];
    match out.last() {
        Some(TokenTree::Ident(ident)) => !BEFORE_A_PATH.iter().any(|keyword| ident == keyword),
        Some(TokenTree::Group(group)) => group.delimiter() == Delimiter::None,
        _ => false,
    }
}
