//! Signing a person in from a command-line tool: the OAuth 2.0 device authorization grant
//! (RFC 8628) against Microsoft Entra, then the refresh token for every token after.
//!
//! The protocol is two form `POST`s and their JSON answers, sent with the client's own
//! HTTP stack (reqwest and rustls, as [`http_client_builder`](super::http_client_builder)
//! configures them): an OAuth crate would bring a second set of time, URL and random
//! crates for them, and Entra's own fields (`message`, `authorization_declined`) beside.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Map, Value};

use super::error::BoxError;
use super::token::TokenProvider;
use crate::AccessToken;

/// Microsoft Entra's global authority; national clouds have their own
/// ([`DeviceCode::with_authority`]).
pub const DEFAULT_AUTHORITY: &str = "https://login.microsoftonline.com";

/// How long each call to the authority may take.
const AUTHORITY_TIMEOUT: Duration = Duration::from_secs(30);

/// The largest answer read from the authority: its JSON is well under a kilobyte or two.
const MAX_ANSWER: usize = 64 * 1024;

/// How long before its expiry an access token is replaced.
const MARGIN: Duration = Duration::from_secs(300);

/// The wait RFC 8628 gives when the authority names none, and what `slow_down` adds.
const DEFAULT_INTERVAL: Duration = Duration::from_secs(5);

/// A person signed in from a command-line tool with a device code, as a
/// [`TokenProvider`]: [`sign_in`](Self::sign_in) shows a code and a URL (through
/// [`on_code`](Self::on_code)), waits while the person enters the code in a browser, and
/// keeps the tokens Entra gives; after that, each request gets the access token, renewed
/// with the refresh token shortly before it expires (or when Graph refuses it).
///
/// Sign in before the first request: the client's timeout covers getting a token, and a
/// person takes longer. A provider not signed in (and given no refresh token) answers
/// every request with [`DeviceCodeError::NotSignedIn`].
///
/// The refresh token is kept in memory only; [`refresh_token`](Self::refresh_token) and
/// [`with_refresh_token`](Self::with_refresh_token) let a tool keep the sign-in between
/// runs in a place it chooses. Neither token is ever formatted (`Debug` shows the tenant,
/// client id, scopes and authority).
///
/// The protocol: a form `POST` of `client_id` and `scope` to
/// `{authority}/{tenant}/oauth2/v2.0/devicecode`, whose JSON answer carries `device_code`,
/// `user_code`, `verification_uri`, `expires_in`, `interval` and `message`; then form
/// `POST`s to `{authority}/{tenant}/oauth2/v2.0/token` (`grant_type` the device code's URN,
/// `client_id`, `device_code`), answered `400` with `{"error": "authorization_pending"}`
/// (or `slow_down`, `authorization_declined`, `expired_token`, `bad_verification_code`)
/// until the person is done, then `200` with `access_token`, `refresh_token` and
/// `expires_in`. A refresh is a `POST` to the same `/token` with `grant_type=refresh_token`.
/// A test server that answers so can stand in for Entra
/// ([`with_authority`](Self::with_authority)).
///
/// When Entra no longer takes the refresh token (`invalid_grant`: expired, revoked), the
/// request fails with [`DeviceCodeError::SignInAgain`], the provider forgets its tokens
/// ([`is_signed_in`](Self::is_signed_in) is then `false`), and
/// [`ClientError::needs_sign_in`](super::ClientError::needs_sign_in) says so from the
/// client's error: sign in again.
///
/// The scopes are Entra's (`User.Read`, or `https://graph.microsoft.us/User.Read` in a
/// national cloud); `offline_access` is added where missing, since it is what gives a
/// refresh token. The application must allow public client flows (its registration's
/// "Allow public client flows").
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use graph_core::client::{DeviceCode, GraphClient};
/// use graph_core::Endpoint;
///
/// let tokens = DeviceCode::new("organizations", "your-application-id", &["User.Read"])
///     .on_code(|prompt| eprintln!("{}", prompt.message()));
/// tokens.sign_in().await?;
/// let client = GraphClient::new(Endpoint::v1(), tokens.clone())?;
/// // ... requests ...
/// if let Some(kept) = tokens.refresh_token() {
///     // Store `kept.expose_secret()` where the tool keeps its secrets, and give it back
///     // with `with_refresh_token` next time.
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct DeviceCode {
    inner: Arc<Inner>,
}

