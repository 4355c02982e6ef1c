use graph_core::graph_action;

#[graph_action(path = "/groups/{group-id}/members/{id}/checkMemberGroups", returns = Vec<String>)]
pub struct CheckMemberGroups {
    #[graph(required)]
    pub group_ids: Option<Vec<String>>,
}

fn main() {
    let check = CheckMemberGroups { group_ids: None };
    let _ = check.request("g");
    let _: Option<bool> = check.request("g", "m").ok().map(|_| true);
    let _: graph_core::ActionRequest<bool> = check.request("g", "m").unwrap();
}
