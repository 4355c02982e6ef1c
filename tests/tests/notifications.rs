//! Change notifications (feature `notifications`): the handshake's bytes, `clientState`
//! forged or missing, each lifecycle event, an oversized body; rich notifications
//! encrypted here with a freshly generated key exactly as Graph encrypts them, then
//! decrypted, tampered with, sent for the wrong certificate or key, and two keys at once;
//! validation tokens signed as Microsoft signs them and checked; the `subscription`
//! resource; and the webhook example's receiver on loopback.
//!
//! `cargo test -p graph-tests --features notifications --test notifications`.

#![cfg(feature = "notifications")]

mod support;

use std::sync::OnceLock;
use std::time::Duration;

use base64::Engine;
use cbc::cipher::{block_padding::Pkcs7, BlockModeEncrypt, KeyIvInit};
use graph_core::notifications::{
    validation_response, ChangeType, DecryptError, DecryptionKeys, LifecycleEvent,
    NotificationError, Notifications, SigningKeys, Subscription, ValidationTokenError,
};
use graph_core::serde_json::{json, Value};
use graph_core::validation::ViolationKind;
use graph_core::{graph_resource, http, Binary};
use hmac::{KeyInit, Mac};
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use rsa::traits::PublicKeyParts;
use support::{bounded, violations};

const STATE: &str = "secretClientValue";
const CERTIFICATE: &str = "webhook-cert-2026";
const APP_ID: &str = "24c1a4a1-7f6e-4c2e-9c1f-3b0a7f2d8e11";
const TENANT: &str = "84bd8158-6d4d-4958-8b9f-9d6445542f95";

/// A key generated once per test run (generation is the slow part).
fn key(which: usize) -> &'static rsa::PrivateKey {
    static KEYS: OnceLock<Vec<rsa::PrivateKey>> = OnceLock::new();
    &KEYS.get_or_init(|| {
        (0..2)
            .map(|_| rsa::PrivateKey::new(&mut getrandom::SysRng, 2048).unwrap())
            .collect()
    })[which]
}

fn pem(key: &rsa::PrivateKey) -> String {
    key.to_pkcs8_pem(LineEnding::LF).unwrap().to_string()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `resource` encrypted for `key` exactly as Graph does: a fresh 32-byte key, AES-256-CBC
/// with PKCS #7 padding and the key's first 16 bytes as IV, HMAC-SHA256 over the
/// encrypted bytes, the key wrapped with RSA-OAEP (SHA-1).
fn encrypt(resource: &Value, key: &rsa::PrivateKey, certificate_id: &str) -> Value {
    let mut symmetric = [0u8; 32];
    getrandom::fill(&mut symmetric).unwrap();
    let plain = graph_core::serde_json::to_vec(resource).unwrap();
    let data = cbc::Encryptor::<aes::Aes256>::new_from_slices(&symmetric, &symmetric[..16])
        .unwrap()
        .encrypt_padded_vec::<Pkcs7>(&plain);
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&symmetric).unwrap();
    mac.update(&data);
    let signature = mac.finalize().into_bytes();
    let wrapped = key
        .to_public_key()
        .oaep_encrypt::<sha1::Sha1>(&symmetric)
        .unwrap();
    json!({
        "data": b64(&data),
        "dataSignature": b64(&signature),
        "dataKey": b64(&wrapped),
        "encryptionCertificateId": certificate_id,
        "encryptionCertificateThumbprint": "07293748CC064953A3052FB978C735FB89E61C3D"
    })
}

fn message() -> Value {
    json!({
        "@odata.type": "#Microsoft.Graph.Message",
        "id": "AAMkAGUwNjQ4ZjIxAAA=",
        "subject": "Quarterly review",
        "isRead": false
    })
}

fn notification(extra: Value) -> Value {
    let mut base = json!({
        "subscriptionId": "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
        "subscriptionExpirationDateTime": "2026-12-09T10:00:00.0000000Z",
        "clientState": STATE,
        "changeType": "created",
        "resource": "Users/ab12/Messages/AAMkAGUwNjQ4ZjIxAAA=",
        "tenantId": TENANT,
        "resourceData": {"@odata.type": "#Microsoft.Graph.Message", "@odata.id": "Users/ab12/Messages/AAMkAGUwNjQ4ZjIxAAA=", "id": "AAMkAGUwNjQ4ZjIxAAA="}
    });
    if let (Value::Object(base), Value::Object(extra)) = (&mut base, extra) {
        for (name, value) in extra {
            if value.is_null() {
                base.remove(&name);
            } else {
                base.insert(name, value);
            }
        }
    }
    base
}

