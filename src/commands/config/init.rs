//! `oktakeys config init`: the flow from flags and questions to a written, checked profile.

use serde_json::json;

use super::file::{apply, lock_config, parse_config, read_document, render, write_private};
use super::file_path;
use super::plan::{Existing, gather};
use super::prompt::{Ask, RestoreTerminal, TerminalAsk, read_token_stdin, yes_no};
use super::verify::verify;
use crate::cli::{GlobalArgs, InitArgs, OutputFormat};
use crate::error::{Error, Result};
use crate::output::{Printer, error_paragraph};

pub(super) async fn run(global: &GlobalArgs, printer: &Printer, args: &InitArgs) -> Result<()> {
    let path = file_path(global)?;
    let current = read_document(&path)?;
    let is_new = current.is_none();
    let (doc, file) = current.unwrap_or_default();
    let existing = Existing {
        path: path.clone(),
        default_profile: file.default_profile.clone(),
        profiles: file.profiles.clone(),
    };
    let interactive = crate::commands::can_prompt(global);
    // Questions and stdin are read on a blocking thread, so Ctrl-C (watched by the
    // runtime) still ends the command; the guard puts the terminal back (echo on) if it
    // comes while a token is being typed.
    let _restore = RestoreTerminal::save(interactive);
    let (g, a, e) = (global.clone(), args.clone(), existing.clone());
    let plan = tokio::task::spawn_blocking(move || {
        let mut terminal = TerminalAsk;
        let ask: Option<&mut dyn Ask> = if interactive {
            Some(&mut terminal)
        } else {
            None
        };
        gather(&g, &a, ask, &e, &mut read_token_stdin)
    })
    .await
    .map_err(|e| Error::Internal(format!("the questions failed: {e}")))??;

    let mut doc = doc;
    apply(&mut doc, &plan, &path)?;
    // The text may hold a token: wipe it when done.
    let text = zeroize::Zeroizing::new(render(&doc, is_new));
    let new_file = parse_config(&text, &path)?;

    // Whether the written profile names an authorization server: a new one, or the one
    // it kept.
    let has_server = plan.auth_server.is_some()
        || existing
            .profiles
            .get(&plan.name)
            .is_some_and(|p| p.auth_server.is_some());

    let mut verified = !args.no_verify;
    if args.no_verify {
        printer.note("Not checking the credentials (--no-verify).");
    } else if let Err(err) = verify(global, printer, &plan, new_file, &path).await {
        if matches!(&err, Error::Api(api) if api.status == 404) && !has_server {
            printer.note(
                "This server does not list authorization servers (`oktakeys sandbox serve` answers \
                 only the key endpoints): pass --auth-server ID to check with that server's keys.",
            );
        }
        if !interactive {
            printer.note(format!(
                "Not writing profile `{}`: the check against Okta failed (fix what is below, or pass --no-verify to write it anyway).",
                plan.name
            ));
            return Err(err);
        }
        // The person typed their answers: do not throw them away.
        printer.failure(error_paragraph(&err));
        if !save_anyway(&plan.name).await? {
            printer.note(format!(
                "Not writing profile `{}`. Your answers as one command, to run once the check can pass (or with --no-verify):\n  {}",
                plan.name,
                plan.as_command()
            ));
            return Err(Error::Reported(err.exit_code()));
        }
        verified = false;
    }

    // Other runs may have changed the file since it was read (eight `config init` at
    // once): under the lock, read it again and apply the plan to what it holds now, so
    // no run's profile is lost.
    {
        let _lock = lock_config(&path)?;
        let current = read_document(&path)?;
        let is_new = current.is_none();
        let (mut doc, _) = current.unwrap_or_default();
        apply(&mut doc, &plan, &path)?;
        let text = zeroize::Zeroizing::new(render(&doc, is_new));
        parse_config(&text, &path)?;
        write_private(&path, &text)?;
    }
    let default_note = if plan.make_default {
        " It is the default profile."
    } else {
        ""
    };
    let unchecked = if verified || args.no_verify {
        String::new()
    } else {
        format!(
            " Its check failed: `{}` looks again.",
            crate::hint::command_setting(
                &["--profile", "--org-url"],
                ["--profile", plan.name.as_str(), "doctor"]
            )
        )
    };
    printer.note(format!(
        "Wrote profile `{}` to {} (mode 0600).{default_note}{unchecked}",
        plan.name,
        path.display()
    ));
    let mut next: Vec<&str> = Vec::new();
    if !plan.make_default {
        next.extend(["--profile", &plan.name]);
    }
    next.extend(["keys", "list"]);
    if !has_server {
        next.extend(["--auth-server", "ID"]);
    }
    // The profile holds the org now.
    let next = crate::hint::command_setting(&["--profile", "--org-url"], next);
    printer.note(format!("Next: {next}"));
    if printer.format == OutputFormat::Json {
        printer.json(&json!({
            "profile": plan.name,
            "path": path.display().to_string(),
            "default": plan.make_default,
            "verified": verified,
        }))?;
    }
    Ok(())
}

/// After a failed check, on a terminal: save the answers anyway? (No by default.)
async fn save_anyway(name: &str) -> Result<bool> {
    let question = format!("Save profile `{name}` anyway, unchecked?");
    tokio::task::spawn_blocking(move || yes_no(&mut TerminalAsk, &question, false))
        .await
        .map_err(|e| Error::Internal(format!("the question failed: {e}")))?
}
