//! Change notifications (feature `notifications`): what Graph sends to a subscription's
//! `notificationUrl`, received with any web framework, since everything here works on
//! `http` types and bytes.
//!
//! - [`validation_response`]: Graph's handshake when a subscription is created or renewed
//!   (`POST ?validationToken=…`), answered `200` with the token as `text/plain`.
//! - [`Notifications::parse`]: a collection Graph posted, each notification's `clientState`
//!   compared (in constant time) with the subscription's secret, a forged one refused
//!   whole; each [`ChangeNotification`] typed: the change, the resource, its data, the
//!   lifecycle events.
//! - [`EncryptedContent::decrypt`]: a rich notification's resource (`includeResourceData`)
//!   decrypted as Microsoft documents it, with the application's RSA keys by certificate id
//!   ([`DecryptionKeys`]), the signature checked before anything is decrypted.
//! - [`Notifications::check_validation_tokens`]: the tokens Graph signs a rich
//!   collection with, checked as RS256 JWTs against Microsoft's published keys
//!   ([`SigningKeys`]).
//! - [`Subscription`]: the `subscription` resource, to create, renew and delete
//!   subscriptions.
//!
//! A receiver answers each `POST` to its notification URL in this order: the handshake
//! where there is one; else the body parsed with the subscription's `clientState`
//! (refused: `403`); for rich notifications, the validation tokens checked (refused:
//! `403`), then each resource decrypted; `202 Accepted` within Graph's 3 seconds, doing
//! slow work after answering. `cargo run --example webhook --features
//! graph-examples/webhook` is such a receiver, on axum.
//!
//! ```
//! use graph_core::notifications::{validation_response, ChangeType, Notifications};
//!
//! // The handshake: the token back as plain text.
//! let handshake = graph_core::http::Request::post("https://example.com/hook?validationToken=Validation%3A%20Testing")
//!     .body(Vec::<u8>::new())?;
//! let answer = validation_response(&handshake).expect("a handshake");
//! assert_eq!(answer.body(), "Validation: Testing");
//!
//! // A notification: its clientState must be the subscription's.
//! let body = br##"{"value":[{"subscriptionId":"7f105c7d","clientState":"s3cret","changeType":"created",
//!     "resource":"Users/ab12/Messages/cd34","tenantId":"84bd8158","subscriptionExpirationDateTime":"2026-12-09T10:00:00Z",
//!     "resourceData":{"@odata.type":"#Microsoft.Graph.Message","id":"cd34"}}]}"##;
//! let notifications = Notifications::parse(body, "s3cret")?;
//! let change = &notifications.value()[0];
//! assert_eq!(change.change_type(), Some(&ChangeType::Created));
//! assert_eq!(change.resource(), Some("Users/ab12/Messages/cd34"));
//! assert!(Notifications::parse(body, "another secret").is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod decrypt;
mod jwt;
mod receive;
mod subscription;

pub use decrypt::{DecryptError, DecryptionKeys, EncryptedContent};
pub use jwt::{SigningKeys, ValidationTokenError, GRAPH_NOTIFICATION_PUBLISHER};
pub use receive::{
    validation_response, ChangeNotification, ChangeType, LifecycleEvent, NotificationError,
    Notifications, MAX_BODY,
};
pub use subscription::{NotificationUrl, Subscription};