fn body(notifications: Vec<Value>, tokens: &[String]) -> Vec<u8> {
    graph_core::serde_json::to_vec(&json!({"value": notifications, "validationTokens": tokens}))
        .unwrap()
}

#[test]
fn the_handshake_answers_the_token_as_plain_text() {
    let request = http::Request::post(
        "https://webhook.contoso.com/notifications?validationToken=Validation%3A+Testing%20client+%3Cb%3Ereachability%3C%2Fb%3E",
    )
    .body(Vec::<u8>::new())
    .unwrap();
    let answer = validation_response(&request).unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.headers()["content-type"], "text/plain");
    assert_eq!(answer.headers()["x-content-type-options"], "nosniff");
    assert_eq!(
        answer.body(),
        "Validation: Testing client <b>reachability</b>"
    );
    // Anything else is for the notification reader.
    let plain = http::Request::post("/notifications?other=1")
        .body(())
        .unwrap();
    assert!(validation_response(&plain).is_none());
    let bad = http::Request::post("/n?validationToken=%FF")
        .body(())
        .unwrap();
    assert_eq!(validation_response(&bad).unwrap().status(), 400);
}

#[test]
fn a_forged_or_missing_client_state_refuses_the_whole_collection() {
    let forged = body(
        vec![
            notification(json!({})),
            notification(json!({"clientState": "guess"})),
        ],
        &[],
    );
    match Notifications::parse(&forged, STATE).unwrap_err() {
        NotificationError::ClientState {
            index,
            subscription_id,
        } => {
            assert_eq!(index, 1);
            assert_eq!(subscription_id, "7f105c7d-2dc5-4530-97cd-4e7ae6534c07");
        }
        other => panic!("{other:?}"),
    }
    let missing = body(vec![notification(json!({"clientState": null}))], &[]);
    assert!(matches!(
        Notifications::parse(&missing, STATE),
        Err(NotificationError::ClientState { index: 0, .. })
    ));
    // No expected secret: nothing can be told apart, so nothing is taken.
    let unsecured = body(vec![notification(json!({"clientState": null}))], &[]);
    assert!(matches!(
        Notifications::parse(&unsecured, ""),
        Err(NotificationError::NoClientState)
    ));
    // A prefix of the secret is no match either.
    let prefix = body(
        vec![notification(json!({"clientState": "secretClient"}))],
        &[],
    );
    assert!(Notifications::parse(&prefix, STATE).is_err());
}

#[test]
fn each_field_is_typed_and_each_lifecycle_event_read() {
    let collection = body(
        vec![
            notification(json!({"id": "n1"})),
            notification(json!({"changeType": "updated"})),
            notification(json!({"changeType": "deleted", "resourceData": null})),
            notification(json!({"changeType": "archived"})),
            notification(
                json!({"changeType": null, "resource": null, "resourceData": null, "lifecycleEvent": "reauthorizationRequired"}),
            ),
            notification(
                json!({"changeType": null, "resource": null, "resourceData": null, "lifecycleEvent": "subscriptionRemoved"}),
            ),
            notification(
                json!({"changeType": null, "resource": null, "resourceData": null, "lifecycleEvent": "missed"}),
            ),
        ],
        &[],
    );
    let notifications = Notifications::parse(&collection, STATE).unwrap();
    let value = notifications.value();
    assert_eq!(value.len(), 7);
    assert_eq!(value[0].id(), Some("n1"));
    assert_eq!(value[0].change_type(), Some(&ChangeType::Created));
    assert_eq!(value[0].tenant_id(), Some(TENANT));
    assert_eq!(
        value[0].subscription_expiration().unwrap().to_string(),
        "2026-12-09T10:00:00.0000000Z"
    );
    assert_eq!(
        value[0].resource_data().unwrap()["id"],
        "AAMkAGUwNjQ4ZjIxAAA="
    );
    assert_eq!(value[1].change_type(), Some(&ChangeType::Updated));
    assert_eq!(value[2].change_type(), Some(&ChangeType::Deleted));
    assert!(value[2].resource_data().is_none());
    assert_eq!(
        value[3].change_type(),
        Some(&ChangeType::Other("archived".into()))
    );
    assert_eq!(
        value[4].lifecycle_event(),
        Some(&LifecycleEvent::ReauthorizationRequired)
    );
    assert_eq!(
        value[5].lifecycle_event(),
        Some(&LifecycleEvent::SubscriptionRemoved)
    );
    assert_eq!(value[6].lifecycle_event(), Some(&LifecycleEvent::Missed));
    assert!(value[6].change_type().is_none());

    // The resource data as a type of the program's own.
    #[graph_resource(path = "/me/messages", odata = "#microsoft.graph.message")]
    #[derive(Debug, Default)]
    struct Message {
        id: Option<String>,
    }
    let read: Message = value[0].resource_data_as().unwrap().unwrap();
    assert_eq!(read.id.as_deref(), Some("AAMkAGUwNjQ4ZjIxAAA="));
}

