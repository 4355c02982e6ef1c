//! graph-gen on a small CSDL of its own (`tests/fixtures/small.xml`, in Graph's shape):
//! the closure of what is asked, flags, unions and derived types, keywords and renames,
//! paths, `--check` naming what differs, the same bytes from every run, and output that
//! rustfmt leaves as it is. The files it writes for the fixture are compiled and read
//! against real-shaped JSON in `tests/tests/generated_types.rs` of the workspace.

use std::path::{Path, PathBuf};

use graph_gen::{generate, Error, Options, Output};

fn fixture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.xml"))
        .unwrap()
}

fn options(types: &[&str]) -> Options {
    Options {
        types: types.iter().map(|t| (*t).to_owned()).collect(),
        source: "small.xml".into(),
        ..Options::default()
    }
}

fn all_text(output: &Output) -> String {
    output
        .files()
        .values()
        .cloned()
        .collect::<Vec<_>>()
        .join("\n")
}

/// The Rust names of the items written, in order.
fn items(output: &Output) -> Vec<String> {
    let mut names: Vec<String> = all_text(output)
        .lines()
        .filter_map(|line| {
            line.strip_prefix("pub struct ")
                .or_else(|| line.strip_prefix("pub enum "))
                .map(|rest| rest.split([' ', '{']).next().unwrap().to_owned())
        })
        .collect();
    names.sort();
    names
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("graph-gen-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn a_user_needs_its_property_types_and_nothing_more() {
    let output = generate(&fixture(), &options(&["user"])).unwrap();
    // Its base types' properties are its own fields; the base types are not written.
    assert_eq!(items(&output), ["PasswordProfile", "User"]);
    assert_eq!(output.files().keys().collect::<Vec<_>>(), ["mod.rs"]);
    // With navigation properties, what they lead to, and the derived types they can hold.
    let output = generate(
        &fixture(),
        &Options {
            navigation: true,
            ..options(&["microsoft.graph.user"])
        },
    )
    .unwrap();
    let names = items(&output);
    for expected in [
        "AnyDirectoryObject",
        "Message",
        "Event",
        "Group",
        "Application",
        "FileAttachment",
        "AnyAttachment",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    let text = all_text(&output);
    assert!(
        text.contains("pub manager: Option<AnyDirectoryObject>,"),
        "{text}"
    );
    assert!(text.contains("pub member_of: Option<Vec<AnyDirectoryObject>>,"));
}

#[test]
fn flags_unions_and_derived_types() {
    let output = generate(
        &fixture(),
        &options(&["microsoft.graph.identityGovernance.workflow"]),
    )
    .unwrap();
    let files = output.files();
    let top = &files["mod.rs"];
    let governance = &files["identity_governance.rs"];
    assert!(top.contains("pub mod identity_governance;"));
    // A flags enum, with the member after the sentinel and its description.
    assert!(top.contains(
        "#[graph_core::graph_enum(flags)]\n#[derive(Debug, Clone, PartialEq)]\npub enum LifecycleTaskCategory {\n    Joiner,\n    Leaver,\n    UnknownFutureValue,\n    /// A user who changes roles.\n    Mover,\n"
    ), "{top}");
    // The union of an abstract type: its derived types, no base variant, an `Other`.
    assert!(top.contains(
        "#[graph_core::graph_union(odata = \"#microsoft.graph.workflowExecutionConditions\")]"
    ));
    assert!(top.contains("    OnDemandExecutionOnly(Box<OnDemandExecutionOnly>),\n    TriggerAndScopeBasedConditions(Box<TriggerAndScopeBasedConditions>),\n"));
    assert!(!top.contains("#[graph(base)]"));
    assert!(top.contains(
        "#[graph_core::graph_complex(odata = \"#microsoft.graph.triggerAndScopeBasedConditions\")]"
    ));
    // The other namespace names the top's types through `super`.
    assert!(governance
        .contains("pub category: Option<graph_core::Flags<super::LifecycleTaskCategory>>,"));
    assert!(governance
        .contains("pub execution_conditions: Option<super::AnyWorkflowExecutionConditions>,"));
    assert!(governance.contains("path = \"/identityGovernance/lifecycleWorkflows/workflows\","));
    // Edm.Untyped is JSON as it comes.
    assert!(top.contains("pub scope: Option<graph_core::serde_json::Value>,"));
}

#[test]
fn keywords_renames_read_only_boxes_and_streams() {
    let output = generate(&fixture(), &options(&["user", "driveItem", "usageReport"])).unwrap();
    let text = all_text(&output);
    assert!(text.contains("    pub r#type: Option<String>,"));
    assert!(text.contains("    #[graph(rename = \"self\")]\n    pub self_: Option<String>,"));
    assert!(text.contains(
        "    #[graph(rename = \"isMFARegistered\")]\n    pub is_mfa_registered: Option<bool>,"
    ));
    // Computed (inline) and Permissions Read (in an annotation block).
    assert!(text.contains("    #[graph(read_only)]\n    pub id: Option<String>,"));
    assert!(text.contains(
        "    #[graph(read_only)]\n    pub created_date_time: Option<graph_core::DateTimeOffset>,"
    ));
    // A description from an annotation block targeting the type through its alias.
    assert!(text.contains("/// Represents a Microsoft Entra user account.\n#[graph_core::graph_resource(path = \"/users\""));
    // A complex type that contains itself is boxed where it does; collections need not be.
    assert!(text.contains(
        "    pub parent: Option<Box<FolderNode>>,\n    pub children: Option<Vec<FolderNode>>,"
    ));
    // Streams are content, not properties.
    assert!(!text.contains("pub photo") && !text.contains("pub content: Option<graph_core"));
    // Enum members that need a rename, and the catch-all beside a member named `other`.
    assert!(text.contains("    #[graph(rename = \"24Hours\")]\n    V24Hours,"));
    assert!(text.contains("    Other,\n    /// A member this code does not know, kept as read.\n    #[graph(other)]\n    OtherMember(String),"));
    // An entity type that no set or containment holds is complex, with its OData type.
    assert!(text.contains("#[graph_core::graph_complex(odata = \"#microsoft.graph.usageReport\")]"));
    assert!(text.contains("path = \"/drives/{drive-id}/items\""));
}

#[test]
fn paths_come_from_sets_then_containment_unless_given() {
    let output = generate(&fixture(), &options(&["event", "message"])).unwrap();
    let text = all_text(&output);
    assert!(
        text.contains("path = \"/users/{user-id}/events\""),
        "{text}"
    );
    assert!(text.contains("path = \"/users/{user-id}/messages\""));
    let output = generate(
        &fixture(),
        &Options {
            paths: vec![("event".into(), "/me/events".into())],
            ..options(&["event"])
        },
    )
    .unwrap();
    assert!(all_text(&output).contains(
        "#[graph_core::graph_resource(path = \"/me/events\", odata = \"#microsoft.graph.event\")]"
    ));
    let bad = generate(
        &fixture(),
        &Options {
            paths: vec![("event".into(), "me/events".into())],
            ..options(&["event"])
        },
    );
    assert!(matches!(bad, Err(Error::PathOverride { .. })));
    for (ty, path, why) in [
        ("event", "/me/events/", "end with `/`"),
        ("event", "/me/events?$top=1", "no query"),
        ("event", "/users/{user id}/events", "placeholder"),
        ("emailAddress", "/x", "not an entity type"),
        ("group", "/groups", "not among the types generated"),
    ] {
        let error = generate(
            &fixture(),
            &Options {
                paths: vec![(ty.into(), path.into())],
                ..options(&["event", "message"])
            },
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains(why), "{ty}={path}: {error}");
    }
}

#[test]
fn two_runs_write_the_same_bytes_whatever_the_order_asked() {
    let first = generate(&fixture(), &options(&["user", "group", "message"])).unwrap();
    let second = generate(
        &fixture(),
        &options(&["message", "microsoft.graph.user", "group", "user"]),
    )
    .unwrap();
    assert_eq!(first, second);
    assert!(first.files()["mod.rs"].starts_with("// Generated by graph-gen from Microsoft Graph's metadata:\n// graph-gen --csdl small.xml --type microsoft.graph.group,microsoft.graph.message,microsoft.graph.user\n"));
    let dir = temp("determinism");
    first.write(&dir).unwrap();
    let before: Vec<Vec<u8>> = first
        .files()
        .keys()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    second.write(&dir).unwrap();
    let after: Vec<Vec<u8>> = first
        .files()
        .keys()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    assert_eq!(before, after);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_names_each_file_that_differs() {
    let output = generate(
        &fixture(),
        &options(&["microsoft.graph.identityGovernance.workflow"]),
    )
    .unwrap();
    let dir = temp("check");
    output.write(&dir).unwrap();
    output.check(&dir).unwrap();
    let changed = dir.join("identity_governance.rs");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, text.replace("pub display_name", "pub name")).unwrap();
    std::fs::write(dir.join("stale.rs"), "").unwrap();
    std::fs::remove_file(dir.join("mod.rs")).unwrap();
    let Err(Error::Differs(differs)) = output.check(&dir) else {
        panic!("the check passed");
    };
    assert_eq!(differs.len(), 3, "{differs:?}");
    let line = text
        .lines()
        .position(|l| l.contains("pub display_name"))
        .unwrap()
        + 1;
    assert!(
        differs[0].ends_with(&format!("identity_governance.rs (changed at line {line})")),
        "{differs:?}"
    );
    assert!(differs[1].ends_with("mod.rs (missing)"), "{differs:?}");
    assert!(
        differs[2].ends_with("stale.rs (not generated)"),
        "{differs:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unknown_types_and_malformed_documents_say_what_and_where() {
    let error = generate(&fixture(), &options(&["usr"]))
        .unwrap_err()
        .to_string();
    assert!(error.contains("no type `usr`"), "{error}");
    assert!(error.contains("`microsoft.graph.user`"), "{error}");
    let error = generate(&fixture(), &options(&[])).unwrap_err();
    assert!(matches!(error, Error::NothingAsked));
    let broken = fixture().replacen(
        "<Property Name=\"accountEnabled\" Type=\"Edm.Boolean\" />",
        "<Property Name=\"accountEnabled\" Type=\"Edm.Boolean\">",
        1,
    );
    let error = generate(&broken, &options(&["user"]))
        .unwrap_err()
        .to_string();
    let line = fixture()
        .lines()
        .position(|l| l.contains("accountEnabled"))
        .unwrap()
        + 1;
    assert!(error.contains("not well-formed"), "{error}");
    // Where the parser found the element unclosed: the user type's end, after the line.
    let found: usize = error
        .split("line ")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(
        found > line && found < line + 30,
        "{error} (opened at line {line})"
    );
    let nameless = fixture().replacen("<Property Name=\"accountEnabled\"", "<Property", 1);
    let error = generate(&nameless, &options(&["user"]))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains(&format!("line {line}: `Property` has no `Name`")),
        "{error}"
    );
}

#[test]
fn the_output_is_as_rustfmt_writes_it() {
    let output = generate(
        &fixture(),
        &Options {
            all: true,
            navigation: true,
            ..options(&[])
        },
    )
    .unwrap();
    let dir = temp("rustfmt");
    output.write(&dir).unwrap();
    let status = std::process::Command::new("rustfmt")
        .args(["--edition", "2021", "--check"])
        .arg(dir.join("mod.rs"))
        .status()
        .expect("rustfmt runs (rustup component add rustfmt)");
    assert!(status.success(), "rustfmt would change {}", dir.display());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The files `tests/tests/generated/` holds are what graph-gen writes for the fixture now,
/// with the command in their header.
#[test]
fn the_workspace_s_generated_fixture_is_current() {
    let output = generate(
        &fixture(),
        &options(&[
            "user",
            "group",
            "message",
            "event",
            "driveItem",
            "application",
            "servicePrincipal",
            "subscription",
            "microsoft.graph.identityGovernance.workflow",
            "usageReport",
        ]),
    )
    .unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/tests/generated");
    output.check(&dir).unwrap();
}

#[test]
fn one_file_for_build_rs_with_inline_modules() {
    let output = generate(
        &fixture(),
        &options(&["microsoft.graph.identityGovernance.workflow"]),
    )
    .unwrap();
    let single = output.single_file();
    assert!(!single.contains("#!["), "{single}");
    assert!(!single.contains("pub mod identity_governance;"));
    assert!(single.contains("\npub mod identity_governance {\n//! The `microsoft.graph.identityGovernance` namespace.\n"));
    let dir = temp("build");
    let csdl = dir.join("small.xml");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&csdl, fixture()).unwrap();
    graph_gen::build(&csdl, &["identityGovernance.workflow"], &dir).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("graph.rs")).unwrap(),
        single
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
