// Okta's official Node SDK (npm `@okta/okta-sdk-nodejs`, pinned in package-lock.json,
// unmodified) against `oktakeys sandbox serve --auth-server aus1 … aus4`: the
// authorization-server operations listAuthorizationServers (following the Link pages),
// getAuthorizationServer and replaceAuthorizationServer, and Okta's error bodies.
//
//   OKTA_CLIENT_ORGURL=http://127.0.0.1:PORT OKTA_CLIENT_TOKEN=… node okta_node_sdk.mjs
//
// Prints one line per check; exits 1 when any check fails.
import okta from '@okta/okta-sdk-nodejs';

const orgUrl = process.env.OKTA_CLIENT_ORGURL;
const token = process.env.OKTA_CLIENT_TOKEN;
let failed = 0;

function check(name, ok, detail = '') {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
  if (!ok) failed += 1;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Count the list requests, to see the SDK follow the pages.
const listRequests = [];
class CountingExecutor extends okta.DefaultRequestExecutor {
  fetch(request) {
    if (request.method === 'GET' && new URL(request.url).pathname === '/api/v1/authorizationServers') {
      listRequests.push(request.url);
    }
    return super.fetch(request);
  }
}

const client = new okta.Client({ orgUrl, token, requestExecutor: new CountingExecutor() });
const api = client.authorizationServerApi;

async function main() {
  // List: five servers in pages of two, the SDK following rel="next".
  const ids = [];
  for await (const server of await api.listAuthorizationServers({ limit: 2 })) {
    ids.push(server.id);
  }
  check('listAuthorizationServers gives every server', same(ids, ['aus1', 'aus2', 'aus3', 'aus4', 'default']), JSON.stringify(ids));
  check('listAuthorizationServers followed three pages', listRequests.length === 3, JSON.stringify(listRequests));

  const found = [];
  for await (const server of await api.listAuthorizationServers({ q: 'AUS3' })) {
    found.push(server.id);
  }
  check('listAuthorizationServers with q', same(found, ['aus3']), JSON.stringify(found));

  // Get.
  const server = await api.getAuthorizationServer({ authServerId: 'default' });
  check('getAuthorizationServer: name', server.name === 'default', server.name);
  check('getAuthorizationServer: issuer', server.issuer === `${orgUrl}/oauth2/default`, server.issuer);
  check('getAuthorizationServer: audiences', same(server.audiences, ['api://default']), JSON.stringify(server.audiences));
  check('getAuthorizationServer: signing kid', typeof server.credentials?.signing?.kid === 'string' && server.credentials.signing.kid.length > 0, JSON.stringify(server.credentials));
  check('getAuthorizationServer: no encryption', server.accessTokenEncryptedResponseAlgorithm === undefined, server.accessTokenEncryptedResponseAlgorithm);

  // Replace: the SDK sends the object back changed; the answer and a new GET show it.
  server.description = 'Changed by the Node SDK';
  server.accessTokenEncryptedResponseAlgorithm = 'RSA-OAEP-512';
  const replaced = await api.replaceAuthorizationServer({ authServerId: 'default', authorizationServer: server });
  check('replaceAuthorizationServer: description', replaced.description === 'Changed by the Node SDK', replaced.description);
  check('replaceAuthorizationServer: encryption on', replaced.accessTokenEncryptedResponseAlgorithm === 'RSA-OAEP-512', replaced.accessTokenEncryptedResponseAlgorithm);
  check('replaceAuthorizationServer: id and created kept', replaced.id === 'default' && String(replaced.created) === String(server.created), `${replaced.id} ${replaced.created}`);
  const again = await api.getAuthorizationServer({ authServerId: 'default' });
  check('getAuthorizationServer after replace', again.description === 'Changed by the Node SDK' && again.accessTokenEncryptedResponseAlgorithm === 'RSA-OAEP-512', JSON.stringify(again));

  // Okta's refusals reach the SDK as OktaApiError with Okta's body.
  again.name = '';
  try {
    await api.replaceAuthorizationServer({ authServerId: 'default', authorizationServer: again });
    check('replaceAuthorizationServer without a name is refused', false, 'it was accepted');
  } catch (e) {
    const causes = (e.errorCauses || []).map(c => c.errorSummary);
    check('replaceAuthorizationServer without a name is refused', e.status === 400 && e.errorCode === 'E0000001' && same(causes, ['name: The field cannot be left blank.']), `${e.status} ${e.errorCode} ${JSON.stringify(causes)}`);
  }
  again.name = 'default';
  again.accessTokenEncryptedResponseAlgorithm = 'RSA1_5';
  try {
    await api.replaceAuthorizationServer({ authServerId: 'default', authorizationServer: again });
    check('replaceAuthorizationServer with RSA1_5 is refused', false, 'it was accepted');
  } catch (e) {
    check('replaceAuthorizationServer with RSA1_5 is refused', e.status === 400 && e.errorCode === 'E0000001', `${e.status} ${e.errorCode}`);
  }
  try {
    await api.getAuthorizationServer({ authServerId: 'aus404' });
    check('getAuthorizationServer of an unknown server is 404', false, 'it was found');
  } catch (e) {
    check('getAuthorizationServer of an unknown server is 404', e.status === 404 && e.errorCode === 'E0000007', `${e.status} ${e.errorCode}`);
  }
}

try {
  await main();
} catch (e) {
  check('the SDK run', false, e.stack || String(e));
}
console.log(failed === 0 ? 'all Node SDK checks passed' : `${failed} Node SDK check(s) failed`);
process.exit(failed === 0 ? 0 : 1);
