import type { TestProject } from "vitest/node";
import { ensureTemplateDb } from "./template-db";

export default function setup(project: TestProject) {
  project.provide("templateDb", ensureTemplateDb({ demo: false }));
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}
