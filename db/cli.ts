// `npm run db:migrate` and `npm run db:seed`: open the configured database (which applies
// migrations), optionally seed it, and close it.
import { closeDatabase, databaseConfigFromEnv, describeDatabase, getDb } from "./";
import { seedDemoData } from "./seed";
import { logError, logInfo } from "@/lib/platform/log";
import { config } from "@/lib/platform/config";

const command = process.argv[2];
try {
  const settings = config(); // a wrong variable fails here, named
  const database = databaseConfigFromEnv(settings);
  if (command === "seed" && settings.NODE_ENV === "production" && !process.argv.includes("--yes")) {
    throw new Error("Refusing to seed demo users into a production database; pass --yes if you mean it.");
  }
  const db = await getDb();
  logInfo(`Migrations applied to ${describeDatabase(database)}.`);
  if (command === "seed") {
    logInfo((await seedDemoData(db)) ? "Demo data seeded." : "The database already has users; demo data not seeded.");
  }
  await closeDatabase();
} catch (err) {
  logError("db", "failed", err);
  process.exit(1);
}
