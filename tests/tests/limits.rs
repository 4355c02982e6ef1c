//! Hostile sizes and shapes: deep nesting is an error rather than a stack overflow, huge
//! values and very many properties read (in time linear in their size, so no test here
//! measures time), and numbers outside a field's type are errors.

use graph_core::serde_json::{self, Map, Value};
use graph_core::{graph_complex, graph_union};
use graph_examples::lifecycle_workflows::{
    LifecycleWorkflowProcessingStatus, Run, Workflow, WorkflowExecutionTrigger,
};
use graph_examples::users::User;

/// Deeper than any reader allows.
const DEPTH: usize = 10_000;

fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// A union that nests itself through a derived type.
#[graph_union(odata = "#microsoft.graph.test.node")]
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Branch(Box<Branch>),
    #[graph(other)]
    Other(Map<String, Value>),
}

#[graph_complex(odata = "#microsoft.graph.test.branch")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Branch {
    child: Option<Node>,
}

/// A complex type that nests itself.
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Chain {
    next: Option<Box<Chain>>,
}

/// `{"@odata.type":"#microsoft.graph.test.branch","child":{...}}`, `depth` levels deep,
/// with `@odata.type` first or last.
fn nested_unions(depth: usize, odata_type_first: bool) -> String {
    let odata = r##""@odata.type":"#microsoft.graph.test.branch""##;
    let mut text = String::new();
    for _ in 0..depth {
        text.push('{');
        if odata_type_first {
            text.push_str(odata);
            text.push(',');
        }
        text.push_str(r#""child":"#);
    }
    text.push_str("null");
    for _ in 0..depth {
        if !odata_type_first {
            text.push(',');
            text.push_str(odata);
        }
        text.push('}');
    }
    text
}

#[test]
fn deeply_nested_arrays_in_additional_data_are_an_error_not_a_stack_overflow() {
    let body = format!(
        r#"{{"displayName":"Adele","deep":{}}}"#,
        nested_arrays(DEPTH)
    );
    let error = serde_json::from_str::<User>(&body).unwrap_err();
    assert!(error.to_string().contains("recursion limit"), "{error}");
}

#[test]
fn deeply_nested_values_skipped_by_a_type_without_additional_data_are_skipped_whole() {
    // Skipping does not recurse, so any depth is passed over.
    let deep_object = format!("{}null{}", r#"{"a":"#.repeat(DEPTH), "}".repeat(DEPTH));
    for deep in [nested_arrays(DEPTH), deep_object] {
        let body = format!(r#"{{"deep":{deep},"displayName":"x"}}"#);
        let workflow: Workflow = serde_json::from_str(&body).unwrap();
        assert_eq!(workflow.display_name.as_deref(), Some("x"));
    }
}

#[test]
fn deeply_nested_arrays_kept_by_a_unions_other_variant_are_an_error() {
    // Kept by a union's `other` variant, and buffered before `@odata.type`.
    for body in [
        format!(
            r##"{{"@odata.type":"#microsoft.graph.x","deep":{}}}"##,
            nested_arrays(DEPTH)
        ),
        format!(
            r##"{{"deep":{},"@odata.type":"#microsoft.graph.x"}}"##,
            nested_arrays(DEPTH)
        ),
    ] {
        let error = serde_json::from_str::<WorkflowExecutionTrigger>(&body).unwrap_err();
        assert!(error.to_string().contains("recursion limit"), "{error}");
    }
}

#[test]
fn deeply_nested_unions_are_an_error_not_a_stack_overflow() {
    for odata_type_first in [true, false] {
        let error =
            serde_json::from_str::<Node>(&nested_unions(DEPTH, odata_type_first)).unwrap_err();
        assert!(
            error.to_string().contains("recursion limit"),
            "{odata_type_first}: {error}"
        );
    }
}

#[test]
fn unions_nested_as_deep_as_the_limit_allows_still_read() {
    // serde_json allows 128 levels; each union here is one.
    for odata_type_first in [true, false] {
        let node: Node = serde_json::from_str(&nested_unions(127, odata_type_first)).unwrap();
        let mut depth = 0;
        let mut at = &node;
        while let Node::Branch(branch) = at {
            depth += 1;
            match &branch.child {
                Some(child) => at = child,
                None => break,
            }
        }
        assert_eq!(depth, 127);
    }
}

#[test]
fn deeply_nested_complex_types_are_an_error_not_a_stack_overflow() {
    let body = format!("{}null{}", r#"{"next":"#.repeat(DEPTH), "}".repeat(DEPTH));
    let error = serde_json::from_str::<Chain>(&body).unwrap_err();
    assert!(error.to_string().contains("recursion limit"), "{error}");
}

#[test]
fn a_huge_string_reads_into_a_property_additional_data_and_an_enum() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let body = format!(r#"{{"displayName":"{huge}","notes":"{huge}"}}"#);
    let user: User = serde_json::from_str(&body).unwrap();
    assert_eq!(user.display_name.as_deref(), Some(huge.as_str()));
    assert_eq!(user.additional_data["notes"], Value::String(huge.clone()));

    let status: LifecycleWorkflowProcessingStatus =
        serde_json::from_str(&format!(r#""{huge}""#)).unwrap();
    assert_eq!(
        status,
        LifecycleWorkflowProcessingStatus::Other(huge.clone())
    );

    // A huge timestamp is refused, with a message of readable size.
    let error =
        serde_json::from_str::<Run>(&format!(r#"{{"completedDateTime":"{huge}"}}"#)).unwrap_err();
    assert!(error.to_string().len() < 300, "{}", error.to_string().len());
}

#[test]
fn a_hundred_thousand_undeclared_properties_read() {
    const COUNT: usize = 100_000;
    let mut body = String::from(r#"{"displayName":"Adele""#);
    for i in 0..COUNT {
        body.push_str(&format!(r#","p{i}":{i}"#));
    }
    body.push('}');

    // Kept, in order, where there is additional data.
    let user: User = serde_json::from_str(&body).unwrap();
    assert_eq!(user.additional_data.len(), COUNT);
    assert!(user
        .additional_data
        .keys()
        .enumerate()
        .all(|(i, key)| *key == format!("p{i}")));
    let written = serde_json::to_string(&user).unwrap();
    let expected = format!(
        r##"{{"@odata.type":"#microsoft.graph.user",{}"##,
        &body[1..]
    );
    assert!(written == expected, "written back differently");

    // Skipped where there is none.
    let workflow: Workflow = serde_json::from_str(&body).unwrap();
    assert_eq!(workflow.display_name.as_deref(), Some("Adele"));

    // Buffered before `@odata.type` in a union, then read by the variant or kept whole.
    for odata in [
        "#microsoft.graph.identityGovernance.timeBasedAttributeTrigger",
        "#microsoft.graph.identityGovernance.membershipChangeTrigger",
    ] {
        let union = format!(
            r#"{}, "@odata.type":"{odata}"}}"#,
            body.trim_end_matches('}')
        );
        let trigger: WorkflowExecutionTrigger = serde_json::from_str(&union).unwrap();
        if let WorkflowExecutionTrigger::Other(object) = trigger {
            assert_eq!(object.len(), COUNT + 2);
        }
    }
}

#[test]
fn a_number_outside_an_i32_field_is_an_error() {
    for (value, expected) in [
        ("2147483648", "expected i32"),
        ("-2147483649", "expected i32"),
        ("9223372036854775808", "expected i32"),
        ("1e10", "expected i32"),
        ("1.5", "expected i32"),
        ("-1e400", "number out of range"),
    ] {
        let body = format!(r#"{{"failedTasksCount":{value}}}"#);
        let error = serde_json::from_str::<Run>(&body).unwrap_err();
        assert!(error.to_string().contains(expected), "{value}: {error}");
    }
    // The bounds themselves read.
    for value in [i32::MIN, i32::MAX] {
        let run: Run = serde_json::from_str(&format!(r#"{{"failedTasksCount":{value}}}"#)).unwrap();
        assert_eq!(run.failed_tasks_count, Some(value));
    }
}
