// The /v1 API alone (e.g. api.ecourier.io), scaled apart from the dashboard. PostgreSQL only:
// the embedded database allows one process, which server.ts already is.
import type { AddressInfo } from "node:net";
import { getDb } from "@/db";
import { config, type Config } from "@/lib/platform";
import { logError, logInfo } from "@/lib/platform";
import { schedulePruningIdempotencyKeys } from "@/lib/platform";
import { prepareThrottles } from "@/lib/platform";
import { scheduleUsageFlush } from "@/lib/usage";
import { createApiServer, stopGracefullyOnSignals } from "./server";

// Every variable validated first: a wrong one stops the start here, named (lib/platform/config.ts).
let settings: Config;
try {
  settings = config();
} catch (err) {
  logError("api", "could not start", err);
  process.exit(1);
}
if (!settings.DATABASE_URL) {
  logInfo("api/standalone.ts needs DATABASE_URL (PostgreSQL); with the embedded database run server.ts instead.");
  process.exit(1);
}
await getDb(); // migrate (under an advisory lock) before taking traffic
prepareThrottles();
schedulePruningIdempotencyKeys();
scheduleUsageFlush();
const port = settings.PORT ?? 4000;
const server = createApiServer({ trustedProxyHops: settings.TRUST_PROXY });
stopGracefullyOnSignals(server, settings);
// PORT=0: any free port (the tests); the log names the one taken.
server.listen(port, () => logInfo(`eCourier API on http://localhost:${(server.address() as AddressInfo).port}/v1`));
