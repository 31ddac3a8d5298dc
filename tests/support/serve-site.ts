import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticHost } from '../../scripts/static-host.mjs';

/** A site folder served on a port of its own as the preview server serves it (scripts/static-host.mjs), each request's URL told to `asked`. */
export async function serveSite(dir: string, asked: (url: string) => void = () => {}): Promise<{ origin: string; close: () => void }> {
  const host = staticHost(dir);
  const server = createServer((request, response) => {
    asked(request.url ?? '');
    host(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
