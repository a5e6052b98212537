// The project's document templates (templates/*.hbs), each read and compiled once per process.
import { readFileSync } from "node:fs";
import path from "node:path";
import { compileDocumentTemplate, type DocumentTemplate } from "./template";

const TEMPLATES_DIR = path.resolve("templates");
const compiled = new Map<string, DocumentTemplate<object>>();

/** The template templates/`file`, compiled on first use; `Data` is what its render takes. */
export function projectTemplate<Data extends object>(file: string): DocumentTemplate<Data> {
  let t = compiled.get(file);
  if (!t) {
    t = compileDocumentTemplate<object>(readFileSync(path.join(TEMPLATES_DIR, file), "utf8"), file);
    compiled.set(file, t);
  }
  return t as DocumentTemplate<Data>;
}
