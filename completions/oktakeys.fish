# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_oktakeys_global_optspecs
    string join \n p/profile= config= org-url= o/output= jq= timeout= request-timeout= connect-timeout= max-retries= max-api-capacity= ca-cert= v/verbose color= q/quiet no-input no-token-cache h/help V/version
end

function __fish_oktakeys_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_oktakeys_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_oktakeys_using_subcommand
    set -l cmd (__fish_oktakeys_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c oktakeys -n "__fish_oktakeys_needs_command" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_needs_command" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_needs_command" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -f -a "keys" -d 'List, add, activate, deactivate and delete an authorization server\'s public keys'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -f -a "servers" -d 'List authorization servers; turn access-token encryption on or off'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -f -a "token" -d 'Decrypt an encrypted access token and check it'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -f -a "plan" -d 'Show what `apply` would change to bring the servers to the policy file (reads only)'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -f -a "policy" -d 'The policy file of plan and apply: its JSON Schema'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -f -a "config" -d 'Create profiles, list them, and show which settings apply and where they come from'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -f -a "sandbox" -d 'Run a local Okta-compatible server for trying oktakeys and for tests'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -f -a "doctor" -d 'Check the setup: config file, profile, credentials, the org, scopes, clock, servers'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c oktakeys -n "__fish_oktakeys_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "list" -d 'List the server\'s keys, with each key\'s role (current, next, previous)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "get" -d 'Show one key'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "add" -d 'Add a public key (always INACTIVE; activate it afterwards)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "activate" -d 'Make a key the active one (Okta deactivates the previously active key)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "deactivate" -d 'Deactivate a key'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "delete" -d 'Delete an INACTIVE key (asks first on a terminal)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "generate" -d 'Create an RSA key pair: the private key to a file (mode 0600) or a secret store, the public JWK to stdout'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "rotate" -d 'Rotate to a new key: stage it, gate, activate it, retire old keys once retirable (safe to re-run)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "rollback" -d 'Re-activate the key that was ACTIVE before (the INACTIVE key most recently deactivated)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "verify" -d 'Prove end to end that FILE opens the access tokens the server issues now'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "match" -d 'Find which of the server\'s keys FILE is the private half of, and whether it is ACTIVE'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "audit" -d 'Check each server\'s encryption keys and say which need attention (exit 11 when any does)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and not __fish_seen_subcommand_from list get add activate deactivate delete generate rotate rollback verify match audit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l token-lifetime -d 'With --retirement: the longest access-token lifetime to assume, instead of reading the rules (e.g. 1h)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l retirement -d 'Add when each INACTIVE key is retirable (a RETIRABLE column; with -o json an `_oktakeys` member); reads the server\'s policies\' rules'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l jwk -d 'A public JWK, or a JWKS (pick the key with --kid); `-` reads stdin' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l pem -d 'A PEM public key (SPKI or PKCS#1), X.509 certificate, or RSA private key (only its public part is sent); `-` reads stdin' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l kid -d 'The kid to give the key (with a JWKS: which key to take)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l dry-run -d 'Print the method, URL and body that would be sent, send nothing, exit 0'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l dry-run -d 'Print the method, URL and body that would be sent, send nothing, exit 0'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from activate" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l dry-run -d 'Print the method, URL and body that would be sent, send nothing, exit 0'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from deactivate" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print the method, URL and body that would be sent, send nothing, exit 0'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l kid -d 'The new key\'s kid (it goes into the public JWK)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l private-key-out -d 'File to write the private key to (mode 0600)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l private-key-command -d 'Pipe the private key to this command\'s stdin (sh -c) instead of a file, e.g. a secret store\'s client; its failure is exit 3' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l private-key-format -d 'How the private key is written: PKCS#8 PEM, or a private JWK' -r -f -a "pem\t'PKCS#8 PEM (`BEGIN PRIVATE KEY`)'
jwk\t'A private JWK (`{"kty":"RSA",…,"d":…}`)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l kdf -d 'With --encrypt: how the passphrase becomes the key' -r -f -a "scrypt\t'scrypt (RFC 7914)'
pbkdf2\t'PBKDF2 with HMAC-SHA-256 (RFC 8018)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l bits -d 'RSA modulus size in bits' -r -f -a "2048\t''
3072\t''
4096\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l encrypt -d 'Encrypt the PEM with a passphrase (PKCS#8 PBES2), from OKTAKEYS_KEY_PASSPHRASE or asked on the terminal'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l force -d 'Replace FILE if it exists (atomically: the old key stays until the new one is complete)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l jwk -d 'The new public key as a JWK, or a JWKS (pick the key with --kid); `-` reads stdin' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l pem -d 'The new public key as PEM: SPKI or PKCS#1 public key, X.509 certificate, or RSA private key (only its public part is sent); `-` reads stdin' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l private-key-out -d 'With --generate: the file for the private key (PKCS#8 PEM, mode 0600); an existing file\'s key is used instead of a new one' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l private-key-command -d 'With --generate: pipe the private key (PKCS#8 PEM) to this command\'s stdin (sh -c), e.g. `vault kv put secret/enc key=-`; nothing is written to disk, and if it fails nothing is sent (exit 3)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l activate-when -d 'Before activating, run CMD (sh -c) until it exits 0: e.g. check that the resource server has loaded the new private key' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l gate-interval -d 'How long to wait between two runs of the gate' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l gate-timeout -d 'How long the gate may stay closed before giving up (exit 12)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l token-lifetime -d 'The longest access-token lifetime to assume, instead of reading the server\'s rules' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l on-retire -d 'After each deletion, run CMD (sh -c) with OKTAKEYS_RETIRED_KID and OKTAKEYS_RETIRED_KEY_ID set, e.g. to destroy that private key in its store' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l if-older-than -d 'Change nothing while the ACTIVE key has been active for less than DURATION (e.g. 90d)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l bits -d 'With --generate: RSA modulus size in bits' -r -f -a "2048\t''
3072\t''
4096\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l kid -d 'The new key\'s kid [default: the JWK\'s kid, else the RFC 7638 thumbprint]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l keep -d 'After activating, keep the N newest previous keys and delete the retirable others' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l generate -d 'Generate the new key pair (the private key goes to --private-key-out or --private-key-command)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l stage -d 'Add the new key INACTIVE and do nothing else; a later rotate with the same key activates it'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l ignore-token-lifetime -d 'Delete previous keys even while tokens encrypted with them may be unexpired'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l detailed-exitcode -d 'With --dry-run: exit 11 when the run would change something, 0 when not'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l delete-old -d 'After activating, delete every retirable previous key'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s y -l yes -d 'Delete without asking'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l dry-run -d 'Print the plan, change nothing, exit 0'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l dry-run -d 'Print the method, URL and body that would be sent, send nothing, exit 0'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from rollback" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l private-key -d 'The resource server\'s RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK (readable by its owner only; never printed)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l client-id -d 'The OAuth client (an app with the Client Credentials grant) that asks for the token' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l scope -d 'Scope to ask for (repeat for several); Okta needs a custom scope of the server' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l client-secret-env -d 'Read the client secret from this environment variable [default: OKTAKEYS_CLIENT_SECRET]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l private-key -d 'The resource server\'s RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK (readable by its owner only; never printed)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from match" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l max-age -d 'An ACTIVE key older than this (since its activation) is an error (e.g. 30d, 12h)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l token-lifetime -d 'The longest access-token lifetime to assume for the retirement rule, instead of reading each server\'s policies\' rules (e.g. 1h)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l auth-server -d 'Authorization server id (aus…, or `default`); a profile may give a default' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l parallel -d 'With several servers: how many are worked on at once (1: one after another); output still comes in the order of the servers' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l strict -d 'Warnings fail the audit too (exit 11)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l all-auth-servers -d '`keys list`, `keys rotate` and `keys audit`: every ACTIVE custom authorization server of the org (all pages of the server listing) instead of --auth-server'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from audit" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the server\'s keys, with each key\'s role (current, next, previous)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one key'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a public key (always INACTIVE; activate it afterwards)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "activate" -d 'Make a key the active one (Okta deactivates the previously active key)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "deactivate" -d 'Deactivate a key'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an INACTIVE key (asks first on a terminal)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Create an RSA key pair: the private key to a file (mode 0600) or a secret store, the public JWK to stdout'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'Rotate to a new key: stage it, gate, activate it, retire old keys once retirable (safe to re-run)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "rollback" -d 'Re-activate the key that was ACTIVE before (the INACTIVE key most recently deactivated)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Prove end to end that FILE opens the access tokens the server issues now'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "match" -d 'Find which of the server\'s keys FILE is the private half of, and whether it is ACTIVE'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "audit" -d 'Check each server\'s encryption keys and say which need attention (exit 11 when any does)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -f -a "list" -d 'List the org\'s authorization servers, with their access-token encryption'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -f -a "get" -d 'Show one server: encryption, active key, keys, longest access-token lifetime'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -f -a "encryption" -d 'Turn access-token encryption on or off'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and not __fish_seen_subcommand_from list get encryption help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l query -d 'Only servers whose name or audiences match TEXT (Okta\'s `q`)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l parallel -d 'With --all-auth-servers: how many servers are read at once (1: one after another)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l all-auth-servers -d 'Every ACTIVE custom authorization server of the org instead of ID: one block each, in Okta\'s order (-o json: an array of server objects)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -f -a "enable" -d 'Encrypt the server\'s access tokens to its ACTIVE key'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -f -a "disable" -d 'Stop encrypting the server\'s access tokens (they become plain signed JWTs)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from encryption" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the org\'s authorization servers, with their access-token encryption'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one server: encryption, active key, keys, longest access-token lifetime'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from help" -f -a "encryption" -d 'Turn access-token encryption on or off'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand servers; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -f -a "decrypt" -d 'Decrypt an encrypted access token (JWE) and show its headers and claims'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and not __fish_seen_subcommand_from decrypt help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l private-key -d 'The resource server\'s RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l auth-server -d 'Also verify the inner JWT against this authorization server (id, or its name)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from decrypt" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "decrypt" -d 'Decrypt an encrypted access token (JWE) and show its headers and claims'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l file -d 'The policy file' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l parallel -d 'How many servers are read at once' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l detailed-exitcode -d 'Exit 11 when apply would change something, 0 when not'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand plan" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -f -a "schema" -d 'Print the policy file\'s JSON Schema, for editors (taplo, VS Code) and CI checks'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and not __fish_seen_subcommand_from schema help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from schema" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "schema" -d 'Print the policy file\'s JSON Schema, for editors (taplo, VS Code) and CI checks'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -f -a "init" -d 'Create or update a profile: asks on a terminal, takes flags in scripts'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -f -a "list" -d 'List the profiles in the config file, the default marked, credentials masked'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -f -a "show" -d 'Show the settings a command would use, and where each comes from'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -f -a "path" -d 'Print the path of the config file in use (it may not exist yet)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and not __fish_seen_subcommand_from init list show path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l token-env -d 'Read the token from this environment variable when a command runs (its name, not the token)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l token-command -d 'Run this command and use its trimmed stdout as the token (e.g. a password manager)' -r -f -a "(__fish_complete_command)"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l auth -d 'How to authenticate [default: ssws]' -r -f -a "ssws\t'`Authorization: SSWS <API token>` (an Okta API token)'
bearer\t'`Authorization: Bearer <access token>`'
private_key\t'An OAuth 2.0 service app: client_credentials with private_key_jwt'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l client-id -d 'The service app\'s client id (with --auth private_key)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l private-key-file -d 'The service app\'s private key file, PEM or JWK, mode 0600 (with --auth private_key)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l key-id -d 'The kid of the service app\'s key, if Okta holds more than one (with --auth private_key)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l auth-server -d 'Default authorization server for `keys` commands with this profile' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l token-stdin -d 'Read the token from stdin now and store it in the config file (mode 0600)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l default -d 'Make this the default profile (the first profile in a file becomes the default anyway)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l no-verify -d 'Write the profile without checking the credentials against Okta'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Replace the profile\'s org URL and credentials if it exists, without asking'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l auth-server -d 'Authorization server id, as `keys --auth-server` would take it' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Create or update a profile: asks on a terminal, takes flags in scripts'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the profiles in the config file, the default marked, credentials masked'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the settings a command would use, and where each comes from'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the config file in use (it may not exist yet)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -f -a "serve" -d 'Serve Okta\'s six key endpoints on a local address until Ctrl-C or SIGTERM'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -f -a "reset" -d 'Restore the sandbox state to its seed (server `default` with one ACTIVE key)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l addr -d 'Address to listen on (port 0 picks a free port)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l state -d 'State file [default: the user data folder\'s oktakeys/sandbox.json]' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l token -d 'Token to accept (SSWS or Bearer); prefer the environment variable, a flag shows in `ps`. Without it a token is generated and printed on stderr' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l auth-server -d 'Another authorization server to hold (besides `default`); repeatable' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l encryption-enabled -d 'Turn access-token encryption on for this server at start (RSA-OAEP-256 unless it already has an algorithm; it needs an ACTIVE key); repeatable' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l client -d 'A client of the servers\' token endpoints (client_secret_basic or _post), besides the built-in one; repeatable. Prefer the environment variable (comma separated): a flag shows in `ps`' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l token-lifetime -d 'Access-token lifetime of each server\'s seeded policy rule, in minutes (5 to 1440)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l jwe-enc -d 'Content encryption of encrypted access tokens: A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384 or A256CBC-HS512' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l service-app -d 'Register an OAuth 2.0 service app for the token endpoint: its client id, its public key file (PEM or JWK), and the scopes granted to it (comma separated; default okta.authorizationServers.read and .manage); repeatable' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l rate-limit -d 'Requests allowed per rate-limit window; then 429 E0000047' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l rate-limit-window -d 'Length of the rate-limit window in seconds' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l latency -d 'Milliseconds to wait before answering each request' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l fail-requests -d 'Numbers of the requests to fail (counted from 1 since start), comma separated' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l fail-with -d 'How the requests of --fail-requests fail: 500, 503, or drop (close the connection)' -r -f -a "500\t''
503\t''
drop\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l max-keys -d 'The most keys a server may hold; an add beyond is refused as Okta refuses it' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l require-dpop -d 'Make the token endpoint demand DPoP with a nonce challenge (as Okta does for new API service apps), and the key endpoints a nonce in DPoP proofs too'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l state -d 'State file [default: the user data folder\'s oktakeys/sandbox.json]' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l auth-server -d 'Another authorization server to seed (besides `default`); repeatable' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve Okta\'s six key endpoints on a local address until Ctrl-C or SIGTERM'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Restore the sandbox state to its seed (server `default` with one ACTIVE key)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -s p -l profile -d 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l config -d 'Config file to read instead of the default (`oktakeys config path` shows which is used)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l org-url -d 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)' -r -f
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -s o -l output -d 'Output format: table for people, json (Okta\'s raw JSON) for pipelines, id for xargs, jwks (`keys list`: a standard JWKS of the public members)' -r -f -a "table\t''
json\t''
id\t''
jwks\t'`keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg)'"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l jq -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, one per line, other values as compact JSON, e.g. --jq \'.[].kid\'' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l timeout -d 'Limit for the whole command, in seconds [default: 120]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l request-timeout -d 'Limit for one HTTP request, in seconds [default: 30]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l connect-timeout -d 'Limit for opening a connection, in seconds [default: 10]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l max-retries -d 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l max-api-capacity -d 'The most of each Okta rate-limit window oktakeys uses, in percent, counting its requests in flight; the org\'s other clients keep the rest [default: 50]' -r
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l ca-cert -d 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)' -r -F
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -s v -l verbose -d 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -s q -l quiet -d 'Print only data and errors: no progress or confirmations of success'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l no-input -d 'Never prompt (also when the CI environment variable is set)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -l no-token-cache -d 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand completion" -s V -l version -d 'Print version'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and not __fish_seen_subcommand_from keys servers token plan policy config sandbox doctor completion help" -f -a "keys" -d 'List, add, activate, deactivate and delete an authorization server\'s public keys'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and not __fish_seen_subcommand_from keys servers token plan policy config sandbox doctor completion help" -f -a "servers" -d 'List authorization servers; turn access-token encryption on or off'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and not __fish_seen_subcommand_from keys servers token plan policy config sandbox doctor completion help" -f -a "token" -d 'Decrypt an encrypted access token and check it'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and not __fish_seen_subcommand_from keys servers token plan policy config sandbox doctor completion help" -f -a "plan" -d 'Show what `apply` would change to bring the servers to the policy file (reads only)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and not __fish_seen_subcommand_from keys servers token plan policy config sandbox doctor completion help" -f -a "policy" -d 'The policy file of plan and apply: its JSON Schema'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and not __fish_seen_subcommand_from keys servers token plan policy config sandbox doctor completion help" -f -a "config" -d 'Create profiles, list them, and show which settings apply and where they come from'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and not __fish_seen_subcommand_from keys servers token plan policy config sandbox doctor completion help" -f -a "sandbox" -d 'Run a local Okta-compatible server for trying oktakeys and for tests'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and not __fish_seen_subcommand_from keys servers token plan policy config sandbox doctor completion help" -f -a "doctor" -d 'Check the setup: config file, profile, credentials, the org, scopes, clock, servers'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and not __fish_seen_subcommand_from keys servers token plan policy config sandbox doctor completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and not __fish_seen_subcommand_from keys servers token plan policy config sandbox doctor completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "list" -d 'List the server\'s keys, with each key\'s role (current, next, previous)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "get" -d 'Show one key'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "add" -d 'Add a public key (always INACTIVE; activate it afterwards)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "activate" -d 'Make a key the active one (Okta deactivates the previously active key)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "deactivate" -d 'Deactivate a key'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "delete" -d 'Delete an INACTIVE key (asks first on a terminal)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "generate" -d 'Create an RSA key pair: the private key to a file (mode 0600) or a secret store, the public JWK to stdout'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "rotate" -d 'Rotate to a new key: stage it, gate, activate it, retire old keys once retirable (safe to re-run)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "rollback" -d 'Re-activate the key that was ACTIVE before (the INACTIVE key most recently deactivated)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "verify" -d 'Prove end to end that FILE opens the access tokens the server issues now'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "match" -d 'Find which of the server\'s keys FILE is the private half of, and whether it is ACTIVE'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "audit" -d 'Check each server\'s encryption keys and say which need attention (exit 11 when any does)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from servers" -f -a "list" -d 'List the org\'s authorization servers, with their access-token encryption'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from servers" -f -a "get" -d 'Show one server: encryption, active key, keys, longest access-token lifetime'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from servers" -f -a "encryption" -d 'Turn access-token encryption on or off'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "decrypt" -d 'Decrypt an encrypted access token (JWE) and show its headers and claims'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "schema" -d 'Print the policy file\'s JSON Schema, for editors (taplo, VS Code) and CI checks'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Create or update a profile: asks on a terminal, takes flags in scripts'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'List the profiles in the config file, the default marked, credentials masked'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the settings a command would use, and where each comes from'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the config file in use (it may not exist yet)'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "serve" -d 'Serve Okta\'s six key endpoints on a local address until Ctrl-C or SIGTERM'
complete -c oktakeys -n "__fish_oktakeys_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "reset" -d 'Restore the sandbox state to its seed (server `default` with one ACTIVE key)'
