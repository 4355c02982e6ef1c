//! The `subscription` resource, and the URL type its notification URLs are checked by.

use std::fmt;

use serde_json::{Map, Value};

use crate::__private::validate::{PropertyPath, Violations};
use crate::__private::value::{GraphValue, Mode};
use crate::validation::{Violation, ViolationKind};
use crate::{Binary, DateTimeOffset};

/// A subscription to changes (`microsoft.graph.subscription`, v1.0 "Create
/// subscription"): create it (`POST /subscriptions`), read it, renew it by updating
/// `expirationDateTime`, delete it. Graph validates `notificationUrl` with the
/// [handshake](super::validation_response) before it answers the create.
///
/// Validation checks what it can without a clock: `changeType`, `notificationUrl`,
/// `resource` and `expirationDateTime` present, and each notification URL `https` (or
/// Graph's `EventHub:https://…` and `EventGrid:…` forms). How far ahead the expiry may be
/// depends on the resource (under three days for most, under an hour for rich
/// notifications of some): Graph says so when it is too far.
///
/// ```
/// use graph_core::notifications::Subscription;
/// use graph_core::Binary;
///
/// # let certificate_der: Vec<u8> = vec![0x30, 0x82];
/// let subscription = Subscription {
///     change_type: Some("created,updated".into()),
///     notification_url: Some("https://webhook.contoso.com/api/notifications".into()),
///     resource: Some("/users/{id}/messages".replace("{id}", "AdeleV@contoso.com")),
///     expiration_date_time: Some("2026-12-09T18:23:45.9356913Z".parse()?),
///     client_state: Some("secretClientState".into()),
///     // Rich notifications: the certificate's DER bytes (Graph takes them as base64).
///     include_resource_data: Some(true),
///     encryption_certificate: Some(Binary::from(certificate_der)),
///     encryption_certificate_id: Some("webhook-cert-2026".into()),
///     ..Subscription::default()
/// };
/// let request = subscription.create_request()?;
///
/// let insecure = Subscription {
///     notification_url: Some("http://webhook.contoso.com/api".into()),
///     ..subscription
/// };
/// let error = insecure.create_request().unwrap_err();
/// assert!(error.to_string().contains("notificationUrl"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[crate::graph_resource(
    crate = "crate",
    path = "/subscriptions",
    odata = "#microsoft.graph.subscription"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Subscription {
    /// The subscription's id, given by Graph.
    #[graph(read_only)]
    pub id: Option<String>,
    /// The changes notified, comma-separated: `created`, `updated`, `deleted`.
    #[graph(required)]
    pub change_type: Option<String>,
    /// Where notifications are posted (`https`).
    #[graph(required)]
    pub notification_url: Option<NotificationUrl>,
    /// Where lifecycle notifications are posted, where not to `notificationUrl`.
    pub lifecycle_notification_url: Option<NotificationUrl>,
    /// The resource watched, relative to the API (`/users/{id}/messages`, `/groups`).
    #[graph(required)]
    pub resource: Option<String>,
    /// When the subscription expires; renew it by updating this.
    #[graph(required)]
    pub expiration_date_time: Option<DateTimeOffset>,
    /// A secret Graph sends back with each notification, to tell them from forgeries.
    pub client_state: Option<String>,
    /// Whether notifications carry the resource, encrypted (rich notifications).
    pub include_resource_data: Option<bool>,
    /// The public certificate Graph encrypts the resource's key with, for rich
    /// notifications: its DER bytes (`Binary::from(der)`), base64 on the wire.
    pub encryption_certificate: Option<Binary>,
    /// The id the application gives that certificate, sent back with each rich
    /// notification to pick the private key ([`DecryptionKeys`](super::DecryptionKeys)).
    pub encryption_certificate_id: Option<String>,
    /// Every other property (`applicationId`, `creatorId`, `latestSupportedTlsVersion`,
    /// `notificationQueryOptions` ...), kept as read and written back.
    #[graph(additional_data)]
    pub additional_data: Map<String, Value>,
}

/// A subscription's notification URL: `https://…`, or Graph's forms for Azure Event Hubs
/// (`EventHub:https://…`) and Event Grid (`EventGrid:?azuresubscriptionid=…`). Any text is
/// held (`From<&str>`); validation reports one Graph would refuse.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NotificationUrl(String);

impl NotificationUrl {
    /// The URL as given.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether Graph takes it as a notification URL.
    fn is_allowed(&self) -> bool {
        let url = self.0.as_str();
        let starts = |prefix: &str| {
            url.len() > prefix.len() && url[..prefix.len()].eq_ignore_ascii_case(prefix)
        };
        starts("https://") || starts("EventHub:https://") || starts("EventGrid:")
    }
}

impl From<&str> for NotificationUrl {
    fn from(url: &str) -> Self {
        Self(url.to_owned())
    }
}

impl From<String> for NotificationUrl {
    fn from(url: String) -> Self {
        Self(url)
    }
}

impl fmt::Display for NotificationUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for NotificationUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NotificationUrl({:?})", self.0)
    }
}

impl serde::Serialize for NotificationUrl {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for NotificationUrl {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

impl GraphValue for NotificationUrl {
    type __Kind = crate::__private::value::OwnMethods;

    fn __serialize_in_mode<S: serde::Serializer>(
        &self,
        serializer: S,
        _: Mode,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }

    fn __validate_at(&self, at: &PropertyPath<'_>, out: &mut Violations) {
        if !self.is_allowed() {
            out.push_violation(Violation::with_detail(
                at.to_string(),
                ViolationKind::InvalidValue,
                format!(
                    "`{}` is not an https URL (nor `EventHub:https://…` or `EventGrid:…`); Graph posts notifications over https only",
                    crate::response::shorten(&self.0, 100)
                ),
            ));
        }
    }

    fn __write_json(&self, out: &mut Vec<u8>, _: Mode) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, &self.0)
    }
}
