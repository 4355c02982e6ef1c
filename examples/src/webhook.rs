//! A change-notification receiver on axum: Graph's handshake answered, each collection's
//! `clientState` checked, rich notifications' validation tokens checked and their
//! resources decrypted, each change logged. `examples/webhook.rs` serves it.

use std::sync::{Arc, Mutex};

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Router;
use graph_core::notifications::{
    validation_response, ChangeNotification, DecryptionKeys, NotificationError, Notifications,
    SigningKeys, MAX_BODY,
};

/// What the receiver knows: the subscription's secret, the private keys rich
/// notifications are encrypted for, and (to check validation tokens) Microsoft's signing
/// keys with the application's id and tenants.
pub struct Receiver {
    client_state: String,
    keys: DecryptionKeys,
    tokens: Option<(SigningKeys, String, Vec<String>)>,
    log: Arc<Mutex<Vec<String>>>,
}

impl Receiver {
    /// A receiver for subscriptions made with `client_state`, decrypting with `keys`.
    #[must_use]
    pub fn new(client_state: &str, keys: DecryptionKeys) -> Self {
        Self {
            client_state: client_state.to_owned(),
            keys,
            tokens: None,
            log: Arc::default(),
        }
    }

    /// Checks the validation tokens of rich collections against Microsoft's `keys`, for
    /// the application `app_id` in `tenants`.
    #[must_use]
    pub fn with_token_check(mut self, keys: SigningKeys, app_id: &str, tenants: &[&str]) -> Self {
        let tenants = tenants.iter().map(|tenant| (*tenant).to_owned()).collect();
        self.tokens = Some((keys, app_id.to_owned(), tenants));
        self
    }

    /// Every line logged so far (each is also printed).
    #[must_use]
    pub fn log(&self) -> Arc<Mutex<Vec<String>>> {
        Arc::clone(&self.log)
    }

    fn say(&self, line: String) {
        println!("{line}");
        self.log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(line);
    }

    /// What one posted request gets.
    fn answer(&self, request_head: &axum::http::Request<()>, body: &[u8]) -> Response {
        if let Some(handshake) = validation_response(request_head) {
            self.say("handshake answered".to_owned());
            return handshake.map(Body::from).into_response();
        }
        let notifications = match Notifications::parse(body, &self.client_state) {
            Ok(notifications) => notifications,
            Err(error) => {
                let status = match error {
                    NotificationError::ClientState { .. } => StatusCode::FORBIDDEN,
                    NotificationError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
                    _ => StatusCode::BAD_REQUEST,
                };
                self.say(format!("refused: {error}"));
                return status.into_response();
            }
        };
        if let Some((keys, app_id, tenants)) = &self.tokens {
            let tenants: Vec<&str> = tenants.iter().map(String::as_str).collect();
            if let Err(error) = notifications.check_validation_tokens(keys, app_id, &tenants) {
                self.say(format!("refused: {error}"));
                return StatusCode::FORBIDDEN.into_response();
            }
        }
        for notification in notifications.value() {
            self.log_one(notification);
        }
        StatusCode::ACCEPTED.into_response()
    }

    fn log_one(&self, notification: &ChangeNotification) {
        let subscription = notification.subscription_id();
        if let Some(event) = notification.lifecycle_event() {
            self.say(format!(
                "subscription {subscription}: lifecycle event {event:?}"
            ));
            return;
        }
        let change = notification
            .change_type()
            .map_or_else(|| "change".to_owned(), |change| format!("{change:?}"));
        let resource = notification.resource().unwrap_or("-");
        self.say(format!("subscription {subscription}: {change} {resource}"));
        if let Some(content) = notification.encrypted_content() {
            match content.decrypt::<graph_core::serde_json::Value>(&self.keys) {
                Ok(resource) => self.say(format!("  resource: {resource}")),
                Err(error) => self.say(format!("  not decrypted: {error}")),
            }
        }
    }
}

/// The receiver's routes: `POST /notifications`, for both notifications and lifecycle
/// notifications.
pub fn router(receiver: Receiver) -> Router {
    Router::new()
        .route("/notifications", axum::routing::post(receive))
        .with_state(Arc::new(receiver))
}

/// Serves [`router`] on `listener` until the task is dropped.
///
/// # Errors
///
/// The listener failed.
pub async fn serve(listener: tokio::net::TcpListener, receiver: Receiver) -> std::io::Result<()> {
    axum::serve(listener, router(receiver)).await
}

async fn receive(State(receiver): State<Arc<Receiver>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    // One byte past the limit, so that a body over it is refused by the parser, saying so.
    let Ok(body) = to_bytes(body, MAX_BODY + 1).await else {
        receiver.say("refused: a body over the limit".to_owned());
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let head = axum::http::Request::from_parts(parts, ());
    receiver.answer(&head, &body)
}
