//! The authenticated client of the management API: a [`Transport`], the org URL, and the
//! [`Authenticator`] whose headers go with every request. It hands the authenticator the
//! same transport, so a service app's token request (`auth::service_app`) goes through
//! it too, with its own attempts: a new client assertion and DPoP proof each attempt.
//!
//! Sending, retries, the deadline and the log are the transport's (`http`); this file only
//! joins it to authentication.

use url::Url;

use crate::auth::{AuthRetries, Authenticator};
use crate::config::HttpSettings;
use crate::error::{Error, Result};
use crate::http::{Attempts, Credentials, OpenAttempts, OpenAuth, Response};

// The transport's types, at the paths the commands and tests have always used.
use crate::http::{Progress, Request, Retries, Sent, Transport};

/// The management API: a [`Transport`], the org URL, and the authentication it adds.
pub struct Client {
    transport: Transport,
    base: Url,
    auth: Authenticator,
    /// Where the credentials came from (`the API token in the environment variable
    /// OKTA_API_TOKEN`), named in the hint when Okta refuses them (401).
    credentials_from: Option<String>,
}

impl Client {
    pub(crate) fn new(
        settings: &HttpSettings,
        base: Url,
        auth: Authenticator,
        progress: Progress,
    ) -> Result<Self> {
        Ok(Client {
            transport: Transport::new(settings, &base, progress)?,
            base,
            auth,
            credentials_from: None,
        })
    }

    /// Name where the credentials came from in the hint of a refusal (401).
    pub(crate) fn with_credentials_from(mut self, from: Option<String>) -> Self {
        self.credentials_from = from;
        self
    }

    pub(crate) fn base(&self) -> &Url {
        &self.base
    }

    /// See [`Transport::off_the_clock`].
    pub(crate) async fn off_the_clock<T>(&self, f: impl std::future::Future<Output = T>) -> T {
        self.transport.off_the_clock(f).await
    }

    /// Send a request, retrying what is safe to retry; any non-2xx answer is an error.
    pub(crate) async fn send(&self, request: &Request) -> Result<Response> {
        match self.send_tracked(request, &mut Retries::default()).await? {
            Sent::Done(resp) => Ok(resp),
            Sent::Unsure(err) => Err(err),
        }
    }

    /// Send a request with the transport's retry policy. A request that is not
    /// idempotent and may have reached Okta comes back as [`Sent::Unsure`] instead of
    /// being resent; `retries` keeps the count for a caller that resends.
    pub(crate) async fn send_tracked(
        &self,
        request: &Request,
        retries: &mut Retries,
    ) -> Result<Sent> {
        let url = request.url(&self.base);
        let mut attempts = ApiAttempts {
            transport: &self.transport,
            auth: &self.auth,
            auth_retries: AuthRetries::default(),
        };
        let sent = self
            .transport
            .send_tracked(request, &url, retries, &mut attempts)
            .await;
        match (sent, &self.credentials_from) {
            (Err(Error::Api(mut api)), Some(from)) if api.status == 401 && api.hint.is_none() => {
                api.hint = Some(format!(
                    "Okta refused {from}: it may be mistyped, expired or revoked (or belong to \
                     another org than {})",
                    self.base
                ));
                Err(Error::Api(api))
            }
            (sent, _) => sent,
        }
    }

    /// Send a request without the management API's credentials (a custom authorization
    /// server's `/oauth2/{id}/v1/token` and `/v1/keys`): the same transport, org URL,
    /// retries, deadline and redacted log, with only what `auth` adds.
    pub(crate) async fn send_open(
        &self,
        request: &Request,
        auth: OpenAuth<'_>,
    ) -> Result<Response> {
        let url = request.url(&self.base);
        let mut attempts = OpenAttempts(auth);
        match self
            .transport
            .send_tracked(request, &url, &mut Retries::default(), &mut attempts)
            .await?
        {
            Sent::Done(resp) => Ok(resp),
            Sent::Unsure(err) => Err(err),
        }
    }

    /// See [`Transport::pause_before_resend`].
    pub(crate) async fn pause_before_resend(
        &self,
        retries: &mut Retries,
        last: Error,
    ) -> Result<()> {
        self.transport.pause_before_resend(retries, last).await
    }
}

/// The management API's [`Attempts`]: headers from the authenticator, which may first
/// fetch a token through the same transport.
struct ApiAttempts<'a> {
    transport: &'a Transport,
    auth: &'a Authenticator,
    auth_retries: AuthRetries,
}

impl Attempts for ApiAttempts<'_> {
    async fn credentials(&mut self, request: &Request, url: &Url) -> Result<Credentials> {
        let headers = self
            .auth
            .headers(self.transport, &request.method, url)
            .await?;
        Ok(Credentials {
            headers,
            form: Vec::new(),
        })
    }

    fn resend_at_once(&mut self, url: &Url, resp: &Response) -> bool {
        self.auth.after_response(
            url,
            resp.status.as_u16(),
            &resp.headers,
            &resp.body,
            &mut self.auth_retries,
        )
    }
}
