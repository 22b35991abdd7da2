
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'oktakeys' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'oktakeys'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'oktakeys' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'List, add, activate, deactivate and delete an authorization server''s public keys')
            [CompletionResult]::new('servers', 'servers', [CompletionResultType]::ParameterValue, 'List authorization servers; turn access-token encryption on or off')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Decrypt an encrypted access token and check it')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `apply` would change to bring the servers to the policy file (reads only)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The policy file of plan and apply: its JSON Schema')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Create profiles, list them, and show which settings apply and where they come from')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local Okta-compatible server for trying oktakeys and for tests')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the setup: config file, profile, credentials, the org, scopes, clock, servers')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;keys' {
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the server''s keys, with each key''s role (current, next, previous)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one key')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a public key (always INACTIVE; activate it afterwards)')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Make a key the active one (Okta deactivates the previously active key)')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Deactivate a key')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an INACTIVE key (asks first on a terminal)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create an RSA key pair: the private key to a file (mode 0600) or a secret store, the public JWK to stdout')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Rotate to a new key: stage it, gate, activate it, retire old keys once retirable (safe to re-run)')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Re-activate the key that was ACTIVE before (the INACTIVE key most recently deactivated)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Prove end to end that FILE opens the access tokens the server issues now')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Find which of the server''s keys FILE is the private half of, and whether it is ACTIVE')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check each server''s encryption keys and say which need attention (exit 11 when any does)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;keys;list' {
            [CompletionResult]::new('--token-lifetime', '--token-lifetime', [CompletionResultType]::ParameterName, 'With --retirement: the longest access-token lifetime to assume, instead of reading the rules (e.g. 1h)')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--retirement', '--retirement', [CompletionResultType]::ParameterName, 'Add when each INACTIVE key is retirable (a RETIRABLE column; with -o json an `_oktakeys` member); reads the server''s policies'' rules')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;get' {
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;add' {
            [CompletionResult]::new('--jwk', '--jwk', [CompletionResultType]::ParameterName, 'A public JWK, or a JWKS (pick the key with --kid); `-` reads stdin')
            [CompletionResult]::new('--pem', '--pem', [CompletionResultType]::ParameterName, 'A PEM public key (SPKI or PKCS#1), X.509 certificate, or RSA private key (only its public part is sent); `-` reads stdin')
            [CompletionResult]::new('--kid', '--kid', [CompletionResultType]::ParameterName, 'The kid to give the key (with a JWKS: which key to take)')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the method, URL and body that would be sent, send nothing, exit 0')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;activate' {
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the method, URL and body that would be sent, send nothing, exit 0')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;deactivate' {
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the method, URL and body that would be sent, send nothing, exit 0')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;delete' {
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the method, URL and body that would be sent, send nothing, exit 0')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;generate' {
            [CompletionResult]::new('--kid', '--kid', [CompletionResultType]::ParameterName, 'The new key''s kid (it goes into the public JWK)')
            [CompletionResult]::new('--private-key-out', '--private-key-out', [CompletionResultType]::ParameterName, 'File to write the private key to (mode 0600)')
            [CompletionResult]::new('--private-key-command', '--private-key-command', [CompletionResultType]::ParameterName, 'Pipe the private key to this command''s stdin (sh -c) instead of a file, e.g. a secret store''s client; its failure is exit 3')
            [CompletionResult]::new('--private-key-format', '--private-key-format', [CompletionResultType]::ParameterName, 'How the private key is written: PKCS#8 PEM, or a private JWK')
            [CompletionResult]::new('--kdf', '--kdf', [CompletionResultType]::ParameterName, 'With --encrypt: how the passphrase becomes the key')
            [CompletionResult]::new('--bits', '--bits', [CompletionResultType]::ParameterName, 'RSA modulus size in bits')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--encrypt', '--encrypt', [CompletionResultType]::ParameterName, 'Encrypt the PEM with a passphrase (PKCS#8 PBES2), from OKTAKEYS_KEY_PASSPHRASE or asked on the terminal')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it exists (atomically: the old key stays until the new one is complete)')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;rotate' {
            [CompletionResult]::new('--jwk', '--jwk', [CompletionResultType]::ParameterName, 'The new public key as a JWK, or a JWKS (pick the key with --kid); `-` reads stdin')
            [CompletionResult]::new('--pem', '--pem', [CompletionResultType]::ParameterName, 'The new public key as PEM: SPKI or PKCS#1 public key, X.509 certificate, or RSA private key (only its public part is sent); `-` reads stdin')
            [CompletionResult]::new('--private-key-out', '--private-key-out', [CompletionResultType]::ParameterName, 'With --generate: the file for the private key (PKCS#8 PEM, mode 0600); an existing file''s key is used instead of a new one')
            [CompletionResult]::new('--private-key-command', '--private-key-command', [CompletionResultType]::ParameterName, 'With --generate: pipe the private key (PKCS#8 PEM) to this command''s stdin (sh -c), e.g. `vault kv put secret/enc key=-`; nothing is written to disk, and if it fails nothing is sent (exit 3)')
            [CompletionResult]::new('--activate-when', '--activate-when', [CompletionResultType]::ParameterName, 'Before activating, run CMD (sh -c) until it exits 0: e.g. check that the resource server has loaded the new private key')
            [CompletionResult]::new('--gate-interval', '--gate-interval', [CompletionResultType]::ParameterName, 'How long to wait between two runs of the gate')
            [CompletionResult]::new('--gate-timeout', '--gate-timeout', [CompletionResultType]::ParameterName, 'How long the gate may stay closed before giving up (exit 12)')
            [CompletionResult]::new('--token-lifetime', '--token-lifetime', [CompletionResultType]::ParameterName, 'The longest access-token lifetime to assume, instead of reading the server''s rules')
            [CompletionResult]::new('--on-retire', '--on-retire', [CompletionResultType]::ParameterName, 'After each deletion, run CMD (sh -c) with OKTAKEYS_RETIRED_KID and OKTAKEYS_RETIRED_KEY_ID set, e.g. to destroy that private key in its store')
            [CompletionResult]::new('--if-older-than', '--if-older-than', [CompletionResultType]::ParameterName, 'Change nothing while the ACTIVE key has been active for less than DURATION (e.g. 90d)')
            [CompletionResult]::new('--bits', '--bits', [CompletionResultType]::ParameterName, 'With --generate: RSA modulus size in bits')
            [CompletionResult]::new('--kid', '--kid', [CompletionResultType]::ParameterName, 'The new key''s kid [default: the JWK''s kid, else the RFC 7638 thumbprint]')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'After activating, keep the N newest previous keys and delete the retirable others')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Generate the new key pair (the private key goes to --private-key-out or --private-key-command)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Add the new key INACTIVE and do nothing else; a later rotate with the same key activates it')
            [CompletionResult]::new('--ignore-token-lifetime', '--ignore-token-lifetime', [CompletionResultType]::ParameterName, 'Delete previous keys even while tokens encrypted with them may be unexpired')
            [CompletionResult]::new('--detailed-exitcode', '--detailed-exitcode', [CompletionResultType]::ParameterName, 'With --dry-run: exit 11 when the run would change something, 0 when not')
            [CompletionResult]::new('--delete-old', '--delete-old', [CompletionResultType]::ParameterName, 'After activating, delete every retirable previous key')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan, change nothing, exit 0')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;rollback' {
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the method, URL and body that would be sent, send nothing, exit 0')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;verify' {
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'The resource server''s RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK (readable by its owner only; never printed)')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The OAuth client (an app with the Client Credentials grant) that asks for the token')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scope to ask for (repeat for several); Okta needs a custom scope of the server')
            [CompletionResult]::new('--client-secret-env', '--client-secret-env', [CompletionResultType]::ParameterName, 'Read the client secret from this environment variable [default: OKTAKEYS_CLIENT_SECRET]')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;match' {
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'The resource server''s RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK (readable by its owner only; never printed)')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;audit' {
            [CompletionResult]::new('--max-age', '--max-age', [CompletionResultType]::ParameterName, 'An ACTIVE key older than this (since its activation) is an error (e.g. 30d, 12h)')
            [CompletionResult]::new('--token-lifetime', '--token-lifetime', [CompletionResultType]::ParameterName, 'The longest access-token lifetime to assume for the retirement rule, instead of reading each server''s policies'' rules (e.g. 1h)')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`); a profile may give a default')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Warnings fail the audit too (exit 11)')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;keys;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the server''s keys, with each key''s role (current, next, previous)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one key')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a public key (always INACTIVE; activate it afterwards)')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Make a key the active one (Okta deactivates the previously active key)')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Deactivate a key')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an INACTIVE key (asks first on a terminal)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create an RSA key pair: the private key to a file (mode 0600) or a secret store, the public JWK to stdout')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Rotate to a new key: stage it, gate, activate it, retire old keys once retirable (safe to re-run)')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Re-activate the key that was ACTIVE before (the INACTIVE key most recently deactivated)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Prove end to end that FILE opens the access tokens the server issues now')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Find which of the server''s keys FILE is the private half of, and whether it is ACTIVE')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check each server''s encryption keys and say which need attention (exit 11 when any does)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;keys;help;list' {
            break
        }
        'oktakeys;keys;help;get' {
            break
        }
        'oktakeys;keys;help;add' {
            break
        }
        'oktakeys;keys;help;activate' {
            break
        }
        'oktakeys;keys;help;deactivate' {
            break
        }
        'oktakeys;keys;help;delete' {
            break
        }
        'oktakeys;keys;help;generate' {
            break
        }
        'oktakeys;keys;help;rotate' {
            break
        }
        'oktakeys;keys;help;rollback' {
            break
        }
        'oktakeys;keys;help;verify' {
            break
        }
        'oktakeys;keys;help;match' {
            break
        }
        'oktakeys;keys;help;audit' {
            break
        }
        'oktakeys;keys;help;help' {
            break
        }
        'oktakeys;servers' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the org''s authorization servers, with their access-token encryption')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one server: encryption, active key, keys, longest access-token lifetime')
            [CompletionResult]::new('encryption', 'encryption', [CompletionResultType]::ParameterValue, 'Turn access-token encryption on or off')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;servers;list' {
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Only servers whose name or audiences match TEXT (Okta''s `q`)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;servers;get' {
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'With --all-auth-servers: how many servers are read at once (1: one after another)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all-auth-servers', '--all-auth-servers', [CompletionResultType]::ParameterName, 'Every ACTIVE custom authorization server of the org instead of ID: one block each, in Okta''s order (-o json: an array of server objects)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;servers;encryption' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Encrypt the server''s access tokens to its ACTIVE key')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop encrypting the server''s access tokens (they become plain signed JWTs)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;servers;encryption;enable' {
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`), or its name; a profile may give a default')
            [CompletionResult]::new('--alg', '--alg', [CompletionResultType]::ParameterName, 'The key-management algorithm Okta encrypts with')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the PUT that would be sent (method, URL, the whole body), send nothing, exit 0')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;servers;encryption;disable' {
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id (aus…, or `default`), or its name; a profile may give a default')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the PUT that would be sent (method, URL, the whole body), send nothing, exit 0')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;servers;encryption;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Encrypt the server''s access tokens to its ACTIVE key')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop encrypting the server''s access tokens (they become plain signed JWTs)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;servers;encryption;help;enable' {
            break
        }
        'oktakeys;servers;encryption;help;disable' {
            break
        }
        'oktakeys;servers;encryption;help;help' {
            break
        }
        'oktakeys;servers;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the org''s authorization servers, with their access-token encryption')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one server: encryption, active key, keys, longest access-token lifetime')
            [CompletionResult]::new('encryption', 'encryption', [CompletionResultType]::ParameterValue, 'Turn access-token encryption on or off')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;servers;help;list' {
            break
        }
        'oktakeys;servers;help;get' {
            break
        }
        'oktakeys;servers;help;encryption' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Encrypt the server''s access tokens to its ACTIVE key')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop encrypting the server''s access tokens (they become plain signed JWTs)')
            break
        }
        'oktakeys;servers;help;encryption;enable' {
            break
        }
        'oktakeys;servers;help;encryption;disable' {
            break
        }
        'oktakeys;servers;help;help' {
            break
        }
        'oktakeys;token' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt an encrypted access token (JWE) and show its headers and claims')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;token;decrypt' {
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'The resource server''s RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Also verify the inner JWT against this authorization server (id, or its name)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;token;help' {
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt an encrypted access token (JWE) and show its headers and claims')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;token;help;decrypt' {
            break
        }
        'oktakeys;token;help;help' {
            break
        }
        'oktakeys;plan' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The policy file')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many servers are read at once')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--detailed-exitcode', '--detailed-exitcode', [CompletionResultType]::ParameterName, 'Exit 11 when apply would change something, 0 when not')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;policy' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the policy file''s JSON Schema, for editors (taplo, VS Code) and CI checks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;policy;schema' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;policy;help' {
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the policy file''s JSON Schema, for editors (taplo, VS Code) and CI checks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;policy;help;schema' {
            break
        }
        'oktakeys;policy;help;help' {
            break
        }
        'oktakeys;config' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or update a profile: asks on a terminal, takes flags in scripts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file, the default marked, credentials masked')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the settings a command would use, and where each comes from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file in use (it may not exist yet)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;config;init' {
            [CompletionResult]::new('--token-env', '--token-env', [CompletionResultType]::ParameterName, 'Read the token from this environment variable when a command runs (its name, not the token)')
            [CompletionResult]::new('--token-command', '--token-command', [CompletionResultType]::ParameterName, 'Run this command and use its trimmed stdout as the token (e.g. a password manager)')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'How to authenticate [default: ssws]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The service app''s client id (with --auth private_key)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'The service app''s private key file, PEM or JWK, mode 0600 (with --auth private_key)')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'The kid of the service app''s key, if Okta holds more than one (with --auth private_key)')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Default authorization server for `keys` commands with this profile')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the token from stdin now and store it in the config file (mode 0600)')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make this the default profile (the first profile in a file becomes the default anyway)')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Write the profile without checking the credentials against Okta')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the profile''s org URL and credentials if it exists, without asking')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;config;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;config;show' {
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Authorization server id, as `keys --auth-server` would take it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;config;path' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;config;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or update a profile: asks on a terminal, takes flags in scripts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file, the default marked, credentials masked')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the settings a command would use, and where each comes from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file in use (it may not exist yet)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;config;help;init' {
            break
        }
        'oktakeys;config;help;list' {
            break
        }
        'oktakeys;config;help;show' {
            break
        }
        'oktakeys;config;help;path' {
            break
        }
        'oktakeys;config;help;help' {
            break
        }
        'oktakeys;sandbox' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve Okta''s six key endpoints on a local address until Ctrl-C or SIGTERM')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Restore the sandbox state to its seed (server `default` with one ACTIVE key)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;sandbox;serve' {
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Address to listen on (port 0 picks a free port)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file [default: the user data folder''s oktakeys/sandbox.json]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Token to accept (SSWS or Bearer); prefer the environment variable, a flag shows in `ps`. Without it a token is generated and printed on stderr')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Another authorization server to hold (besides `default`); repeatable')
            [CompletionResult]::new('--encryption-enabled', '--encryption-enabled', [CompletionResultType]::ParameterName, 'Turn access-token encryption on for this server at start (RSA-OAEP-256 unless it already has an algorithm; it needs an ACTIVE key); repeatable')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'A client of the servers'' token endpoints (client_secret_basic or _post), besides the built-in one; repeatable. Prefer the environment variable (comma separated): a flag shows in `ps`')
            [CompletionResult]::new('--token-lifetime', '--token-lifetime', [CompletionResultType]::ParameterName, 'Access-token lifetime of each server''s seeded policy rule, in minutes (5 to 1440)')
            [CompletionResult]::new('--jwe-enc', '--jwe-enc', [CompletionResultType]::ParameterName, 'Content encryption of encrypted access tokens: A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384 or A256CBC-HS512')
            [CompletionResult]::new('--service-app', '--service-app', [CompletionResultType]::ParameterName, 'Register an OAuth 2.0 service app for the token endpoint: its client id, its public key file (PEM or JWK), and the scopes granted to it (comma separated; default okta.authorizationServers.read and .manage); repeatable')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Requests allowed per rate-limit window; then 429 E0000047')
            [CompletionResult]::new('--rate-limit-window', '--rate-limit-window', [CompletionResultType]::ParameterName, 'Length of the rate-limit window in seconds')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Milliseconds to wait before answering each request')
            [CompletionResult]::new('--fail-requests', '--fail-requests', [CompletionResultType]::ParameterName, 'Numbers of the requests to fail (counted from 1 since start), comma separated')
            [CompletionResult]::new('--fail-with', '--fail-with', [CompletionResultType]::ParameterName, 'How the requests of --fail-requests fail: 500, 503, or drop (close the connection)')
            [CompletionResult]::new('--max-keys', '--max-keys', [CompletionResultType]::ParameterName, 'The most keys a server may hold; an add beyond is refused as Okta refuses it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--require-dpop', '--require-dpop', [CompletionResultType]::ParameterName, 'Make the token endpoint demand DPoP with a nonce challenge (as Okta does for new API service apps), and the key endpoints a nonce in DPoP proofs too')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;sandbox;reset' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file [default: the user data folder''s oktakeys/sandbox.json]')
            [CompletionResult]::new('--auth-server', '--auth-server', [CompletionResultType]::ParameterName, 'Another authorization server to seed (besides `default`); repeatable')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;sandbox;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve Okta''s six key endpoints on a local address until Ctrl-C or SIGTERM')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Restore the sandbox state to its seed (server `default` with one ACTIVE key)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;sandbox;help;serve' {
            break
        }
        'oktakeys;sandbox;help;reset' {
            break
        }
        'oktakeys;sandbox;help;help' {
            break
        }
        'oktakeys;doctor' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;completion' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of the default (`oktakeys config path` shows which is used)')
            [CompletionResult]::new('--org-url', '--org-url', [CompletionResultType]::ParameterName, 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq ''.[].kid''')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for the whole command, in seconds [default: 120]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Limit for one HTTP request, in seconds [default: 30]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Limit for opening a connection, in seconds [default: 10]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]')
            [CompletionResult]::new('--max-api-capacity', '--max-api-capacity', [CompletionResultType]::ParameterName, 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org''s other clients keep the rest [default: 50]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no progress or confirmations of success')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt (also when the CI environment variable is set)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktakeys;help' {
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'List, add, activate, deactivate and delete an authorization server''s public keys')
            [CompletionResult]::new('servers', 'servers', [CompletionResultType]::ParameterValue, 'List authorization servers; turn access-token encryption on or off')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Decrypt an encrypted access token and check it')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `apply` would change to bring the servers to the policy file (reads only)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The policy file of plan and apply: its JSON Schema')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Create profiles, list them, and show which settings apply and where they come from')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local Okta-compatible server for trying oktakeys and for tests')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the setup: config file, profile, credentials, the org, scopes, clock, servers')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktakeys;help;keys' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the server''s keys, with each key''s role (current, next, previous)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one key')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a public key (always INACTIVE; activate it afterwards)')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Make a key the active one (Okta deactivates the previously active key)')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Deactivate a key')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an INACTIVE key (asks first on a terminal)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create an RSA key pair: the private key to a file (mode 0600) or a secret store, the public JWK to stdout')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Rotate to a new key: stage it, gate, activate it, retire old keys once retirable (safe to re-run)')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Re-activate the key that was ACTIVE before (the INACTIVE key most recently deactivated)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Prove end to end that FILE opens the access tokens the server issues now')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Find which of the server''s keys FILE is the private half of, and whether it is ACTIVE')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check each server''s encryption keys and say which need attention (exit 11 when any does)')
            break
        }
        'oktakeys;help;keys;list' {
            break
        }
        'oktakeys;help;keys;get' {
            break
        }
        'oktakeys;help;keys;add' {
            break
        }
        'oktakeys;help;keys;activate' {
            break
        }
        'oktakeys;help;keys;deactivate' {
            break
        }
        'oktakeys;help;keys;delete' {
            break
        }
        'oktakeys;help;keys;generate' {
            break
        }
        'oktakeys;help;keys;rotate' {
            break
        }
        'oktakeys;help;keys;rollback' {
            break
        }
        'oktakeys;help;keys;verify' {
            break
        }
        'oktakeys;help;keys;match' {
            break
        }
        'oktakeys;help;keys;audit' {
            break
        }
        'oktakeys;help;servers' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the org''s authorization servers, with their access-token encryption')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one server: encryption, active key, keys, longest access-token lifetime')
            [CompletionResult]::new('encryption', 'encryption', [CompletionResultType]::ParameterValue, 'Turn access-token encryption on or off')
            break
        }
        'oktakeys;help;servers;list' {
            break
        }
        'oktakeys;help;servers;get' {
            break
        }
        'oktakeys;help;servers;encryption' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Encrypt the server''s access tokens to its ACTIVE key')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop encrypting the server''s access tokens (they become plain signed JWTs)')
            break
        }
        'oktakeys;help;servers;encryption;enable' {
            break
        }
        'oktakeys;help;servers;encryption;disable' {
            break
        }
        'oktakeys;help;token' {
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt an encrypted access token (JWE) and show its headers and claims')
            break
        }
        'oktakeys;help;token;decrypt' {
            break
        }
        'oktakeys;help;plan' {
            break
        }
        'oktakeys;help;policy' {
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the policy file''s JSON Schema, for editors (taplo, VS Code) and CI checks')
            break
        }
        'oktakeys;help;policy;schema' {
            break
        }
        'oktakeys;help;config' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or update a profile: asks on a terminal, takes flags in scripts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file, the default marked, credentials masked')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the settings a command would use, and where each comes from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file in use (it may not exist yet)')
            break
        }
        'oktakeys;help;config;init' {
            break
        }
        'oktakeys;help;config;list' {
            break
        }
        'oktakeys;help;config;show' {
            break
        }
        'oktakeys;help;config;path' {
            break
        }
        'oktakeys;help;sandbox' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve Okta''s six key endpoints on a local address until Ctrl-C or SIGTERM')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Restore the sandbox state to its seed (server `default` with one ACTIVE key)')
            break
        }
        'oktakeys;help;sandbox;serve' {
            break
        }
        'oktakeys;help;sandbox;reset' {
            break
        }
        'oktakeys;help;doctor' {
            break
        }
        'oktakeys;help;completion' {
            break
        }
        'oktakeys;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
