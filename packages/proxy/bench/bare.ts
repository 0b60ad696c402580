/**
 * The baseline: a bare pass-through on node:http + an undici pool, with no
 * auth, no parsing and no metering. UPSTREAM (origin) and PORT from the environment.
 */
import { createServer } from 'node:http';
import { Pool } from 'undici';

const pool = new Pool(process.env.UPSTREAM!, { connections: 256, keepAliveTimeout: 30_000 });
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const upstream = await pool.request({
    path: req.url!,
    method: req.method as 'POST',
    headers: { 'content-type': 'application/json' },
    body: Buffer.concat(chunks),
  });
  res.writeHead(upstream.statusCode, { 'content-type': String(upstream.headers['content-type']) });
  for await (const chunk of upstream.body) res.write(chunk);
  res.end();
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`BARE_READY http://127.0.0.1:${(server.address() as { port: number }).port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)) && server.closeAllConnections());
