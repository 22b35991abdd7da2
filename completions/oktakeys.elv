
use builtin;
use str;

set edit:completion:arg-completer[oktakeys] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'oktakeys'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'oktakeys'= {
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand keys 'List, add, activate, deactivate and delete an authorization server''s public keys'
            cand servers 'List authorization servers; turn access-token encryption on or off'
            cand token 'Decrypt an encrypted access token and check it'
            cand config 'Create profiles, list them, and show which settings apply and where they come from'
            cand sandbox 'Run a local Okta-compatible server for trying oktakeys and for tests'
            cand completion 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;keys'= {
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the server''s keys, with each key''s role (current, next, previous)'
            cand get 'Show one key'
            cand add 'Add a public key (always INACTIVE; activate it afterwards)'
            cand activate 'Make a key the active one (Okta deactivates the previously active key)'
            cand deactivate 'Deactivate a key'
            cand delete 'Delete an INACTIVE key (asks first on a terminal)'
            cand generate 'Create an RSA key pair: the private key to a file (mode 0600) or a secret store, the public JWK to stdout'
            cand rotate 'Rotate to a new key: stage it, gate, activate it, retire old keys once retirable (safe to re-run)'
            cand rollback 'Re-activate the key that was ACTIVE before (the INACTIVE key most recently deactivated)'
            cand verify 'Prove end to end that FILE opens the access tokens the server issues now'
            cand match 'Find which of the server''s keys FILE is the private half of, and whether it is ACTIVE'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;keys;list'= {
            cand --token-lifetime 'With --retirement: the longest access-token lifetime to assume, instead of reading the rules (e.g. 1h)'
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --retirement 'Add when each INACTIVE key is retirable (a RETIRABLE column; with -o json an `_oktakeys` member); reads the server''s policies'' rules'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;get'= {
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;add'= {
            cand --jwk 'A public JWK, or a JWKS (pick the key with --kid); `-` reads stdin'
            cand --pem 'A PEM public key (SPKI or PKCS#1), X.509 certificate, or RSA private key (only its public part is sent); `-` reads stdin'
            cand --kid 'The kid to give the key (with a JWKS: which key to take)'
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --dry-run 'Print the method, URL and body that would be sent, send nothing, exit 0'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;activate'= {
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --dry-run 'Print the method, URL and body that would be sent, send nothing, exit 0'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;deactivate'= {
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --dry-run 'Print the method, URL and body that would be sent, send nothing, exit 0'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;delete'= {
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --dry-run 'Print the method, URL and body that would be sent, send nothing, exit 0'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;generate'= {
            cand --kid 'The new key''s kid (it goes into the public JWK)'
            cand --private-key-out 'File to write the private key to (mode 0600)'
            cand --private-key-command 'Pipe the private key to this command''s stdin (sh -c) instead of a file, e.g. a secret store''s client; its failure is exit 3'
            cand --private-key-format 'How the private key is written: PKCS#8 PEM, or a private JWK'
            cand --kdf 'With --encrypt: how the passphrase becomes the key'
            cand --bits 'RSA modulus size in bits'
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --encrypt 'Encrypt the PEM with a passphrase (PKCS#8 PBES2), from OKTAKEYS_KEY_PASSPHRASE or asked on the terminal'
            cand --force 'Replace FILE if it exists (atomically: the old key stays until the new one is complete)'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;rotate'= {
            cand --jwk 'The new public key as a JWK, or a JWKS (pick the key with --kid); `-` reads stdin'
            cand --pem 'The new public key as PEM: SPKI or PKCS#1 public key, X.509 certificate, or RSA private key (only its public part is sent); `-` reads stdin'
            cand --private-key-out 'With --generate: the file for the private key (PKCS#8 PEM, mode 0600); an existing file''s key is used instead of a new one'
            cand --private-key-command 'With --generate: pipe the private key (PKCS#8 PEM) to this command''s stdin (sh -c), e.g. `vault kv put secret/enc key=-`; nothing is written to disk, and if it fails nothing is sent (exit 3)'
            cand --activate-when 'Before activating, run CMD (sh -c) until it exits 0: e.g. check that the resource server has loaded the new private key'
            cand --gate-interval 'How long to wait between two runs of the gate'
            cand --gate-timeout 'How long the gate may stay closed before giving up (exit 12)'
            cand --token-lifetime 'The longest access-token lifetime to assume, instead of reading the server''s rules'
            cand --on-retire 'After each deletion, run CMD (sh -c) with OKTAKEYS_RETIRED_KID and OKTAKEYS_RETIRED_KEY_ID set, e.g. to destroy that private key in its store'
            cand --if-older-than 'Change nothing while the ACTIVE key has been active for less than DURATION (e.g. 90d)'
            cand --bits 'With --generate: RSA modulus size in bits'
            cand --kid 'The new key''s kid [default: the JWK''s kid, else the RFC 7638 thumbprint]'
            cand --keep 'After activating, keep the N newest previous keys and delete the retirable others'
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --generate 'Generate the new key pair (the private key goes to --private-key-out or --private-key-command)'
            cand --stage 'Add the new key INACTIVE and do nothing else; a later rotate with the same key activates it'
            cand --ignore-token-lifetime 'Delete previous keys even while tokens encrypted with them may be unexpired'
            cand --detailed-exitcode 'With --dry-run: exit 11 when the run would change something, 0 when not'
            cand --delete-old 'After activating, delete every retirable previous key'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --dry-run 'Print the plan, change nothing, exit 0'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;rollback'= {
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --dry-run 'Print the method, URL and body that would be sent, send nothing, exit 0'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;verify'= {
            cand --private-key 'The resource server''s RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK (readable by its owner only; never printed)'
            cand --client-id 'The OAuth client (an app with the Client Credentials grant) that asks for the token'
            cand --scope 'Scope to ask for (repeat for several); Okta needs a custom scope of the server'
            cand --client-secret-env 'Read the client secret from this environment variable [default: OKTAKEYS_CLIENT_SECRET]'
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;match'= {
            cand --private-key 'The resource server''s RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK (readable by its owner only; never printed)'
            cand --auth-server 'Authorization server id (aus…, or `default`); a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;keys;help'= {
            cand list 'List the server''s keys, with each key''s role (current, next, previous)'
            cand get 'Show one key'
            cand add 'Add a public key (always INACTIVE; activate it afterwards)'
            cand activate 'Make a key the active one (Okta deactivates the previously active key)'
            cand deactivate 'Deactivate a key'
            cand delete 'Delete an INACTIVE key (asks first on a terminal)'
            cand generate 'Create an RSA key pair: the private key to a file (mode 0600) or a secret store, the public JWK to stdout'
            cand rotate 'Rotate to a new key: stage it, gate, activate it, retire old keys once retirable (safe to re-run)'
            cand rollback 'Re-activate the key that was ACTIVE before (the INACTIVE key most recently deactivated)'
            cand verify 'Prove end to end that FILE opens the access tokens the server issues now'
            cand match 'Find which of the server''s keys FILE is the private half of, and whether it is ACTIVE'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;keys;help;list'= {
        }
        &'oktakeys;keys;help;get'= {
        }
        &'oktakeys;keys;help;add'= {
        }
        &'oktakeys;keys;help;activate'= {
        }
        &'oktakeys;keys;help;deactivate'= {
        }
        &'oktakeys;keys;help;delete'= {
        }
        &'oktakeys;keys;help;generate'= {
        }
        &'oktakeys;keys;help;rotate'= {
        }
        &'oktakeys;keys;help;rollback'= {
        }
        &'oktakeys;keys;help;verify'= {
        }
        &'oktakeys;keys;help;match'= {
        }
        &'oktakeys;keys;help;help'= {
        }
        &'oktakeys;servers'= {
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the org''s authorization servers, with their access-token encryption'
            cand get 'Show one server: encryption, active key, keys, longest access-token lifetime'
            cand encryption 'Turn access-token encryption on or off'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;servers;list'= {
            cand --query 'Only servers whose name or audiences match TEXT (Okta''s `q`)'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;servers;get'= {
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;servers;encryption'= {
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enable 'Encrypt the server''s access tokens to its ACTIVE key'
            cand disable 'Stop encrypting the server''s access tokens (they become plain signed JWTs)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;servers;encryption;enable'= {
            cand --auth-server 'Authorization server id (aus…, or `default`), or its name; a profile may give a default'
            cand --alg 'The key-management algorithm Okta encrypts with'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --dry-run 'Print the PUT that would be sent (method, URL, the whole body), send nothing, exit 0'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;servers;encryption;disable'= {
            cand --auth-server 'Authorization server id (aus…, or `default`), or its name; a profile may give a default'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --dry-run 'Print the PUT that would be sent (method, URL, the whole body), send nothing, exit 0'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;servers;encryption;help'= {
            cand enable 'Encrypt the server''s access tokens to its ACTIVE key'
            cand disable 'Stop encrypting the server''s access tokens (they become plain signed JWTs)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;servers;encryption;help;enable'= {
        }
        &'oktakeys;servers;encryption;help;disable'= {
        }
        &'oktakeys;servers;encryption;help;help'= {
        }
        &'oktakeys;servers;help'= {
            cand list 'List the org''s authorization servers, with their access-token encryption'
            cand get 'Show one server: encryption, active key, keys, longest access-token lifetime'
            cand encryption 'Turn access-token encryption on or off'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;servers;help;list'= {
        }
        &'oktakeys;servers;help;get'= {
        }
        &'oktakeys;servers;help;encryption'= {
            cand enable 'Encrypt the server''s access tokens to its ACTIVE key'
            cand disable 'Stop encrypting the server''s access tokens (they become plain signed JWTs)'
        }
        &'oktakeys;servers;help;encryption;enable'= {
        }
        &'oktakeys;servers;help;encryption;disable'= {
        }
        &'oktakeys;servers;help;help'= {
        }
        &'oktakeys;token'= {
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand decrypt 'Decrypt an encrypted access token (JWE) and show its headers and claims'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;token;decrypt'= {
            cand --private-key 'The resource server''s RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK'
            cand --auth-server 'Also verify the inner JWT against this authorization server (id, or its name)'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;token;help'= {
            cand decrypt 'Decrypt an encrypted access token (JWE) and show its headers and claims'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;token;help;decrypt'= {
        }
        &'oktakeys;token;help;help'= {
        }
        &'oktakeys;config'= {
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create or update a profile: asks on a terminal, takes flags in scripts'
            cand list 'List the profiles in the config file, the default marked, credentials masked'
            cand show 'Show the settings a command would use, and where each comes from'
            cand path 'Print the path of the config file in use (it may not exist yet)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;config;init'= {
            cand --token-env 'Read the token from this environment variable when a command runs (its name, not the token)'
            cand --token-command 'Run this command and use its trimmed stdout as the token (e.g. a password manager)'
            cand --auth 'How to authenticate [default: ssws]'
            cand --client-id 'The service app''s client id (with --auth private_key)'
            cand --private-key-file 'The service app''s private key file, PEM or JWK, mode 0600 (with --auth private_key)'
            cand --key-id 'The kid of the service app''s key, if Okta holds more than one (with --auth private_key)'
            cand --auth-server 'Default authorization server for `keys` commands with this profile'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --token-stdin 'Read the token from stdin now and store it in the config file (mode 0600)'
            cand --default 'Make this the default profile (the first profile in a file becomes the default anyway)'
            cand --no-verify 'Write the profile without checking the credentials against Okta'
            cand --force 'Replace the profile''s org URL and credentials if it exists, without asking'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;config;list'= {
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;config;show'= {
            cand --auth-server 'Authorization server id, as `keys --auth-server` would take it'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;config;path'= {
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;config;help'= {
            cand init 'Create or update a profile: asks on a terminal, takes flags in scripts'
            cand list 'List the profiles in the config file, the default marked, credentials masked'
            cand show 'Show the settings a command would use, and where each comes from'
            cand path 'Print the path of the config file in use (it may not exist yet)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;config;help;init'= {
        }
        &'oktakeys;config;help;list'= {
        }
        &'oktakeys;config;help;show'= {
        }
        &'oktakeys;config;help;path'= {
        }
        &'oktakeys;config;help;help'= {
        }
        &'oktakeys;sandbox'= {
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Serve Okta''s six key endpoints on a local address until Ctrl-C or SIGTERM'
            cand reset 'Restore the sandbox state to its seed (server `default` with one ACTIVE key)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;sandbox;serve'= {
            cand --addr 'Address to listen on (port 0 picks a free port)'
            cand --state 'State file [default: the user data folder''s oktakeys/sandbox.json]'
            cand --token 'Token to accept (SSWS or Bearer); prefer the environment variable, a flag shows in `ps`. Without it a token is generated and printed on stderr'
            cand --auth-server 'Another authorization server to hold (besides `default`); repeatable'
            cand --encryption-enabled 'Turn access-token encryption on for this server at start (RSA-OAEP-256 unless it already has an algorithm; it needs an ACTIVE key); repeatable'
            cand --client 'A client of the servers'' token endpoints (client_secret_basic or _post), besides the built-in one; repeatable. Prefer the environment variable (comma separated): a flag shows in `ps`'
            cand --token-lifetime 'Access-token lifetime of each server''s seeded policy rule, in minutes (5 to 1440)'
            cand --jwe-enc 'Content encryption of encrypted access tokens: A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384 or A256CBC-HS512'
            cand --service-app 'Register an OAuth 2.0 service app for the token endpoint: its client id, its public key file (PEM or JWK), and the scopes granted to it (comma separated; default okta.authorizationServers.read and .manage); repeatable'
            cand --rate-limit 'Requests allowed per rate-limit window; then 429 E0000047'
            cand --rate-limit-window 'Length of the rate-limit window in seconds'
            cand --latency 'Milliseconds to wait before answering each request'
            cand --fail-requests 'Numbers of the requests to fail (counted from 1 since start), comma separated'
            cand --fail-with 'How the requests of --fail-requests fail: 500, 503, or drop (close the connection)'
            cand --max-keys 'The most keys a server may hold; an add beyond is refused as Okta refuses it'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand --require-dpop 'Make the token endpoint demand DPoP with a nonce challenge (as Okta does for new API service apps), and the key endpoints a nonce in DPoP proofs too'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;sandbox;reset'= {
            cand --state 'State file [default: the user data folder''s oktakeys/sandbox.json]'
            cand --auth-server 'Another authorization server to seed (besides `default`); repeatable'
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;sandbox;help'= {
            cand serve 'Serve Okta''s six key endpoints on a local address until Ctrl-C or SIGTERM'
            cand reset 'Restore the sandbox state to its seed (server `default` with one ACTIVE key)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;sandbox;help;serve'= {
        }
        &'oktakeys;sandbox;help;reset'= {
        }
        &'oktakeys;sandbox;help;help'= {
        }
        &'oktakeys;completion'= {
            cand -p 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --profile 'Profile from the config file (the name `sandbox` starts a local sandbox when not configured)'
            cand --config 'Config file to read instead of the default (`oktakeys config path` shows which is used)'
            cand --org-url 'Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)'
            cand -o 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --output 'Output format: table for people, json (Okta''s raw JSON) for pipelines, id for xargs'
            cand --timeout 'Limit for the whole command, in seconds [default: 120]'
            cand --request-timeout 'Limit for one HTTP request, in seconds [default: 30]'
            cand --connect-timeout 'Limit for opening a connection, in seconds [default: 10]'
            cand --max-retries 'Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]'
            cand --ca-cert 'Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)'
            cand --color 'When to use colour'
            cand -v 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand --verbose 'More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies'
            cand -q 'Print only data and errors: no progress or confirmations of success'
            cand --quiet 'Print only data and errors: no progress or confirmations of success'
            cand --no-input 'Never prompt (also when the CI environment variable is set)'
            cand --no-token-cache 'Service apps: do not keep OAuth access tokens between runs (in the user cache dir)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktakeys;help'= {
            cand keys 'List, add, activate, deactivate and delete an authorization server''s public keys'
            cand servers 'List authorization servers; turn access-token encryption on or off'
            cand token 'Decrypt an encrypted access token and check it'
            cand config 'Create profiles, list them, and show which settings apply and where they come from'
            cand sandbox 'Run a local Okta-compatible server for trying oktakeys and for tests'
            cand completion 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktakeys;help;keys'= {
            cand list 'List the server''s keys, with each key''s role (current, next, previous)'
            cand get 'Show one key'
            cand add 'Add a public key (always INACTIVE; activate it afterwards)'
            cand activate 'Make a key the active one (Okta deactivates the previously active key)'
            cand deactivate 'Deactivate a key'
            cand delete 'Delete an INACTIVE key (asks first on a terminal)'
            cand generate 'Create an RSA key pair: the private key to a file (mode 0600) or a secret store, the public JWK to stdout'
            cand rotate 'Rotate to a new key: stage it, gate, activate it, retire old keys once retirable (safe to re-run)'
            cand rollback 'Re-activate the key that was ACTIVE before (the INACTIVE key most recently deactivated)'
            cand verify 'Prove end to end that FILE opens the access tokens the server issues now'
            cand match 'Find which of the server''s keys FILE is the private half of, and whether it is ACTIVE'
        }
        &'oktakeys;help;keys;list'= {
        }
        &'oktakeys;help;keys;get'= {
        }
        &'oktakeys;help;keys;add'= {
        }
        &'oktakeys;help;keys;activate'= {
        }
        &'oktakeys;help;keys;deactivate'= {
        }
        &'oktakeys;help;keys;delete'= {
        }
        &'oktakeys;help;keys;generate'= {
        }
        &'oktakeys;help;keys;rotate'= {
        }
        &'oktakeys;help;keys;rollback'= {
        }
        &'oktakeys;help;keys;verify'= {
        }
        &'oktakeys;help;keys;match'= {
        }
        &'oktakeys;help;servers'= {
            cand list 'List the org''s authorization servers, with their access-token encryption'
            cand get 'Show one server: encryption, active key, keys, longest access-token lifetime'
            cand encryption 'Turn access-token encryption on or off'
        }
        &'oktakeys;help;servers;list'= {
        }
        &'oktakeys;help;servers;get'= {
        }
        &'oktakeys;help;servers;encryption'= {
            cand enable 'Encrypt the server''s access tokens to its ACTIVE key'
            cand disable 'Stop encrypting the server''s access tokens (they become plain signed JWTs)'
        }
        &'oktakeys;help;servers;encryption;enable'= {
        }
        &'oktakeys;help;servers;encryption;disable'= {
        }
        &'oktakeys;help;token'= {
            cand decrypt 'Decrypt an encrypted access token (JWE) and show its headers and claims'
        }
        &'oktakeys;help;token;decrypt'= {
        }
        &'oktakeys;help;config'= {
            cand init 'Create or update a profile: asks on a terminal, takes flags in scripts'
            cand list 'List the profiles in the config file, the default marked, credentials masked'
            cand show 'Show the settings a command would use, and where each comes from'
            cand path 'Print the path of the config file in use (it may not exist yet)'
        }
        &'oktakeys;help;config;init'= {
        }
        &'oktakeys;help;config;list'= {
        }
        &'oktakeys;help;config;show'= {
        }
        &'oktakeys;help;config;path'= {
        }
        &'oktakeys;help;sandbox'= {
            cand serve 'Serve Okta''s six key endpoints on a local address until Ctrl-C or SIGTERM'
            cand reset 'Restore the sandbox state to its seed (server `default` with one ACTIVE key)'
        }
        &'oktakeys;help;sandbox;serve'= {
        }
        &'oktakeys;help;sandbox;reset'= {
        }
        &'oktakeys;help;completion'= {
        }
        &'oktakeys;help;help'= {
        }
    ]
    $completions[$command]
}
