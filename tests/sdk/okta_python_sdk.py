"""Drive `oktakeys sandbox serve` with Okta's official, unmodified Python SDK (PyPI `okta`).

Runs the six operations of OAuth2ResourceServerCredentialsKeys through a full rotation
and checks the SDK decodes the sandbox's error bodies as it decodes Okta's. Exits 0 and
prints "N passed, 0 failed" when everything matched; non-zero otherwise.

    bash tests/sdk/run.sh      # venv, pip install okta, serve, this script, stop

or by hand:

    python3 -m venv /tmp/oktavenv && /tmp/oktavenv/bin/pip install okta
    OKTAKEYS_SANDBOX_TOKEN=00sdkTest oktakeys sandbox serve --addr 127.0.0.1:8787 --state /tmp/sdk.json &
    OKTA_CLIENT_ORGURL=http://127.0.0.1:8787 OKTA_CLIENT_TOKEN=00sdkTest \
        /tmp/oktavenv/bin/python tests/sdk/okta_python_sdk.py [--rate-limited]

The sandbox must be fresh (or reset): the script expects `default` to hold one key.
`testingDisableHttpsCheck` (set by this script through the SDK's environment variable
OKTA_TESTING_TESTINGDISABLEHTTPSCHECK) is the SDK's own switch for plain-http test servers.
"""

import asyncio
import os
import sys

from okta.client import Client
from okta.models import OAuth2ResourceServerJsonWebKeyRequestBody

# A real 2048-bit RSA modulus (one of the sandbox's seed moduli; any valid one will do).
MODULUS = (
    "5NJOYDxxpiUUcm-CvKMx0M-2-ATZC9kRl7JY3Xi0GWuxLfhreHXCiL1MFeKZ-5SuTaxcsw86EuutuBEbdFTD9A_ip86VyOuPXI2S"
    "rfxd3U64gJwOmLdloPlZj8hN6lNKQideRjXb9TO4DpQcz8fmPuoMQr7mx65hNf7N5MIYWBqq1dNFMrecdJlPFMhR2mb81l94kdu_"
    "47YUo6Cj1q6-irXyx_Pl-q4hG7f0KdLsB6e62tXUnU1IkiZtvKx_uROO6V-EYp3GMCn0cwULpi_ANl9KGfmvO6olCMiXvPEw3o-X"
    "Jw34i5rCx4ndZ4AuafpKC-mRc8lxQFHrx9TTq8qydw"
)

passed = 0
failed = 0


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what} {detail}")


def status_of(key):
    s = key.status
    return getattr(s, "value", s)


async def main():
    # The SDK's own switch for plain-http test servers; it reads it from the environment
    # (or okta.yaml), not from the dict given to Client.
    os.environ["OKTA_TESTING_TESTINGDISABLEHTTPSCHECK"] = "true"
    client = Client(
        {
            "orgUrl": os.environ["OKTA_CLIENT_ORGURL"],
            "token": os.environ["OKTA_CLIENT_TOKEN"],
        }
    )
    server = "default"

    keys, resp, err = await client.list_o_auth2_resource_server_json_web_keys(server)
    check("list", err is None and len(keys) == 1, f"{err!r}")
    if err is not None:
        return
    old = keys[0]
    check("list: the seeded key is ACTIVE", status_of(old) == "ACTIVE", status_of(old))
    check("list: id is apk…", old.id.startswith("apk") and len(old.id) == 20, old.id)

    body = OAuth2ResourceServerJsonWebKeyRequestBody(
        kid="sdk-2026", kty="RSA", use="enc", e="AQAB", n=MODULUS, status="INACTIVE"
    )
    new, resp, err = await client.add_o_auth2_resource_server_json_web_key(server, body)
    check("add", err is None and new is not None and status_of(new) == "INACTIVE", f"{err!r}")
    if err is not None:
        return
    check("add: 201", resp.status_code == 201, resp.status_code)
    check("add: kid kept", new.kid == "sdk-2026", new.kid)

    got, resp, err = await client.get_o_auth2_resource_server_json_web_key(server, new.id)
    check("get", err is None and got.id == new.id and got.n == MODULUS, f"{err!r}")

    # Okta's refusal to delete the ACTIVE key, decoded by the SDK.
    result = await client.delete_o_auth2_resource_server_json_web_key(server, old.id)
    err = result[-1]
    check(
        "delete ACTIVE: OktaAPIError E0000001 with the cause",
        err is not None
        and getattr(err, "status", None) == 400
        and getattr(err, "error_code", None) == "E0000001"
        and getattr(err, "error_summary", None) == "Api validation failed: JsonWebKey"
        and [c.get("errorSummary") for c in getattr(err, "error_causes", [])]
        == ["'ACTIVE' keys cannot be deleted. Activate another key before deleting this one."]
        and getattr(err, "error_id", "").startswith("oae"),
        f"{err!r}",
    )

    active, resp, err = await client.activate_o_auth2_resource_server_json_web_key(server, new.id)
    check("activate", err is None and status_of(active) == "ACTIVE", f"{err!r}")

    old_now, resp, err = await client.deactivate_o_auth2_resource_server_json_web_key(server, old.id)
    check("deactivate old", err is None and status_of(old_now) == "INACTIVE", f"{err!r}")

    result = await client.delete_o_auth2_resource_server_json_web_key(server, old.id)
    err = result[-1]
    check("delete old", err is None, f"{err!r}")

    keys, resp, err = await client.list_o_auth2_resource_server_json_web_keys(server)
    check(
        "list after rotation: only the new key, ACTIVE",
        err is None and [(k.id, status_of(k)) for k in keys] == [(new.id, "ACTIVE")],
        f"{err!r} {keys!r}",
    )

    result = await client.get_o_auth2_resource_server_json_web_key(server, old.id)
    err = result[-1]
    check(
        "get deleted: 404 E0000007",
        err is not None
        and getattr(err, "status", None) == 404
        and getattr(err, "error_code", None) == "E0000007"
        and getattr(err, "error_summary", None) == f"Not found: Resource not found: {old.id} (JsonWebKey)",
        f"{err!r}",
    )


async def rate_limited():
    """Against a sandbox with `--rate-limit 1`: the SDK must wait out the 429s and succeed."""
    os.environ["OKTA_TESTING_TESTINGDISABLEHTTPSCHECK"] = "true"
    client = Client({"orgUrl": os.environ["OKTA_CLIENT_ORGURL"], "token": os.environ["OKTA_CLIENT_TOKEN"]})
    for i in range(3):
        keys, resp, err = await client.list_o_auth2_resource_server_json_web_keys("default")
        check(f"list {i + 1} with a rate limit of 1: retried to success", err is None and len(keys) == 1, f"{err!r}")


asyncio.run(rate_limited() if "--rate-limited" in sys.argv[1:] else main())
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
