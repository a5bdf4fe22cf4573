// Test support: a signing key pair per test user, made once, optionally registered on the server
// as that user's staff_key (what their first online sign-in does), and documents signed with it.
import { generateSigningKey, importSigner, signDoc, type Signature, type Signer, type SigningKeyPair } from '../../crypto/signing';
import { staffKeyDoc, staffKeyPath } from '../staff-keys';

interface TestUser {
  readonly name: string;
  readonly password: string;
  readonly officeId: string;
}

const made = new Map<string, Promise<{ pair: SigningKeyPair; signer: Signer }>>();

export function keyOf(name: string): Promise<{ pair: SigningKeyPair; signer: Signer }> {
  let k = made.get(name);
  if (!k) {
    k = generateSigningKey().then(async (pair) => ({ pair, signer: await importSigner(pair) }));
    made.set(name, k);
  }
  return k;
}

/** The document signed with `name`'s test key. */
export async function signAs<T extends Record<string, unknown>>(name: string, doc: T): Promise<T & { signature: Signature }> {
  return signDoc((await keyOf(name)).signer, doc);
}

/** Registers the user's test key in the reference database, as the user (once per server and user). */
export async function registerKey(couchUrl: string, user: TestUser): Promise<SigningKeyPair> {
  const { pair } = await keyOf(user.name);
  const url = couchUrl.replace(/\/+$/, '') + staffKeyPath(user.name, pair.keyId);
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Basic ${btoa(`${user.name}:${user.password}`)}` },
    body: JSON.stringify(staffKeyDoc(user, pair.publicKey, 'ws-test', '2020-01-01T00:00:00.000Z')),
  });
  if (!res.ok && res.status !== 409) throw new Error(`registering ${user.name}'s key: ${res.status} ${await res.text()}`);
  return pair;
}
