// The /v1 API alone (e.g. api.ecourier.io), scaled apart from the dashboard. PostgreSQL only:
// the embedded database allows one process, which server.ts already is.
import { closeDatabase, getDb } from "@/db";
import { trustedProxyHops } from "@/lib/client-address";
import { prepareThrottles } from "@/lib/throttle";
import { createApiServer } from "./server";

if (!process.env.DATABASE_URL) {
  console.error("api/standalone.ts needs DATABASE_URL (PostgreSQL); with the embedded database run server.ts instead.");
  process.exit(1);
}
let hops: number;
try {
  hops = trustedProxyHops();
} catch (err) {
  console.error(`Could not start: ${(err as Error).message}`);
  process.exit(1);
}
await getDb(); // migrate (under an advisory lock) before taking traffic
prepareThrottles();
const port = Number(process.env.PORT || 4000);
const server = createApiServer({ trustedProxyHops: hops });
server.listen(port, () => console.log(`eCourier API on http://localhost:${port}/v1`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => void closeDatabase().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}
