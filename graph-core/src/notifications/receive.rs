//! The handshake and the collections Graph posts.

use std::fmt;

use serde_json::{Map, Value};
use subtle::ConstantTimeEq;

use super::decrypt::EncryptedContent;
use crate::DateTimeOffset;

/// The largest notification body [`Notifications::parse`] reads: far above Graph's
/// collections (at most a few hundred notifications, rich ones a few kilobytes each).
pub const MAX_BODY: usize = 4 * 1024 * 1024;

/// The longest validation token answered: Graph's are well under a kilobyte.
const MAX_VALIDATION_TOKEN: usize = 8 * 1024;

/// Graph's validation handshake: a request whose query has a `validationToken` gets `200`
/// with `Content-Type: text/plain` and the token, percent-decoded, as its body (Graph
/// waits 10 seconds for it); any other request gets `None`, to be read as notifications.
///
/// The token is sent back as plain text only (with `X-Content-Type-Options: nosniff`), so
/// a browser never reads it as HTML; one that is not UTF-8 once decoded, or longer than
/// 8 KiB, gets `400`.
///
/// ```
/// use graph_core::notifications::validation_response;
///
/// let request = graph_core::http::Request::post("/hook?validationToken=a%20b%3Cscript%3E")
///     .body(())?;
/// let answer = validation_response(&request).unwrap();
/// assert_eq!(answer.status(), 200);
/// assert_eq!(answer.headers()["content-type"], "text/plain");
/// assert_eq!(answer.body(), "a b<script>");
/// # Ok::<(), graph_core::http::Error>(())
/// ```
pub fn validation_response<B>(request: &http::Request<B>) -> Option<http::Response<String>> {
    let query = request.uri().query()?;
    let raw = query.split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        (name == "validationToken").then_some(value)
    })?;
    let plain = |status: http::StatusCode, body: String| {
        let mut response = http::Response::new(body);
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("text/plain"),
        );
        headers.insert(
            http::header::X_CONTENT_TYPE_OPTIONS,
            http::HeaderValue::from_static("nosniff"),
        );
        response
    };
    let spaced = raw.replace('+', " ");
    match percent_encoding::percent_decode_str(&spaced).decode_utf8() {
        Ok(token) if token.len() <= MAX_VALIDATION_TOKEN => {
            Some(plain(http::StatusCode::OK, token.into_owned()))
        }
        Ok(_) => Some(plain(
            http::StatusCode::BAD_REQUEST,
            "validationToken too long".to_owned(),
        )),
        Err(_) => Some(plain(
            http::StatusCode::BAD_REQUEST,
            "validationToken is not UTF-8".to_owned(),
        )),
    }
}

/// A collection of notifications Graph posted, each with the expected `clientState`.
#[derive(Debug, Clone)]
pub struct Notifications {
    value: Vec<ChangeNotification>,
    validation_tokens: Vec<String>,
}

/// What kind of change a notification reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeType {
    /// `created`.
    Created,
    /// `updated`.
    Updated,
    /// `deleted`.
    Deleted,
    /// A change type Graph added after this release, as written.
    Other(String),
}

/// A lifecycle notification's event: the subscription itself needs something.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LifecycleEvent {
    /// `reauthorizationRequired`: renew the subscription (update it) before it lapses.
    ReauthorizationRequired,
    /// `subscriptionRemoved`: Graph removed it; create a new one (and catch up, with a
    /// delta query where the resource has one).
    SubscriptionRemoved,
    /// `missed`: Graph dropped notifications; catch up with a delta query.
    Missed,
    /// An event Graph added after this release, as written.
    Other(String),
}

/// One notification: a change to a resource, or a lifecycle event of the subscription.
#[derive(Clone)]
pub struct ChangeNotification {
    id: Option<String>,
    subscription_id: String,
    subscription_expiration: Option<DateTimeOffset>,
    change_type: Option<ChangeType>,
    resource: Option<String>,
    resource_data: Option<Value>,
    tenant_id: Option<String>,
    lifecycle_event: Option<LifecycleEvent>,
    encrypted_content: Option<EncryptedContent>,
}