#[test]
fn an_oversized_or_malformed_body_is_refused_saying_why() {
    let huge = vec![b' '; graph_core::notifications::MAX_BODY + 1];
    assert!(matches!(
        Notifications::parse(&huge, STATE),
        Err(NotificationError::TooLarge { .. })
    ));
    let error = Notifications::parse(b"{\"value\": [", STATE).unwrap_err();
    assert!(error.to_string().contains("line 1"), "{error}");
    let error = Notifications::parse(b"{\"values\": []}", STATE).unwrap_err();
    assert!(error.to_string().contains("`value`"), "{error}");
    let neither = body(vec![notification(json!({"changeType": null}))], &[]);
    let error = Notifications::parse(&neither, STATE).unwrap_err();
    assert!(error.to_string().contains("notification 0"), "{error}");
}

#[test]
fn a_rich_notification_decrypts_with_its_certificate_s_key() {
    let keys = DecryptionKeys::new()
        .with_pem(CERTIFICATE, &pem(key(0)))
        .unwrap();
    let collection = body(
        vec![notification(
            json!({"encryptedContent": encrypt(&message(), key(0), CERTIFICATE)}),
        )],
        &[],
    );
    let notifications = Notifications::parse(&collection, STATE).unwrap();
    let content = notifications.value()[0].encrypted_content().unwrap();
    assert_eq!(content.encryption_certificate_id(), CERTIFICATE);
    let resource: Value = content.decrypt(&keys).unwrap();
    assert_eq!(resource, message());
    assert!(!format!("{keys:?} {content:?}").contains("PRIVATE"));
}

#[test]
fn a_tampered_signature_or_data_is_refused_before_decryption() {
    let keys = DecryptionKeys::new()
        .with_pem(CERTIFICATE, &pem(key(0)))
        .unwrap();
    let mut content = encrypt(&message(), key(0), CERTIFICATE);
    // Another signature.
    let mut forged = content.clone();
    forged["dataSignature"] = json!(b64(&[7u8; 32]));
    // Data cut short: were it decrypted, its padding would fail; the signature fails first.
    let data = base64::engine::general_purpose::STANDARD
        .decode(content["data"].as_str().unwrap())
        .unwrap();
    content["data"] = json!(b64(&data[..data.len() - 5]));
    for tampered in [forged, content] {
        let collection = body(
            vec![notification(json!({"encryptedContent": tampered}))],
            &[],
        );
        let notifications = Notifications::parse(&collection, STATE).unwrap();
        let error = notifications.value()[0]
            .encrypted_content()
            .unwrap()
            .decrypt::<Value>(&keys)
            .unwrap_err();
        assert!(matches!(error, DecryptError::Signature), "{error:?}");
        assert!(
            error.to_string().contains("nothing was decrypted"),
            "{error}"
        );
    }
}

