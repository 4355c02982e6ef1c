//! Runtime costs, each against its baseline in the same run: `cargo bench -p graph-tests`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use graph_core::serde_json::{self, Map, Value};
use graph_core::{graph_complex, graph_union};
use graph_examples::users::User;

/// A directory object as a group's members list returns it.
#[graph_union(odata = "#microsoft.graph.directoryObject")]
#[derive(Debug)]
enum DirectoryObject {
    User(Box<User>),
    Group(Group),
    #[graph(other)]
    Other(Map<String, Value>),
}

#[graph_complex(odata = "#microsoft.graph.group")]
#[derive(Debug)]
struct Group {
    id: Option<String>,
    display_name: Option<String>,
}

const USER_FIRST: &str = r##"{"@odata.type":"#microsoft.graph.user","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","accountEnabled":true,"businessPhones":["+1 425 555 0109"],"displayName":"Adele Vance","givenName":"Adele","jobTitle":"Retail Manager","mail":"AdeleV@contoso.com","mailNickname":"AdeleV","surname":"Vance","usageLocation":"US","userPrincipalName":"AdeleV@contoso.com","createdDateTime":"2023-11-02T09:21:11Z"}"##;
const USER_LAST: &str = r##"{"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","accountEnabled":true,"businessPhones":["+1 425 555 0109"],"displayName":"Adele Vance","givenName":"Adele","jobTitle":"Retail Manager","mail":"AdeleV@contoso.com","mailNickname":"AdeleV","surname":"Vance","usageLocation":"US","userPrincipalName":"AdeleV@contoso.com","createdDateTime":"2023-11-02T09:21:11Z","@odata.type":"#microsoft.graph.user"}"##;

fn unions(c: &mut Criterion) {
    let mut group = c.benchmark_group("union read");
    group.bench_function("baseline: the variant's type directly", |b| {
        b.iter(|| serde_json::from_str::<User>(black_box(USER_FIRST)).unwrap());
    });
    group.bench_function("union, @odata.type first", |b| {
        b.iter(|| serde_json::from_str::<DirectoryObject>(black_box(USER_FIRST)).unwrap());
    });
    group.bench_function("union, @odata.type last", |b| {
        b.iter(|| serde_json::from_str::<DirectoryObject>(black_box(USER_LAST)).unwrap());
    });
    group.finish();
}

criterion_group!(benches, unions);
criterion_main!(benches);
