// `npm run db:migrate` and `npm run db:seed`: open the configured database (which applies
// migrations), optionally seed it, and close it.
import { closeDatabase, databaseConfigFromEnv, describeDatabase, getDb } from "./";
import { seedDemoData } from "./seed";
import { logError, logInfo } from "@/lib/platform/log";

const command = process.argv[2];
const config = databaseConfigFromEnv();
try {
  if (command === "seed" && process.env.NODE_ENV === "production" && !process.argv.includes("--yes")) {
    throw new Error("Refusing to seed demo users into a production database; pass --yes if you mean it.");
  }
  const db = await getDb();
  logInfo(`Migrations applied to ${describeDatabase(config)}.`);
  if (command === "seed") {
    logInfo((await seedDemoData(db)) ? "Demo data seeded." : "The database already has users; demo data not seeded.");
  }
  await closeDatabase();
} catch (err) {
  logError("db", "failed", err);
  process.exit(1);
}