struct Inner {
    tenant: String,
    client_id: String,
    scope: String,
    authority: reqwest::Url,
    http: Result<reqwest::Client, String>,
    on_code: Arc<dyn Fn(&DeviceCodePrompt) + Send + Sync>,
    tokens: Mutex<Tokens>,
    /// Held while a sign-in or refresh is under way, so that one is made at a time.
    flight: tokio::sync::Mutex<()>,
}

#[derive(Default)]
struct Tokens {
    access: Option<AccessToken>,
    refresh: Option<RefreshToken>,
}

impl fmt::Debug for DeviceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeviceCode")
            .field("tenant", &self.inner.tenant)
            .field("client_id", &self.inner.client_id)
            .field("scope", &self.inner.scope)
            .field("authority", &self.inner.authority.as_str())
            .finish_non_exhaustive()
    }
}

/// What the person is asked to do: open [`verification_uri`](Self::verification_uri) and
/// enter [`user_code`](Self::user_code); [`message`](Self::message) says both, in the
/// words (and language) Entra chose.
#[derive(Debug, Clone)]
pub struct DeviceCodePrompt {
    user_code: String,
    verification_uri: String,
    message: String,
    expires_in: Duration,
}

impl DeviceCodePrompt {
    /// The code the person enters.
    #[must_use]
    pub fn user_code(&self) -> &str {
        &self.user_code
    }

    /// Where the person enters it (`https://microsoft.com/devicelogin`).
    #[must_use]
    pub fn verification_uri(&self) -> &str {
        &self.verification_uri
    }

    /// Entra's instructions, naming the code and the URL.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// How long the code can be used.
    #[must_use]
    pub fn expires_in(&self) -> Duration {
        self.expires_in
    }
}

/// A refresh token: a secret that gets new access tokens without a new sign-in. Its
/// `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct RefreshToken(String);

impl RefreshToken {
    /// A refresh token kept from an earlier run.
    #[must_use]
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    /// The secret itself, to store it. Keep it out of logs.
    #[must_use]
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for RefreshToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RefreshToken(<redacted>)")
    }
}

/// Why a device-code sign-in, or a token after it, was not had.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DeviceCodeError {
    /// No sign-in yet and no refresh token: call [`DeviceCode::sign_in`] before the first
    /// request.
    #[error("not signed in: call `DeviceCode::sign_in` before the first request (the client's timeout covers getting a token, and a person signing in takes longer)")]
    NotSignedIn,
    /// The person declined the sign-in (`authorization_declined`).
    #[error("the sign-in was declined: the person who entered the code refused it")]
    Declined,
    /// The code expired before the person entered it (`expired_token`).
    #[error("the device code expired before the sign-in was completed: sign in again, and enter the code within {0:?}")]
    Expired(Duration),
    /// Entra did not recognise the device code (`bad_verification_code`).
    #[error("Entra did not recognise the device code it was polled with (bad_verification_code): sign in again")]
    BadVerificationCode,
    /// The refresh token no longer works (expired, revoked, a password changed, a policy):
    /// a new sign-in is needed.
    #[error("the sign-in has ended and must be done again ({error}: {description})")]
    SignInAgain {
        /// Entra's error code (`invalid_grant`, `interaction_required`).
        error: String,
        /// Entra's description (`AADSTS700082: The refresh token has expired ...`).
        description: String,
    },
    /// Entra refused the request for another reason (an unknown application, a tenant,
    /// scopes, public client flows not allowed).
    #[error("Entra refused the sign-in: {error}: {description}")]
    Refused {
        /// Entra's error code (`invalid_client`, `invalid_scope`, `unauthorized_client`).
        error: String,
        /// Entra's description, with its `AADSTS` code.
        description: String,
    },
    /// The authority's answer was not what the protocol says (a status or body no
    /// Entra endpoint gives).
    #[error("the authority's answer could not be read: {0}")]
    InvalidAnswer(String),
    /// The authority could not be reached.
    #[error("the authority could not be reached: {0}")]
    Transport(String),
    /// The authority URL given is not one tokens may be asked from.
    #[error("invalid authority `{url}`: {why}")]
    InvalidAuthority {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        why: &'static str,
    },
}

