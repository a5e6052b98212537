// Handlebars templates that render to the document markup (./markup.ts). One isolated Handlebars
// instance, strict: a template that names a field the data lacks throws instead of printing an
// empty gap into a legal text ({{#if field}} still works for optional fields). Values are
// HTML-escaped by {{…}}, so data cannot inject markup; never use {{{…}}} for data.
//
// Helpers: {{polishDate "2018-04-24"}} → "24 kwietnia 2018 r.", {{roman 9}} → "IX".
import Handlebars from "handlebars";
import { formatPolishDate } from "#app/domain/polish-dates";
import { toRoman } from "#app/domain/roman";
import type { Document } from "./blocks";
import { parseMarkup } from "./markup";

const handlebars = Handlebars.create();
handlebars.registerHelper("polishDate", (value: unknown) => formatPolishDate(String(value)));
handlebars.registerHelper("roman", (value: unknown) => toRoman(Number(value)));

/** A piece several templates share ({{> name}}), e.g. the letters' letterhead. */
export function registerDocumentPartial(name: string, source: string): void {
  try {
    handlebars.parse(source);
  } catch (error) {
    throw new TemplateError(`Szablon partials/${name}.hbs: ${(error as Error).message}`);
  }
  handlebars.registerPartial(name, source);
}

export class TemplateError extends Error {
  override readonly name = "TemplateError";
}

export type DocumentTemplate<Data extends object> = {
  /** The template's markup for `data` (what parseMarkup reads; useful when a template fails). */
  markup(data: Data): string;
  /** The document for `data`; throws TemplateError or MarkupError. */
  render(data: Data): Document;
};

/**
 * Compiles a template; `name` (e.g. its file name) is named in every error. Handlebars syntax
 * errors are thrown here, data and markup errors on render.
 */
export function compileDocumentTemplate<Data extends object>(source: string, name: string): DocumentTemplate<Data> {
  try {
    handlebars.parse(source);
  } catch (error) {
    throw new TemplateError(`Szablon ${name}: ${(error as Error).message}`);
  }
  const template = handlebars.compile<Data>(source, { strict: true });
  const markup = (data: Data) => {
    try {
      return template(data);
    } catch (error) {
      throw new TemplateError(`Szablon ${name}: ${(error as Error).message}`);
    }
  };
  return { markup, render: (data) => parseMarkup(markup(data), { source: name }) };
}
