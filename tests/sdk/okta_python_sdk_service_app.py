"""Okta's official, unmodified Python SDK (PyPI `okta`) as an OAuth 2.0 service app
(`authorizationMode: PrivateKey`) against `oktakeys sandbox serve --service-app …`:
the SDK's client assertion, its token request, and, with `--dpop`, its DPoP proofs and
nonce handling at the token endpoint and at the API, must all be accepted; a token
without `okta.authorizationServers.manage` must get Okta's 403 E0000006 for a change.

    bash tests/sdk/run.sh      # starts the sandboxes and runs this script too

by hand (the RSA test key of tests/fixtures, registered with read and manage):

    oktakeys sandbox serve --addr 127.0.0.1:8787 --state /tmp/sdk.json \\
        --service-app 0oaSDK=tests/fixtures/service-app-rsa.pub.pem [--require-dpop] &
    OKTA_CLIENT_ORGURL=http://127.0.0.1:8787 python3 tests/sdk/okta_python_sdk_service_app.py [--dpop]

Prints "N passed, M failed"; exits non-zero when anything failed.
"""

import asyncio
import os
import sys

from okta.client import Client
from okta.models import OAuth2ResourceServerJsonWebKeyRequestBody

HERE = os.path.dirname(os.path.abspath(__file__))
KEY = os.path.join(HERE, "..", "fixtures", "service-app-rsa.pkcs8.pem")
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


def client(scopes, dpop):
    # The SDK's own switch for plain-http test servers.
    os.environ["OKTA_TESTING_TESTINGDISABLEHTTPSCHECK"] = "true"
    with open(KEY) as f:
        private_key = f.read()
    config = {
        "orgUrl": os.environ["OKTA_CLIENT_ORGURL"],
        "authorizationMode": "PrivateKey",
        "clientId": "0oaSDK",
        "scopes": scopes,
        "privateKey": private_key,
    }
    if dpop:
        config["dpopEnabled"] = True
    return Client(config)


async def main(dpop):
    mode = "DPoP" if dpop else "Bearer"
    manage = client(["okta.authorizationServers.manage"], dpop)
    keys, resp, err = await manage.list_o_auth2_resource_server_json_web_keys("default")
    check(f"{mode}: list with a manage token", err is None and len(keys) >= 1, f"{err!r}")
    body = OAuth2ResourceServerJsonWebKeyRequestBody(
        kid=f"sdk-app-{mode.lower()}", kty="RSA", use="enc", e="AQAB", n=MODULUS, status="INACTIVE"
    )
    new, resp, err = await manage.add_o_auth2_resource_server_json_web_key("default", body)
    check(f"{mode}: add with a manage token", err is None and new is not None, f"{err!r}")

    read = client(["okta.authorizationServers.read"], dpop)
    keys, resp, err = await read.list_o_auth2_resource_server_json_web_keys("default")
    check(f"{mode}: list with a read token", err is None and len(keys) >= 1, f"{err!r}")
    if new is not None:
        result = await read.delete_o_auth2_resource_server_json_web_key("default", new.id)
        err = result[-1]
        check(
            f"{mode}: delete with a read token: 403 E0000006",
            err is not None
            and getattr(err, "status", None) == 403
            and getattr(err, "error_code", None) == "E0000006",
            f"{err!r}",
        )


asyncio.run(main("--dpop" in sys.argv[1:]))
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
