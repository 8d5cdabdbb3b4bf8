/** The metrics bench's server under test: the real server on a store product-load.ts filled. */
import { loadConfig } from '../../apps/server/src/platform/config.js';
import { createServer } from '../../apps/server/src/server.js';

const tp = await createServer(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }));
const url = await tp.listen(0, '127.0.0.1');
console.log(JSON.stringify({ url, pid: process.pid }));
process.stdin.on('data', async (d) => { if (String(d).includes('stop')) { await tp.close(); process.exit(0); } });
