// Runs before each browser test file: its own server over its own copy of the demo database.
// A file may change passwords, use up a term's limit or delete records without another file
// noticing, and CI runs the files in a shuffled order to prove it.
import { afterAll, inject } from "vitest";
import { startAppServer, type AppServer } from "./app-server";

let server: AppServer | undefined;
if (!inject("chromiumMissing")) {
  server = await startAppServer({ templateDb: inject("demoTemplateDb") });
  process.env.E2E_BASE_URL = server.baseURL;
  process.env.E2E_DATABASE_FILE = server.databaseFile;
}

afterAll(async () => {
  await server?.stop();
});