impl fmt::Debug for ChangeNotification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The client state is compared and dropped; the encrypted content shows its
        // certificate id only.
        f.debug_struct("ChangeNotification")
            .field("subscription_id", &self.subscription_id)
            .field("change_type", &self.change_type)
            .field("lifecycle_event", &self.lifecycle_event)
            .field("resource", &self.resource)
            .field("tenant_id", &self.tenant_id)
            .field("encrypted_content", &self.encrypted_content)
            .finish_non_exhaustive()
    }
}

/// Why a notification body was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NotificationError {
    /// The body is larger than [`MAX_BODY`]; it was not read.
    #[error("the notification body is {size} bytes, more than the {limit} read")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The body is not a notification collection: not JSON, no `value` array, or a
    /// notification without a field it must have.
    #[error("not a notification collection: {0}")]
    Invalid(String),
    /// A notification's `clientState` is not the subscription's secret: the collection is
    /// not from Graph (or not for this subscription), and nothing of it is handed on.
    #[error("notification {index} (subscription {subscription_id}) carries a clientState other than the subscription's: the collection is refused")]
    ClientState {
        /// Its place in the collection, from 0.
        index: usize,
        /// The subscription it names.
        subscription_id: String,
    },
    /// The expected `clientState` given to [`Notifications::parse`] is empty.
    #[error("no expected clientState: give the subscription a clientState (a secret of the application's) and pass it here, so that posts not from Graph are refused")]
    NoClientState,
    /// The resource data did not read as the type asked for.
    #[error("the resource data does not read as the type asked for: {0}")]
    ResourceData(#[source] serde_json::Error),
}

impl Notifications {
    /// Reads a collection Graph posted (at most [`MAX_BODY`] bytes), comparing each
    /// notification's `clientState` with `expected_client_state`, the secret the
    /// subscription was created with, in constant time: one that differs (or is missing)
    /// refuses the whole collection. An empty expected secret is refused: a subscription
    /// without a `clientState` gives no way to tell Graph's posts from anyone's.
    ///
    /// # Errors
    ///
    /// [`NotificationError::TooLarge`], [`Invalid`](NotificationError::Invalid) (with what
    /// was wrong: the JSON error's line and column, or the missing field),
    /// [`ClientState`](NotificationError::ClientState), or
    /// [`NoClientState`](NotificationError::NoClientState).
    pub fn parse(body: &[u8], expected_client_state: &str) -> Result<Self, NotificationError> {
        if expected_client_state.is_empty() {
            return Err(NotificationError::NoClientState);
        }
        if body.len() > MAX_BODY {
            return Err(NotificationError::TooLarge {
                size: body.len(),
                limit: MAX_BODY,
            });
        }
        let invalid = |what: String| NotificationError::Invalid(what);
        let root: Value =
            serde_json::from_slice(body).map_err(|error| invalid(error.to_string()))?;
        let Value::Object(mut root) = root else {
            return Err(invalid("the body is not a JSON object".into()));
        };
        let Some(Value::Array(items)) = root.remove("value") else {
            return Err(invalid("the body has no `value` array".into()));
        };
        let validation_tokens = match root.remove("validationTokens") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(tokens)) => tokens
                .into_iter()
                .map(|token| match token {
                    Value::String(token) => Ok(token),
                    _ => Err(invalid("a validation token is not a string".into())),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(invalid("`validationTokens` is not an array".into())),
        };
        // Every client state is checked before any notification is read further.
        let expected = expected_client_state.as_bytes();
        for (index, item) in items.iter().enumerate() {
            let given = item
                .get("clientState")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if !bool::from(given.as_bytes().ct_eq(expected)) {
                return Err(NotificationError::ClientState {
                    index,
                    subscription_id: item
                        .get("subscriptionId")
                        .and_then(Value::as_str)
                        .map(|id| crate::response::shorten(id, 100))
                        .unwrap_or_default(),
                });
            }
        }
        let value = items
            .into_iter()
            .enumerate()
            .map(|(index, item)| ChangeNotification::read(index, item))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            value,
            validation_tokens,
        })
    }

    /// The notifications, in the order Graph sent them.
    #[must_use]
    pub fn value(&self) -> &[ChangeNotification] {
        &self.value
    }

    /// The tokens Graph signs a collection with rich notifications with (`validationTokens`),
    /// to check with [`check_validation_tokens`](Self::check_validation_tokens).
    #[must_use]
    pub fn validation_tokens(&self) -> &[String] {
        &self.validation_tokens
    }
}

