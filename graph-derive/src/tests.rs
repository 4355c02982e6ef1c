//! The stages on their own, with `syn::parse_quote!` inputs, and a snapshot of the code
//! generated for the seed page's `Run` (`snapshots/run.expanded.rs`; refresh it with
//! `UPDATE_EXPECT=1 cargo test -p msgraph-resource-derive`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{parse_quote, DeriveInput};

use crate::ast::{self, Kind};
use crate::errors::Errors;
use crate::model::{ObjectKind, Presence};
use crate::{build, graph_enum_impl, object};

/// Reads and checks a resource; `then` sees the checked model, when there is one, and
/// the messages of every error found.
fn resource(
    args: TokenStream,
    item: DeriveInput,
    then: impl FnOnce(Option<&crate::model::Object<'_>>, Vec<String>),
) {
    model(Kind::Resource, args, item, then);
}

fn model(
    kind: Kind,
    args: TokenStream,
    item: DeriveInput,
    then: impl FnOnce(Option<&crate::model::Object<'_>>, Vec<String>),
) {
    let mut errors = Errors::default();
    let input = ast::Object::from_syn(kind, args, item, &mut errors);
    let checked = build::object(&input, &mut errors);
    then(checked.as_ref(), errors.messages());
}

fn errors_of(kind: Kind, args: TokenStream, item: DeriveInput) -> Vec<String> {
    let mut messages = Vec::new();
    model(kind, args, item, |_, errors| messages = errors);
    messages
}

fn graph_resource_impl(args: TokenStream, item: TokenStream) -> TokenStream {
    object(Kind::Resource, args, item)
}

fn enumeration(
    item: DeriveInput,
    then: impl FnOnce(Option<&crate::model::Enumeration<'_>>, Vec<String>),
) {
    let mut errors = Errors::default();
    let input = ast::Enumeration::from_syn(TokenStream::new(), item, &mut errors);
    let checked = build::enumeration(&input, &mut errors);
    then(checked.as_ref(), errors.messages());
}

fn pretty(tokens: TokenStream) -> String {
    prettyplease::unparse(&syn::parse2::<syn::File>(tokens).expect("the expansion parses"))
}

#[test]
fn the_model_holds_json_names_flags_and_option_shape() {
    resource(
        quote!(
            path = "/users/{user-id}/items",
            odata = "microsoft.graph.item"
        ),
        parse_quote! {
            pub struct Item {
                #[graph(read_only)]
                id: Option<String>,
                #[graph(required)]
                display_name: std::option::Option<String>,
                #[graph(rename = "mail")]
                email: ::core::option::Option<String>,
                r#type: String,
                /// Docs stay.
                #[serde_like]
                children: Vec<Self>,
            }
        },
        |model, errors| {
            assert!(errors.is_empty(), "{errors:?}");
            let model = model.expect("a checked model");
            let fields: Vec<_> = model
                .fields
                .iter()
                .map(|f| (f.json_name.as_str(), f.option, f.presence))
                .collect();
            assert_eq!(
                fields,
                [
                    ("id", true, Presence::ReadOnly),
                    ("displayName", true, Presence::Required),
                    ("mail", true, Presence::Optional),
                    ("type", false, Presence::Optional),
                    ("children", false, Presence::Optional),
                ]
            );
            let ObjectKind::Resource { path, odata, .. } = &model.kind else {
                panic!("a resource");
            };
            assert_eq!(odata, "#microsoft.graph.item");
            let params: Vec<_> = path
                .params
                .iter()
                .map(|param| (param.name.as_str(), param.ident.to_string()))
                .collect();
            assert_eq!(params, [("user-id", "user_id".to_owned())]);
            // `Self` in a field type is the struct's own name, so it can be written elsewhere.
            let children = model.fields[4].ty;
            assert_eq!(quote!(#children).to_string(), "Vec < Item >");
            // `#[graph]` is consumed; every other attribute stays.
            let item = model.item;
            let emitted = quote!(#item).to_string();
            assert!(!emitted.contains("graph"), "{emitted}");
            assert!(emitted.contains("serde_like"), "{emitted}");
            assert!(emitted.contains("Docs stay."), "{emitted}");
        },
    );
}

/// With any mistake there is no checked model: `expand` never sees an item that broke a
/// rule.
#[test]
fn a_mistake_gives_no_checked_model() {
    resource(
        quote!(path = "/users"),
        parse_quote!(
            struct User {
                a: Option<i32>,
            }
        ),
        |model, errors| {
            assert!(model.is_none());
            assert_eq!(errors.len(), 1, "{errors:?}");
        },
    );
}

#[test]
fn every_mistake_in_one_item_is_reported_at_once() {
    let errors = errors_of(
        Kind::Resource,
        quote!(path = "users", odata = "contoso.user", pth = "/x"),
        parse_quote! {
            struct User {
                #[graph(reqired)]
                a: Option<i32>,
                #[graph(required)]
                b: i32,
                #[graph(required, read_only)]
                c: Option<i32>,
                #[graph(rename = "")]
                d: Option<i32>,
                #[graph(rename = "a")]
                e: Option<i32>,
            }
        },
    );
    assert_eq!(errors.len(), 8, "{errors:#?}");
    let expected = [
        "unknown `#[graph_resource]` key `pth`; did you mean `path`?",
        "path template `users` must start with `/`: write `/users`",
        "not in the `microsoft.graph` namespace",
        "unknown `#[graph]` key `reqired`; did you mean `required`?",
        "`required` is for `Option<T>` fields: the type of `b` is not written as `Option<...>`",
        "cannot be both `required` and `read_only`",
        "`rename` to an empty string",
        "field `e` is renamed to `a`, which is already the JSON name of field `a` (from its Rust name)",
    ];
    for expected in expected {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "no error contains {expected:?}: {errors:#?}"
        );
    }
}

/// Each placeholder of the path is an argument of the operations: snake case, raw where it
/// is a keyword, and no two the same.
#[test]
fn placeholders_become_the_arguments_of_the_operations() {
    for (raw, expected) in [
        (
            "/groups/{group-id}/members/{memberId}/$ref",
            &["group_id", "member_id"][..],
        ),
        ("/a/{type}/b/{self}", &["r#type", "self_"][..]),
        ("/workflowBase/runs", &[][..]),
    ] {
        resource(
            quote!(path = #raw, odata = "#microsoft.graph.item"),
            parse_quote!(
                struct Item {}
            ),
            |model, errors| {
                assert!(errors.is_empty(), "{errors:?}");
                let ObjectKind::Resource { path, .. } = &model.expect("a model").kind else {
                    panic!("a resource");
                };
                assert_eq!(path.raw, raw);
                let idents: Vec<_> = path.params.iter().map(|p| p.ident.to_string()).collect();
                assert_eq!(idents, expected, "{raw}");
            },
        );
    }
    let errors = errors_of(
        Kind::Resource,
        quote!(
            path = "/a/{user-id}/b/{userId}",
            odata = "#microsoft.graph.item"
        ),
        parse_quote!(
            struct Item {}
        ),
    );
    assert_eq!(
        errors,
        ["path parameters `{user-id}` and `{userId}` would both be the argument `user_id`; rename one"]
    );
}

#[test]
fn missing_keys_are_reported() {
    let errors = errors_of(
        Kind::Resource,
        quote!(),
        parse_quote!(
            struct User {}
        ),
    );
    assert_eq!(errors.len(), 2);
    assert!(errors[0].starts_with("missing `path`"), "{errors:?}");
    assert!(errors[1].starts_with("missing `odata`"), "{errors:?}");
}

#[test]
fn keys_are_checked_for_shape() {
    let errors = errors_of(
        Kind::Resource,
        quote!(path = 3, odata, path = "/x"),
        parse_quote! {
            struct User {
                #[graph(required = true, rename)]
                a: Option<i32>,
            }
        },
    );
    let expected = [
        "`path` needs a string literal: `path = \"/users\"`",
        "`odata` needs a value: `odata = \"#microsoft.graph.user\"`",
        "`required` takes no value: write `#[graph(required)]`",
        "`rename` needs a value: `rename = \"jsonName\"`",
    ];
    for expected in expected {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "no error contains {expected:?}: {errors:#?}"
        );
    }
}

#[test]
fn a_key_repeated_across_attributes_is_reported_once() {
    let errors = errors_of(
        Kind::Resource,
        quote!(path = "/x", odata = "microsoft.graph.x"),
        parse_quote! {
            struct X {
                #[graph(required)]
                #[graph(required)]
                a: Option<i32>,
            }
        },
    );
    assert_eq!(errors, ["`required` is given twice; keep one"]);
}

/// Each place's keys land in the fields of its typed attribute, across every `#[graph]`
/// attribute of a field; a key written wrongly counts as written but has no value.
#[test]
fn keys_are_read_into_typed_attributes() {
    let mut errors = Errors::default();
    let field: syn::Field = parse_quote! {
        #[graph(required, rename = "mail")]
        #[graph(read_only)]
        email: Option<String>
    };
    let attr = crate::attr::FIELD.parse_attributes(&field.attrs, &mut errors);
    assert!(errors.is_empty(), "{:?}", errors.messages());
    assert!(attr.required.span().is_some() && attr.read_only.span().is_some());
    assert_eq!(
        attr.rename.value().map(syn::LitStr::value).as_deref(),
        Some("mail")
    );
    assert!(!attr.additional_data.written());

    let attr = crate::attr::RESOURCE.parse_tokens(
        quote!(
            path = 3,
            odta = "#microsoft.graph.user",
            permissions(read())
        ),
        &mut errors,
    );
    assert_eq!(errors.messages().len(), 2, "{:?}", errors.messages());
    // Written wrongly: not reported missing, and without a value.
    assert!(attr.path.written() && attr.path.value().is_none());
    assert!(attr.odata.written() && attr.odata.value().is_none());
    assert!(attr.permissions.value().is_some());
}

#[test]
fn an_unknown_key_far_from_any_lists_what_is_accepted() {
    let errors = errors_of(
        Kind::Resource,
        quote!(path = "/x", odata = "microsoft.graph.x"),
        parse_quote! {
            struct X {
                #[graph(flatten)]
                a: Option<i32>,
            }
        },
    );
    assert_eq!(
        errors,
        ["unknown `#[graph]` key `flatten`; expected `#[graph(required)]`, `#[graph(read_only)]`, `rename = \"jsonName\"` or `#[graph(additional_data)]`"]
    );
}

#[test]
fn the_enum_model_finds_members_other_and_sentinel() {
    enumeration(
        parse_quote! {
            enum Status {
                Queued,
                #[graph(rename = "cancelled")]
                Canceled,
                #[graph(rename = "unknownFutureValue")]
                Sentinel,
                #[graph(other)]
                Unknown(String),
            }
        },
        |model, errors| {
            assert!(errors.is_empty(), "{errors:?}");
            let model = model.expect("a checked model");
            let names: Vec<_> = model.members.iter().map(|m| m.json_name.as_str()).collect();
            assert_eq!(names, ["queued", "cancelled", "unknownFutureValue"]);
            assert_eq!(model.sentinel().unwrap().ident, "Sentinel");
            assert_eq!(model.other.as_ref().unwrap().ident, "Unknown");
        },
    );
}

#[test]
fn enum_mistakes_are_reported_at_once() {
    let mut errors = Vec::new();
    enumeration(
        parse_quote! {
            enum Status {
                A(u8),
                #[graph(other)]
                B,
                #[graph(other)]
                C(String),
                #[graph(other)]
                D(String),
                #[graph(rename = "e")]
                E,
                #[graph(rename = "e")]
                F,
            }
        },
        |_, found| errors = found,
    );
    let expected = [
        "members carry no data",
        "write `B(String)`",
        "only one variant can be `#[graph(other)]`",
        "variant `F` is renamed to `e`, which is already the JSON name of variant `E` (renamed to it)",
    ];
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
    for expected in expected {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "no error contains {expected:?}: {errors:#?}"
        );
    }
}

#[test]
fn a_mistake_emits_the_item_the_errors_and_placeholders_only() {
    let tokens = graph_resource_impl(
        quote!(path = "/x"),
        quote! {
            struct X {
                #[graph(required)]
                a: Option<i32>,
            }
        },
    );
    let text = tokens.to_string();
    assert!(text.contains("compile_error"), "{text}");
    assert!(text.contains("missing `odata`"), "{text}");
    assert!(!text.contains("# [graph"), "{text}");
    assert!(text.contains("unreachable"), "{text}");
}

#[test]
fn something_other_than_an_item_is_given_back_with_one_error() {
    let tokens = graph_enum_impl(
        quote!(),
        quote!(
            fn f() {}
        ),
    );
    let text = tokens.to_string();
    assert!(
        text.contains("this attribute goes on a fieldless enum"),
        "{text}"
    );
    assert!(text.contains("fn f"), "{text}");
}

/// The seed page's run, as `graph-examples` declares it.
#[test]
fn the_expansion_of_run_is_as_reviewed() {
    let tokens = graph_resource_impl(
        quote!(
            path = "/workflowBase/runs",
            odata = "#microsoft.graph.identityGovernance.run"
        ),
        quote! {
            #[derive(Debug, Clone, PartialEq, Default)]
            pub struct Run {
                #[graph(read_only)]
                pub id: Option<String>,
                pub completed_date_time: Option<DateTimeOffset>,
                #[graph(required)]
                pub failed_tasks_count: Option<i32>,
                #[graph(required)]
                pub processing_status: Option<LifecycleWorkflowProcessingStatus>,
                #[graph(required)]
                pub scheduled_date_time: Option<DateTimeOffset>,
            }
        },
    );
    expect_test::expect_file!["../snapshots/run.expanded.rs"].assert_eq(&pretty(tokens));
}

#[test]
fn the_expansion_of_an_enum_is_as_reviewed() {
    let tokens = graph_enum_impl(
        quote!(),
        quote! {
            #[derive(Debug, Clone, PartialEq)]
            pub enum LifecycleWorkflowProcessingStatus {
                Queued,
                InProgress,
                UnknownFutureValue,
                #[graph(other)]
                Other(String),
            }
        },
    );
    expect_test::expect_file!["../snapshots/enum.expanded.rs"].assert_eq(&pretty(tokens));
}

#[test]
fn the_expansion_of_an_action_is_as_reviewed() {
    let tokens = crate::object(
        Kind::Action,
        quote!(
            path = "/users/{id}/sendMail",
            permissions(delegated = "Mail.Send", application = "Mail.Send")
        ),
        quote! {
            #[derive(Debug, Clone, Default)]
            pub struct SendMail {
                #[graph(required)]
                pub message: Option<Message>,
                pub save_to_sent_items: Option<bool>,
            }
        },
    );
    expect_test::expect_file!["../snapshots/action.expanded.rs"].assert_eq(&pretty(tokens));
}

#[test]
fn the_expansion_of_a_union_is_as_reviewed() {
    let tokens = crate::graph_union_impl(
        quote!(odata = "#microsoft.graph.identityGovernance.workflowExecutionConditions"),
        quote! {
            #[derive(Debug, Clone, PartialEq)]
            pub enum WorkflowExecutionConditions {
                TriggerAndScopeBased(TriggerAndScopeBasedConditions),
                OnDemandExecutionOnly(Box<OnDemandExecutionOnly>),
                #[graph(other)]
                Other(Map<String, Value>),
            }
        },
    );
    expect_test::expect_file!["../snapshots/union.expanded.rs"].assert_eq(&pretty(tokens));
}

#[test]
fn numbers_odata_writes_its_own_way_are_recognised_by_how_they_are_written() {
    use crate::types::{odata_number, Number};
    for (written, number) in [
        (quote!(f64), Some(Number::Float)),
        (quote!(f32), Some(Number::Float)),
        (quote!(::core::primitive::f64), Some(Number::Float)),
        (quote!(std::primitive::i64), Some(Number::Integer)),
        (quote!(u64), Some(Number::Integer)),
        (quote!(i32), None),
        (quote!(u8), None),
        (quote!(Vec<f64>), None),
        (quote!(my::f64), None),
        (quote!(::f64), None),
    ] {
        let ty = syn::parse2(written.clone()).unwrap();
        assert_eq!(odata_number(&ty), number, "{written}");
    }
}

#[test]
fn plain_types_are_recognised_by_how_they_are_written() {
    use crate::types::is_plain;
    for plain in [
        quote!(String),
        quote!(std::string::String),
        quote!(::alloc::string::String),
        quote!(i32),
        quote!(core::primitive::u64),
        quote!(bool),
        quote!(f64),
        quote!(Vec<String>),
        quote!(std::vec::Vec<i64>),
        quote!(Vec<Vec<bool>>),
    ] {
        assert!(is_plain(&syn::parse2(plain.clone()).unwrap()), "{plain}");
    }
    for other in [
        quote!(DateTimeOffset),
        quote!(Status),
        quote!(Option<String>),
        quote!(Vec<Status>),
        quote!(Box<String>),
        quote!(my::String),
        quote!(::String),
        quote!(serde_json::Value),
        quote!(std::collections::BTreeMap<String, String>),
        quote!(<T as Trait>::String),
    ] {
        assert!(!is_plain(&syn::parse2(other.clone()).unwrap()), "{other}");
    }
}

#[test]
fn runtime_value_types_are_recognised_by_how_they_are_written() {
    use crate::types::is_runtime_value;
    for value in [
        quote!(DateTimeOffset),
        quote!(graph_core::DateTimeOffset),
        quote!(Option<DateTimeOffset>),
        quote!(Vec<graph_core::DateTimeOffset>),
        quote!(Option<Vec<DateTimeOffset>>),
    ] {
        assert!(
            is_runtime_value(&syn::parse2(value.clone()).unwrap()),
            "{value}"
        );
    }
    for other in [
        quote!(Status),
        quote!(Option<Status>),
        quote!(::DateTimeOffset),
        quote!(my::DateTimeOffset),
        quote!(Box<DateTimeOffset>),
        quote!(std::option::Option<Status>),
        quote!(<T as Trait>::DateTimeOffset),
    ] {
        assert!(
            !is_runtime_value(&syn::parse2(other.clone()).unwrap()),
            "{other}"
        );
    }
}

#[test]
fn the_permissions_table_becomes_the_model_and_every_mistake_is_reported() {
    resource(
        quote!(
            path = "/workflowBase/runs",
            odata = "#microsoft.graph.identityGovernance.run",
            permissions(
                create(
                    delegated = "LifecycleWorkflows.ReadWrite.All",
                    application = ["A.B", "C.D.All"]
                ),
                read(personal = "User.Read"),
            )
        ),
        parse_quote!(
            struct Run {
                id: Option<String>,
            }
        ),
        |model, errors| {
            assert!(errors.is_empty(), "{errors:?}");
            let ObjectKind::Resource { permissions, .. } = &model.unwrap().kind else {
                panic!("a resource");
            };
            let permissions = permissions.as_ref().unwrap();
            let create = permissions.create.as_ref().unwrap();
            assert_eq!(
                create.delegated.as_deref(),
                Some(&["LifecycleWorkflows.ReadWrite.All".to_owned()][..])
            );
            assert_eq!(create.personal, None);
            assert_eq!(
                create.application.as_deref(),
                Some(&["A.B".to_owned(), "C.D.All".to_owned()][..])
            );
            assert_eq!(
                permissions.read.as_ref().unwrap().personal.as_deref(),
                Some(&["User.Read".to_owned()][..])
            );
            assert!(permissions.update.is_none() && permissions.delete.is_none());
        },
    );
    let errors = errors_of(
        Kind::Resource,
        quote!(
            path = "/runs",
            odata = "#microsoft.graph.run",
            permissions(
                creat(delegated = "A.B"),
                read(delgated = "A.B"),
                update(delegated = []),
                delete(application = "Not a name"),
                read(application = ""),
            )
        ),
        parse_quote!(
            struct Run {
                id: Option<String>,
            }
        ),
    );
    assert_eq!(
        errors,
        [
            "unknown operation `creat`; did you mean `create`? (the operations are `create`, `read`, `update`, `delete`)",
            "unknown scheme `delgated`; did you mean `delegated`? (the schemes are `delegated`, `personal`, `application`)",
            "`delegated` lists no permission; where the page says \"Not supported\", leave `delegated` out",
            "`Not a name` is not a permission name: Graph's are dot-separated words such as `User.Read` or `LifecycleWorkflows.ReadWrite.All`",
            "`read` is given twice; keep one",
        ]
    );
}

/// `crate = "..."` on every attribute: each path into the runtime that the expansion
/// writes starts with the key's path (in the fallback too), and the user's own tokens are
/// left as written.
#[test]
fn the_crate_key_is_the_path_to_the_runtime() {
    let run = || {
        quote!(
            struct Run {
                id: Option<String>,
                when: Option<my::graph_core::Date>,
            }
        )
    };
    // Only the user's own `my::graph_core::Date` names `graph_core`.
    let through_the_facade = |text: &str, implemented: &str| {
        assert!(text.contains("my :: graph_core :: Date"), "{text}");
        assert_eq!(
            text.matches(":: graph_core").count(),
            text.matches("my :: graph_core :: Date").count(),
            "{text}"
        );
        assert!(text.contains(implemented), "{text}");
    };
    let resource = graph_resource_impl(
        quote!(
            path = "/runs",
            crate = "::my_facade::graph",
            odata = "#microsoft.graph.run"
        ),
        run(),
    )
    .to_string();
    through_the_facade(
        &resource,
        "impl :: my_facade :: graph :: GraphResource for Run",
    );
    assert!(
        resource.contains("use :: my_facade :: graph :: __private as __rt ;"),
        "{resource}"
    );
    let complex = object(Kind::Complex, quote!(crate = "::my_facade::graph"), run()).to_string();
    through_the_facade(&complex, "impl __rt :: Object for Run");
    // The internals by one alias, declared first in the expansion's block.
    assert!(
        complex.contains("const _ : () = { # [allow (unused_imports)] use :: my_facade :: graph :: __private as __rt ;"),
        "{complex}"
    );
    let enumeration = graph_enum_impl(
        quote!(crate = "crate::models::runtime"),
        quote!(
            enum Status {
                Queued,
            }
        ),
    )
    .to_string();
    assert!(!enumeration.contains("graph_core"), "{enumeration}");
    assert!(
        enumeration.contains("use crate :: models :: runtime :: __private as __rt ;")
            && enumeration.contains("impl __rt :: GraphEnum for Status"),
        "{enumeration}"
    );
    let union = crate::graph_union_impl(
        quote!(
            odata = "#microsoft.graph.shape",
            path = "/shapes",
            crate = "::my_facade::graph"
        ),
        quote!(
            enum Shape {
                Circle(Circle),
            }
        ),
    )
    .to_string();
    assert!(!union.contains("graph_core"), "{union}");
    assert!(
        union.contains("impl :: my_facade :: graph :: GraphResource for Shape"),
        "{union}"
    );
    // With a mistake, the placeholders reach the runtime by the key's path too.
    let fallback = graph_resource_impl(quote!(path = "/runs", crate = "::my_facade::graph"), run())
        .to_string();
    assert!(fallback.contains("missing `odata`"), "{fallback}");
    through_the_facade(
        &fallback,
        "impl :: my_facade :: graph :: GraphResource for Run",
    );
    let fallback = graph_enum_impl(
        quote!(crate = "::my_facade::graph", rename_all = "camelCase"),
        quote!(
            enum Status {
                Queued,
            }
        ),
    )
    .to_string();
    assert!(fallback.contains("takes no arguments but"), "{fallback}");
    assert!(
        fallback.contains("use :: my_facade :: graph :: __private as __rt ;")
            && fallback.contains("impl __rt :: GraphEnum for Status"),
        "{fallback}"
    );
    // Without the key, `::graph_core`.
    let plain = graph_resource_impl(
        quote!(path = "/runs", odata = "#microsoft.graph.run"),
        run(),
    )
    .to_string();
    assert!(
        plain.contains("impl :: graph_core :: GraphResource for Run"),
        "{plain}"
    );
    assert!(
        plain.contains("use :: graph_core :: __private as __rt ;"),
        "{plain}"
    );
}

#[test]
fn a_crate_key_that_is_not_a_path_is_one_error_at_its_value() {
    let errors = errors_of(
        Kind::Resource,
        quote!(crate = 5, path = "/runs", odata = "#microsoft.graph.run"),
        parse_quote!(
            struct Run {}
        ),
    );
    assert_eq!(
        errors,
        ["`crate` takes the runtime's path as a string: `crate = \"::my_facade::graph_core\"`"]
    );
    let errors = errors_of(
        Kind::Complex,
        quote!(crate = "my facade"),
        parse_quote!(
            struct Run {}
        ),
    );
    assert_eq!(
        errors,
        ["`my facade` is not a path: write the path by which this crate reaches the runtime, `crate = \"::my_facade::graph_core\"`"]
    );
    // The key is for the few who need it: messages about other keys do not offer it.
    let errors = errors_of(
        Kind::Resource,
        quote!(crat = "::x", path = "/runs", odata = "#microsoft.graph.run"),
        parse_quote!(
            struct Run {}
        ),
    );
    assert_eq!(
        errors,
        ["unknown `#[graph_resource]` key `crat`; expected `path = \"/users\"`, `odata = \"#microsoft.graph.user\"` or `permissions(create(delegated = \"User.ReadWrite.All\"))`"]
    );
}

/// Every function of the expansion without type parameters (in an impl without them too):
/// its name, and whether it is `#[inline]`.
fn functions_without_type_parameters(tokens: TokenStream) -> Vec<(String, bool)> {
    fn inline(attrs: &[syn::Attribute]) -> bool {
        attrs.iter().any(|attr| attr.path().is_ident("inline"))
    }
    fn generic(generics: &syn::Generics) -> bool {
        generics.type_params().next().is_some()
    }
    fn block(block: &syn::Block, out: &mut Vec<(String, bool)>) {
        for stmt in &block.stmts {
            match stmt {
                syn::Stmt::Item(item) => items(std::slice::from_ref(item), out),
                syn::Stmt::Local(syn::Local {
                    init: Some(init), ..
                }) => expr(&init.expr, out),
                syn::Stmt::Expr(e, _) => expr(e, out),
                _ => {}
            }
        }
    }
    fn expr(e: &syn::Expr, out: &mut Vec<(String, bool)>) {
        if let syn::Expr::Block(b) = e {
            block(&b.block, out);
        }
    }
    fn items(items_: &[syn::Item], out: &mut Vec<(String, bool)>) {
        for item in items_ {
            match item {
                syn::Item::Fn(f) => {
                    if !generic(&f.sig.generics) {
                        out.push((f.sig.ident.to_string(), inline(&f.attrs)));
                    }
                    block(&f.block, out);
                }
                syn::Item::Impl(i) => {
                    for member in &i.items {
                        if let syn::ImplItem::Fn(f) = member {
                            if !generic(&i.generics) && !generic(&f.sig.generics) {
                                out.push((f.sig.ident.to_string(), inline(&f.attrs)));
                            }
                            block(&f.block, out);
                        }
                    }
                }
                syn::Item::Const(c) => expr(&c.expr, out),
                _ => {}
            }
        }
    }
    let file = syn::parse2::<syn::File>(tokens).expect("the expansion parses");
    let mut out = Vec::new();
    items(&file.items, &mut out);
    out
}

/// A crate of many types builds only what it uses: a function without type parameters is
/// compiled into every build of the crate that declares it unless it is `#[inline]`, so
/// every such function the macros emit is.
#[test]
fn every_function_without_type_parameters_is_inline() {
    let expansions = [
        graph_resource_impl(
            quote!(
                path = "/parents/{parent-id}/items",
                odata = "#microsoft.graph.item"
            ),
            quote! {
                pub struct Item {
                    pub id: Option<String>,
                    pub when: Option<DateTimeOffset>,
                    pub status: Option<Status>,
                    pub children: Option<Vec<Child>>,
                    #[graph(additional_data)]
                    pub additional: Map<String, Value>,
                }
            },
        ),
        object(
            Kind::Complex,
            quote!(),
            quote! {
                pub struct Child {
                    pub status: Status,
                }
            },
        ),
        graph_enum_impl(
            quote!(),
            quote! {
                pub enum Status { Queued, UnknownFutureValue, #[graph(other)] Other(String) }
            },
        ),
        crate::graph_union_impl(
            quote!(odata = "#microsoft.graph.shape"),
            quote! {
                pub enum Shape { Circle(Circle), #[graph(other)] Other(Map<String, Value>) }
            },
        ),
    ];
    let mut seen = 0;
    for tokens in expansions {
        for (name, inline) in functions_without_type_parameters(tokens) {
            assert!(inline, "`fn {name}` is not #[inline]");
            seen += 1;
        }
    }
    // The functions asked about: the operations, validation, reading's `expecting`, the
    // late-members answers, the descent check, additional data and the enum's.
    assert!(seen >= 15, "{seen}");
}

/// Whether a type holds an enum with late members is asked once for each field type,
/// however many fields have it.
#[test]
fn late_members_are_asked_once_a_type() {
    let text = object(
        Kind::Complex,
        quote!(),
        quote! {
            pub struct Times {
                pub first: Option<Status>,
                pub second: Option<Status>,
                pub all: Option<Vec<Status>>,
                pub when: Option<DateTimeOffset>,
            }
        },
    )
    .to_string();
    assert_eq!(
        text.matches("LateProbe :: < Option < Status > >").count(),
        1,
        "{text}"
    );
    assert_eq!(
        text.matches("LateProbe :: < Option < Vec < Status > > >")
            .count(),
        1,
        "{text}"
    );
    assert_eq!(text.matches("LateProbe").count(), 2, "{text}");
}

#[test]
fn the_runtime_types_are_known_by_path_only_where_graph_core_is_the_runtime() {
    let item = || {
        quote!(
            struct Slot {
                length: Option<graph_core::Duration>,
            }
        )
    };
    // Under `graph_core`, a plain serde value: handed over with no probe, asked nothing.
    let known = object(Kind::Complex, quote!(), item()).to_string();
    assert!(
        known.contains("visit_serde_option (__visitor , 0usize"),
        "{known}"
    );
    assert!(!known.contains("GraphProperty"), "{known}");
    // With the runtime elsewhere, `graph_core::Duration` may be the user's own: asked about.
    let asked = object(Kind::Complex, quote!(crate = "::my_facade::graph"), item()).to_string();
    assert!(
        asked.contains("< graph_core :: Duration as __rt :: GraphProperty > :: IS"),
        "{asked}"
    );
    assert!(asked.contains("OptionProbe (& self . length)"), "{asked}");
}
