// Field schemas shared by the forms: one definition of "optional text" for every form.
import { z } from "zod";
import "./zod-polish";

/** An optional text field: trimmed, at most `max` characters, "" when left out. */
export const optionalText = (max: number, message = `Najwyżej ${max} znaków.`) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v ?? "");
