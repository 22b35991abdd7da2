//! The HTTP side of the authorization-server objects (list, get, replace; policies and
//! rules) and of each server's own OAuth endpoints (token, keys, metadata). The rules are
//! in `servers` and `custom_as`; this only reads requests and writes answers.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, HeaderValue, Response, StatusCode, Uri};
use axum::routing::{get, post};
use serde_json::Value;

use super::{App, Ids, now, respond};
use crate::custom_as;
use crate::errors::OktaError;
use crate::model::State;
use crate::response::{error_response, json_response};
use crate::servers;

const SERVERS: &str = "/api/v1/authorizationServers";

/// Add these routes to the router of the key endpoints.
pub(crate) fn routes(router: Router<Arc<App>>) -> Router<Arc<App>> {
    router
        .route(SERVERS, get(list_servers))
        .route(
            &format!("{SERVERS}/{{server}}"),
            get(get_server).put(replace_server),
        )
        .route(
            &format!("{SERVERS}/{{server}}/policies"),
            get(list_policies),
        )
        .route(
            &format!("{SERVERS}/{{server}}/policies/{{policy}}/rules"),
            get(list_rules),
        )
        .route("/oauth2/{server}/v1/token", post(token))
        .route("/oauth2/{server}/v1/keys", get(signing_keys))
        .route(
            "/oauth2/{server}/.well-known/oauth-authorization-server",
            get(metadata),
        )
}

/// Whether a path is one of a server's own OAuth endpoints, which need no API token.
pub(crate) fn is_custom_as_path(path: &str) -> bool {
    path.starts_with("/oauth2/")
}

async fn list_servers(
    AxumState(app): AxumState<Arc<App>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response<Body> {
    let base = app.base_url(&headers);
    let query: Vec<(String, String)> =
        url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
            .into_owned()
            .collect();
    let param = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let (q, after) = (param("q"), param("after").filter(|a| !a.is_empty()));
    let limit = match servers::parse_limit(param("limit").as_deref()) {
        Ok(limit) => limit,
        Err(e) => return error_response(&e),
    };
    let b = base.clone();
    let q2 = q.clone();
    let outcome = app
        .transact(move |state| {
            let page = servers::list(state, q2.as_deref(), limit, after.as_deref());
            let mut out = Vec::with_capacity(page.ids.len());
            for id in &page.ids {
                let server = servers::server_mut(state, id)?;
                custom_as::ensure_signing(server)?;
                out.push(servers::to_json(server, id, &b));
            }
            Ok::<_, OktaError>((out, page.next))
        })
        .await;
    respond(&app, outcome, |(list, next)| {
        let mut resp = json_response(StatusCode::OK, &Value::Array(list));
        let this = format!("{base}{SERVERS}");
        let self_link = match uri.query() {
            Some(query) => format!("<{this}?{query}>; rel=\"self\""),
            None => format!("<{this}>; rel=\"self\""),
        };
        let mut links = vec![self_link];
        if let Some(cursor) = next {
            let mut next = url::form_urlencoded::Serializer::new(String::new());
            if let Some(q) = &q {
                next.append_pair("q", q);
            }
            next.append_pair("limit", &limit.to_string());
            next.append_pair("after", &cursor);
            links.push(format!("<{this}?{}>; rel=\"next\"", next.finish()));
        }
        for link in links {
            if let Ok(v) = HeaderValue::from_str(&link) {
                resp.headers_mut().append("link", v);
            }
        }
        resp
    })
}

/// The server as Okta returns it (its signing key made on first use, as Okta always has one).
fn server_object(state: &mut State, id: &str, base: &str) -> Result<Value, OktaError> {
    let server = servers::server_mut(state, id)?;
    custom_as::ensure_signing(server)?;
    Ok(servers::to_json(server, id, base))
}

async fn get_server(
    AxumState(app): AxumState<Arc<App>>,
    Ids(id): Ids<String>,
    headers: HeaderMap,
) -> Response<Body> {
    let base = app.base_url(&headers);
    let outcome = app
        .transact(move |state| server_object(state, &id, &base))
        .await;
    respond(&app, outcome, |v| json_response(StatusCode::OK, &v))
}

async fn replace_server(
    AxumState(app): AxumState<Arc<App>>,
    Ids(id): Ids<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response<Body> {
    let base = app.base_url(&headers);
    let outcome = app
        .transact(move |state| {
            servers::replace(state, &id, &body, &now())?;
            server_object(state, &id, &base)
        })
        .await;
    respond(&app, outcome, |v| json_response(StatusCode::OK, &v))
}

async fn list_policies(
    AxumState(app): AxumState<Arc<App>>,
    Ids(id): Ids<String>,
    headers: HeaderMap,
) -> Response<Body> {
    let base = app.base_url(&headers);
    let outcome = app
        .transact(move |state| {
            let server = servers::server(state, &id)?;
            Ok::<_, OktaError>(servers::policies_json(server, &id, &base))
        })
        .await;
    respond(&app, outcome, |v| json_response(StatusCode::OK, &v))
}

async fn list_rules(
    AxumState(app): AxumState<Arc<App>>,
    Ids((id, policy)): Ids<(String, String)>,
    headers: HeaderMap,
) -> Response<Body> {
    let base = app.base_url(&headers);
    let outcome = app
        .transact(move |state| {
            let server = servers::server(state, &id)?;
            servers::rules_json(server, &id, &policy, &base)
        })
        .await;
    respond(&app, outcome, |v| json_response(StatusCode::OK, &v))
}

async fn token(
    AxumState(app): AxumState<Arc<App>>,
    Ids(id): Ids<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response<Body> {
    let issuer = servers::issuer(&app.base_url(&headers), &id);
    let outcome = app
        .transact(move |state| custom_as::snapshot(state, &id))
        .await;
    let app2 = app.clone();
    respond(&app, outcome, move |snapshot| {
        app2.custom_as.token(snapshot, &issuer, &headers, &body)
    })
}

async fn signing_keys(AxumState(app): AxumState<Arc<App>>, Ids(id): Ids<String>) -> Response<Body> {
    let outcome = app
        .transact(move |state| {
            let server = servers::server_mut(state, &id)?;
            Ok::<_, OktaError>(custom_as::jwks(custom_as::ensure_signing(server)?))
        })
        .await;
    respond(&app, outcome, |v| json_response(StatusCode::OK, &v))
}

async fn metadata(
    AxumState(app): AxumState<Arc<App>>,
    Ids(id): Ids<String>,
    headers: HeaderMap,
) -> Response<Body> {
    let issuer = servers::issuer(&app.base_url(&headers), &id);
    let outcome = app
        .transact(move |state| servers::server(state, &id).map(|_| ()))
        .await;
    respond(&app, outcome, |()| {
        json_response(StatusCode::OK, &custom_as::metadata(&issuer))
    })
}