impl ChangeNotification {
    fn read(index: usize, item: Value) -> Result<Self, NotificationError> {
        let invalid =
            |what: &str| NotificationError::Invalid(format!("notification {index}: {what}"));
        let Value::Object(mut item) = item else {
            return Err(invalid("not a JSON object"));
        };
        let text = |name: &str, item: &mut Map<String, Value>| match item.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(invalid(&format!("`{name}` is not a string"))),
        };
        let subscription_id =
            text("subscriptionId", &mut item)?.ok_or_else(|| invalid("no `subscriptionId`"))?;
        let subscription_expiration = text("subscriptionExpirationDateTime", &mut item)?
            .map(|at| {
                at.parse::<DateTimeOffset>()
                    .map_err(|error| invalid(&format!("`subscriptionExpirationDateTime`: {error}")))
            })
            .transpose()?;
        let change_type = text("changeType", &mut item)?.map(|change| match change.as_str() {
            "created" => ChangeType::Created,
            "updated" => ChangeType::Updated,
            "deleted" => ChangeType::Deleted,
            _ => ChangeType::Other(change),
        });
        let lifecycle_event =
            text("lifecycleEvent", &mut item)?.map(|event| match event.as_str() {
                "reauthorizationRequired" => LifecycleEvent::ReauthorizationRequired,
                "subscriptionRemoved" => LifecycleEvent::SubscriptionRemoved,
                "missed" => LifecycleEvent::Missed,
                _ => LifecycleEvent::Other(event),
            });
        if change_type.is_none() && lifecycle_event.is_none() {
            return Err(invalid("neither `changeType` nor `lifecycleEvent`"));
        }
        let encrypted_content = match item.remove("encryptedContent") {
            None | Some(Value::Null) => None,
            Some(content) => Some(
                EncryptedContent::read(content)
                    .map_err(|what| invalid(&format!("`encryptedContent`: {what}")))?,
            ),
        };
        Ok(Self {
            id: text("id", &mut item)?,
            resource: text("resource", &mut item)?,
            tenant_id: text("tenantId", &mut item)?,
            resource_data: item.remove("resourceData").filter(|data| !data.is_null()),
            subscription_id,
            subscription_expiration,
            change_type,
            lifecycle_event,
            encrypted_content,
        })
    }

    /// The notification's own id, where Graph gave one.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The subscription it is for.
    #[must_use]
    pub fn subscription_id(&self) -> &str {
        &self.subscription_id
    }

    /// When the subscription expires.
    #[must_use]
    pub fn subscription_expiration(&self) -> Option<&DateTimeOffset> {
        self.subscription_expiration.as_ref()
    }

    /// The change; `None` for a lifecycle notification.
    #[must_use]
    pub fn change_type(&self) -> Option<&ChangeType> {
        self.change_type.as_ref()
    }

    /// The resource that changed, relative to the API (`Users/{id}/Messages/{id}`).
    #[must_use]
    pub fn resource(&self) -> Option<&str> {
        self.resource.as_deref()
    }

    /// The resource data Graph sent in clear: its `@odata.type`, `@odata.id` and `id`
    /// (the resource itself, for a rich notification, is in
    /// [`encrypted_content`](Self::encrypted_content)).
    #[must_use]
    pub fn resource_data(&self) -> Option<&Value> {
        self.resource_data.as_ref()
    }

    /// The resource data read as `T` (a `#[graph_resource]` with the fields it carries,
    /// or any type serde reads); `None` where there is none.
    ///
    /// # Errors
    ///
    /// The data does not read as `T`.
    pub fn resource_data_as<T: serde::de::DeserializeOwned>(
        &self,
    ) -> Result<Option<T>, NotificationError> {
        self.resource_data
            .as_ref()
            .map(|data| T::deserialize(data).map_err(NotificationError::ResourceData))
            .transpose()
    }

    /// The tenant the change happened in.
    #[must_use]
    pub fn tenant_id(&self) -> Option<&str> {
        self.tenant_id.as_deref()
    }

    /// The lifecycle event, for a lifecycle notification.
    #[must_use]
    pub fn lifecycle_event(&self) -> Option<&LifecycleEvent> {
        self.lifecycle_event.as_ref()
    }

    /// The encrypted resource of a rich notification (`includeResourceData`).
    #[must_use]
    pub fn encrypted_content(&self) -> Option<&EncryptedContent> {
        self.encrypted_content.as_ref()
    }
}
