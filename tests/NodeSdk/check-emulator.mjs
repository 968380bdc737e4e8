// The official OpenAI Node SDK against a running emulator started with the conformance scenario
// (tests/ChatAnywhere.Emulator.Conformance.Tests/conformance.scenario.json):
//   node check-emulator.mjs http://127.0.0.1:PORT
// Each case names the error class the SDK raises for the status the capture shows; exits 1 on any mismatch.
import OpenAI from 'openai';

const root = process.argv[2];
if (!root) { console.error('usage: node check-emulator.mjs <emulator url>'); process.exit(2); }
const reply = 'Hello from the ChatAnywhere emulator.';
const client = (path, key) => new OpenAI({ baseURL: `${root}/${path}`, apiKey: key, maxRetries: 0, timeout: 60_000 });

async function run(path, key, op, model = 'gpt-4o-mini') {
  const c = client(path, key);
  if (op === 'list') { const page = await c.models.list(); return page.data.some(m => m.id === 'gpt-4o-mini') ? 'gpt-4o-mini' : 'missing'; }
  if (op === 'chat') { const r = await c.chat.completions.create({ model, messages: [{ role: 'user', content: 'Say hello.' }] }); return r.choices[0].message.content; }
  let text = '';
  const stream = await c.chat.completions.create({ model, stream: true, messages: [{ role: 'user', content: 'Say hello.' }] });
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}

// [service path, key, expected error class or null for served, capture]
const cases = [
  ['v1', 'sk-ConfPaid0000000000000000000000000000000000000001', null, 'documented success'],
  ['v1', 'sk-ConfUnknown000000000000000000000000000000000099', 'AuthenticationError', 'CA-401-invalid-key-measured'],
  ['v1', 'sk-ConfDaily000000000000000000000000000000000000003', 'RateLimitError', 'CA-429-free-200-per-day'],
  ['v1', 'sk-ConfBalance0000000000000000000000000000000000005', 'PermissionDeniedError', 'CA-balance-low-apikey-via-gateway'],
  ['', 'sk-ConfPaid0000000000000000000000000000000000000001', 'NotFoundError', 'WEB-404-nginx-chatanywhere-wrong-path'],
  ['openai/v1', 'sk-proj-ConfOpenAI00000000000000000000000000000000000008', null, 'documented success'],
  ['openai/v1', 'sk-ConfPaid0000000000000000000000000000000000000001', 'AuthenticationError', 'OA-401-incorrect-key-measured'],
  ['openai/v1', 'sk-proj-ConfOpenAISuspended00000000000000000000000000009', 'AuthenticationError', 'OA-401-account-deactivated-code'],
  ['openai/v1', 'sk-ConfFaultInternal00000000000000000000000000000015', 'InternalServerError', 'OA-500-server-error'],
  ['relay/one-api/v1', 'sk-ConfRelayActive000000000000000000000000000000101', null, 'documented success'],
  ['relay/one-api/v1', 'sk-ConfRelayExpired00000000000000000000000000000103', 'AuthenticationError', 'ONE-401-token-expired'],
  ['relay/new-api/v1', 'sk-ConfRelayDisabled0000000000000000000000000000102', 'AuthenticationError', 'relay-admin-api.md §3'],
];

let failures = 0;
const check = (name, ok, detail) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`); if (!ok) failures++; };
for (const [path, key, expected, capture] of cases) {
  for (const op of ['list', 'chat', 'stream']) {
    const name = `/${path} ${key.slice(0, 16)}… ${op} (${capture})`;
    try {
      const served = await run(path, key, op);
      check(name, expected === null && (served === reply || served === 'gpt-4o-mini'), `served "${served}"`);
    } catch (error) {
      const cls = error?.constructor?.name;
      check(name, cls === expected, `${cls} ${error?.status ?? ''} ${error?.code ?? ''} request_id=${error?.requestID ?? error?.request_id ?? ''}`);
    }
  }
}

// ChatAnywhere's "200 OK" frame (CA-stream-200-ok-error-frame) and a stream cut mid-way.
try {
  const text = await run('v1', 'sk-ConfOkFrame0000000000000000000000000000000000006', 'stream');
  check('200 OK frame', false, `no error, text "${text}"`);
} catch (error) {
  check('200 OK frame', error?.constructor?.name === 'APIError', `${error?.constructor?.name}: ${error?.message}`);
}
try {
  const text = await run('v1', 'sk-ConfCut00000000000000000000000000000000000000007', 'stream');
  check('cut stream', false, `no error, text "${text}"`);
} catch (error) {
  check('cut stream', true, `${error?.constructor?.name}: ${error?.message}`);
}
process.exit(failures === 0 ? 0 : 1);
