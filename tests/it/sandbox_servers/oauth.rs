//! Each sandbox server's own OAuth endpoints (token: plain RS256 JWTs, and JWEs to the
//! ACTIVE key while encryption is on; keys; metadata), its state file and `serve`'s flags.

use super::*;

#[tokio::test]
async fn the_token_endpoint_refuses_bad_clients_and_empty_scopes_as_okta() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, _api) = start_with(dir.path(), |o| {
        o.clients = vec![Client::parse_arg("0oaAPP:app-secret").unwrap()];
    })
    .await;
    let base = &sb.base_url;
    let grant = [("grant_type", "client_credentials"), ("scope", "s")];
    let oauth_error = |resp: &Resp, status: u16, error: &str, description: &str| {
        assert_eq!(resp.status, status, "{}", resp.text);
        assert_eq!(
            resp.json(),
            json!({"error": error, "error_description": description})
        );
    };
    oauth_error(
        &token_request(base, "default", Some(("0oaAPP", "wrong")), &grant).await,
        401,
        "invalid_client",
        "The client secret supplied for a confidential client is invalid.",
    );
    oauth_error(
        &token_request(base, "default", Some(("0oaNOPE", "app-secret")), &grant).await,
        401,
        "invalid_client",
        "Invalid value for 'client_id' parameter.",
    );
    oauth_error(
        &token_request(base, "default", None, &grant).await,
        401,
        "invalid_client",
        "No client credentials found.",
    );
    oauth_error(
        &token_request(
            base,
            "default",
            Some(("0oaAPP", "app-secret")),
            &[("grant_type", "client_credentials")],
        )
        .await,
        400,
        "invalid_scope",
        "No scopes were requested.",
    );
    oauth_error(
        &token_request(
            base,
            "default",
            Some(("0oaAPP", "app-secret")),
            &[("grant_type", "password"), ("scope", "s")],
        )
        .await,
        400,
        "unsupported_grant_type",
        "The grant type in the request isn't supported.",
    );
    // client_secret_post works too; both at once is refused.
    let post = [
        ("grant_type", "client_credentials"),
        ("scope", "s"),
        ("client_id", "0oaAPP"),
        ("client_secret", "app-secret"),
    ];
    assert_eq!(
        token_request(base, "default", None, &post).await.status,
        200
    );
    assert_eq!(
        token_request(base, "default", Some(("0oaAPP", "app-secret")), &post)
            .await
            .json()["error"],
        "invalid_request"
    );
    // An unknown server is Okta's 404.
    assert_error(
        &token_request(base, "aus404", Some(("0oaAPP", "app-secret")), &grant).await,
        404,
        "E0000007",
        "Not found: Resource not found: aus404 (AuthorizationServer)",
        &[],
    );
}

#[tokio::test]
async fn without_encryption_the_token_is_a_signed_jwt_with_okta_s_claims() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, _api) = start_with(dir.path(), |_| {}).await;
    let base = &sb.base_url;
    let before = keymaterial::jws::now_secs();
    let token = builtin_token(base, "default").await;
    assert_eq!(token["token_type"], "Bearer");
    assert_eq!(token["expires_in"], 3600);
    assert_eq!(token["scope"], "api:read api:write");
    let jwt = verified_jwt(base, "default", token["access_token"].as_str().unwrap()).await;
    let c = &jwt.claims;
    assert_eq!(c["iss"], format!("{base}/oauth2/default"));
    assert_eq!(c["aud"], "api://default");
    assert_eq!(
        (&c["cid"], &c["sub"]),
        (&json!(BUILTIN_CLIENT_ID), &json!(BUILTIN_CLIENT_ID))
    );
    assert_eq!(c["scp"], json!(["api:read", "api:write"]));
    let iat = c["iat"].as_i64().unwrap();
    assert!(
        iat >= before && iat <= keymaterial::jws::now_secs(),
        "{iat}"
    );
    assert_eq!(c["exp"].as_i64().unwrap(), iat + 3600);
    assert!(c["jti"].as_str().unwrap().starts_with("AT."));
    // A tampered signature does not verify.
    let access = token["access_token"].as_str().unwrap();
    let keys = Api::new(base, "")
        .send(Method::GET, "/oauth2/default/v1/keys", None, None)
        .await
        .json();
    let verifier = VerifyingKey::from_jwk(&keys["keys"][0]).unwrap();
    let (signed, sig) = access.rsplit_once('.').unwrap();
    let mid = sig.len() / 2;
    let flipped = if &sig[mid..mid + 1] == "A" { "B" } else { "A" };
    let tampered = format!("{signed}.{}{flipped}{}", &sig[..mid], &sig[mid + 1..]);
    assert!(
        Decoded::parse(&tampered)
            .unwrap()
            .verify(&verifier)
            .is_err()
    );
}

