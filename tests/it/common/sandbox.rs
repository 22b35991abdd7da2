//! Helpers shared by the sandbox tests: an HTTP client, exact-body expectations, and a
//! spawned `oktakeys sandbox serve`.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

pub use oktakeys_sandbox::seed::MODULI;

pub use super::{Run, RunExt, TOKEN, oktakeys};

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

/// A temporary HOME with a spawned `oktakeys sandbox serve` (state in HOME, the test
/// token), and the binary pointed at it: the end-to-end tests' setup.
pub struct ServedEnv {
    pub home: tempfile::TempDir,
    pub served: Served,
}

impl ServedEnv {
    /// `sandbox serve --state HOME/sandbox.json ARGS…` with [`TOKEN`] as its token.
    pub fn start(args: &[&str]) -> Self {
        let home = tempfile::tempdir().unwrap();
        let state = home.path().join("sandbox.json");
        let mut all = vec!["--state", state.to_str().unwrap()];
        all.extend_from_slice(args);
        let served = serve(home.path(), &all, &[("OKTAKEYS_SANDBOX_TOKEN", TOKEN)]);
        ServedEnv { home, served }
    }

    /// The binary with `OKTA_ORG_URL` at the sandbox and `token` as `OKTA_API_TOKEN`.
    pub fn cmd_with_token(&self, token: &str) -> std::process::Command {
        let mut cmd = oktakeys(self.home.path());
        cmd.env("OKTA_ORG_URL", &self.served.base)
            .env("OKTA_API_TOKEN", token)
            .stdin(Stdio::null());
        cmd
    }

    /// Run `ARGS…` with the sandbox's token, checked for the token.
    pub fn run(&self, args: &[&str]) -> Run {
        self.cmd_with_token(TOKEN).args(args).run()
    }

    /// A public JWK file in HOME with `kid` and shipped modulus `modulus`; its path.
    pub fn jwk_file(&self, name: &str, kid: &str, modulus: usize) -> String {
        let path = self.home.path().join(name);
        let jwk =
            json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[modulus], "kid": kid});
        std::fs::write(&path, jwk.to_string()).unwrap();
        path.to_str().unwrap().to_string()
    }
}

/// The sandbox in-process (on a thread of its own) with the fault hook armed, holding
/// the keys a test seeds: the rotation tests run the binary against Okta's real rules.
pub struct FaultySandbox {
    pub base: String,
    pub faults: oktakeys_sandbox::Faults,
    state_file: std::path::PathBuf,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl FaultySandbox {
    pub fn start() -> Self {
        Self::start_with(|_| {})
    }

    /// Started with options a test sets (the knobs: latency, rate limit).
    pub fn start_with(configure: impl FnOnce(&mut oktakeys_sandbox::Options)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let state_file = dir.path().join("sandbox.json");
        let faults = oktakeys_sandbox::Faults::new();
        let mut options = oktakeys_sandbox::Options::new(&state_file);
        options.token = keymaterial::secret::Secret::new(TOKEN);
        options.faults = Some(faults.clone());
        configure(&mut options);
        let (started, base) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let running = oktakeys_sandbox::start(options).await.unwrap();
                started.send(running.base_url.clone()).unwrap();
                let _ = stopped.await;
                running.shutdown().await;
            });
        });
        FaultySandbox {
            base: base.recv().expect("the sandbox starts"),
            faults,
            state_file,
            stop: Some(stop),
            thread: Some(thread),
            _dir: dir,
        }
    }

    fn state(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(&self.state_file).unwrap()).unwrap()
    }

    /// Change the state file as Okta's admin console could (between the test's runs).
    pub fn edit(&self, change: impl FnOnce(&mut Value)) {
        let mut state = self.state();
        change(&mut state);
        std::fs::write(&self.state_file, state.to_string()).unwrap();
    }

    /// Add server `id` holding `keys` as (kid, status), oldest first; ids are `apk<kid>`.
    pub fn server(&self, id: &str, keys: &[(&str, &str)]) {
        let mut state = self.state();
        let servers = state["authorizationServers"].as_object_mut().unwrap();
        let seed = servers.len() * 10;
        let keys: Vec<Value> = keys
            .iter()
            .enumerate()
            .map(|(i, (kid, status))| {
                json!({
                    "id": format!("apk{kid}"), "kid": kid, "kty": "RSA", "use": "enc",
                    "e": "AQAB", "n": super::modulus(2048, 100 + u8::try_from(seed + i).unwrap()),
                    "status": status,
                    "created": format!("2020-0{}-01T00:00:00.000Z", i + 1),
                    "lastUpdated": "2020-06-01T00:00:00.000Z",
                })
            })
            .collect();
        servers.insert(id.to_string(), json!({ "keys": keys }));
        std::fs::write(&self.state_file, state.to_string()).unwrap();
    }

    /// `(id, kid, status)` of a server's keys, in the server's order.
    pub fn keys(&self, server: &str) -> Vec<(String, String, String)> {
        let state = self.state();
        state["authorizationServers"][server]["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                let field = |name: &str| k[name].as_str().unwrap_or("").to_string();
                (field("id"), field("kid"), field("status"))
            })
            .collect()
    }

    /// The key requests, "METHOD /path" with the keys prefix shortened to `/as/…/keys`.
    pub fn log(&self) -> Vec<String> {
        self.faults
            .requests()
            .into_iter()
            .map(|r| r.line.replace("/api/v1/authorizationServers/", "/as/"))
            .map(|line| line.replace("/resourceservercredentials/keys", "/keys"))
            .collect()
    }

    /// The JSON bodies sent, in order.
    pub fn bodies(&self) -> Vec<Value> {
        self.faults
            .requests()
            .into_iter()
            .filter_map(|r| r.body)
            .collect()
    }

    pub fn clear_log(&self) {
        self.faults.clear_log();
    }

    pub fn fail_next(&self, pattern: &str, status: u16) {
        self.faults.fail_next(pattern, status);
    }

    pub fn lose_answer(&self, pattern: &str, status: u16) {
        self.faults.lose_answer(pattern, status);
    }

    /// Never answer the next request matching `pattern` (carried out first when `after`).
    pub fn hang(&self, pattern: &str, after: bool) {
        self.faults.hang(pattern, after);
    }

    /// Wait (at most a minute) until a request has hung.
    pub fn wait_for_hang(&self) {
        for _ in 0..600 {
            if self.faults.hung() > 0 {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("no request hung; requests: {:?}", self.log());
    }

    /// The ids the next keys added get, so the expected output can name them.
    pub fn name_next_keys(&self, ids: &[&str]) {
        self.faults.name_next_keys(ids);
    }
}

impl Drop for FaultySandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
