//! `oktakeys plan`, `oktakeys apply` and `oktakeys policy schema`: read the policy file,
//! read what each selected server holds (up to `--parallel` at once), and plan each one
//! (`policy::plan`); `plan` shows the plans (`show`), `apply` carries them out (`apply`).

mod apply;
mod key_pool;
mod plan;
mod show;

use std::path::Path;
use std::time::Duration;

use super::connection::Connection;
use crate::api::{self, servers::AuthServer};
use crate::auth::Scope;
use crate::cli::{GlobalArgs, PolicyArgs, PolicyCommand};
use crate::client::Client;
use crate::config::{ProcessEnv, Settings};
use crate::error::{Error, Result};
use crate::http::Progress;
use crate::output::Printer;
use crate::policy::{self, Desired, Listed, PolicyFile, ServerPlan, Source};
use crate::ring::{Location, Store};
use crate::rotate::{self, KeyView};
use crate::time::Timestamp;

pub(crate) use apply::run as apply;
pub(crate) use plan::run as plan;

/// `oktakeys policy schema`: offline.
pub(crate) fn run(global: &GlobalArgs, args: &PolicyArgs) -> Result<()> {
    let printer = Printer::new(global);
    match args.command {
        PolicyCommand::Schema => printer.json(&policy::schema()),
    }
}

/// One org of the policy: a profile and its connection.
struct Org {
    /// Keeps the in-process sandbox of the `sandbox` profile running.
    _conn: Connection,
    client: Client,
}

/// One selected server: where, what the policy wants, and what was read and planned.
pub(super) struct Target {
    org: usize,
    pub(super) profile: Option<String>,
    pub(super) server: AuthServer,
    pub(super) desired: Desired,
}

/// What `plan` found on one server: its keys and plan, or why it could not be read or
/// planned.
pub(super) type Planned = Result<(ServerPlan, Vec<KeyView>)>;

/// The policy, the orgs it names, the servers it selects and their plans.
pub(super) struct Run {
    pub(super) source: Source,
    orgs: Vec<Org>,
    pub(super) targets: Vec<Target>,
    /// Orgs whose servers could not be listed: their profile and the error.
    pub(super) unread: Vec<(Option<String>, Error)>,
    pub(super) now: Timestamp,
}

impl Run {
    /// Read the file and select its servers: a file error is exit 3 before anything is
    /// sent; an org that cannot be listed is reported and the others go on.
    pub(super) async fn open(
        global: &GlobalArgs,
        file: &Path,
        scope: Scope,
        printer: &Printer,
    ) -> Result<Run> {
        let (policy, source) = policy::load(file)?;
        policy::check(&policy, &source)?;
        if policy.servers.is_empty() {
            return Err(source.error(
                0..0,
                "the policy selects no servers: add a [[servers]] block (e.g. all_active = true)",
            ));
        }
        let mut run = Run {
            source,
            orgs: Vec::new(),
            targets: Vec::new(),
            unread: Vec::new(),
            now: Timestamp::now(),
        };
        for profile in policy::profiles(&policy) {
            match run.open_org(global, &policy, &profile, scope).await {
                Ok(()) => {}
                // The file itself is wrong: nothing is planned.
                Err(err @ Error::Config { .. }) if err.to_string().starts_with(&run.file()) => {
                    return Err(err);
                }
                Err(err) => {
                    printer.failure(format!(
                        "error: profile {}: {}",
                        profile_name(&profile),
                        crate::output::error_paragraph(&err).trim_start_matches("error: ")
                    ));
                    run.unread.push((profile, err));
                }
            }
        }
        Ok(run)
    }

    fn file(&self) -> String {
        self.source.path.display().to_string()
    }

    /// Connect to one profile's org, list its servers and select the policy's.
    async fn open_org(
        &mut self,
        global: &GlobalArgs,
        policy: &PolicyFile,
        profile: &Option<String>,
        scope: Scope,
    ) -> Result<()> {
        let mut global = global.clone();
        if profile.is_some() {
            global.profile = profile.clone();
        }
        let settings = Settings::resolve(&global, None, &ProcessEnv)?;
        let conn = Connection::open(&settings, Progress::detect(global.quiet))
            .await?
            .needing(scope);
        let client = conn.client()?;
        let all = api::servers::list_servers(&client, None).await?;
        let listed: Vec<Listed> = all
            .iter()
            .map(|s| Listed {
                id: s.id().to_string(),
                name: s.name().to_string(),
                active: s.status() == "ACTIVE",
            })
            .collect();
        let chosen = policy::select(policy, &self.source, profile, &listed)?;
        let org = self.orgs.len();
        for (listed, desired) in chosen {
            let Some(server) = all.iter().find(|s| s.id() == listed.id) else {
                continue;
            };
            if let Err(bad) = crate::ids::parse_path_id(server.id()) {
                return Err(Error::network(
                    format!(
                        "Okta listed an authorization server whose id `{}` cannot go in a URL \
                         path: {bad}",
                        server.id().escape_debug()
                    ),
                    None,
                ));
            }
            self.targets.push(Target {
                org,
                profile: profile.clone(),
                server: server.clone(),
                desired,
            });
        }
        self.orgs.push(Org {
            _conn: conn,
            client,
        });
        Ok(())
    }