/// Entra's answer to `/devicecode`.
struct Authorization {
    device_code: String,
    user_code: String,
    verification_uri: String,
    expires_in: u64,
    interval: Option<u64>,
    message: Option<String>,
}

impl Authorization {
    fn read(body: &[u8]) -> Result<Self, DeviceCodeError> {
        let object = json_object(body, "the device code answer")?;
        let text = |name: &str| {
            string(&object, name).ok_or_else(|| {
                DeviceCodeError::InvalidAnswer(format!(
                    "the device code answer has no `{name}` string"
                ))
            })
        };
        Ok(Self {
            device_code: text("device_code")?,
            user_code: text("user_code")?,
            verification_uri: text("verification_uri")?,
            expires_in: number(&object, "expires_in").ok_or_else(|| {
                DeviceCodeError::InvalidAnswer(
                    "the device code answer has no `expires_in` number".into(),
                )
            })?,
            interval: number(&object, "interval"),
            message: string(&object, "message"),
        })
    }
}

/// Entra's answer to `/token`, whether tokens or an error.
struct TokenAnswer {
    access_token: Option<String>,
    refresh_token: Option<String>,
    expires_in: Option<u64>,
    error: Option<String>,
    error_description: Option<String>,
}

impl TokenAnswer {
    fn read(body: &[u8]) -> Result<Self, DeviceCodeError> {
        let object = json_object(body, "the token answer")?;
        Ok(Self {
            access_token: string(&object, "access_token"),
            refresh_token: string(&object, "refresh_token"),
            expires_in: number(&object, "expires_in"),
            error: string(&object, "error"),
            error_description: string(&object, "error_description"),
        })
    }
}

/// A JSON object, or what it was not.
fn json_object(body: &[u8], what: &str) -> Result<Map<String, Value>, DeviceCodeError> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(DeviceCodeError::InvalidAnswer(format!(
            "{what} is not a JSON object"
        ))),
        Err(error) => Err(DeviceCodeError::InvalidAnswer(format!("{what}: {error}"))),
    }
}

fn string(object: &Map<String, Value>, name: &str) -> Option<String> {
    object.get(name)?.as_str().map(str::to_owned)
}

