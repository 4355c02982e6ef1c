use graph_core::graph_enum;

#[graph_enum(flags = true)]
pub enum MailTipsType {
    AutomaticReplies,
    MailboxFullStatus,
}

fn main() {}
