// One Node process: /v1/* goes straight to the Hono API, everything else to Next.js.
// With the embedded database this is the only way to run both (PGlite allows one process).
import next from "next";
import { createDashboardServer, stopGracefullyOnSignals } from "./api/server";
import { databaseConfigFromEnv, describeDatabase, getDb } from "./db";
import { seedDemoData, demoUsers, DEMO_PASSWORD } from "./db/seed";
import { config, disableNextTelemetryUnlessSet, ensureAuthSecret } from "@/lib/platform";
import { seedDemoUsage } from "@/lib/usage";
import { logError, logInfo } from "@/lib/platform";
import { schedulePruningIdempotencyKeys } from "@/lib/platform";
import { prepareThrottles } from "@/lib/platform";
import { scheduleUsageFlush } from "@/lib/usage";

const demo = process.argv.includes("--demo");

async function main() {
  // Every variable validated first: a wrong one stops the start here, named (lib/platform/config.ts).
  const settings = config();
  const port = settings.PORT ?? 3000;
  const hostname = settings.HOSTNAME;
  const dev = settings.NODE_ENV !== "production";
  disableNextTelemetryUnlessSet();
  ensureAuthSecret();
  // The number of proxies in front (TRUST_PROXY): decides which X-Forwarded-For entry is the client,
  // and whether X-Forwarded-Host and -Proto are believed.
  const hops = settings.TRUST_PROXY;
  // Open (and migrate) the database before taking traffic: a fresh PGlite directory takes seconds,
  // and a second process on the same directory must fail here, loudly.
  const db = await getDb();
  if (demo && (await seedDemoData(db))) {
    await seedDemoUsage(db);
    logInfo("Seeded the demo data into the empty database.");
  }
  prepareThrottles();
  schedulePruningIdempotencyKeys();
  scheduleUsageFlush();

  const nextApp = next({ dev, hostname, port, dir: process.cwd() });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();

  // /v1/* to the API; the rest to Next.js, after the edge's checks (api/server.ts).
  const server = createDashboardServer({ trustedProxyHops: hops }, (req, res) => void handleNext(req, res));
  server.on("upgrade", nextApp.getUpgradeHandler());
  // SIGTERM: Next.js's requests and the API's finish alike (lib/platform/shutdown.ts); then usage, the database.
  stopGracefullyOnSignals(server, settings);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  const origin = `http://${hostname}:${port}`;
  logInfo(
    `eCourier dashboard on ${origin} (${dev ? "development" : "production"}, ${describeDatabase(databaseConfigFromEnv(settings))})`,
  );
  if (demo) {
    logInfo(`Sign in at ${origin}/login with any of (password "${DEMO_PASSWORD}"):`);
    for (const u of demoUsers)
      logInfo(
        `  ${u.email.padEnd(24)} ${Object.entries(u.roles)
          .map(([t, r]) => `${t}: ${r}`)
          .join(", ")}`,
      );
  }
}

main().catch((err) => {
  logError("server", "could not start", err);
  process.exit(1);
});