#[tokio::test]
async fn with_encryption_on_the_token_is_a_jwe_to_the_active_key_for_every_alg_and_enc() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, api) = start_with(dir.path(), |_| {}).await;
    let private = activate_new_key(&api, "default", "enc-key-1").await;
    drop(sb);
    for enc in ContentEnc::ALL {
        let (sb, api) = start_with(dir.path(), |o| o.jwe_enc = enc).await;
        let base = &sb.base_url;
        for alg in KeyAlg::ALL {
            assert_eq!(
                set_encryption(&api, "default", Some(alg.as_str()))
                    .await
                    .status,
                200
            );
            let token = builtin_token(base, "default").await;
            let access = token["access_token"].as_str().unwrap();
            assert_eq!(access.split('.').count(), 5, "a compact JWE");
            let header = jwe::parse_header(access).unwrap();
            assert_eq!(
                Value::Object(header),
                json!({"kid": "enc-key-1", "cty": "JWT", "alg": alg.as_str(), "enc": enc.as_str()})
            );
            let opened = jwe::decrypt(access, &private).unwrap();
            assert_eq!((opened.alg, opened.enc), (alg, enc));
            let inner = std::str::from_utf8(&opened.plaintext).unwrap();
            let jwt = verified_jwt(base, "default", inner).await;
            assert_eq!(jwt.claims["iss"], format!("{base}/oauth2/default"));
        }
    }
    // Another key pair does not open it.
    let (sb, api) = start_with(dir.path(), |_| {}).await;
    let token = builtin_token(&sb.base_url, "default").await;
    let (other, _) = keymaterial::generate::generate(2048).unwrap();
    let other = rsa::PrivateKey::from_pkcs8_pem(other.expose()).unwrap();
    assert!(jwe::decrypt(token["access_token"].as_str().unwrap(), &other).is_err());
    // After activating another key, tokens go to that key.
    let second = activate_new_key(&api, "default", "enc-key-2").await;
    let token = builtin_token(&sb.base_url, "default").await;
    let access = token["access_token"].as_str().unwrap();
    assert_eq!(jwe::parse_header(access).unwrap()["kid"], "enc-key-2");
    assert!(jwe::decrypt(access, &second).is_ok());
    assert!(jwe::decrypt(access, &private).is_err());
}

#[tokio::test]
async fn the_metadata_names_the_server_s_endpoints() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, _api) = start_with(dir.path(), |o| o.auth_servers = vec!["aus7".into()]).await;
    let base = &sb.base_url;
    let anonymous = Api::new(base, "");
    let resp = anonymous
        .send(
            Method::GET,
            "/oauth2/aus7/.well-known/oauth-authorization-server",
            None,
            None,
        )
        .await;
    assert_eq!(resp.status, 200);
    let m = resp.json();
    let iss = format!("{base}/oauth2/aus7");
    assert_eq!(m["issuer"], iss);
    assert_eq!(m["token_endpoint"], format!("{iss}/v1/token"));
    assert_eq!(m["jwks_uri"], format!("{iss}/v1/keys"));
    assert_eq!(
        m["token_endpoint_auth_methods_supported"],
        json!(["client_secret_basic", "client_secret_post"])
    );
    assert!(
        m["grant_types_supported"]
            .as_array()
            .unwrap()
            .contains(&json!("client_credentials"))
    );
    // The jwks_uri it names serves the signing key.
    let keys = anonymous
        .send(Method::GET, "/oauth2/aus7/v1/keys", None, None)
        .await;
    assert_eq!(keys.json()["keys"].as_array().unwrap().len(), 1);
    assert_eq!(
        anonymous
            .send(
                Method::GET,
                "/oauth2/aus404/.well-known/oauth-authorization-server",
                None,
                None
            )
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn a_version_1_state_file_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.json");
    let key = json!({
        "id": "apkOLDFORMAT000000001", "kid": "old", "kty": "RSA", "use": "enc", "e": "AQAB",
        "n": MODULI[0], "status": "ACTIVE",
        "created": "2025-01-01T00:00:00.000Z", "lastUpdated": "2025-01-01T00:00:00.000Z",
    });
    let v1 = json!({"version": 1, "authorizationServers": {"default": {"keys": [key]}}});
    std::fs::write(&path, serde_json::to_vec_pretty(&v1).unwrap()).unwrap();
    let (_sb, api) = start_with(dir.path(), |_| {}).await;
    assert_eq!(api.list("default").await.json()[0]["kid"], "old");
    let s = get(&api, &format!("{SERVERS}/default")).await.json();
    assert_eq!(s["name"], "default");
    let saved: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(saved["version"], 2);
    // The migrated policy keeps its id from one request to the next.
    let a = get(&api, &format!("{SERVERS}/default/policies"))
        .await
        .json();
    let b = get(&api, &format!("{SERVERS}/default/policies"))
        .await
        .json();
    assert_eq!(a[0]["id"], b[0]["id"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the state holds private signing keys");
    }
}

#[tokio::test]
async fn serve_takes_clients_token_lifetime_and_jwe_enc_from_flags_and_environment() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("s.json");
    let served = serve(
        home.path(),
        &[
            "--state",
            state.to_str().unwrap(),
            "--token",
            "t",
            "--token-lifetime",
            "5",
            "--encryption-enabled",
            "default",
        ],
        &[
            ("OKTAKEYS_SANDBOX_CLIENTS", "0oaENV:env-secret"),
            ("OKTAKEYS_SANDBOX_JWE_ENC", "A128CBC-HS256"),
        ],
    );
    let resp = token_request(
        &served.base,
        "default",
        Some(("0oaENV", "env-secret")),
        &[("grant_type", "client_credentials"), ("scope", "x")],
    )
    .await;
    assert_eq!(resp.status, 200, "{}", resp.text);
    let token = resp.json();
    assert_eq!(token["expires_in"], 300);
    let header = jwe::parse_header(token["access_token"].as_str().unwrap()).unwrap();
    assert_eq!(
        (header["alg"].as_str(), header["enc"].as_str()),
        (Some("RSA-OAEP-256"), Some("A128CBC-HS256"))
    );
    let err = std::fs::read_to_string(&served.stderr_path).unwrap();
    assert!(
        err.contains("client id 0oaENV (with the secret you gave)"),
        "{err}"
    );
    assert!(!err.contains("env-secret"), "{err}");

    // Out-of-range values are refused with exit 2.
    let out = oktakeys(home.path())
        .args(["sandbox", "serve", "--token-lifetime", "4"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("must be a whole number of minutes from 5 to 1440")
    );
    let out = oktakeys(home.path())
        .args(["sandbox", "serve", "--jwe-enc", "A512GCM"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
