//! Helpers shared by the sandbox tests: an HTTP client, exact-body expectations, and a
//! spawned `oktakeys sandbox serve`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

pub use oktakeys::sandbox::seed::MODULI;

pub fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap()
}

pub fn keys_path(server: &str) -> String {
    format!("/api/v1/authorizationServers/{server}/resourceservercredentials/keys")
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .unwrap_or_else(|| panic!("no {name} header"))
            .to_str()
            .unwrap()
    }
}

#[derive(Clone)]
pub struct Api {
    pub base: String,
    pub token: String,
    pub client: reqwest::Client,
}

impl Api {
    pub fn new(base: &str, token: &str) -> Self {
        Api {
            base: base.to_string(),
            token: token.to_string(),
            client: client(),
        }
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        auth: Option<&str>,
        body: Option<&str>,
    ) -> Resp {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("Accept", "application/json");
        if let Some(auth) = auth {
            req = req.header("Authorization", auth);
        }
        if let Some(body) = body {
            req = req
                .header("Content-Type", "application/json")
                .body(body.to_string());
        }
        let resp = req.send().await.expect("the request reaches the sandbox");
        Resp {
            status: resp.status().as_u16(),
            headers: resp.headers().clone(),
            text: resp.text().await.unwrap(),
        }
    }

    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Resp {
        let auth = format!("SSWS {}", self.token);
        self.send(
            method,
            path,
            Some(&auth),
            body.map(|b| b.to_string()).as_deref(),
        )
        .await
    }

    pub async fn list(&self, server: &str) -> Resp {
        self.call(Method::GET, &keys_path(server), None).await
    }
    pub async fn get(&self, server: &str, id: &str) -> Resp {
        self.call(Method::GET, &format!("{}/{id}", keys_path(server)), None)
            .await
    }
    pub async fn add(&self, server: &str, body: Value) -> Resp {
        self.call(Method::POST, &keys_path(server), Some(body))
            .await
    }
    pub async fn activate(&self, server: &str, id: &str) -> Resp {
        self.call(
            Method::POST,
            &format!("{}/{id}/lifecycle/activate", keys_path(server)),
            None,
        )
        .await
    }
    pub async fn deactivate(&self, server: &str, id: &str) -> Resp {
        self.call(
            Method::POST,
            &format!("{}/{id}/lifecycle/deactivate", keys_path(server)),
            None,
        )
        .await
    }
    pub async fn delete(&self, server: &str, id: &str) -> Resp {
        self.call(Method::DELETE, &format!("{}/{id}", keys_path(server)), None)
            .await
    }
}

/// An add request body for modulus `i` of the shipped moduli.
pub fn add_body(kid: &str, i: usize) -> Value {
    json!({"kid": kid, "kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[i], "status": "INACTIVE"})
}

/// The key exactly as Okta returns it, links included.
pub fn key_json(base: &str, server: &str, key: &Value, status: &str) -> Value {
    let id = key["id"].as_str().unwrap();
    let href =
        format!("{base}/api/v1/authorizationServers/{server}/resourceservercredentials/keys/{id}");
    let links = if status == "ACTIVE" {
        json!({
            "self": {"href": href, "hints": {"allow": ["GET"]}},
            "deactivate": {"href": format!("{href}/lifecycle/deactivate"), "hints": {"allow": ["POST"]}},
        })
    } else {
        json!({
            "self": {"href": href, "hints": {"allow": ["GET"]}},
            "activate": {"href": format!("{href}/lifecycle/activate"), "hints": {"allow": ["POST"]}},
            "delete": {"href": href, "hints": {"allow": ["DELETE"]}},
        })
    };
    json!({
        "id": id, "kid": key["kid"], "kty": "RSA", "use": "enc", "e": key["e"], "n": key["n"],
        "status": status, "created": key["created"], "lastUpdated": key["lastUpdated"],
        "_links": links,
    })
}

pub fn is_key_id(s: &str) -> bool {
    s.len() == 20 && s.starts_with("apk") && s[3..].bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `2023-02-21T20:08:24.000Z`
pub fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 24
        && s.ends_with(".000Z")
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
            .iter()
            .all(|i| b[*i].is_ascii_digit())
}

/// Assert an Okta error response: status, JSON content type, and the exact body (the
/// `errorId` must be `oae` and 22 alphanumerics). Returns the errorId.
pub fn assert_error(
    resp: &Resp,
    status: u16,
    code: &str,
    summary: &str,
    causes: &[&str],
) -> String {
    assert_eq!(resp.status, status, "{}", resp.text);
    assert_eq!(resp.header("content-type"), "application/json");
    let body = resp.json();
    let error_id = body["errorId"].as_str().unwrap_or_default().to_string();
    assert!(
        error_id.len() == 25
            && error_id.starts_with("oae")
            && error_id.bytes().all(|b| b.is_ascii_alphanumeric()),
        "errorId {error_id:?}"
    );
    let causes: Vec<Value> = causes.iter().map(|c| json!({"errorSummary": c})).collect();
    assert_eq!(
        body,
        json!({
            "errorCode": code, "errorSummary": summary, "errorLink": code,
            "errorId": error_id, "errorCauses": causes,
        })
    );
    error_id
}

pub const VALIDATION: &str = "Api validation failed: JsonWebKey";

/// A spawned `oktakeys sandbox serve`, killed when dropped.
pub struct Served {
    pub child: Child,
    pub base: String,
    pub stderr_path: std::path::PathBuf,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The binary with a cleared environment and `home` as HOME.
pub fn oktakeys(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_oktakeys"));
    cmd.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd
}

/// Start `oktakeys sandbox serve --addr 127.0.0.1:0 ARGS…` and wait for its base URL.
pub fn serve(home: &Path, args: &[&str], envs: &[(&str, &str)]) -> Served {
    let stderr_path = home.join(format!(
        "serve-{}.err",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    let mut cmd = oktakeys(home);
    cmd.args(["sandbox", "serve", "--addr", "127.0.0.1:0"])
        .args(args)
        .envs(envs.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&stderr_path).unwrap());
    let mut child = cmd.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let served = Served {
        child,
        base: line.trim().to_string(),
        stderr_path,
    };
    assert!(
        served.base.starts_with("http://127.0.0.1:"),
        "no base URL on stdout; stderr: {}",
        std::fs::read_to_string(&served.stderr_path).unwrap_or_default()
    );
    served
}
