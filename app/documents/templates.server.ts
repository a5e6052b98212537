// The project's document templates (templates/*.hbs), each read and compiled once per process;
// templates/partials/*.hbs are the pieces they share ({{> letter-head}}), registered on first use.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileDocumentTemplate, registerDocumentPartial, type DocumentTemplate } from "./template";

const TEMPLATES_DIR = path.resolve("templates");
const PARTIALS_DIR = path.join(TEMPLATES_DIR, "partials");
const compiled = new Map<string, DocumentTemplate<object>>();
let partialsRegistered = false;

function registerPartials() {
  for (const file of readdirSync(PARTIALS_DIR).filter((f) => f.endsWith(".hbs"))) {
    registerDocumentPartial(path.basename(file, ".hbs"), readFileSync(path.join(PARTIALS_DIR, file), "utf8"));
  }
  partialsRegistered = true;
}

/** The template templates/`file`, compiled on first use; `Data` is what its render takes. */
export function projectTemplate<Data extends object>(file: string): DocumentTemplate<Data> {
  if (!partialsRegistered) registerPartials();
  let t = compiled.get(file);
  if (!t) {
    t = compileDocumentTemplate<object>(readFileSync(path.join(TEMPLATES_DIR, file), "utf8"), file);
    compiled.set(file, t);
  }
  return t as DocumentTemplate<Data>;
}