/// A number of seconds, which some authorities write as a string.
fn number(object: &Map<String, Value>, name: &str) -> Option<u64> {
    match object.get(name)? {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

impl DeviceCode {
    /// A sign-in for the application `client_id` in `tenant` (a tenant id or domain, or
    /// `organizations`, `consumers` or `common`), asking for `scopes`, at Entra's global
    /// authority. By default the prompt is written to standard error.
    pub fn new(tenant: &str, client_id: &str, scopes: &[&str]) -> Self {
        let mut scope: Vec<&str> = scopes.to_vec();
        if !scope
            .iter()
            .any(|s| s.eq_ignore_ascii_case("offline_access"))
        {
            scope.push("offline_access");
        }
        Self {
            inner: Arc::new(Inner {
                tenant: tenant.to_owned(),
                client_id: client_id.to_owned(),
                scope: scope.join(" "),
                authority: reqwest::Url::parse(DEFAULT_AUTHORITY).expect("a valid URL"),
                http: http_client(),
                on_code: Arc::new(|prompt: &DeviceCodePrompt| eprintln!("{}", prompt.message())),
                tokens: Mutex::new(Tokens::default()),
                flight: tokio::sync::Mutex::new(()),
            }),
        }
    }

    /// Signs in at another authority: a national cloud's
    /// (`https://login.microsoftonline.us`, `https://login.chinacloudapi.cn`) or a test
    /// server's. `https`, or plain `http` on loopback only, as
    /// [`Endpoint::custom`](crate::Endpoint::custom) allows.
    ///
    /// # Errors
    ///
    /// The URL does not parse, is neither `https` nor `http` on loopback, or carries a
    /// query, a fragment or credentials.
    pub fn with_authority(self, url: &str) -> Result<Self, DeviceCodeError> {
        let invalid = |why| DeviceCodeError::InvalidAuthority {
            url: url.to_owned(),
            why,
        };
        let mut parsed = reqwest::Url::parse(url).map_err(|_| invalid("not an absolute URL"))?;
        let loopback = parsed.host_str().is_some_and(crate::endpoint::is_loopback);
        match parsed.scheme() {
            "https" => {}
            "http" if loopback => {}
            "http" => {
                return Err(invalid(
                    "plain http is only for loopback addresses; use https",
                ))
            }
            _ => return Err(invalid("the scheme must be https (or http on loopback)")),
        }
        if parsed.query().is_some() || parsed.fragment().is_some() {
            return Err(invalid("an authority has no query or fragment"));
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(invalid("an authority has no credentials in its URL"));
        }
        if !parsed.path().ends_with('/') {
            let path = format!("{}/", parsed.path());
            parsed.set_path(&path);
        }
        Ok(self.with(|inner| inner.authority = parsed))
    }

    /// Shows the prompt with `callback` (instead of writing it to standard error): a tool
    /// may print it, show the URL as a link or a QR code, or copy the code.
    #[must_use]
    pub fn on_code(self, callback: impl Fn(&DeviceCodePrompt) + Send + Sync + 'static) -> Self {
        self.with(|inner| inner.on_code = Arc::new(callback))
    }

    /// Starts from a refresh token kept from an earlier run: the first request uses it,
    /// and [`sign_in`](Self::sign_in) is needed only when it no longer works.
    #[must_use]
    pub fn with_refresh_token(self, token: RefreshToken) -> Self {
        self.lock_tokens().refresh = Some(token);
        self
    }

    /// The refresh token Entra gave last (Entra gives a new one with each), to keep the
    /// sign-in between runs: store it where the tool keeps secrets, never in logs.
    #[must_use]
    pub fn refresh_token(&self) -> Option<RefreshToken> {
        self.lock_tokens().refresh.clone()
    }

    /// Whether a token can be had without a person: a sign-in done, or a refresh token.
    #[must_use]
    pub fn is_signed_in(&self) -> bool {
        let tokens = self.lock_tokens();
        tokens.access.is_some() || tokens.refresh.is_some()
    }

    /// Signs the person in: asks Entra for a device code, shows the prompt, and polls at
    /// the interval Entra asks (5 seconds more after each `slow_down`) until the person
    /// has entered the code, declined, or the code has expired.
    ///
    /// # Errors
    ///
    /// [`DeviceCodeError::Declined`], [`Expired`](DeviceCodeError::Expired),
    /// [`BadVerificationCode`](DeviceCodeError::BadVerificationCode), Entra refusing the
    /// application or its scopes ([`Refused`](DeviceCodeError::Refused)), or the authority
    /// unreachable.
    pub async fn sign_in(&self) -> Result<(), DeviceCodeError> {
        let _flight = self.inner.flight.lock().await;
        let authorization: Authorization = {
            let (status, body) = self
                .post(
                    "devicecode",
                    &[
                        ("client_id", &self.inner.client_id),
                        ("scope", &self.inner.scope),
                    ],
                )
                .await?;
            if !status.is_success() {
                return Err(refused(status, &body, false));
            }
            Authorization::read(&body)?
        };
        let expires_in = Duration::from_secs(authorization.expires_in);
        let prompt = DeviceCodePrompt {
            message: authorization.message.clone().unwrap_or_else(|| {
                format!(
                    "To sign in, open {} and enter the code {}.",
                    authorization.verification_uri, authorization.user_code
                )
            }),
            user_code: authorization.user_code,
            verification_uri: authorization.verification_uri,
            expires_in,
        };
        (self.inner.on_code)(&prompt);
        let deadline = Instant::now() + expires_in;
        let mut interval = authorization
            .interval
            .map_or(DEFAULT_INTERVAL, Duration::from_secs);
        loop {
            tokio::time::sleep(interval).await;
            if Instant::now() > deadline {
                return Err(DeviceCodeError::Expired(expires_in));
            }
            let (status, body) = self
                .post(
                    "token",
                    &[
                        ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                        ("client_id", &self.inner.client_id),
                        ("device_code", &authorization.device_code),
                    ],
                )
                .await?;
            let answer = TokenAnswer::read(&body)?;
            match answer.error.as_deref() {
                None if status.is_success() => {
                    self.keep(answer)?;
                    return Ok(());
                }
                Some("authorization_pending") => {}
                Some("slow_down") => interval += DEFAULT_INTERVAL,
                Some("authorization_declined" | "access_denied") => {
                    return Err(DeviceCodeError::Declined)
                }
                Some("expired_token") => return Err(DeviceCodeError::Expired(expires_in)),
                Some("bad_verification_code") => return Err(DeviceCodeError::BadVerificationCode),
                _ => return Err(refused(status, &body, false)),
            }
        }
    }

    /// An access token from the refresh token (`claims`: a claims challenge's, decoded).
    async fn redeem(&self, claims: Option<&str>) -> Result<AccessToken, DeviceCodeError> {
        let refresh = self
            .lock_tokens()
            .refresh
            .clone()
            .ok_or(DeviceCodeError::NotSignedIn)?;
        let mut form = vec![
            ("grant_type", "refresh_token"),
            ("client_id", &self.inner.client_id),
            ("refresh_token", refresh.expose_secret()),
            ("scope", &self.inner.scope),
        ];
        if let Some(claims) = claims {
            form.push(("claims", claims));
        }
        let (status, body) = self.post("token", &form).await?;
        if !status.is_success() {
            let error = refused(status, &body, true);
            if matches!(error, DeviceCodeError::SignInAgain { .. }) {
                // The sign-in is over: nothing kept can get a token any more.
                *self.lock_tokens() = Tokens::default();
            }
            return Err(error);
        }
        self.keep(TokenAnswer::read(&body)?)
    }

    /// The tokens of a successful answer, kept; the access token returned.
    fn keep(&self, answer: TokenAnswer) -> Result<AccessToken, DeviceCodeError> {
        let secret = answer.access_token.ok_or_else(|| {
            DeviceCodeError::InvalidAnswer("the token answer holds no `access_token`".into())
        })?;
        let mut access = AccessToken::new(secret)
            .map_err(|error| DeviceCodeError::InvalidAnswer(error.to_string()))?;
        if let Some(seconds) = answer.expires_in {
            let seconds = i64::try_from(seconds)
                .unwrap_or(i64::MAX / 2)
                .min(i64::MAX / 2);
            access = access
                .with_expiry(time::OffsetDateTime::now_utc() + time::Duration::seconds(seconds));
        }
        let mut tokens = self.lock_tokens();
        tokens.access = Some(access.clone());
        if let Some(refresh) = answer.refresh_token {
            tokens.refresh = Some(RefreshToken(refresh));
        }
        Ok(access)
    }

    /// The kept access token while it has more than the margin left.
    fn current(&self) -> Option<AccessToken> {
        let tokens = self.lock_tokens();
        let access = tokens.access.as_ref()?;
        let fresh = access
            .expires_at()
            .is_none_or(|at| at - time::OffsetDateTime::now_utc() > MARGIN);
        fresh.then(|| access.clone())
    }

    /// A token: the kept one, or one redeemed from the refresh token (`fresh`: redeemed
    /// whatever is kept, unless a redemption finished while this call waited).
    async fn token(&self, fresh: bool, claims: Option<&str>) -> Result<AccessToken, BoxError> {
        let before = self.lock_tokens().access.clone();
        let _flight = self.inner.flight.lock().await;
        let current = self.current();
        let replaced = current.is_some() && current != before;
        if let Some(current) = current.filter(|_| !fresh || replaced) {
            return Ok(current);
        }
        Ok(self.redeem(claims).await?)
    }

    fn post_target(&self, endpoint: &str) -> Result<reqwest::Url, DeviceCodeError> {
        let tenant: String = percent_encoding::utf8_percent_encode(
            &self.inner.tenant,
            crate::request::path::SEGMENT,
        )
        .to_string();
        self.inner
            .authority
            .join(&format!("{tenant}/oauth2/v2.0/{endpoint}"))
            .map_err(|_| DeviceCodeError::InvalidAuthority {
                url: self.inner.authority.to_string(),
                why: "the tenant does not make a URL with it",
            })
    }

    /// A form `POST` to the authority's `endpoint`: its status and body.
    async fn post(
        &self,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> Result<(http::StatusCode, Vec<u8>), DeviceCodeError> {
        let http = self
            .inner
            .http
            .as_ref()
            .map_err(|error| DeviceCodeError::Transport(error.clone()))?;
        let url = self.post_target(endpoint)?;
        let body = form
            .iter()
            .map(|(name, value)| format!("{name}={}", form_encode(value)))
            .collect::<Vec<_>>()
            .join("&");
        let unreachable = |error: reqwest::Error| {
            DeviceCodeError::Transport(super::error::chain(&error.without_url()))
        };
        let mut response = http
            .post(url)
            .header(
                http::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .header(http::header::ACCEPT, "application/json")
            .body(body)
            .timeout(AUTHORITY_TIMEOUT)
            .send()
            .await
            .map_err(unreachable)?;
        let status = response.status();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
            if body.len() + chunk.len() > MAX_ANSWER {
                return Err(DeviceCodeError::InvalidAnswer(format!(
                    "an answer of more than {MAX_ANSWER} bytes"
                )));
            }
            body.extend_from_slice(&chunk);
        }
        Ok((status, body))
    }

    fn lock_tokens(&self) -> std::sync::MutexGuard<'_, Tokens> {
        self.inner.tokens.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// This provider with its settings changed by `change`; built before it is shared, so
    /// the settings are its own.
    fn with(self, change: impl FnOnce(&mut Inner)) -> Self {
        let mut inner = match Arc::try_unwrap(self.inner) {
            Ok(inner) => inner,
            Err(shared) => Inner {
                tenant: shared.tenant.clone(),
                client_id: shared.client_id.clone(),
                scope: shared.scope.clone(),
                authority: shared.authority.clone(),
                http: shared.http.clone(),
                on_code: Arc::clone(&shared.on_code),
                tokens: Mutex::new(Tokens {
                    access: None,
                    refresh: shared
                        .tokens
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .refresh
                        .clone(),
                }),
                flight: tokio::sync::Mutex::new(()),
            },
        };
        change(&mut inner);
        Self {
            inner: Arc::new(inner),
        }
    }
}

impl TokenProvider for DeviceCode {
    async fn access_token(&self) -> Result<AccessToken, BoxError> {
        if let Some(current) = self.current() {
            return Ok(current);
        }
        self.token(false, None).await
    }

    async fn refresh(&self) -> Result<AccessToken, BoxError> {
        self.token(true, None).await
    }

    async fn refresh_with_claims(&self, claims: &str) -> Result<AccessToken, BoxError> {
        // Graph writes the claims as base64 JSON; Entra takes the JSON.
        let decoded = base64_json(claims);
        self.token(true, Some(decoded.as_deref().unwrap_or(claims)))
            .await
    }
}

/// The client for the authority: the client's own stack, no redirects followed.
fn http_client() -> Result<reqwest::Client, String> {
    super::http_client_builder()
        .map_err(|error| error.to_string())?
        .build()
        .map_err(|error| super::error::chain(&error))
}

/// A form value, encoded as `application/x-www-form-urlencoded` writes it.
fn form_encode(value: &str) -> String {
    const FORM: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'*')
        .remove(b'-')
        .remove(b'.')
        .remove(b'_');
    percent_encoding::utf8_percent_encode(value, FORM)
        .to_string()
        .replace("%20", "+")
}

/// Claims given as base64 JSON, decoded; `None` where they are not.
fn base64_json(claims: &str) -> Option<String> {
    use base64::Engine;
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    let bytes = engine.decode(claims.trim()).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .filter(serde_json::Value::is_object)
        .map(|_| text)
}

/// An error answer in words: Entra's `error` and `error_description` where it wrote them
/// (`refreshing`: a refresh token refused is a sign-in to do again).
fn refused(status: http::StatusCode, body: &[u8], refreshing: bool) -> DeviceCodeError {
    let answer = TokenAnswer::read(body).ok();
    let Some((error, description)) =
        answer.and_then(|answer| Some((answer.error?, answer.error_description)))
    else {
        return DeviceCodeError::InvalidAnswer(format!(
            "status {status} without an OAuth error body"
        ));
    };
    let description = description
        .map(|text| crate::response::shorten(text.trim(), 500))
        .unwrap_or_default();
    if refreshing && matches!(error.as_str(), "invalid_grant" | "interaction_required") {
        DeviceCodeError::SignInAgain { error, description }
    } else {
        DeviceCodeError::Refused { error, description }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_are_encoded_as_forms_are() {
        assert_eq!(
            form_encode("User.Read offline_access"),
            "User.Read+offline_access"
        );
        assert_eq!(
            form_encode("urn:ietf:params:oauth:grant-type:device_code"),
            "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"
        );
        assert_eq!(form_encode("a&b=c+d"), "a%26b%3Dc%2Bd");
    }

    #[test]
    fn claims_are_decoded_where_they_are_base64_json() {
        assert_eq!(
            base64_json("eyJhY2Nlc3NfdG9rZW4iOnt9fQ==").as_deref(),
            Some(r#"{"access_token":{}}"#)
        );
        assert_eq!(base64_json(r#"{"access_token":{}}"#), None);
        assert_eq!(base64_json("bm90IGpzb24="), None);
    }

    #[test]
    fn authorities_are_checked() {
        let device = || DeviceCode::new("organizations", "app", &["User.Read"]);
        assert!(device()
            .with_authority("https://login.microsoftonline.us")
            .is_ok());
        assert!(device().with_authority("http://127.0.0.1:8080").is_ok());
        for (bad, why) in [
            ("http://login.example.com", "loopback"),
            ("ftp://127.0.0.1", "scheme"),
            ("https://login.example.com/?x=1", "query"),
            ("https://user:pw@login.example.com", "credentials"),
            ("login.microsoftonline.com", "absolute"),
        ] {
            let error = device().with_authority(bad).unwrap_err().to_string();
            assert!(error.contains(why), "{bad}: {error}");
        }
    }

    #[test]
    fn offline_access_is_added_once_and_nothing_secret_is_shown() {
        let device = DeviceCode::new("contoso.com", "app", &["User.Read", "Mail.Send"])
            .with_refresh_token(RefreshToken::new("refresh-secret"));
        assert_eq!(device.inner.scope, "User.Read Mail.Send offline_access");
        let again = DeviceCode::new("contoso.com", "app", &["offline_access"]);
        assert_eq!(again.inner.scope, "offline_access");
        let shown = format!("{device:?} {:?}", device.refresh_token());
        assert!(!shown.contains("refresh-secret"), "{shown}");
        assert!(device.is_signed_in());
    }
}