#[test]
fn a_wrong_certificate_id_or_key_says_which() {
    let encrypted = encrypt(&message(), key(0), "retired-cert");
    let collection = body(
        vec![notification(json!({"encryptedContent": encrypted}))],
        &[],
    );
    let notifications = Notifications::parse(&collection, STATE).unwrap();
    let content = notifications.value()[0].encrypted_content().unwrap();

    let keys = DecryptionKeys::new()
        .with_pem(CERTIFICATE, &pem(key(0)))
        .unwrap();
    let error = content.decrypt::<Value>(&keys).unwrap_err();
    assert!(
        matches!(error, DecryptError::UnknownCertificate { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("`retired-cert`"), "{error}");
    assert!(
        error.to_string().contains(&format!("`{CERTIFICATE}`")),
        "{error}"
    );

    // The right id, another key.
    let wrong = DecryptionKeys::new()
        .with_pem("retired-cert", &pem(key(1)))
        .unwrap();
    let error = content.decrypt::<Value>(&wrong).unwrap_err();
    assert!(matches!(error, DecryptError::DataKey { .. }), "{error:?}");

    assert!(matches!(
        DecryptionKeys::new().with_pem(
            "x",
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
        ),
        Err(DecryptError::InvalidKey { .. })
    ));
}

#[test]
fn keys_rotate_by_certificate_id() {
    let keys = DecryptionKeys::new()
        .with_pem("old", &pem(key(0)))
        .unwrap()
        .with_pem("new", &key(1).to_pkcs1_pem(LineEnding::LF).unwrap())
        .unwrap();
    let collection = body(
        vec![
            notification(json!({"encryptedContent": encrypt(&json!({"id": "a"}), key(0), "old")})),
            notification(json!({"encryptedContent": encrypt(&json!({"id": "b"}), key(1), "new")})),
        ],
        &[],
    );
    let notifications = Notifications::parse(&collection, STATE).unwrap();
    let ids: Vec<Value> = notifications
        .value()
        .iter()
        .map(|n| {
            n.encrypted_content()
                .unwrap()
                .decrypt::<Value>(&keys)
                .unwrap()["id"]
                .clone()
        })
        .collect();
    assert_eq!(ids, [json!("a"), json!("b")]);
}

/// A validation token as Microsoft signs them, with `claims` over the usual ones.
fn token(kid: &str, claims: Value) -> String {
    let now = graph_core::time::OffsetDateTime::now_utc().unix_timestamp();
    let mut base = json!({
        "aud": APP_ID,
        "iss": format!("https://sts.windows.net/{TENANT}/"),
        "iat": now - 60, "nbf": now - 60, "exp": now + 3600,
        "azp": "0bf30f3b-4a52-48df-9a82-234910c4a086",
    });
    for (name, value) in claims.as_object().unwrap() {
        if value.is_null() {
            base.as_object_mut().unwrap().remove(name);
        } else {
            base[name] = value.clone();
        }
    }
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    header.kid = Some(kid.to_owned());
    let der = key(0).to_pkcs1_der().unwrap();
    jsonwebtoken::encode(
        &header,
        &base,
        &jsonwebtoken::EncodingKey::from_rsa_der(der.as_bytes()),
    )
    .unwrap()
}

/// The token with one character of its signature changed.
fn flip_signature(token: &str) -> String {
    let cut = token.rfind('.').unwrap() + 10;
    let mut bytes = token.as_bytes().to_vec();
    bytes[cut] = if bytes[cut] == b'A' { b'B' } else { b'A' };
    String::from_utf8(bytes).unwrap()
}

fn signing_keys() -> SigningKeys {
    let url = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let public = key(0).to_public_key();
    let jwks = json!({"keys": [
        {"kty": "RSA", "use": "sig", "kid": "kid-1", "n": url.encode(public.n_bytes()), "e": url.encode(public.e_bytes())},
        {"kty": "EC", "use": "sig", "kid": "ec", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}
    ]});
    SigningKeys::from_jwks(&jwks.to_string()).unwrap()
}

fn rich(tokens: &[String]) -> Notifications {
    let collection = body(
        vec![notification(
            json!({"encryptedContent": encrypt(&message(), key(0), CERTIFICATE)}),
        )],
        tokens,
    );
    Notifications::parse(&collection, STATE).unwrap()
}

#[test]
fn validation_tokens_are_checked_as_rs256_jwts() {
    let keys = signing_keys();
    let good = token("kid-1", json!({}));
    rich(std::slice::from_ref(&good))
        .check_validation_tokens(&keys, APP_ID, &[TENANT])
        .unwrap();
    // A v1.0 token names the publisher in `appid`.
    let v1 = token(
        "kid-1",
        json!({"azp": null, "appid": "0bf30f3b-4a52-48df-9a82-234910c4a086"}),
    );
    rich(&[v1])
        .check_validation_tokens(&keys, APP_ID, &[TENANT])
        .unwrap();
    let past = graph_core::time::OffsetDateTime::now_utc().unix_timestamp() - 7200;
    for (bad, why) in [
        (token("kid-1", json!({"aud": "another-app"})), "audience"),
        (
            token(
                "kid-1",
                json!({"iss": "https://sts.windows.net/other-tenant/"}),
            ),
            "issuer",
        ),
        (
            token(
                "kid-1",
                json!({"exp": past, "nbf": past - 60, "iat": past - 60}),
            ),
            "expired",
        ),
        (token("kid-9", json!({})), "`kid-9`"),
        (flip_signature(&good), "signature"),
        (
            token(
                "kid-1",
                json!({"azp": "11111111-2222-3333-4444-555555555555"}),
            ),
            "publisher",
        ),
        (token("kid-1", json!({"azp": null})), "no application named"),
    ] {
        let error = rich(&[good.clone(), bad])
            .check_validation_tokens(&keys, APP_ID, &[TENANT])
            .unwrap_err();
        let ValidationTokenError::Token { index, reason } = &error else {
            panic!("{error:?}");
        };
        assert_eq!(*index, 1);
        assert!(reason.contains(why), "{why}: {reason}");
    }
    // HS256, signed with the public key's bytes as a secret: refused by its algorithm.
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    header.kid = Some("kid-1".into());
    let hs = jsonwebtoken::encode(
        &header,
        &json!({"aud": APP_ID}),
        &jsonwebtoken::EncodingKey::from_secret(b"k").unwrap(),
    )
    .unwrap();
    let error = rich(&[hs])
        .check_validation_tokens(&keys, APP_ID, &[TENANT])
        .unwrap_err();
    assert!(error.to_string().contains("only RS256"), "{error}");
    // Encrypted content without tokens.
    assert!(matches!(
        rich(&[]).check_validation_tokens(&keys, APP_ID, &[TENANT]),
        Err(ValidationTokenError::Missing)
    ));
    assert!(SigningKeys::from_jwks("{\"keys\": []}").is_err());
}

#[test]
fn a_subscription_is_created_renewed_and_checked() {
    let subscription = Subscription {
        change_type: Some("created,updated".into()),
        notification_url: Some("https://webhook.contoso.com/api/notifications".into()),
        lifecycle_notification_url: Some(
            "EventHub:https://hub.servicebus.windows.net/eventhubname/graph?tenantId=x".into(),
        ),
        resource: Some("/users/AdeleV@contoso.com/messages".into()),
        expiration_date_time: Some("2026-12-09T18:23:45.9356913Z".parse().unwrap()),
        client_state: Some(STATE.into()),
        include_resource_data: Some(true),
        encryption_certificate: Some(Binary::from(vec![0x30, 0x82, 0x01])),
        encryption_certificate_id: Some(CERTIFICATE.into()),
        ..Subscription::default()
    };
    let request = subscription.create_request().unwrap();
    let sent = request.to_http(&graph_core::Endpoint::v1(), &support::token());
    assert_eq!(sent.uri().path(), "/v1.0/subscriptions");
    let body: Value = graph_core::serde_json::from_slice(sent.body()).unwrap();
    assert_eq!(
        body["notificationUrl"],
        "https://webhook.contoso.com/api/notifications"
    );
    assert_eq!(body["encryptionCertificate"], "MIIB");
    assert_eq!(body["includeResourceData"], true);

    let error = Subscription {
        notification_url: Some("http://webhook.contoso.com/api".into()),
        resource: None,
        ..subscription.clone()
    }
    .create_request()
    .unwrap_err();
    assert_eq!(
        violations(&error),
        [
            ("notificationUrl", ViolationKind::InvalidValue),
            ("resource", ViolationKind::MissingRequired)
        ]
    );
    assert!(error.to_string().contains("not an https URL"), "{error}");

    // Read back as Graph answers, what is not declared kept.
    let answered = json!({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
        "id": "7f105c7d-2dc5-4530-97cd-4e7ae6534c07", "resource": "/users/AdeleV@contoso.com/messages",
        "applicationId": APP_ID, "changeType": "created,updated", "clientState": STATE,
        "notificationUrl": "https://webhook.contoso.com/api/notifications",
        "expirationDateTime": "2026-12-09T18:23:45.9356913Z", "creatorId": "8ee44408-0679-472c-bc2a-692812af3437",
        "latestSupportedTlsVersion": "v1_2", "encryptionCertificate": null});
    let read: Subscription = graph_core::serde_json::from_value(answered).unwrap();
    assert_eq!(
        read.id.as_deref(),
        Some("7f105c7d-2dc5-4530-97cd-4e7ae6534c07")
    );
    assert_eq!(
        read.additional_data["creatorId"],
        "8ee44408-0679-472c-bc2a-692812af3437"
    );

    // Read and deleted by id.
    let endpoint = graph_core::Endpoint::v1();
    let get = Subscription::get_request("7f105c7d")
        .unwrap()
        .to_http(&endpoint, &support::token());
    assert_eq!(get.uri().path(), "/v1.0/subscriptions/7f105c7d");
    let delete = Subscription::delete_request("7f105c7d")
        .unwrap()
        .to_http(&endpoint, &support::token());
    assert_eq!(
        (delete.method().as_str(), delete.uri().path()),
        ("DELETE", "/v1.0/subscriptions/7f105c7d")
    );

    // Renewed by an update of its expiry.
    let mut renewed = read.clone();
    renewed.expiration_date_time = Some("2026-12-11T18:23:45Z".parse().unwrap());
    let update = renewed
        .update_request_from(&read, read.id.as_deref().unwrap())
        .unwrap();
    let sent = update.to_http(&graph_core::Endpoint::v1(), &support::token());
    assert_eq!(sent.method(), http::Method::PATCH);
    assert_eq!(
        std::str::from_utf8(sent.body()).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.subscription","expirationDateTime":"2026-12-11T18:23:45Z"}"##
    );
}

/// The webhook example's receiver, served on loopback and posted to as Graph posts.
#[tokio::test]
async fn the_webhook_receiver_answers_checks_decrypts_and_logs() {
    use graph_examples::webhook::{serve, Receiver};
    bounded(async {
        let keys = DecryptionKeys::new().with_pem(CERTIFICATE, &pem(key(0))).unwrap();
        let receiver = Receiver::new(STATE, keys).with_token_check(signing_keys(), APP_ID, &[TENANT]);
        let log = receiver.log();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/notifications", listener.local_addr().unwrap());
        let server = tokio::spawn(serve(listener, receiver));
        let http = graph_core::client::http_client_builder().unwrap().build().unwrap();
        let post = |query: &'static str, body: Vec<u8>| {
            let request = http.post(format!("{url}{query}")).body(body).timeout(Duration::from_secs(5));
            async move { request.send().await.unwrap() }
        };

        let handshake = post("?validationToken=Validation%3A+reachability", Vec::new()).await;
        assert_eq!(handshake.status(), 200);
        assert_eq!(handshake.headers()["content-type"], "text/plain");
        assert_eq!(handshake.text().await.unwrap(), "Validation: reachability");

        let rich = body(
            vec![
                notification(json!({"encryptedContent": encrypt(&message(), key(0), CERTIFICATE)})),
                notification(json!({"changeType": null, "resource": null, "resourceData": null, "lifecycleEvent": "missed"})),
            ],
            &[token("kid-1", json!({}))],
        );
        assert_eq!(post("", rich).await.status(), 202);
        let forged = body(vec![notification(json!({"clientState": "forged"}))], &[]);
        assert_eq!(post("", forged).await.status(), 403);
        let unsigned = body(
            vec![notification(json!({"encryptedContent": encrypt(&message(), key(0), CERTIFICATE)}))],
            &[token("kid-1", json!({"aud": "another-app"}))],
        );
        assert_eq!(post("", unsigned).await.status(), 403);
        let huge = vec![b' '; graph_core::notifications::MAX_BODY + 10];
        assert_eq!(post("", huge).await.status(), 413);
        server.abort();

        let log = log.lock().unwrap().clone();
        assert_eq!(log[0], "handshake answered");
        assert_eq!(
            log[1],
            "subscription 7f105c7d-2dc5-4530-97cd-4e7ae6534c07: Created Users/ab12/Messages/AAMkAGUwNjQ4ZjIxAAA="
        );
        assert!(log[2].starts_with("  resource: {\"@odata.type\":\"#Microsoft.Graph.Message\""), "{}", log[2]);
        assert!(log[2].contains("Quarterly review"));
        assert_eq!(log[3], "subscription 7f105c7d-2dc5-4530-97cd-4e7ae6534c07: lifecycle event Missed");
        assert!(log[4].starts_with("refused: notification 0") && log[4].contains("clientState"), "{}", log[4]);
        assert!(log[5].contains("audience"), "{}", log[5]);
        assert!(log[6].starts_with("refused:"), "{}", log[6]);
        assert_eq!(log.len(), 7, "{log:?}");
    })
    .await;
}
