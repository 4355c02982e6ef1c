//! Mail (`microsoft.graph.message`, Graph v1.0) and the actions that send it, with two of
//! the directory's actions: what a program does beyond creating and reading.

use graph_core::{graph_action, graph_complex, graph_enum, Binary};

/// A message, as the v1.0 "user: sendMail" page writes one (`microsoft.graph.message`):
/// the properties a sent message needs.
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    /// The subject line.
    pub subject: Option<String>,
    /// The body, as text or HTML.
    pub body: Option<ItemBody>,
    /// The `To:` recipients.
    pub to_recipients: Option<Vec<Recipient>>,
    /// The `Cc:` recipients.
    pub cc_recipients: Option<Vec<Recipient>>,
    /// Files sent with the message (up to 3 MB in all this way; larger ones go through an
    /// upload session).
    pub attachments: Option<Vec<FileAttachment>>,
}

/// A file attached to a message (`microsoft.graph.fileAttachment`): its bytes travel as
/// base64 in `contentBytes`. Graph's `attachments` holds several kinds of attachment, so
/// each is sent with its `@odata.type`.
#[graph_complex(odata = "#microsoft.graph.fileAttachment")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FileAttachment {
    /// The file's name, as the recipient sees it.
    #[graph(required)]
    pub name: Option<String>,
    /// The file's media type (`text/csv`).
    pub content_type: Option<String>,
    /// The file itself.
    #[graph(required)]
    pub content_bytes: Option<Binary>,
}

impl FileAttachment {
    /// An attachment of `bytes`, named `name`, of type `content_type`.
    #[must_use]
    pub fn new(name: &str, content_type: &str, bytes: Vec<u8>) -> Self {
        Self {
            name: Some(name.to_owned()),
            content_type: Some(content_type.to_owned()),
            content_bytes: Some(Binary::from(bytes)),
        }
    }
}

/// A message body (`microsoft.graph.itemBody`).
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemBody {
    /// How `content` is written.
    pub content_type: Option<BodyType>,
    /// The body itself.
    pub content: Option<String>,
}

/// How a body is written (`microsoft.graph.bodyType`).
#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyType {
    /// Plain text.
    Text,
    /// HTML.
    Html,
}

/// A recipient (`microsoft.graph.recipient`).
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recipient {
    /// The recipient's address.
    #[graph(required)]
    pub email_address: Option<EmailAddress>,
}

/// A name and an address (`microsoft.graph.emailAddress`).
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmailAddress {
    /// The display name.
    pub name: Option<String>,
    /// The SMTP address.
    #[graph(required)]
    pub address: Option<String>,
}

impl Recipient {
    /// A recipient by address alone.
    #[must_use]
    pub fn to(address: &str) -> Self {
        Self {
            email_address: Some(EmailAddress {
                name: None,
                address: Some(address.to_owned()),
            }),
        }
    }
}

/// `POST /users/{id}/sendMail` (v1.0 "user: sendMail"): sends `message`, answered
/// `202 Accepted` with no body. `/me/sendMail` is the same action for the signed-in user:
/// `request_at("/me/sendMail", &[])`.
#[graph_action(
    path = "/users/{id}/sendMail",
    permissions(
        delegated = "Mail.Send",
        personal = "Mail.Send",
        application = "Mail.Send"
    )
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SendMail {
    /// The message to send.
    #[graph(required)]
    pub message: Option<Message>,
    /// Whether to keep a copy in Sent Items (Graph's default: yes).
    pub save_to_sent_items: Option<bool>,
}

/// `POST /directoryObjects/{id}/checkMemberGroups` (v1.0): which of `group_ids` the
/// object is a member of, directly or not; answered `200 OK` with the ids in `value`.
#[graph_action(
    path = "/directoryObjects/{id}/checkMemberGroups",
    returns = Vec<String>,
    permissions(
        delegated = ["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"],
        application = ["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"],
    )
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckMemberGroups {
    /// The groups to check, at most 20.
    #[graph(required)]
    pub group_ids: Option<Vec<String>>,
}

/// `POST /users/{id}/revokeSignInSessions` (v1.0): invalidates the user's refresh tokens
/// and session cookies; answered `200 OK` with `{"value": true}`. It takes no parameters,
/// so it sends no body.
#[graph_action(
    path = "/users/{id}/revokeSignInSessions",
    returns = bool,
    permissions(
        delegated = ["User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"],
        application = ["User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"],
    )
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RevokeSignInSessions;
