import { defineConfig } from "drizzle-kit";

// Generates SQL migrations from db/schema.ts; they are applied at start by db/index.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
