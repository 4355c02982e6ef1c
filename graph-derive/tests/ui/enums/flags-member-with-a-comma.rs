use graph_core::graph_enum;

#[graph_enum(flags)]
pub enum MailTipsType {
    AutomaticReplies,
    #[graph(rename = "mailbox,full")]
    MailboxFullStatus,
}

fn main() {}