    pub(super) fn client(&self, target: &Target) -> &Client {
        &self.orgs[target.org].client
    }

    /// Labels for `fleet::each_server`: one per target, in order.
    pub(super) fn labels(&self) -> Vec<String> {
        (0..self.targets.len()).map(|i| i.to_string()).collect()
    }

    pub(super) fn target(&self, label: &str) -> Option<&Target> {
        label
            .parse::<usize>()
            .ok()
            .and_then(|i| self.targets.get(i))
    }

    /// Plan every server, up to `parallel` at once; each one's failure is its own.
    /// `planned(index, plan)` is told each plan as soon as it is made (apply starts key
    /// generations then).
    pub(super) async fn plan_all(
        &self,
        printer: &Printer,
        parallel: u16,
        planned: impl Fn(usize, &ServerPlan),
    ) -> Vec<Planned> {
        let labels = self.labels();
        let planned = &planned;
        super::fleet::each_server(printer, &labels, parallel, |label, held| async move {
            let Some(target) = self.target(label) else {
                return Err(Error::Internal(format!("no server {label}")));
            };
            let plan = self.plan_one(target, &held).await;
            match (&plan, label.parse::<usize>()) {
                (Ok((server_plan, _)), Ok(index)) => planned(index, server_plan),
                (Err(err), _) => super::fleet::report_failure(&held, &target.name(), err),
                (Ok(_), Err(_)) => {}
            }
            plan
        })
        .await
    }

    /// Read one server's keys (and, when a retirement is to be told, its rules) and plan it.
    async fn plan_one(&self, target: &Target, printer: &Printer) -> Planned {
        let client = self.client(target);
        let id = target.server.id();
        let keys = match target.server.jwks_uri() {
            Some(_) => Vec::new(),
            None => rotate::views_of_listed(&api::list_keys(client, id).await?)?,
        };
        let lifetime = if policy::needs_lifetime(&target.desired, &keys, self.now) {
            super::retirement::retirement(client, id, None, false, printer)
                .await
                .lifetime
        } else {
            Duration::ZERO
        };
        let rule = policy::retirement(&target.desired, lifetime, self.now);
        let ring = match &target.desired.ring {
            Some(location) => {
                let store = ring_store(location, id);
                let loaded = store.read().await?;
                let status = crate::ring::status(&keys, &loaded.ring, &rule);
                Some((status, store.location().describe()))
            }
            None => None,
        };
        let facts = policy::Facts {
            encryption: target.server.encryption(),
            jwks_uri: target.server.jwks_uri().is_some(),
            keys: &keys,
            ring: ring.as_ref().map(|(status, w)| (status, w.as_str())),
        };
        let plan = policy::plan(&target.desired, &facts, rule).map_err(|r| Error::Refused {
            message: r.reason,
            hint: r.hint.map(|h| rotate::Refusal::put_server(&h, id)),
        })?;
        Ok((plan, keys))
    }
}

/// The policy's ring for server `id`: its file or store, `{server}` expanded.
pub(super) fn ring_store(location: &Location, id: &str) -> Store {
    Store::new(location.for_server(id), false)
}

impl Target {
    /// `aus… (name)`, or with its profile when the policy names one.
    pub(super) fn name(&self) -> String {
        let profile = self
            .profile
            .as_deref()
            .map(|p| format!(", profile {p}"))
            .unwrap_or_default();
        format!("{} ({}{profile})", self.server.id(), self.server.name())
    }
}

/// `oktakeys [--profile P] [--config C] [--org-url U] SUB --file F`: a command to copy,
/// carrying the run's globals, that runs as printed.
pub(super) fn again(sub: &str, file: &Path) -> String {
    let file = file.display().to_string();
    crate::hint::command(sub.split(' ').chain(["--file", &file]))
}

fn profile_name(profile: &Option<String>) -> String {
    profile.clone().unwrap_or_else(|| "(the run's)".into())
}

/// The exit code of the first failure, among the orgs and the servers.
pub(super) fn first_failure<'a>(
    run: &Run,
    errors: impl Iterator<Item = Option<&'a Error>>,
) -> Option<u8> {
    run.unread
        .iter()
        .map(|(_, e)| e.exit_code())
        .chain(errors.flatten().map(Error::exit_code))
        .next()
}
