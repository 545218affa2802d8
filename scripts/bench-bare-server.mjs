// The benchmark's baseline: the least a server can do for GET /v1/me — node:http, pg, the bearer
// header, SHA-256 and the same single indexed query as the real API. No framework, no checks beyond.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL_MAX || 10) });
const query = {
  name: "bare_credential_by_token_hash",
  text: `select c.id, c.name, c.environment, c.status, c.last_used_at, t.id as team_id, t.name as team_name
         from api_credentials c join teams t on t.id = c.team_id where c.token_hash = $1 limit 1`,
};

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

const server = createServer(async (req, res) => {
  if (req.url === "/v1/health") return send(res, 200, { status: "ok" });
  const match = /^Bearer +(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match) return send(res, 401, { error: { code: "invalid_credentials" } });
  try {
    const hash = createHash("sha256").update(match[1]).digest("hex");
    const { rows } = await pool.query({ ...query, values: [hash] });
    if (!rows[0]) return send(res, 401, { error: { code: "invalid_credentials" } });
    const r = rows[0];
    send(res, 200, {
      team: { id: r.team_id, name: r.team_name },
      environment: r.environment,
      credential: { id: r.id, name: r.name },
    });
  } catch {
    send(res, 500, { error: { code: "internal_error" } });
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), () => console.log(`bare server on ${process.env.PORT}`));
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    void pool.end().then(() => process.exit(0));
  });
