// The server a test file's sync tests talk to: the embedded server (or COUCHDB_URL's CouchDB)
// behind a TCP proxy the test can cut, started before the file's tests and stopped after them.
import { afterAll, beforeAll } from 'vitest';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { startTestCouch, type TestCouch } from './testing';

export interface CouchBehindProxy {
  readonly couch: TestCouch;
  readonly proxy: TcpProxy;
}

/** Registers the file's beforeAll/afterAll; the fields are set once the tests run. */
export function useCouchBehindProxy(): CouchBehindProxy {
  const fixture = {} as { couch: TestCouch; proxy: TcpProxy };
  beforeAll(async () => {
    fixture.couch = await startTestCouch();
    fixture.proxy = await startTcpProxy(fixture.couch.url);
  });
  afterAll(async () => {
    await fixture.proxy?.close();
    await fixture.couch?.dispose();
  });
  return fixture;
}
